/**
 * Report of concern (orosanmälan) to social services. It needs no consent and no case access:
 * the duty to report (SoL 2001 14 kap. 1 §; renumbered in SoL 2025:400) must never be blocked.
 * Fields after Norway's national format (KS Fiks bekymringsmelding v2).
 */

export const REPORTER_ROLES = [
  "school",
  "preschool",
  "child_health",
  "maternity_care",
  "health_care",
  "social_services",
  "police",
  "leisure",
  "other",
] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

export const CONCERN_STATUSES = ["sent", "received", "feedback_given"] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/**
 * Days social services has to give feedback to the reporter. Prop. 2025/26:12 proposes a time
 * limit without, as far as verified, a number; two weeks follows the 14-day förhandsbedömning.
 * A default, not law: the deadline is stored per report.
 */
export const DEFAULT_FEEDBACK_DAYS = 14;

export interface ToldInput {
  childTold: boolean;
  guardiansTold: boolean;
  notToldReason: string | null;
}

/** If the child or the guardians were not told, the report says why. */
export function notToldReasonNeeded(t: ToldInput): boolean {
  return !(t.childTold && t.guardiansTold);
}

export function toldValid(t: ToldInput): boolean {
  return !notToldReasonNeeded(t) || (t.notToldReason ?? "").trim().length > 0;
}

/** The feedback deadline: a number of calendar days after the report was received. */
export function feedbackDeadline(receivedAt: Date, days = DEFAULT_FEEDBACK_DAYS): Date {
  return new Date(receivedAt.getTime() + days * 86_400_000);
}

export function isFeedbackOverdue(
  r: { status: ConcernStatus; feedbackDueAt: Date | null },
  now: Date,
): boolean {
  return r.status === "received" && r.feedbackDueAt !== null && r.feedbackDueAt < now;
}
