/**
 * Whether an area's share flagged differs meaningfully from a reference, at the 95 % level.
 *
 * - Against a reference with its own counts (another area, the municipality, the collaboration,
 *   chosen municipalities, an earlier wave): the pooled two-proportion z-test, or Fisher's exact
 *   test (two-sided) when an expected count is below 5 and the normal approximation is poor.
 *   When the reference contains the area (an area against its own municipality), the area is
 *   compared with the rest of the reference, because a sample cannot be tested against itself.
 * - Against a norm given as a figure without n: the one-sample score test of p̂ against p0
 *   (z = (p̂ − p0) / √(p0(1 − p0)/n)); a norm of exactly 0 % or 100 % is decided exactly.
 *
 * Suppressed cells are never compared: the answer is null, so no test result can leak a hidden
 * count.
 */

export interface Share {
  readonly flagged: number;
  readonly n: number;
  readonly suppressed?: boolean;
}

export type TestName = "two_proportion_z" | "fisher_exact" | "one_sample_score" | "exact_binomial";

export interface Comparison {
  /** Area minus reference, in percentage points, rounded half away from zero to one decimal. */
  readonly difference: string;
  /** The sign of the exact difference (the rounded one may read 0.0). */
  readonly direction: -1 | 0 | 1;
  readonly significant: boolean;
  readonly test: TestName;
  readonly pValue: number;
}

/** The two-sided 97.5 % quantile of the standard normal distribution. */
const Z_95 = 1.959963984540054;

function checkShare(share: Share, what: string): void {
  if (!Number.isInteger(share.n) || share.n < 0) throw new RangeError(`${what}: n must be a count`);
  if (!Number.isInteger(share.flagged) || share.flagged < 0 || share.flagged > share.n) {
    throw new RangeError(`${what}: flagged must be a count no larger than n`);
  }
}

export function compareWithReference(
  area: Share,
  reference: Share,
  options: { referenceIncludesArea?: boolean } = {},
): Comparison | null {
  checkShare(area, "area");
  checkShare(reference, "reference");
  if (area.suppressed || reference.suppressed) return null;
  let other = reference;
  if (options.referenceIncludesArea) {
    if (reference.n < area.n || reference.flagged < area.flagged) {
      throw new RangeError("the reference cannot be smaller than the area it contains");
    }
    other = { flagged: reference.flagged - area.flagged, n: reference.n - area.n };
  }
  if (area.n === 0 || other.n === 0) return null;
  const numerator =
    BigInt(area.flagged) * BigInt(reference.n) - BigInt(reference.flagged) * BigInt(area.n);
  const difference = percentagePoints(numerator, BigInt(area.n) * BigInt(reference.n));
  const direction = sign(numerator);
  const total = area.n + other.n;
  const flaggedTotal = area.flagged + other.flagged;
  const smallestExpected =
    (Math.min(area.n, other.n) * Math.min(flaggedTotal, total - flaggedTotal)) / total;
  if (smallestExpected < 5) {
    const pValue = fisherExact(area.flagged, area.n, other.flagged, other.n);
    return { difference, direction, significant: pValue < 0.05, test: "fisher_exact", pValue };
  }
  const pooled = flaggedTotal / total;
  const z =
    (area.flagged / area.n - other.flagged / other.n) /
    Math.sqrt(pooled * (1 - pooled) * (1 / area.n + 1 / other.n));
  return {
    difference,
    direction,
    significant: Math.abs(z) > Z_95,
    test: "two_proportion_z",
    pValue: twoSidedNormal(z),
  };
}

/** `normPercent` is the norm's share in percent as a decimal string, e.g. "21.5". */
export function compareWithNorm(area: Share, normPercent: string): Comparison | null {
  checkShare(area, "area");
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(normPercent) || Number(normPercent) > 100) {
    throw new RangeError("the norm is a percentage from 0 to 100 with a decimal point");
  }
  if (area.suppressed || area.n === 0) return null;
  const [whole, fraction = ""] = normPercent.split(".") as [string, string?];
  const scale = 10n ** BigInt(fraction.length);
  const normScaled = BigInt(whole + fraction);
  // p̂ − p0 in percent = (100·flagged·scale − norm·n) / (n·scale).
  const numerator = BigInt(area.flagged) * 100n * scale - normScaled * BigInt(area.n);
  const difference = percentagePoints(numerator, BigInt(area.n) * 100n * scale);
  const direction = sign(numerator);
  const p0 = Number(normPercent) / 100;
  if (p0 === 0 || p0 === 1) {
    const agrees = area.flagged === (p0 === 0 ? 0 : area.n);
    return {
      difference,
      direction,
      significant: !agrees,
      test: "exact_binomial",
      pValue: agrees ? 1 : 0,
    };
  }
  const z = (area.flagged / area.n - p0) / Math.sqrt((p0 * (1 - p0)) / area.n);
  return {
    difference,
    direction,
    significant: Math.abs(z) > Z_95,
    test: "one_sample_score",
    pValue: twoSidedNormal(z),
  };
}

const sign = (value: bigint): -1 | 0 | 1 => (value > 0n ? 1 : value < 0n ? -1 : 0);

/** 100·numerator/denominator rounded half away from zero to one decimal, exactly. */
function percentagePoints(numerator: bigint, denominator: bigint): string {
  const negative = numerator < 0n;
  const tenths =
    ((negative ? -numerator : numerator) * 1000n * 2n + denominator) / (2n * denominator);
  const text = `${tenths / 10n}.${tenths % 10n}`;
  return negative && tenths !== 0n ? `-${text}` : text;
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function twoSidedNormal(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/**
 * The complementary error function, W. J. Cody's rational approximations (relative error about
 * 1e-15 in double precision), so that small p-values keep their digits.
 */
function erfc(x: number): number {
  const ax = Math.abs(x);
  let result: number;
  if (ax < 0.5) {
    const t = ax * ax;
    const top =
      (((0.18577770618460315 * t + 3.1611237438705655) * t + 113.86415415105016) * t +
        377.485237685302) *
        t +
      3209.3775891384694;
    const bottom =
      (((t + 23.601290952344122) * t + 244.02463793444417) * t + 1282.6165260773723) * t +
      2844.236833439171;
    result = 1 - (ax * top) / bottom;
  } else if (ax < 4) {
    const top =
      (((((((2.1531153547440383e-8 * ax + 0.5641884969886701) * ax + 8.883149794388377) * ax +
        66.11919063714163) *
        ax +
        298.6351381974001) *
        ax +
        881.952221241769) *
        ax +
        1712.0476126340707) *
        ax +
        2051.0783778260716) *
        ax +
      1230.3393547979972;
    const bottom =
      (((((((ax + 15.744926110709835) * ax + 117.6939508913125) * ax + 537.1811018620099) * ax +
        1621.3895745666903) *
        ax +
        3290.7992357334597) *
        ax +
        4362.619090143247) *
        ax +
        3439.3676741437216) *
        ax +
      1230.3393548037495;
    result = Math.exp(-ax * ax) * (top / bottom);
  } else {
    const t = 1 / (ax * ax);
    const top =
      ((((0.016315387137302097 * t + 0.30532663496123236) * t + 0.36034489994980445) * t +
        0.12578172611122926) *
        t +
        0.016083785148742275) *
        t +
      0.0006587491615298378;
    const bottom =
      ((((t + 2.568520192289822) * t + 1.8729528499234673) * t + 0.5279051029514285) * t +
        0.06051834131244132) *
        t +
      0.0023352049762686918;
    result = (Math.exp(-ax * ax) / ax) * (1 / Math.sqrt(Math.PI) - (t * top) / bottom);
  }
  return x < 0 ? 2 - result : result;
}

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9), accurate to about 1e-15. */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
    -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const logChoose = (n: number, k: number): number =>
  logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/**
 * Fisher's exact test, two-sided: the probability, with all margins fixed, of every table at most
 * as likely as the one observed.
 */
export function fisherExact(a: number, n1: number, c: number, n2: number): number {
  const flagged = a + c;
  const total = n1 + n2;
  const logP = (x: number): number =>
    logChoose(n1, x) + logChoose(n2, flagged - x) - logChoose(total, flagged);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, flagged - n2); x <= Math.min(n1, flagged); x++) {
    const lp = logP(x);
    // The relative tolerance keeps tables exactly as likely as the observed one, which rounding
    // would otherwise drop at random.
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
