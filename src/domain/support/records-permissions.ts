import type { Role } from "../platform/roles.ts";

/**
 * Naming the unit that receives a municipality's reports of concern is the municipality's
 * organisation administrator's; it opens no report.
 */
export const SUPPORT_RECORDS_PERMISSIONS = {
  "support.intake.configure": ["org_admin"],
} as const satisfies Record<string, readonly Role[]>;
