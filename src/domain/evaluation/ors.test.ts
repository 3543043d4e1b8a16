import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  markToTenths,
  ORS_NORMS,
  OrsAgeError,
  orsChange,
  orsNormForAge,
  scoreOrs,
  scoreSrs,
} from "./ors.ts";

const ors = (age: number, ...marks: (string | number | null)[]) => ({
  age,
  individually: marks[0] ?? null,
  interpersonally: marks[1] ?? null,
  socially: marks[2] ?? null,
  overall: marks[3] ?? null,
});

describe("ORS and CORS", () => {
  it("reads marks as exact tenths and refuses the rest", () => {
    expect(markToTenths("7.3")).toBe(73);
    expect(markToTenths(0.1)).toBe(1);
    expect(markToTenths("10")).toBe(100);
    expect(markToTenths("10.5")).toBeNull();
    expect(markToTenths("7.25")).toBeNull();
    expect(markToTenths("-1")).toBeNull();
  });

  it("compares a total equal to the cut-off exactly: 25.0 is not clinical for adults", () => {
    // In binary floating point 5 + 5.1 + 8.2 + 6.7 is 24.999999999999996, below the cut-off.
    expect(5 + 5.1 + 8.2 + 6.7).toBeLessThan(25);
    const atCutoff = scoreOrs(ors(30, "5", "5.1", "8.2", "6.7"));
    expect(atCutoff).toMatchObject({ version: "ORS", total: 25, cutoff: 25, clinical: false });
    expect(scoreOrs(ors(30, "6.1", "6.3", "6.3", "6.2"))).toMatchObject({
      total: 24.9,
      clinical: true,
    });
  });

  it("chooses the version and cut-off by age", () => {
    expect(scoreOrs(ors(8, 8, 8, 8, 7.9))).toMatchObject({
      version: "CORS",
      cutoff: 32,
      clinical: true,
    });
    expect(scoreOrs(ors(12, 8, 8, 8, 8))).toMatchObject({ version: "CORS", clinical: false });
    expect(scoreOrs(ors(15, 7, 7, 7, 7))).toMatchObject({
      version: "ORS",
      cutoff: 28,
      clinical: false,
    });
    expect(scoreOrs(ors(18, 5, 5, 5, 5))).toMatchObject({ cutoff: 25, clinical: true });
    expect(() => scoreOrs(ors(5, 5, 5, 5, 5))).toThrow(OrsAgeError);
  });

  it("leaves the total missing when a line is unmarked", () => {
    expect(scoreOrs(ors(30, 5, null, 5, 5))).toMatchObject({ total: null, clinical: null });
  });

  it("classifies reliable change only where a value is known", () => {
    expect(orsChange(ors(30, 5, 5, 5, 5), ors(30, 6.3, 6.2, 6.3, 6.2))).toMatchObject({
      change: 5,
      classification: "improved",
    });
    expect(orsChange(ors(30, 5, 5, 5, 5), ors(30, 4, 4, 4, 4.1))).toMatchObject({
      change: -3.9,
      classification: "no-reliable-change",
    });
    expect(orsChange(ors(30, 5, 5, 5, 5), ors(30, 3, 4, 4, 4))).toMatchObject({
      classification: "deteriorated",
    });
    expect(orsChange(ors(10, 5, 5, 5, 5), ors(10, 9, 9, 9, 9))).toMatchObject({
      change: 16,
      classification: null,
    });
  });

  it("covers every age from 6 upwards exactly once and keeps its sources", () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 130 }), (age) => {
        const matching = ORS_NORMS.filter((n) => n.ageMin <= age && (n.ageMax ?? 130) >= age);
        expect(matching).toHaveLength(1);
        expect(orsNormForAge(age)?.source.length).toBeGreaterThan(0);
      }),
    );
  });

  it("sums to at most 40 and is clinical exactly when below the cut-off", () => {
    const tenth = fc.integer({ min: 0, max: 100 }).map((t) => (t / 10).toFixed(1));
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 99 }),
        fc.array(tenth, { minLength: 4, maxLength: 4 }),
        (age, marks) => {
          const result = scoreOrs(ors(age, ...marks));
          const tenths = marks.reduce((sum, mark) => sum + Number(mark.replace(".", "")), 0);
          expect(result.total! * 10).toBeCloseTo(tenths, 9);
          expect(result.clinical).toBe(tenths < result.cutoff * 10);
        },
      ),
    );
  });
});

describe("SRS", () => {
  const srs = (total: [number, number, number, number]) => ({
    version: "SRS" as const,
    relationship: total[0],
    goals: total[1],
    approach: total[2],
    overall: total[3],
  });

  it("signals an alliance problem under 36, with the boundary as data", () => {
    expect(scoreSrs(srs([9, 9, 9, 8.9]))).toMatchObject({ total: 35.9, allianceSignal: true });
    expect(scoreSrs(srs([9, 9, 9, 9]))).toMatchObject({ total: 36, allianceSignal: false });
    const inclusive = {
      version: "SRS" as const,
      threshold: 36,
      signalAtThreshold: true,
      verified: false,
      source: "test",
    };
    expect(scoreSrs(srs([9, 9, 9, 9]), inclusive).allianceSignal).toBe(true);
  });
});
