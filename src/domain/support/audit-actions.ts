import { SUPPORT_RECORDS_AUDIT_ACTIONS } from "./records-audit-actions.ts";

/**
 * What the support context writes to the audit log. A refused attempt on a case is recorded
 * under the policy action it asked for, with the outcome "denied". Every read of a case states
 * the access it rests on (access id, role, basis) in its details.
 */
export const SUPPORT_AUDIT_ACTIONS = [
  "case.read",
  "case.close",
  "case.activate_contact",
  "consent.record",
  "consent.withdraw",
  "case.emergency",
  "emergency.review",
  "support.case.create",
  "support.case.list",
  "support.case.search",
  "support.access_log.read",
  "support.emergency.list",
  "support.notification.list",
  "seed.demo.support",
  ...SUPPORT_RECORDS_AUDIT_ACTIONS,
] as const;
