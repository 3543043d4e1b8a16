import type { Role } from "../platform/roles.ts";

/**
 * Working with individual support. The permission only opens the context: each case is opened
 * by a live access record, never by a role.
 */
export const SUPPORT_PERMISSIONS = {
  "support.work": ["practitioner"],
} as const satisfies Record<string, readonly Role[]>;
