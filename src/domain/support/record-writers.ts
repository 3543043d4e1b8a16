import type { CaseRole } from "./access.ts";

/**
 * Who writes which part of a case's records, beyond holding the part (scope) it is in. Emergency
 * access reads and writes nothing else; a discoverer records what they did, not the plan.
 */
export const RECORD_WRITERS = {
  assessment: ["child_contact", "support_coordinator"],
  measure: ["child_contact", "support_coordinator", "team_member"],
  escalation: ["child_contact", "support_coordinator"],
  sip: ["child_contact", "support_coordinator"],
  disclosure: [
    "discoverer",
    "child_contact",
    "support_coordinator",
    "team_member",
    "referral_recipient",
  ],
  chronology: [
    "discoverer",
    "child_contact",
    "support_coordinator",
    "team_member",
    "referral_recipient",
  ],
} as const satisfies Record<string, readonly CaseRole[]>;
export type RecordPart = keyof typeof RECORD_WRITERS;
