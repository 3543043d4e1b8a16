import type { CaseScope } from "./access.ts";

/**
 * The chronology of a case: events from its own records appear by themselves; staff add others,
 * each with the scope that decides who reads it. Strengths as well as concerns.
 */

export const CHRONOLOGY_KINDS = [
  "manual",
  "assessment",
  "measure",
  "measure_evaluated",
  "team_formed",
  "coordinator_assigned",
  "sip_meeting",
  "concern_reported",
  "disclosure",
] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

export const CHRONOLOGY_CATEGORIES = [
  "concern",
  "strength",
  "support",
  "meeting",
  "other",
] as const;
export type ChronologyCategory = (typeof CHRONOLOGY_CATEGORIES)[number];

/** The part of the record an automatic event belongs to: its reader needs that scope too. */
export const EVENT_SCOPE: Record<Exclude<ChronologyKind, "manual">, CaseScope> = {
  assessment: "wellbeing",
  measure: "plan",
  measure_evaluated: "plan",
  team_formed: "summary",
  coordinator_assigned: "summary",
  sip_meeting: "plan",
  concern_reported: "concern_reports",
  disclosure: "consents",
};

export interface ChronologyEvent {
  id: string;
  occurredOn: string;
  kind: ChronologyKind;
  scope: CaseScope;
}

/** What one reader sees: events in their scopes, newest first. */
export function visibleChronology<E extends ChronologyEvent>(
  events: readonly E[],
  scopes: readonly CaseScope[],
): E[] {
  return events
    .filter((e) => scopes.includes(e.scope))
    .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.id.localeCompare(a.id));
}
