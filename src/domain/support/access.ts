/**
 * Who may read what of one child's case (Backa barnet / GIRFEC, the Dalsland model).
 * Access is never a role in an organisation: it is a record per person and case.
 */

/** Case roles. Swedish: upptäckare, barnkontakt, stödsamordnare, teammedlem, remissmottagare, nödåtkomst. */
export const CASE_ROLES = [
  "discoverer",
  "child_contact",
  "support_coordinator",
  "team_member",
  "referral_recipient",
  "emergency",
] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/**
 * Parts of a case record a person can be given. Swedish: översikt, plan (SIP), välbefinnande,
 * kronologi, egna anteckningar, orosanmälningar, samtycken, åtkomstlogg.
 */
export const CASE_SCOPES = [
  "summary",
  "plan",
  "wellbeing",
  "chronology",
  "own_notes",
  "concern_reports",
  "consents",
  "access_log",
] as const;
export type CaseScope = (typeof CASE_SCOPES)[number];

/** Legal basis of the access. Swedish: roll i ärendet, remiss, samtycke, lagstöd, nödåtkomst. */
export const ACCESS_BASES = [
  "case_role",
  "referral",
  "consent",
  "legal_exception",
  "emergency",
] as const;
export type AccessBasis = (typeof ACCESS_BASES)[number];

/** What each case role normally gets; a referral or consent narrows it to what it names. */
export const DEFAULT_SCOPES: Record<CaseRole, readonly CaseScope[]> = {
  discoverer: ["summary", "own_notes", "concern_reports"],
  child_contact: ["summary", "plan", "wellbeing", "chronology", "own_notes", "consents"],
  support_coordinator: CASE_SCOPES,
  team_member: ["summary", "plan", "wellbeing", "own_notes"],
  referral_recipient: ["summary", "own_notes"],
  emergency: ["summary", "plan", "chronology"],
};
