/**
 * Retention (gallring) of closed cases. Which law governs a record decides how long it is kept:
 * social-services documentation is thinned 5 years after the last entry (SoL 2001, 12 kap.),
 * health records are kept at least 10 years (patientdatalagen 3 kap. 17 §). Exceptions are kept:
 * people born on the 5th, 15th or 25th of a month (research, SFS 2005:452) for social-services
 * records, and records an organisation marks as kept (paternity, adoption, placements; custody
 * agreements until the child is 18). Legal references are data, shown as they stand here; verify
 * them against current law (SoL 2025:400 renumbered sections).
 */

export const RECORD_TYPES = ["social_services", "health", "coordination"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * The record types the platform itself holds and thins: its coordination cases, and reports of
 * concern, which are social services' records from the moment they are filed with the intake
 * unit. Health records stay in the region's own systems.
 */
export const THINNED_RECORD_TYPES = [
  "coordination",
  "social_services",
] as const satisfies readonly RecordType[];
export type ThinnedRecordType = (typeof THINNED_RECORD_TYPES)[number];

export interface RetentionRule {
  /** Years after the last entry before the record is thinned. */
  years: number;
  law: string;
  /** Days of the month whose births are kept for research. */
  researchBirthDays: readonly number[];
}

export const DEFAULT_RETENTION: Record<RecordType, RetentionRule> = {
  social_services: { years: 5, law: "SoL (2001:453) 12 kap.", researchBirthDays: [5, 15, 25] },
  health: { years: 10, law: "Patientdatalagen (2008:355) 3 kap. 17 §", researchBirthDays: [] },
  // The coordination platform's own case follows the stricter of the two it joins.
  coordination: {
    years: 10,
    law: "Arkivlagen (1990:782) och SoL/PDL",
    researchBirthDays: [5, 15, 25],
  },
};

export const KEEP_REASONS = [
  "research_birth_day",
  "kept_by_decision",
  "custody_until_18",
  "not_due",
] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

export interface RetentionFacts {
  recordType: RecordType;
  /** The last entry in the record (its closure at the latest). */
  lastEntryAt: Date;
  /** YYYY-MM-DD, or null for a consultation without identity. */
  birthDate: string | null;
  keptByDecision?: boolean;
  custodyAgreement?: boolean;
}

export type RetentionDecision =
  | { thin: true; dueAt: Date; law: string }
  | { thin: false; reason: KeepReason; dueAt: Date | null; law: string };

function addYears(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** Whether a closed record is due for thinning at `now`, and if not, why it is kept. */
export function retentionDecision(
  facts: RetentionFacts,
  now: Date,
  rules: Record<RecordType, RetentionRule> = DEFAULT_RETENTION,
): RetentionDecision {
  const rule = rules[facts.recordType];
  const law = rule.law;
  if (facts.keptByDecision) return { thin: false, reason: "kept_by_decision", dueAt: null, law };
  const day = facts.birthDate ? Number(facts.birthDate.slice(8, 10)) : null;
  if (day !== null && rule.researchBirthDays.includes(day)) {
    return { thin: false, reason: "research_birth_day", dueAt: null, law };
  }
  let dueAt = addYears(facts.lastEntryAt, rule.years);
  if (facts.custodyAgreement && facts.birthDate) {
    const adult = new Date(`${facts.birthDate}T00:00:00Z`);
    adult.setUTCFullYear(adult.getUTCFullYear() + 18);
    if (adult > dueAt) dueAt = adult;
    if (now < adult) return { thin: false, reason: "custody_until_18", dueAt, law };
  }
  if (now < dueAt) return { thin: false, reason: "not_due", dueAt, law };
  return { thin: true, dueAt, law };
}
