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

/** Which role counts first when a person holds several on one case: the broadest. */
export const ROLES_BROADEST_FIRST: readonly CaseRole[] = [
  "support_coordinator",
  "child_contact",
  "team_member",
  "referral_recipient",
  "discoverer",
  "emergency",
];

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

/** Why an access record ended. Swedish: avslutad, återkallad, samtycke återkallat, … */
export const END_REASONS = [
  "ended_by_responsible",
  "role_ended",
  "consent_withdrawn",
  "consent_expired",
  "referral_done",
  "referral_revoked",
  "referral_declined",
  "handover",
  "case_closed",
  "emergency_ended",
  "expired",
] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * The purpose of a referral into a case (part two): the type decides which parts the recipient
 * sees, so a school nurse invited to the SIP sees the plan, not social services' notes.
 */
export const REFERRAL_TYPES = [
  "sip_participant",
  "assessment_contribution",
  "intervention",
  "consultation",
  "handover",
] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

export const REFERRAL_SCOPES: Record<ReferralType, readonly CaseScope[]> = {
  sip_participant: ["summary", "plan", "own_notes"],
  assessment_contribution: ["summary", "wellbeing", "own_notes"],
  intervention: ["summary", "plan", "chronology", "own_notes"],
  consultation: ["summary", "own_notes"],
  // The new child contact takes over the whole role on acceptance.
  handover: DEFAULT_SCOPES.child_contact,
};

/** Referral lifecycle: sent → accepted | declined; accepted → done | revoked; sent → revoked. */
export const REFERRAL_STATUSES = ["sent", "accepted", "declined", "done", "revoked"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

const REFERRAL_NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ["accepted", "declined", "revoked"],
  accepted: ["done", "revoked"],
  declined: [],
  done: [],
  revoked: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_NEXT[from].includes(to);
}

/** Who gave a consent. Swedish: vårdnadshavare, barnet självt. */
export const CONSENT_GIVERS = ["guardian", "child"] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** Consent to share, to statistics and to a SIP are recorded apart (part two). */
export const CONSENT_KINDS = ["sharing", "sip", "statistics"] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** How a case ended. Swedish: behoven tillgodosedda, flyttat, överlämnat, avböjt, annat. */
export const CASE_OUTCOMES = ["needs_met", "moved", "transferred", "declined", "other"] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The verdict of a review of emergency access. */
export const EMERGENCY_VERDICTS = ["justified", "unjustified"] as const;

/** Emergency access is short by rule: at most this long from when it is taken. */
export const EMERGENCY_MAX_HOURS = 24;

/** What the detail check, the lists and the SQL policies all decide on (mirrors SQL). */
export interface AccessFacts {
  basis: AccessBasis;
  scopes: readonly CaseScope[];
  validFrom: Date;
  validUntil: Date | null;
  endedAt: Date | null;
  /** A previous child contact's access after a handover lasts until this. */
  graceUntil: Date | null;
}

export interface AccessSurroundings {
  caseStatus: "open" | "closed";
  /** The consent a consent-based access rests on. */
  consent?: { withdrawnAt: Date | null; validFrom: Date; validUntil: Date | null } | null;
  /** The referral a referral-based access rests on. */
  referral?: { status: ReferralStatus } | null;
}

/**
 * Whether an access record is live at `now`, for `scope` (any scope when omitted). The one
 * definition in SQL is the view support.live_access_records (migration
 * support_live_access_view); this pure copy lets property tests compare the two on random
 * histories.
 */
export function isLive(
  access: AccessFacts,
  around: AccessSurroundings,
  now: Date,
  scope?: CaseScope,
): boolean {
  const t = now.getTime();
  if (scope && !access.scopes.includes(scope)) return false;
  // Ending is recorded when it happens, so any end time means ended.
  if (access.endedAt !== null) return false;
  if (access.validFrom.getTime() > t) return false;
  if (access.validUntil !== null && access.validUntil.getTime() <= t) return false;
  if (access.graceUntil !== null && access.graceUntil.getTime() <= t) return false;
  if (around.caseStatus !== "open") return false;
  if (access.basis === "consent") {
    const c = around.consent;
    if (!c) return false;
    if (c.withdrawnAt !== null) return false;
    if (c.validFrom.getTime() > t) return false;
    if (c.validUntil !== null && c.validUntil.getTime() <= t) return false;
  }
  if (access.basis === "referral" && around.referral?.status !== "accepted") return false;
  return true;
}

/** Who may read a child's address: the responsible roles, never the others. */
export const ADDRESS_ROLES: readonly CaseRole[] = ["child_contact", "support_coordinator"];
/** With protected personal data (skyddade personuppgifter), only the support coordinator. */
export const PROTECTED_ADDRESS_ROLES: readonly CaseRole[] = ["support_coordinator"];

/** Whether someone holding `roles` on a case may read the child's address and location. */
export function mayReadAddress(roles: readonly CaseRole[], protectedIdentity: boolean): boolean {
  const named = protectedIdentity ? PROTECTED_ADDRESS_ROLES : ADDRESS_ROLES;
  return roles.some((r) => named.includes(r));
}
