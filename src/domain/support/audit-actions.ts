import { SUPPORT_RECORDS_AUDIT_ACTIONS } from "./records-audit-actions.ts";

/**
 * What the support context writes to the audit log. A refused attempt on a case is recorded
 * under the policy action it asked for, with the outcome "denied". Every read of a case states
 * the access it rests on (access id, role, basis) in its details, and every change of access
 * (granted, ended) has its own row.
 */
export const SUPPORT_AUDIT_ACTIONS = [
  "case.read",
  "case.create",
  "case.list",
  "case.search",
  "case.close",
  "case.identify",
  "case.activate_contact",
  "case.grant",
  "case.access_end",
  "case.emergency",
  "case.access_log",
  "consent.record",
  "consent.withdraw",
  "emergency.list",
  "emergency.review",
  "access_review.list",
  "access_review.verdict",
  "case.thin",
  "support.concern.thin",
  "retention.dry_run",
  "notification.list",
  "seed.demo.support",
  ...SUPPORT_RECORDS_AUDIT_ACTIONS,
] as const;
