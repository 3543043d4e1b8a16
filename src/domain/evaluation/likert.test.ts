import { describe, expect, it } from "vitest";
import { LikertAnswerError, proratedSum, scoreLikert } from "./likert.ts";
import { LikertInstrumentSchema } from "./schemas.ts";

const wellbeing = LikertInstrumentSchema.parse({
  id: "wellbeing-demo",
  name: "Demo well-being scale",
  answers: { min: 1, max: 5 },
  items: [{ id: "a" }, { id: "b", reverse: true }, { id: "c" }, { id: "d" }],
  scales: [
    { id: "mood", items: ["a", "b"], minAnswered: 2 },
    { id: "school", items: ["c", "d"], minAnswered: 1 },
  ],
  composites: [{ id: "sum", scales: ["mood", "school"] }],
});

describe("Likert engine", () => {
  it("reverses as min + max − answer and prorates missing items", () => {
    // mood: 4 + (6 − 2) = 8; school: one of two answered, 3 × 2 = 6.
    expect(scoreLikert(wellbeing, { a: 4, b: 2, c: 3, d: null })).toEqual({
      scales: { mood: 8, school: 6 },
      composites: { sum: 14 },
    });
    expect(scoreLikert(wellbeing, { a: 4, c: 3 })).toEqual({
      scales: { mood: null, school: 6 },
      composites: { sum: null },
    });
  });

  it("refuses an answer outside the scale instead of scoring it", () => {
    expect(() => scoreLikert(wellbeing, { a: 6 })).toThrow(LikertAnswerError);
    expect(() => scoreLikert(wellbeing, { a: 2.5 })).toThrow("item a");
  });

  it("rounds prorated halves up, also below zero", () => {
    expect(proratedSum([1, 0, 1, 0], 5)).toBe(3);
    expect(proratedSum([-1, 0, -1, 0], 5)).toBe(-2);
    expect(proratedSum([1, 1, 0], 5)).toBe(3);
  });

  it("rejects an instrument that names unknown items or scales", () => {
    const result = LikertInstrumentSchema.safeParse({
      id: "x",
      name: "x",
      answers: { min: 0, max: 3 },
      items: [{ id: "a" }],
      scales: [{ id: "s", items: ["a", "z"], minAnswered: 3 }],
      composites: [{ id: "t", scales: ["nope"] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "scales.0.items",
      "scales.0.minAnswered",
      "composites.0",
    ]);
  });
});
