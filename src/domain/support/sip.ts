/**
 * SIP, samordnad individuell plan (SoL 2001 2 kap. 7 §, HSL 16 kap. 4 §). The plan shall state
 * which interventions are needed, which principal is responsible for which, what others do, and
 * which principal holds the overall responsibility. Legal references are data, not code: the
 * 2025 act renumbered its sections.
 */

export const SIP_STATUSES = ["draft", "agreed", "followed_up"] as const;
export type SipStatus = (typeof SIP_STATUSES)[number];

/** Who is responsible for an intervention: one of the two principals the law binds, or others. */
export const SIP_RESPONSIBLE_KINDS = ["municipality", "region", "other"] as const;
export type SipResponsibleKind = (typeof SIP_RESPONSIBLE_KINDS)[number];

export interface SipIntervention {
  what: string;
  responsibleKind: SipResponsibleKind;
  responsibleName: string;
}

export interface SipContent {
  interventions: readonly SipIntervention[];
  overallResponsible: SipResponsibleKind | null;
  meetingOn: string | null;
  participants: readonly { name: string; role: string }[];
  followUpOn: string | null;
  childGoals: string;
}

/** The law's four content points, and what a plan needs before it can be agreed. */
export const SIP_REQUIREMENTS = [
  "interventions",
  "principal_responsibility",
  "overall_responsibility",
  "meeting",
  "follow_up",
] as const;
export type SipRequirement = (typeof SIP_REQUIREMENTS)[number];

/**
 * What a plan still lacks before it may be agreed. "What others do" may rightly be nothing, so
 * it is not required; at least one intervention must lie with a principal (municipality or
 * region), and the overall responsibility with one of them.
 */
export function sipMissing(sip: SipContent): SipRequirement[] {
  const missing: SipRequirement[] = [];
  if (sip.interventions.length === 0) missing.push("interventions");
  if (!sip.interventions.some((i) => i.responsibleKind !== "other")) {
    missing.push("principal_responsibility");
  }
  if (sip.overallResponsible === null || sip.overallResponsible === "other") {
    missing.push("overall_responsibility");
  }
  if (sip.meetingOn === null || sip.participants.length === 0) missing.push("meeting");
  if (sip.followUpOn === null || (sip.meetingOn !== null && sip.followUpOn <= sip.meetingOn)) {
    missing.push("follow_up");
  }
  return missing;
}

/** The interventions grouped as the law lists them: each principal's, then what others do. */
export function sipByResponsible(sip: Pick<SipContent, "interventions">): {
  municipality: SipIntervention[];
  region: SipIntervention[];
  other: SipIntervention[];
} {
  return {
    municipality: sip.interventions.filter((i) => i.responsibleKind === "municipality"),
    region: sip.interventions.filter((i) => i.responsibleKind === "region"),
    other: sip.interventions.filter((i) => i.responsibleKind === "other"),
  };
}
