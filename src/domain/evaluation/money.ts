import {
  decimalPlaces,
  formatUnits,
  parseDecimal,
  type Rational,
  rational,
  roundToUnits,
} from "../shared/rational.ts";

/** Money is counted in öre; an amount in kronor carries at most two decimals. */
export const ORE_PER_KRONA = 100n;

/** Exact öre of an amount written in kronor ("1200000.50" or 1200000.5); null if not money. */
export function kronorToOre(value: string | number): bigint | null {
  if (decimalPlaces(value) > 2) return null;
  const parsed = parseDecimal(value);
  if (!parsed) return null;
  return (parsed.n * ORE_PER_KRONA) / parsed.d;
}

/** An exact amount of öre (possibly fractional after discounting) rounded to whole öre. */
export const roundOre = (ore: Rational): bigint => roundToUnits(ore, 0);

/** Kronor with two decimals, rounded to the öre halves away from zero: "-50.01". */
export const formatKronor = (ore: Rational): string => formatUnits(roundOre(ore), 2);

export const ore = (amount: bigint): Rational => rational(amount);
