import type { Role } from "../platform/roles.ts";

/**
 * Community-level permissions, held first by readiness; the community contexts that follow
 * (area profiles, planning, evaluation) ask for the same ones rather than declaring their own.
 */
export const READINESS_PERMISSIONS = {
  "community.read": ["org_admin", "coordinator", "analyst", "practitioner", "reader"],
  "community.edit": ["coordinator"],
  "profile.import": ["coordinator", "analyst"],
} as const satisfies Record<string, readonly Role[]>;
