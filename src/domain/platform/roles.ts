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

export const PERMISSIONS = [
  "platform.manage",
  "organisation.read",
  "organisation.manage",
  "user.read",
  "user.manage",
  "audit.read",
  "community.read",
  "community.edit",
  "profile.import",
  "support.work",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: PERMISSIONS,
  org_admin: [
    "organisation.read",
    "organisation.manage",
    "user.read",
    "user.manage",
    "audit.read",
    "community.read",
  ],
  coordinator: [
    "organisation.read",
    "user.read",
    "community.read",
    "community.edit",
    "profile.import",
  ],
  analyst: ["organisation.read", "community.read", "profile.import"],
  practitioner: ["organisation.read", "community.read", "support.work"],
  reader: ["organisation.read", "community.read"],
};

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
