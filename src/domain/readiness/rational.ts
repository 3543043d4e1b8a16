/**
 * Exact fractions for the readiness arithmetic. Means of means with different interview counts
 * have denominators that grow as their least common multiple, so bigint keeps them exact where
 * a double would land a hair under an integer and truncate to the stage below.
 */
export interface Rational {
  readonly num: bigint;
  /** Always positive; the fraction is kept in lowest terms. */
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint, den = 1n): Rational {
  if (den <= 0n) throw new RangeError("denominator must be positive");
  const divisor = gcd(num, den) || 1n;
  return { num: num / divisor, den: den / divisor };
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function mean(values: readonly Rational[]): Rational {
  if (values.length === 0) throw new RangeError("mean of no values");
  const sum = values.reduce(add, rational(0n));
  return rational(sum.num, sum.den * BigInt(values.length));
}

/** The integer part; bigint division truncates toward zero, which is floor for the positive scores. */
export function truncate(value: Rational): bigint {
  return value.num / value.den;
}

/**
 * For non-negative values: rounds half up in exact arithmetic, so 1.005 gives 1.01 although the
 * double nearest 1.005 is below it and would round down.
 */
export function roundToDecimals(value: Rational, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * value.num * scale + value.den) / (2n * value.den);
  return Number(scaled) / Number(scale);
}
