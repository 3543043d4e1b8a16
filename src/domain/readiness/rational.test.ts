import { describe, expect, it } from "vitest";
import { mean, rational, roundToDecimals, truncate } from "./rational.ts";

describe("rational", () => {
  it("keeps fractions in lowest terms", () => {
    expect(rational(122n, 30n)).toEqual({ num: 61n, den: 15n });
  });

  it("computes means exactly", () => {
    expect(mean([rational(25n, 6n), rational(23n, 6n)])).toEqual({ num: 4n, den: 1n });
  });

  it("truncates toward zero", () => {
    expect(truncate(rational(29n, 6n))).toBe(4n);
  });

  it("rounds half up from the exact value where the double is below it", () => {
    expect(Number((1.005).toFixed(2))).toBe(1);
    expect(roundToDecimals(rational(201n, 200n), 2)).toBe(1.01);
    expect(roundToDecimals(rational(61n, 15n), 2)).toBe(4.07);
  });

  it("rejects a zero denominator and a mean of nothing", () => {
    expect(() => rational(1n, 0n)).toThrow(RangeError);
    expect(() => mean([])).toThrow(RangeError);
  });
});
