import { cyclePhases, PHASES, type PhaseNumber } from "./phases.ts";

/**
 * The rules of a running process, pure: what an item's status may be, when a phase may be
 * completed, how a cycle moves on and when a new one may start, and the figures the overview
 * shows (progress, blockers, overdue, time spent against the typical length).
 */

export const ITEM_STATUSES = ["not_started", "in_progress", "done", "not_applicable"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface ItemState {
  key: string;
  required: boolean;
  status: ItemStatus;
  /** Why the item does not apply; required when the status is not_applicable. */
  naReason: string | null;
  dueOn: string | null;
}

export type Refusal = { ok: false; code: string; message: { sv: string; en: string } };
export type Outcome<T = null> = { ok: true; value: T } | Refusal;

const refuse = (code: string, sv: string, en: string): Refusal => ({
  ok: false,
  code,
  message: { sv, en },
});

/** An item counts as settled when it is done, or does not apply (with a reason). */
export function isSettled(item: Pick<ItemState, "status">): boolean {
  return item.status === "done" || item.status === "not_applicable";
}

/** A status change is valid when "not applicable" carries a reason; any other status drops it. */
export function checkItemStatus(status: ItemStatus, naReason: string | null): Outcome {
  if (status === "not_applicable" && !naReason?.trim()) {
    return refuse(
      "na_reason_required",
      "Ange varför punkten inte är tillämplig.",
      "Say why the item does not apply.",
    );
  }
  return { ok: true, value: null };
}

/** Required items that still keep the phase from being completed. */
export function phaseBlockers<T extends Pick<ItemState, "required" | "status">>(
  items: readonly T[],
): T[] {
  return items.filter((it) => it.required && !isSettled(it));
}

export interface CycleState {
  number: number;
  closedOn: string | null;
  /** Phases completed in this cycle, in order. */
  completed: readonly PhaseNumber[];
}

/** The phase the cycle is in: the first of its phases not completed, or null once closed. */
export function currentPhase(cycle: CycleState): PhaseNumber | null {
  if (cycle.closedOn) return null;
  return cyclePhases(cycle.number).find((p) => !cycle.completed.includes(p)) ?? null;
}

/**
 * Whether `phase` may be completed now: the cycle must be open, the phase must be the current
 * one (phases are completed in order), and every required item must be done or not applicable.
 * Completing the last phase closes the cycle.
 */
export function checkCompletePhase(
  cycle: CycleState,
  phase: PhaseNumber,
  items: readonly Pick<ItemState, "required" | "status">[],
): Outcome<{ closesCycle: boolean }> {
  if (cycle.closedOn) {
    return refuse(
      "cycle_closed",
      "Cykeln är avslutad och kan inte ändras.",
      "The cycle is closed and cannot be changed.",
    );
  }
  const current = currentPhase(cycle);
  if (current !== phase) {
    return refuse(
      "not_current_phase",
      `Fas ${phase} är inte den pågående fasen (${current === null ? "ingen" : `fas ${current}`}). Faserna avslutas i tur och ordning.`,
      `Phase ${phase} is not the current phase (${current === null ? "none" : `phase ${current}`}). Phases are completed in order.`,
    );
  }
  const blockers = phaseBlockers(items);
  if (blockers.length > 0) {
    return refuse(
      "open_required_items",
      `Fasen kan inte avslutas: ${blockers.length} obligatoriska punkter är varken klara eller markerade som ej tillämpliga.`,
      `The phase cannot be completed: ${blockers.length} required items are neither done nor marked not applicable.`,
    );
  }
  const phases = cyclePhases(cycle.number);
  return { ok: true, value: { closesCycle: phase === phases[phases.length - 1] } };
}

/** A new cycle may start only when every earlier cycle is closed; it starts at phase 2. */
export function checkStartCycle(
  cycles: readonly Pick<CycleState, "number" | "closedOn">[],
): Outcome<{
  number: number;
  startPhase: PhaseNumber;
}> {
  if (cycles.some((c) => !c.closedOn)) {
    return refuse(
      "cycle_open",
      "En cykel pågår redan. Avsluta fas 5 innan en ny cykel startas.",
      "A cycle is already open. Complete phase 5 before starting a new cycle.",
    );
  }
  const number = cycles.reduce((n, c) => Math.max(n, c.number), 0) + 1;
  return { ok: true, value: { number, startPhase: cyclePhases(number)[0]! } };
}

/** Items of a closed cycle are history: no change is allowed. */
export function checkCycleOpen(cycle: Pick<CycleState, "closedOn">): Outcome {
  return cycle.closedOn
    ? refuse(
        "cycle_closed",
        "Cykeln är avslutad och kan inte ändras.",
        "The cycle is closed and cannot be changed.",
      )
    : { ok: true, value: null };
}

export interface Progress {
  settled: number;
  total: number;
  /** Whole per cent, 0–100; 100 for a phase without items. */
  percent: number;
}

export function progress(items: readonly Pick<ItemState, "status">[]): Progress {
  return progressOf(items.filter(isSettled).length, items.length);
}

/** Progress from counts; rounded down, so 100 means every item is settled. */
export function progressOf(settled: number, total: number): Progress {
  return { settled, total, percent: total === 0 ? 100 : Math.floor((settled * 100) / total) };
}

/** An item is overdue when its due date has passed and it is not settled. */
export function isOverdue(item: Pick<ItemState, "status" | "dueOn">, today: string): boolean {
  return item.dueOn !== null && item.dueOn < today && !isSettled(item);
}

const DAY_MS = 86_400_000;
/** Average month length in days, for comparing against typical lengths given in months. */
const MONTH_DAYS = 30.44;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export type Pace = "within" | "beyond" | "ongoing";

/**
 * Time spent in a phase against its typical length: "beyond" once it has run longer than the
 * longest typical length; phase 5 is ongoing by nature and has no "beyond".
 */
export function timeSpent(
  phase: PhaseNumber,
  startedOn: string,
  endedOn: string,
): { days: number; months: number; pace: Pace } {
  const days = Math.max(0, daysBetween(startedOn, endedOn));
  const months = Math.round((days / MONTH_DAYS) * 10) / 10;
  const max = PHASES[phase].typicalMonths.max;
  const pace: Pace = max === null ? "ongoing" : months > max ? "beyond" : "within";
  return { days, months, pace };
}

/** When the phase would typically be done: its start plus the longest typical length. */
export function typicalEnd(phase: PhaseNumber, startedOn: string): string | null {
  const max = PHASES[phase].typicalMonths.max;
  if (max === null) return null;
  const d = new Date(`${startedOn}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + max);
  return d.toISOString().slice(0, 10);
}
