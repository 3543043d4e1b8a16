import { describe, expect, it } from "vitest";
import { interRaterAgreement, scoreDifferences } from "./agreement.ts";

const first = [
  { interviewId: "i1", scores: { A: 4, B: 3, C: 5 } },
  { interviewId: "i2", scores: { A: 6, B: 2 } },
];
const second = [
  { interviewId: "i2", scores: { A: 4.5, B: 2 } },
  { interviewId: "i1", scores: { A: 4.5, B: 3, D: 4 } },
];

describe("scoreDifferences", () => {
  it("lists every pair both scorers scored, in interview then dimension order", () => {
    expect(scoreDifferences(first, second, "half")).toEqual([
      { interviewId: "i1", dimension: "A", first: 4, second: 4.5, difference: 0.5, differs: true },
      { interviewId: "i1", dimension: "B", first: 3, second: 3, difference: 0, differs: false },
      { interviewId: "i2", dimension: "A", first: 6, second: 4.5, difference: 1.5, differs: true },
      { interviewId: "i2", dimension: "B", first: 2, second: 2, difference: 0, differs: false },
    ]);
  });
});

describe("interRaterAgreement", () => {
  it("reports exact agreement, agreement within one point and the mean absolute difference", () => {
    expect(interRaterAgreement(first, second, "half")).toEqual({
      pairs: 4,
      exactAgreement: 50,
      withinOnePoint: 75,
      meanAbsoluteDifference: 0.5,
    });
  });

  it("counts a difference of exactly one point as within one point", () => {
    const a = [{ interviewId: "x", scores: { A: 4.1, B: 5, C: 7 } }];
    const b = [{ interviewId: "x", scores: { A: 5.1, B: 6.1, C: 7 } }];
    expect(interRaterAgreement(a, b, "tenth")).toEqual({
      pairs: 3,
      exactAgreement: 33.33,
      withinOnePoint: 66.67,
      meanAbsoluteDifference: 0.7,
    });
  });

  it("has no figures without pairs", () => {
    expect(interRaterAgreement(first, [], "half")).toEqual({
      pairs: 0,
      exactAgreement: null,
      withinOnePoint: null,
      meanAbsoluteDifference: null,
    });
  });
});
