import { DOMAIN_CONTEXTS, type Permission } from "../contexts.ts";

/**
 * Roles a user holds in an organisation node, and what each allows there and below.
 * Swedish terms: systemadministratör, organisationsadministratör, samordnare, analytiker,
 * praktiker, läsare.
 */
export const ROLES = [
  "system_admin",
  "org_admin",
  "coordinator",
  "analyst",
  "practitioner",
  "reader",
] as const;
export type Role = (typeof ROLES)[number];

/** Every permission, composed from the contexts' own declarations (src/domain/<context>/permissions.ts). */
export const PERMISSIONS = DOMAIN_CONTEXTS.flatMap(
  (c) => Object.keys(c.permissions) as Permission[],
) as [Permission, ...Permission[]];
export type { Permission };

const ROLE_PERMISSIONS = Object.fromEntries(
  ROLES.map((role) => [
    role,
    role === "system_admin"
      ? PERMISSIONS
      : DOMAIN_CONTEXTS.flatMap((c) =>
          Object.entries(c.permissions).flatMap(([permission, roles]) =>
            (roles as readonly Role[]).includes(role) ? [permission as Permission] : [],
          ),
        ),
  ]),
) as unknown as Record<Role, readonly Permission[]>;

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles whose holders can be given a role in a child's case and so reach personal data. */
export const ROLES_REACHING_PERSONAL_DATA: readonly Role[] = ["system_admin", "practitioner"];

/** The platform-wide role is held without an organisation; every other role needs one. */
export function roleNeedsOrganisation(role: Role): boolean {
  return role !== "system_admin";
}

export interface Holding {
  permission: Permission;
  /** null: everywhere (the platform-wide role). */
  organisationId: string | null;
}

/**
 * Everything a person's grants let them do, as permission-and-place pairs. Whoever acts on that
 * person's account (a password reset lets them sign in as the person) must hold each of these at
 * the same place or above, or they could reach what they cannot reach themselves.
 */
export function holdingsOf(
  grants: readonly { role: Role; organisationId: string | null }[],
): Holding[] {
  const seen = new Set<string>();
  const holdings: Holding[] = [];
  for (const grant of grants) {
    const organisationId = roleNeedsOrganisation(grant.role) ? grant.organisationId : null;
    for (const permission of permissionsOf(grant.role)) {
      const key = `${permission}@${organisationId ?? "*"}`;
      if (seen.has(key)) continue;
      seen.add(key);
      holdings.push({ permission, organisationId });
    }
  }
  return holdings;
}
