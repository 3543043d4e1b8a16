/**
 * The published figures as strings, rounded half up to one decimal of a percent and decided
 * exactly: a share of exactly 0.15 % is "0.2". Percentages are rational, so integer arithmetic
 * decides them; the Wilson interval has a square root, so a float gives the candidate and exact
 * comparisons of squares (BigInt) settle which side of each half-tenth it falls on.
 */

function checkCounts(flagged: number, n: number): void {
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new RangeError(`n must be a positive integer: ${n}`);
  if (!Number.isSafeInteger(flagged) || flagged < 0 || flagged > n) {
    throw new RangeError(`flagged must be an integer in 0..n: ${flagged}`);
  }
}

/** Tenths of a percent as "12.3". */
function tenths(value: number): string {
  return `${Math.floor(value / 10)}.${value % 10}`;
}

/** 100 × flagged / n, rounded half up to one decimal. */
export function percentOneDecimal(flagged: number, n: number): string {
  checkCounts(flagged, n);
  // round(1000·f/n) half up = ⌊(1000·f/n) + ½⌋ = ⌊(2000·f + n) / 2n⌋.
  const value = (2000n * BigInt(flagged) + BigInt(n)) / (2n * BigInt(n));
  return tenths(Number(value));
}

// z = 1.96 = 49/25, so z² = 2401/625.
const Z_NUM = 49n;
const Z_DEN = 25n;

/**
 * Whether the Wilson bound (lower or upper) of f/n is at least b = t/2000 (t an integer,
 * b in units of a share). With z = zn/zd, c = z², the bounds are
 *   (2f + c ∓ z·√(c + 4f(n−f)/n)) / (2(n + c)).
 * Multiplying through by zd²·n keeps everything in integers:
 *   bound ≥ b  ⇔  A ∓ √S ≥ 0 with A = (2f + c − 2b(n + c))·zd²·n·… (see below).
 */
function wilsonAtLeast(flagged: number, n: number, t: bigint, upper: boolean): boolean {
  const f = BigInt(flagged);
  const N = BigInt(n);
  const zn2 = Z_NUM * Z_NUM;
  const zd2 = Z_DEN * Z_DEN;
  // With c = zn2/zd2 and b = t/2000, multiply "2f + c − 2b(n + c) ≥ ±z·√D" by zd2·2000:
  //   L := 2000·(2f·zd2 + zn2) − 2t·(N·zd2 + zn2)
  // and the right side z·√D·zd2·2000 where D = c + 4f(n−f)/n, so
  //   (z·√D·zd2·2000)² = zn2·zd2·2000²·(zn2/zd2 + 4f(n−f)/n)
  //                    = 2000²·zn2·(zn2·n + 4f(n−f)·zd2) / n.
  // Compare L·|L|·n with ±2000²·zn2·(zn2·n + 4f(n−f)·zd2) to stay in integers.
  const left = 2000n * (2n * f * zd2 + zn2) - 2n * t * (N * zd2 + zn2);
  const rootSquared = 2000n * 2000n * zn2 * (zn2 * N + 4n * f * (N - f) * zd2);
  const leftSquared = left * left * N;
  if (upper) {
    // left + √R ≥ 0  ⇔  left ≥ 0 or R ≥ left²
    return left >= 0n || rootSquared >= leftSquared;
  }
  // left − √R ≥ 0  ⇔  left ≥ 0 and left² ≥ R
  return left >= 0n && leftSquared >= rootSquared;
}

function roundedWilsonBound(flagged: number, n: number, upper: boolean, estimate: number): string {
  // The rounded value r (tenths of a percent) is the largest r with bound ≥ (r − ½)/1000,
  // i.e. bound ≥ (2r − 1)/2000.
  const scaled = estimate * 1000;
  let r = Math.floor(scaled + 0.5);
  // The float is off by far less than 1e-9 of a tenth; only near a half is it checked exactly.
  if (Math.abs(scaled - r + 0.5) > 1e-6 && Math.abs(scaled - r - 0.5) > 1e-6) return tenths(r);
  while (r > 0 && !wilsonAtLeast(flagged, n, BigInt(2 * r - 1), upper)) r--;
  while (r < 1000 && wilsonAtLeast(flagged, n, BigInt(2 * r + 1), upper)) r++;
  return tenths(r);
}

/** The 95 % Wilson score interval (z = 1.96) of flagged / n in percent, ends rounded half up. */
export function wilsonInterval(flagged: number, n: number): [string, string] {
  checkCounts(flagged, n);
  const z = 1.96;
  const p = flagged / n;
  const c = z * z;
  const centre = (p + c / (2 * n)) / (1 + c / n);
  const half = (z / (1 + c / n)) * Math.sqrt((p * (1 - p)) / n + c / (4 * n * n));
  return [
    roundedWilsonBound(flagged, n, false, Math.max(0, centre - half)),
    roundedWilsonBound(flagged, n, true, Math.min(1, centre + half)),
  ];
}
