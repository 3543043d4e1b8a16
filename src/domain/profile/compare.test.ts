import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareWithNorm, compareWithReference, fisherExact, twoSidedNormal } from "./compare.ts";

// Reference values from scipy 1.3 (scipy.stats.fisher_exact, norm.sf) for the same tables.
describe("compareWithReference", () => {
  it("uses the pooled two-proportion z-test on large enough samples", () => {
    const result = compareWithReference({ flagged: 45, n: 100 }, { flagged: 30, n: 100 })!;
    expect(result.test).toBe("two_proportion_z");
    expect(result.difference).toBe("15.0");
    expect(result.pValue).toBeCloseTo(0.02845973691631055, 12);
    expect(result.significant).toBe(true);
    const second = compareWithReference({ flagged: 120, n: 400 }, { flagged: 90, n: 400 })!;
    expect(second.pValue).toBeCloseTo(0.015924985627566977, 12);
  });

  it("falls back to Fisher's exact test when an expected count is below 5", () => {
    // Fisher's tea-tasting table and the 2×2 example of the textbooks (p = 0.002759).
    const tea = compareWithReference({ flagged: 3, n: 4 }, { flagged: 1, n: 4 })!;
    expect(tea.test).toBe("fisher_exact");
    expect(tea.pValue).toBeCloseTo(0.48571428571428565, 10);
    expect(tea.significant).toBe(false);
    expect(fisherExact(1, 10, 11, 14)).toBeCloseTo(0.0027594561852200836, 10);
    // Expected counts of exactly 5 keep the z-test (Cochran's rule asks for at least 5).
    const classic = compareWithReference({ flagged: 1, n: 10 }, { flagged: 11, n: 14 })!;
    expect(classic.test).toBe("two_proportion_z");
    expect(classic.difference).toBe("-68.6");
    const small = compareWithReference({ flagged: 0, n: 9 }, { flagged: 8, n: 12 })!;
    expect(small.test).toBe("fisher_exact");
    expect(small.pValue).toBeCloseTo(0.004599734630694383, 10);
    expect(small.significant).toBe(true);
  });

  it("compares an area with the rest of a reference that contains it", () => {
    const result = compareWithReference(
      { flagged: 30, n: 60 },
      { flagged: 1430, n: 5060 },
      { referenceIncludesArea: true },
    )!;
    expect(result.pValue).toBeCloseTo(0.00016845237556953265, 12);
    // The difference shown is against the whole reference, as the bars show it.
    expect(result.difference).toBe("21.7");
    expect(() =>
      compareWithReference(
        { flagged: 3, n: 60 },
        { flagged: 2, n: 50 },
        { referenceIncludesArea: true },
      ),
    ).toThrow(RangeError);
  });

  it("never compares a suppressed cell", () => {
    expect(
      compareWithReference({ flagged: 3, n: 8, suppressed: true }, { flagged: 9, n: 90 }),
    ).toBe(null);
    expect(
      compareWithReference({ flagged: 3, n: 80 }, { flagged: 1, n: 9, suppressed: true }),
    ).toBe(null);
  });

  it("rounds the difference half away from zero, exactly", () => {
    expect(compareWithReference({ flagged: 1, n: 16 }, { flagged: 0, n: 10 })!.difference).toBe(
      "6.3",
    );
    expect(compareWithReference({ flagged: 0, n: 10 }, { flagged: 1, n: 16 })!.difference).toBe(
      "-6.3",
    );
    expect(compareWithReference({ flagged: 5, n: 10 }, { flagged: 5, n: 10 })!.difference).toBe(
      "0.0",
    );
  });

  it("refuses counts that are not counts", () => {
    expect(() => compareWithReference({ flagged: 11, n: 10 }, { flagged: 1, n: 10 })).toThrow(
      RangeError,
    );
    expect(() => compareWithReference({ flagged: 1.5, n: 10 }, { flagged: 1, n: 10 })).toThrow(
      RangeError,
    );
  });

  it("is symmetric in area and reference", () => {
    const share = fc
      .integer({ min: 1, max: 400 })
      .chain((n) => fc.integer({ min: 0, max: n }).map((flagged) => ({ flagged, n })));
    fc.assert(
      fc.property(share, share, (a, b) => {
        const forward = compareWithReference(a, b)!;
        const backward = compareWithReference(b, a)!;
        expect(backward.test).toBe(forward.test);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 9);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        const negated = forward.difference.startsWith("-")
          ? forward.difference.slice(1)
          : forward.difference === "0.0"
            ? "0.0"
            : `-${forward.difference}`;
        expect(backward.difference).toBe(negated);
      }),
    );
  });
});

describe("compareWithNorm", () => {
  it("uses the one-sample score test against the norm", () => {
    const notSignificant = compareWithNorm({ flagged: 60, n: 200 }, "25")!;
    expect(notSignificant.test).toBe("one_sample_score");
    expect(notSignificant.pValue).toBeCloseTo(0.10247043485974941, 12);
    expect(notSignificant.significant).toBe(false);
    expect(notSignificant.difference).toBe("5.0");
    const significant = compareWithNorm({ flagged: 13, n: 40 }, "20.0")!;
    expect(significant.pValue).toBeCloseTo(0.048106827888519416, 12);
    expect(significant.significant).toBe(true);
    expect(significant.difference).toBe("12.5");
  });

  it("decides a norm of 0 % or 100 % exactly", () => {
    expect(compareWithNorm({ flagged: 0, n: 30 }, "0")!.significant).toBe(false);
    expect(compareWithNorm({ flagged: 1, n: 30 }, "0")).toMatchObject({
      significant: true,
      test: "exact_binomial",
      difference: "3.3",
    });
  });

  it("refuses a norm that is not a percentage and skips suppressed cells", () => {
    expect(() => compareWithNorm({ flagged: 1, n: 30 }, "101")).toThrow(RangeError);
    expect(() => compareWithNorm({ flagged: 1, n: 30 }, "0,5")).toThrow(RangeError);
    expect(compareWithNorm({ flagged: 1, n: 4, suppressed: true }, "10")).toBe(null);
  });
});

describe("the distributions", () => {
  it("gives the textbook normal tail probabilities", () => {
    expect(twoSidedNormal(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormal(0)).toBe(1);
    expect(twoSidedNormal(-3) / 0.0026997960632601913).toBeCloseTo(1, 12);
    expect(twoSidedNormal(8) / 1.2441921148543639e-15).toBeCloseTo(1, 10);
  });

  it("sums Fisher's tail over equally likely tables too", () => {
    // A symmetric table: every table is as likely as its mirror image, so p = 1.
    expect(fisherExact(2, 4, 2, 4)).toBeCloseTo(1, 12);
  });
});
