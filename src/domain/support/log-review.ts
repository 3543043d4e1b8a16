/**
 * Systematic review of access to children's cases (the health-care model of HSLF-FS 2016:40):
 * which reads are unusual enough for the person responsible to look at. Pure rules over read
 * events; the server reads the events from the audit log.
 */

export const UNUSUAL_REASONS = ["emergency", "outside_units", "many_cases", "after_hours"] as const;
export type UnusualReason = (typeof UNUSUAL_REASONS)[number];

export interface ReviewRules {
  /** This many different cases read by one person … */
  manyCases: number;
  /** … within this many minutes is unusual. */
  windowMinutes: number;
  /** Working hours, local time: [start, end) on Monday to Friday. */
  workdayStartHour: number;
  workdayEndHour: number;
  timeZone: string;
}

export const DEFAULT_REVIEW_RULES: ReviewRules = {
  manyCases: 10,
  windowMinutes: 60,
  workdayStartHour: 7,
  workdayEndHour: 18,
  timeZone: "Europe/Stockholm",
};

export interface ReadEvent {
  id: number;
  actorId: string;
  occurredAt: Date;
  caseId: string;
  basis: string | null;
  /** The reader holds no role in the case's unit or above it. */
  outsideUnits: boolean;
}

function localHourAndDay(at: Date, timeZone: string): { hour: number; weekday: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "numeric",
    hourCycle: "h23",
    weekday: "short",
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")!.value);
  const weekday = parts.find((p) => p.type === "weekday")!.value;
  return { hour, weekday };
}

export function isAfterHours(at: Date, rules: ReviewRules = DEFAULT_REVIEW_RULES): boolean {
  const { hour, weekday } = localHourAndDay(at, rules.timeZone);
  if (weekday === "Sat" || weekday === "Sun") return true;
  return hour < rules.workdayStartHour || hour >= rules.workdayEndHour;
}

/**
 * The reasons each event is unusual (events without a reason are left out). "Many cases" marks
 * every read in a window in which one person read at least `manyCases` different cases.
 */
export function unusualReads(
  events: readonly ReadEvent[],
  rules: ReviewRules = DEFAULT_REVIEW_RULES,
): Map<number, UnusualReason[]> {
  const reasons = new Map<number, Set<UnusualReason>>();
  const add = (id: number, reason: UnusualReason) => {
    const set = reasons.get(id) ?? new Set<UnusualReason>();
    set.add(reason);
    reasons.set(id, set);
  };
  const byActor = new Map<string, ReadEvent[]>();
  for (const e of events) {
    if (e.basis === "emergency") add(e.id, "emergency");
    if (e.outsideUnits) add(e.id, "outside_units");
    if (isAfterHours(e.occurredAt, rules)) add(e.id, "after_hours");
    const list = byActor.get(e.actorId) ?? [];
    list.push(e);
    byActor.set(e.actorId, list);
  }
  const window = rules.windowMinutes * 60_000;
  for (const list of byActor.values()) {
    list.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    let start = 0;
    const counts = new Map<string, number>();
    for (let end = 0; end < list.length; end++) {
      const e = list[end]!;
      counts.set(e.caseId, (counts.get(e.caseId) ?? 0) + 1);
      while (e.occurredAt.getTime() - list[start]!.occurredAt.getTime() > window) {
        const old = list[start]!.caseId;
        const n = counts.get(old)! - 1;
        if (n === 0) counts.delete(old);
        else counts.set(old, n);
        start++;
      }
      if (counts.size >= rules.manyCases) {
        for (let i = start; i <= end; i++) add(list[i]!.id, "many_cases");
      }
    }
  }
  return new Map([...reasons].map(([id, set]) => [id, UNUSUAL_REASONS.filter((r) => set.has(r))]));
}
