import { describe, expect, it } from "vitest";
import { rational } from "../shared/rational.ts";
import {
  dimensionScore,
  type InterviewScores,
  lowestDimensions,
  overallScore,
  readinessResult,
  stageOf,
  validateScore,
} from "./scoring.ts";

const sheet = (rows: number[][]): InterviewScores[] =>
  rows.map(([A, B, C, D, E, F], index) => ({
    interviewId: String(index + 1),
    scores: { A, B, C, D, E, F },
  }));

describe("worked example in readiness.md", () => {
  const example = sheet([
    [5, 3, 4, 4, 3.5, 4],
    [6, 4, 5, 4, 4, 5],
    [5, 3, 4, 5, 3, 4],
    [4, 3, 4, 4, 3, 3],
    [5, 4, 5, 4, 3.5, 4],
  ]);

  it("gives the dimension means, overall 4.07 and stage 4 with B and E lowest at stage 3", () => {
    const result = readinessResult(example);
    expect(result).toEqual({
      ok: true,
      dimensions: {
        A: { score: 5, stage: 5, interviews: 5 },
        B: { score: 3.4, stage: 3, interviews: 5 },
        C: { score: 4.4, stage: 4, interviews: 5 },
        D: { score: 4.2, stage: 4, interviews: 5 },
        E: { score: 3.4, stage: 3, interviews: 5 },
        F: { score: 4, stage: 4, interviews: 5 },
      },
      score: 4.07,
      stage: 4,
      lowest: ["B", "E"],
      lowestStage: 3,
    });
  });

  it("keeps the overall score exact: 24.4 / 6 = 61/15", () => {
    const means = { A: 5, B: 3.4, C: 4.4, D: 4.2, E: 3.4, F: 4 };
    const exact = Object.fromEntries(
      Object.entries(means).map(([letter]) => [
        letter,
        dimensionScore(
          example.map((row) => row.scores[letter as keyof typeof means] as number),
          "half",
        ),
      ]),
    ) as Parameters<typeof overallScore>[0];
    expect(overallScore(exact)).toEqual(rational(61n, 15n));
  });
});

describe("floating-point traps", () => {
  it("gives stage 4 when means such as 4.8333 and 3.8333 sum to exactly 24", () => {
    const rows = [
      [2, 6.5, 4.5, 1, 2, 3.5],
      [5.5, 2, 7, 9, 4.5, 2.5],
      [2.5, 8.5, 3, 1.5, 2, 4.5],
    ];
    const floatMeans = [0, 1, 2, 3, 4, 5].map((d) => rows.reduce((s, r) => s + (r[d] ?? 0), 0) / 3);
    // The trap itself: the naive double computation lands a hair under 4.
    expect(Math.trunc(floatMeans.reduce((s, m) => s + m, 0) / 6)).toBe(3);
    const result = readinessResult(sheet(rows));
    expect(result.ok && [result.score, result.stage]).toEqual([4, 4]);
  });

  it("gives a dimension stage 5 for tenths 2.3, 6.1, 6.6", () => {
    expect((2.3 + 6.1 + 6.6) / 3).toBeLessThan(5);
    expect(stageOf(dimensionScore([2.3, 6.1, 6.6], "tenth"))).toBe(5);
  });
});

describe("validateScore", () => {
  it.each([
    [0.5, "half", "must be between 1 and 9"],
    [9.5, "half", "must be between 1 and 9"],
    [Number.NaN, "half", "must be between 1 and 9"],
    [4.3, "half", "must be a whole or half number, e.g. 4 or 4.5"],
    [4.5, "whole", "must be a whole number, e.g. 4"],
    [4.25, "tenth", "must have at most one decimal, e.g. 4.3"],
  ] as const)("rejects %s on the %s grid", (value, grid, message) => {
    expect(validateScore(value, grid)).toEqual({ ok: false, message });
  });

  it.each([
    [1, "whole", 1n],
    [9, "half", 18n],
    [4.5, "half", 9n],
    [4.3, "tenth", 43n],
  ] as const)("accepts %s on the %s grid as %s units", (value, grid, units) => {
    expect(validateScore(value, grid)).toEqual({ ok: true, units });
  });
});

describe("readinessResult", () => {
  it("names the dimensions without any consensus score", () => {
    const result = readinessResult([
      { interviewId: "1", scores: { A: 4, C: 5, D: 4, F: 3 } },
      { interviewId: "2", scores: { A: 5, C: 5, D: 4 } },
    ]);
    expect(result).toMatchObject({ ok: false, missing: ["B", "E"] });
    expect(!result.ok && result.message).toBe(
      "No consensus score yet for B (Community knowledge of the efforts), E (Community knowledge " +
        "about the issue); the overall stage needs at least one consensus score in every dimension.",
    );
    expect(!result.ok && result.dimensions.F).toEqual({ score: 3, stage: 3, interviews: 1 });
  });

  it("averages each dimension over the interviews that have consensus on it", () => {
    const result = readinessResult([
      { interviewId: "1", scores: { A: 4, B: 4, C: 4, D: 4, E: 4, F: 4 } },
      { interviewId: "2", scores: { A: 6 } },
    ]);
    expect(result.ok && result.dimensions.A).toEqual({ score: 5, stage: 5, interviews: 2 });
    expect(result.ok && result.score).toBe(4.17);
  });

  it("throws naming the interview and dimension of a score off the grid", () => {
    expect(() => readinessResult(sheet([[4, 4, 4, 4.3, 4, 4]]))).toThrow(
      "interview 1, dimension D: must be a whole or half number",
    );
  });

  it("reports no consensus at all as all six missing", () => {
    expect(readinessResult([])).toMatchObject({
      ok: false,
      missing: ["A", "B", "C", "D", "E", "F"],
    });
  });
});

describe("lowestDimensions", () => {
  it("compares stages, not means", () => {
    expect(lowestDimensions({ A: 5, B: 3, C: 3, D: 4, E: 6, F: 9 })).toEqual({
      stage: 3,
      dimensions: ["B", "C"],
    });
  });
});
