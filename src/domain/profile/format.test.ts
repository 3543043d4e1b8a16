import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentOneDecimal, wilsonInterval } from "./format.ts";

// An independent check of the Wilson bounds: the bound in millionths of a tenth of a percent by
// integer square roots (BigInt, 40 extra digits), then rounded half up. No float involved.
function isqrt(value: bigint): bigint {
  if (value < 2n) return value;
  // Newton's method from above converges down to ⌊√value⌋.
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}

function referenceWilson(f: number, n: number): [string, string] {
  const F = BigInt(f);
  const N = BigInt(n);
  const scale = 10n ** 40n;
  // z = 49/25, c = 2401/625; everything × 625·N to clear denominators.
  // bound = (2f + c ∓ z√(c + 4f(n−f)/n)) / (2(n + c))
  const rootTimes = isqrt((2401n * N + 4n * F * (N - F) * 625n) * N * scale * scale); // √(D·625·N²)·scale
  const centre = (2n * F * 625n + 2401n) * N * scale; // (2f + c)·625·N·scale
  const spread = (49n * rootTimes) / 25n; // z·√D·625·N·scale … /25 for √625 → ×25 below
  const den = 2n * (N * 625n + 2401n) * N; // 2(n + c)·625·N
  const toTenths = (num: bigint) => {
    // value in tenths of a percent = num/den/scale × 1000, rounded half up
    const scaled = (num * 1000n * 2n) / (den * scale);
    const rounded = (scaled + 1n) / 2n;
    return `${rounded / 10n}.${rounded % 10n}`;
  };
  const lower = centre - spread * 25n;
  const upper = centre + spread * 25n;
  return [toTenths(lower < 0n ? 0n : lower), toTenths(upper)];
}

describe("percentOneDecimal", () => {
  it("rounds exact halves up", () => {
    expect(percentOneDecimal(3, 2000)).toBe("0.2"); // 0.15 %
    expect(percentOneDecimal(1, 16)).toBe("6.3"); // 6.25 %
    expect(percentOneDecimal(1, 80)).toBe("1.3"); // 1.25 %
    expect(percentOneDecimal(1, 400)).toBe("0.3"); // 0.25 %
  });
  it("rounds other values to the nearest tenth", () => {
    expect(percentOneDecimal(1, 3)).toBe("33.3");
    expect(percentOneDecimal(2, 3)).toBe("66.7");
    expect(percentOneDecimal(0, 7)).toBe("0.0");
    expect(percentOneDecimal(7, 7)).toBe("100.0");
    expect(percentOneDecimal(12, 57)).toBe("21.1");
    expect(percentOneDecimal(1, 1_000_000)).toBe("0.0");
    expect(percentOneDecimal(1499, 1_000_000)).toBe("0.1");
    expect(percentOneDecimal(1500, 1_000_000)).toBe("0.2");
  });
  it("refuses impossible counts", () => {
    expect(() => percentOneDecimal(1, 0)).toThrow();
    expect(() => percentOneDecimal(5, 4)).toThrow();
    expect(() => percentOneDecimal(-1, 4)).toThrow();
  });
  it("agrees with exact rational rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (n, k) => {
        const f = k % (n + 1);
        const tenths = Number(percentOneDecimal(f, n)) * 10;
        // |1000 f/n − tenths| ≤ ½, and exactly ½ only from below (half up).
        const diff = 2000 * f - 2 * n * Math.round(tenths);
        expect(diff).toBeLessThan(n + 1);
        expect(diff).toBeGreaterThanOrEqual(-n);
      }),
    );
  });
});

describe("wilsonInterval", () => {
  it("matches the contract's example and known values", () => {
    expect(wilsonInterval(12, 57)).toEqual(["12.5", "33.3"]);
    expect(wilsonInterval(5, 10)).toEqual(["23.7", "76.3"]);
    expect(wilsonInterval(0, 1)).toEqual(["0.0", "79.3"]);
    expect(wilsonInterval(1, 1)).toEqual(["20.7", "100.0"]);
    expect(wilsonInterval(3, 2000)).toEqual(["0.1", "0.4"]);
  });
  it("agrees with an independent integer computation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (n, k) => {
        const f = k % (n + 1);
        expect(wilsonInterval(f, n)).toEqual(referenceWilson(f, n));
      }),
      { numRuns: 500 },
    );
  });
  it("contains the percentage and is symmetric in flagged and not flagged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (n, k) => {
        const f = k % (n + 1);
        const [lo, hi] = wilsonInterval(f, n).map(Number) as [number, number];
        const p = Number(percentOneDecimal(f, n));
        expect(lo).toBeLessThanOrEqual(p);
        expect(hi).toBeGreaterThanOrEqual(p);
        const [mlo, mhi] = wilsonInterval(n - f, n).map(Number) as [number, number];
        // Rounding half up is not symmetric at exact halves, which the irrational bounds avoid.
        expect(Math.round((100 - hi) * 10)).toBe(Math.round(mlo * 10));
        expect(Math.round((100 - lo) * 10)).toBe(Math.round(mhi * 10));
      }),
    );
  });
});
