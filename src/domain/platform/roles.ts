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
