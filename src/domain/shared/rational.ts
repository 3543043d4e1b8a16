/**
 * Exact rational numbers on bigint. Discount factors such as 1 / 1.035^t have no finite decimal
 * expansion, so money flows are kept as fractions and rounded only when shown; two runs on the
 * same input then agree to the öre, whatever order the sums are taken in. Readiness means of
 * means with different interview counts have denominators that grow as their least common
 * multiple, so they too stay exact where a double would land a hair under an integer and
 * truncate to the stage below.
 */
export interface Rational {
  readonly n: bigint;
  /** Always positive; the fraction is kept in lowest terms. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError("denominator is zero");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { n: num / g, d: den / g } : { n: num, d: den };
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

export const add = (a: Rational, b: Rational): Rational =>
  rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational =>
  rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => {
  if (b.n === 0n) throw new RangeError("division by zero");
  return rational(a.n * b.d, a.d * b.n);
};
export const cmp = (a: Rational, b: Rational): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
};
export const isZero = (a: Rational): boolean => a.n === 0n;
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);
export const clamp = (a: Rational, lo: Rational, hi: Rational): Rational => max(lo, min(hi, a));

export function mean(values: readonly Rational[]): Rational {
  if (values.length === 0) throw new RangeError("mean of no values");
  const total = sum(values);
  return rational(total.n, total.d * BigInt(values.length));
}

/** The integer part; bigint division truncates toward zero, which is floor for non-negative values. */
export const truncate = (value: Rational): bigint => value.n / value.d;

export function pow(base: Rational, exponent: number): Rational {
  if (!Number.isInteger(exponent) || exponent < 0)
    throw new RangeError("exponent must be a natural number");
  const e = BigInt(exponent);
  return rational(base.n ** e, base.d ** e);
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal ("0.035", "-12", "1200000.50"). JSON numbers are accepted through their
 * shortest string form, which is the digits the author typed; exponent forms are refused so that
 * nothing passes through binary floating point unnoticed.
 */
export function parseDecimal(value: string | number): Rational | null {
  const text = typeof value === "number" ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  const digits = BigInt(`${whole}${fraction}`);
  return rational(sign === "-" ? -digits : digits, 10n ** BigInt(fraction.length));
}

/** The number of decimals a decimal literal carries, for "at most two decimals" checks. */
export function decimalPlaces(value: string | number): number {
  const text = typeof value === "number" ? String(value) : value.trim();
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Rounds to an integer number of 10^-places units, halves away from zero (−50.005 → −50.01). */
export function roundToUnits(value: Rational, places: number): bigint {
  const scaled = value.n * 10n ** BigInt(places);
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const rounded = (2n * magnitude + value.d) / (2n * value.d);
  return negative ? -rounded : rounded;
}

/** Fixed-point text of a scaled integer, never "-0.00". */
export function formatUnits(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${body}` : body;
}

/** Display form of an exact value: rounded once, halves away from zero. */
export const formatFixed = (value: Rational, places: number): string =>
  formatUnits(roundToUnits(value, places), places);

/**
 * A display number rounded once from the exact value, halves away from zero (half up for the
 * non-negative readiness scores), so 1.005 gives 1.01 although the double nearest 1.005 is below
 * it and would round down.
 */
export const roundToDecimals = (value: Rational, decimals: number): number =>
  Number(roundToUnits(value, decimals)) / 10 ** decimals;
