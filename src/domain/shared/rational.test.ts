import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  cmp,
  div,
  formatFixed,
  mean,
  mul,
  parseDecimal,
  pow,
  rational,
  roundToDecimals,
  sub,
  truncate,
} from "./rational.ts";

describe("rational arithmetic", () => {
  it("keeps fractions in lowest terms with a positive denominator", () => {
    expect(rational(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(add(rational(1n, 3n), rational(1n, 6n))).toEqual({ n: 1n, d: 2n });
    expect(div(rational(1n), pow(rational(21n, 20n), 2))).toEqual({ n: 400n, d: 441n });
  });

  it("reads decimals exactly and refuses exponent forms", () => {
    expect(parseDecimal("0.035")).toEqual({ n: 7n, d: 200n });
    expect(parseDecimal(0.1)).toEqual({ n: 1n, d: 10n });
    expect(parseDecimal("-12")).toEqual({ n: -12n, d: 1n });
    expect(parseDecimal(1e-7)).toBeNull();
    expect(parseDecimal("1,5")).toBeNull();
    expect(parseDecimal("")).toBeNull();
  });

  it("rounds halves away from zero only when shown", () => {
    expect(formatFixed(parseDecimal("-50.005")!, 2)).toBe("-50.01");
    expect(formatFixed(parseDecimal("50.005")!, 2)).toBe("50.01");
    expect(formatFixed(parseDecimal("50.00499")!, 2)).toBe("50.00");
    expect(formatFixed(parseDecimal("-0.004")!, 2)).toBe("0.00");
    expect(formatFixed(rational(2n, 3n), 4)).toBe("0.6667");
    expect(formatFixed(rational(-1n, 8n), 2)).toBe("-0.13");
  });

  it("adds and subtracts back to where it started", () => {
    const r = fc.tuple(fc.bigInt(-(10n ** 12n), 10n ** 12n), fc.bigInt(1n, 10n ** 6n));
    fc.assert(
      fc.property(r, r, ([an, ad], [bn, bd]) => {
        const a = rational(an, ad);
        const b = rational(bn, bd);
        expect(cmp(sub(add(a, b), b), a)).toBe(0);
        expect(cmp(mul(a, b), mul(b, a))).toBe(0);
      }),
    );
  });
});

describe("readiness arithmetic", () => {
  it("keeps fractions in lowest terms", () => {
    expect(rational(122n, 30n)).toEqual({ n: 61n, d: 15n });
  });

  it("computes means exactly", () => {
    expect(mean([rational(25n, 6n), rational(23n, 6n)])).toEqual({ n: 4n, d: 1n });
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
