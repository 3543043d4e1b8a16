import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeProfile, minNProblem, ProfileCounter } from "./compute.ts";
import { InstrumentSchema } from "./instrument.ts";
import { compileInstrument } from "./scoring.ts";

const compiled = compileInstrument(
  InstrumentSchema.parse({
    id: "one",
    version: 1,
    name: { sv: "En", en: "One" },
    items: [{ id: "q1", min: 0, max: 1 }],
    factors: [
      {
        id: "f",
        kind: "risk",
        domain: "school",
        name: { sv: "F", en: "F" },
        items: ["q1"],
        cutPoint: 0.5,
      },
    ],
  }),
);

// A respondent: area, grade, and the one answer (1 flagged, 0 not, NaN no score).
const respondent = fc.tuple(
  fc.constantFrom("A", "B", "C"),
  fc.constantFrom("7", "8", ""),
  fc.constantFrom(0, 1, Number.NaN),
);

function profile(rows: [string, string, number][], minN: number) {
  const counter = new ProfileCounter(compiled);
  for (const [area, grade, answer] of rows) counter.add([area, grade], [answer]);
  return computeProfile(counter, ["area", "grade"], minN);
}

describe("computeProfile", () => {
  it("never publishes a cell below the minimum n, and publishes all when none is small", () => {
    fc.assert(
      fc.property(
        fc.array(respondent, { maxLength: 120 }),
        fc.integer({ min: 5, max: 15 }),
        (rows, minN) => {
          const output = profile(rows, minN);
          for (const cell of output.cells) {
            if (!cell.suppressed) expect(cell.n).toBeGreaterThanOrEqual(minN);
            else expect(cell).toMatchObject({ n: null, percent: null, ci: null });
          }
          if (output.cells.every((cell) => cell.suppressed === false)) return;
          // Where something is hidden, some cell really was small.
          const counts = new Map<string, number>();
          for (const [area, grade, answer] of rows) {
            if (Number.isNaN(answer)) continue;
            for (const key of [
              [area, grade || "unknown"],
              [area, null],
              [null, grade || "unknown"],
              [null, null],
            ]) {
              const id = JSON.stringify(key);
              counts.set(id, (counts.get(id) ?? 0) + 1);
            }
          }
          expect([...counts.values()].some((n) => n < minN)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts respondents, treats empty groups as unknown, and keeps figures monotone", () => {
    fc.assert(
      fc.property(fc.array(respondent, { minLength: 1, maxLength: 80 }), (rows) => {
        const before = profile(rows, 5);
        expect(before.respondents).toBe(rows.length);
        const total = (output: typeof before) =>
          output.cells.find((c) => c.area === null && c.grade === null);
        // One more flagged respondent never lowers the total's share.
        const after = profile([...rows, ["A", "7", 1]], 5);
        const [b, a] = [total(before), total(after)];
        if (b && a && !b.suppressed && !a.suppressed) {
          expect(Number(a.percent)).toBeGreaterThanOrEqual(Number(b.percent));
        }
        expect(before.cells.some((c) => c.grade === "")).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("refuses a minimum n below 5", () => {
    expect(minNProblem(4)).toMatch(/below 5/);
    expect(minNProblem(5)).toBeNull();
    expect(minNProblem(7.5)).toMatch(/whole number/);
    expect(() => profile([], 3)).toThrow(RangeError);
  });
});
