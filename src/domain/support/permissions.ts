import type { Role } from "../platform/roles.ts";
import { SUPPORT_RECORDS_PERMISSIONS } from "./records-permissions.ts";

/**
 * Working with individual support. The permission only opens the context: each case is opened
 * by a live access record, never by a role. Reviewing emergency access shows who took it and
 * why, never the case's content.
 */
export const SUPPORT_PERMISSIONS = {
  "support.work": ["practitioner"],
  "support.review": ["org_admin"],
  ...SUPPORT_RECORDS_PERMISSIONS,
} as const satisfies Record<string, readonly Role[]>;
