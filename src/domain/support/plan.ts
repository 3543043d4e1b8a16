/**
 * Plan measures: what, who (a named owner), by when, and when it is evaluated (Norway's BTI
 * "every measure has a named owner and an evaluation date").
 */

export const MEASURE_STATUSES = ["planned", "done", "not_done"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export interface MeasureDates {
  status: MeasureStatus;
  dueOn: string;
  evaluateOn: string;
}

/** Whether a measure still open has passed its date, on a calendar day (YYYY-MM-DD). */
export function isMeasureOverdue(m: MeasureDates, today: string): boolean {
  return m.status === "planned" && m.dueOn < today;
}

/** Whether a measure's evaluation is due: an evaluated measure (done/not done) is not. */
export function isEvaluationDue(m: MeasureDates, today: string): boolean {
  return m.status === "planned" && m.evaluateOn <= today;
}

/** Evaluation falls on or after the date the measure is due: evaluating before it makes no sense. */
export function measureDatesValid(m: Pick<MeasureDates, "dueOn" | "evaluateOn">): boolean {
  return m.evaluateOn >= m.dueOn;
}
