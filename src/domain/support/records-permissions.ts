import type { Role } from "../platform/roles.ts";

/**
 * Setting up support in a municipality (the unit receiving its reports of concern, its own
 * names of the needs compass) is its organisation administrator's; it opens no case or report.
 */
export const SUPPORT_RECORDS_PERMISSIONS = {
  "support.configure": ["org_admin"],
} as const satisfies Record<string, readonly Role[]>;
