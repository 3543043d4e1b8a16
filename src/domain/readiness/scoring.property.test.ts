import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mean, rational, truncate } from "../shared/rational.ts";
import { DIMENSION_LETTERS } from "./dimensions.ts";
import { type InterviewScores, readinessResult, stageOf } from "./scoring.ts";

// Half-point units 2..18 are the scores 1..9 on the default grid.
const halfUnits = fc.integer({ min: 2, max: 18 });
const completeSheet = fc.array(fc.array(halfUnits, { minLength: 6, maxLength: 6 }), {
  minLength: 1,
  maxLength: 12,
});

const toSheet = (rows: number[][]): InterviewScores[] =>
  rows.map((row, index) => ({
    interviewId: String(index),
    scores: Object.fromEntries(DIMENSION_LETTERS.map((letter, d) => [letter, row[d]! / 2])),
  }));

const stageFor = (rows: number[][]): number => {
  const result = readinessResult(toSheet(rows));
  if (!result.ok) throw new Error(result.message);
  return result.stage;
};

describe("scoring properties", () => {
  it("never lowers the stage when a consensus score is raised", () => {
    fc.assert(
      fc.property(
        completeSheet,
        fc.nat(),
        fc.nat(5),
        fc.integer({ min: 1, max: 16 }),
        (rows, r, d, raise) => {
          const row = r % rows.length;
          const raised = rows.map((values, i) =>
            i === row ? values.map((v, j) => (j === d ? Math.min(18, v + raise) : v)) : values,
          );
          expect(stageFor(raised)).toBeGreaterThanOrEqual(stageFor(rows));
        },
      ),
    );
  });

  it("always gives a stage from 1 to 9", () => {
    fc.assert(
      fc.property(completeSheet, (rows) => {
        const stage = stageFor(rows);
        expect(stage).toBeGreaterThanOrEqual(1);
        expect(stage).toBeLessThanOrEqual(9);
      }),
    );
  });

  it("truncates: the stage is at most the exact score and more than the score minus one", () => {
    const score = fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 1000 }))
      .chain(([whole, den]) =>
        fc
          .integer({ min: 0, max: whole === 9 ? 0 : den - 1 })
          .map((part) => ({ whole, den, part })),
      );
    fc.assert(
      fc.property(score, ({ whole, den, part }) => {
        const value = rational(BigInt(whole * den + part), BigInt(den));
        const stage = BigInt(stageOf(value));
        expect(stage * value.d <= value.n).toBe(true);
        expect((stage + 1n) * value.d > value.n).toBe(true);
      }),
    );
  });

  it("puts every mean between the smallest and the largest value", () => {
    fc.assert(
      fc.property(fc.array(halfUnits, { minLength: 1, maxLength: 30 }), (units) => {
        const m = mean(units.map((u) => rational(BigInt(u), 2n)));
        expect(BigInt(Math.min(...units)) * m.d <= 2n * m.n).toBe(true);
        expect(2n * m.n <= BigInt(Math.max(...units)) * m.d).toBe(true);
        expect(truncate(m)).toBe(BigInt(Math.trunc(Number(m.n) / Number(m.d))));
      }),
    );
  });
});
