import type { Role } from "./roles.ts";

/**
 * The platform's permissions and the organisation roles that hold each. The system
 * administrator holds every permission of every context, so it is not listed.
 */
export const PLATFORM_PERMISSIONS = {
  "platform.manage": [],
  "organisation.read": ["org_admin", "coordinator", "analyst", "practitioner", "reader"],
  "organisation.manage": ["org_admin"],
  "user.read": ["org_admin", "coordinator"],
  "user.manage": ["org_admin"],
  "audit.read": ["org_admin"],
} as const satisfies Record<string, readonly Role[]>;
