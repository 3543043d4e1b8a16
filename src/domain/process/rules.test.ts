import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checklistProblems, DEFAULT_CHECKLIST, nextChecklistVersion } from "./checklist.ts";
import { cyclePhases, PHASE_NUMBERS, type PhaseNumber } from "./phases.ts";
import {
  type CycleState,
  checkCompletePhase,
  checkCycleOpen,
  checkItemStatus,
  checkStartCycle,
  currentPhase,
  ITEM_STATUSES,
  type ItemStatus,
  isOverdue,
  phaseBlockers,
  progress,
  timeSpent,
  typicalEnd,
} from "./rules.ts";

const open = (number: number, completed: PhaseNumber[] = []): CycleState => ({
  number,
  closedOn: null,
  completed,
});
const it_ = (status: ItemStatus, required = true) => ({ status, required });

describe("phases and cycles", () => {
  it("runs the first cycle from phase 1 and every later one from phase 2", () => {
    expect(cyclePhases(1)).toEqual([1, 2, 3, 4, 5]);
    expect(cyclePhases(2)).toEqual([2, 3, 4, 5]);
    expect(cyclePhases(7)).toEqual([2, 3, 4, 5]);
  });

  it("is in the first phase not completed, and in none once closed", () => {
    expect(currentPhase(open(1))).toBe(1);
    expect(currentPhase(open(1, [1, 2]))).toBe(3);
    expect(currentPhase(open(2))).toBe(2);
    expect(currentPhase({ number: 1, closedOn: "2026-01-01", completed: [1, 2, 3, 4, 5] })).toBe(
      null,
    );
  });

  it("completes a phase when every required item is done or not applicable", () => {
    const items = [it_("done"), it_("not_applicable"), it_("not_started", false)];
    expect(checkCompletePhase(open(1), 1, items)).toEqual({
      ok: true,
      value: { closesCycle: false },
    });
  });

  it("refuses with the number of open required items", () => {
    const result = checkCompletePhase(open(1), 1, [it_("done"), it_("in_progress")]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe("open_required_items");
      expect(result.message.sv).toContain("1 obligatoriska");
    }
  });

  it("refuses a phase out of order and any change to a closed cycle", () => {
    const outOfOrder = checkCompletePhase(open(1), 2, []);
    expect(outOfOrder.ok || outOfOrder.code).toBe("not_current_phase");
    const closed = {
      number: 1,
      closedOn: "2026-06-01",
      completed: [1, 2, 3, 4, 5] as PhaseNumber[],
    };
    const refused = checkCompletePhase(closed, 5, []);
    expect(refused.ok || refused.code).toBe("cycle_closed");
    expect(checkCycleOpen(closed).ok).toBe(false);
    expect(checkCycleOpen(open(1)).ok).toBe(true);
  });

  it("closes the cycle with its last phase", () => {
    expect(checkCompletePhase(open(1, [1, 2, 3, 4]), 5, [])).toEqual({
      ok: true,
      value: { closesCycle: true },
    });
    expect(checkCompletePhase(open(2, [2, 3, 4]), 5, [])).toEqual({
      ok: true,
      value: { closesCycle: true },
    });
  });

  it("starts a new cycle at phase 2 only when none is open", () => {
    expect(checkStartCycle([])).toEqual({ ok: true, value: { number: 1, startPhase: 1 } });
    expect(checkStartCycle([{ number: 1, closedOn: "2026-01-01" }])).toEqual({
      ok: true,
      value: { number: 2, startPhase: 2 },
    });
    const refused = checkStartCycle([
      { number: 1, closedOn: "2026-01-01" },
      { number: 2, closedOn: null },
    ]);
    expect(refused.ok || refused.code).toBe("cycle_open");
  });
});

describe("items", () => {
  it("needs a reason for not applicable", () => {
    expect(checkItemStatus("not_applicable", null).ok).toBe(false);
    expect(checkItemStatus("not_applicable", "  ").ok).toBe(false);
    expect(checkItemStatus("not_applicable", "Görs regionalt").ok).toBe(true);
    expect(checkItemStatus("done", null).ok).toBe(true);
  });

  it("is overdue only past its due date and while not settled", () => {
    const today = "2026-05-10";
    expect(isOverdue({ status: "in_progress", dueOn: "2026-05-09" }, today)).toBe(true);
    expect(isOverdue({ status: "in_progress", dueOn: "2026-05-10" }, today)).toBe(false);
    expect(isOverdue({ status: "done", dueOn: "2026-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "not_applicable", dueOn: "2026-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "not_started", dueOn: null }, today)).toBe(false);
  });

  it("measures time spent against the typical length", () => {
    expect(timeSpent(1, "2026-01-01", "2026-03-01").pace).toBe("within");
    expect(timeSpent(1, "2026-01-01", "2026-06-01").pace).toBe("beyond");
    expect(timeSpent(5, "2020-01-01", "2026-06-01").pace).toBe("ongoing");
    expect(typicalEnd(2, "2026-01-31")).toBe("2026-05-31");
    expect(typicalEnd(5, "2026-01-31")).toBe(null);
  });
});

describe("the default checklist", () => {
  it("has unique keys, items in every phase, and text in both languages", () => {
    expect(checklistProblems(DEFAULT_CHECKLIST)).toEqual([]);
    for (const item of DEFAULT_CHECKLIST) {
      expect(item.text.sv.length).toBeGreaterThan(10);
      expect(item.text.en.length).toBeGreaterThan(10);
    }
  });

  it("finds duplicate keys and empty phases in an edited copy", () => {
    const edited = DEFAULT_CHECKLIST.filter((i) => i.phase !== 4);
    edited.push({ ...DEFAULT_CHECKLIST[0]! });
    expect(checklistProblems(edited)).toEqual([
      { kind: "duplicate_key", key: DEFAULT_CHECKLIST[0]!.key },
      { kind: "empty_phase", phase: 4 },
    ]);
  });

  it("numbers versions after the highest", () => {
    expect(nextChecklistVersion([])).toBe(1);
    expect(nextChecklistVersion([1, 3, 2])).toBe(4);
  });
});

const statusArb = fc.constantFrom(...ITEM_STATUSES);
const itemsArb = fc.array(fc.record({ status: statusArb, required: fc.boolean() }), {
  maxLength: 30,
});

describe("properties", () => {
  it("a phase can be completed exactly when it has no blockers", () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom(...PHASE_NUMBERS), (items, phase) => {
        const cycle = open(
          1,
          PHASE_NUMBERS.filter((p) => p < phase),
        );
        const result = checkCompletePhase(cycle, phase, items);
        expect(result.ok).toBe(phaseBlockers(items).length === 0);
      }),
    );
  });

  it("progress stays within 0–100 and is 100 only when every item is settled", () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const p = progress(items);
        expect(p.percent).toBeGreaterThanOrEqual(0);
        expect(p.percent).toBeLessThanOrEqual(100);
        expect(p.percent === 100).toBe(p.settled === p.total);
      }),
    );
  });

  it("settling an item never lowers progress nor adds a blocker", () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), fc.constantFrom("done", "not_applicable"), (items, i, to) => {
        fc.pre(items.length > 0);
        const index = i % items.length;
        const after = items.map((it, j) =>
          j === index ? { ...it, status: to as ItemStatus } : it,
        );
        expect(progress(after).percent).toBeGreaterThanOrEqual(progress(items).percent);
        expect(phaseBlockers(after).length).toBeLessThanOrEqual(phaseBlockers(items).length);
      }),
    );
  });

  it("completing phases in order always ends the cycle, and the next starts at phase 2", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (number) => {
        let cycle = open(number);
        const seen: PhaseNumber[] = [];
        for (;;) {
          const phase = currentPhase(cycle);
          if (phase === null) break;
          const result = checkCompletePhase(cycle, phase, []);
          if (!result.ok) throw new Error(result.code);
          seen.push(phase);
          cycle = {
            ...cycle,
            completed: [...cycle.completed, phase],
            closedOn: result.value.closesCycle ? "2030-01-01" : null,
          };
        }
        expect(seen).toEqual(cyclePhases(number));
        const next = checkStartCycle([cycle]);
        expect(next.ok && next.value).toEqual({ number: number + 1, startPhase: 2 });
      }),
    );
  });
});
