import type { Instrument } from "./instrument.ts";

/**
 * Scoring one respondent, exactly as docs/profile-cli.md says: recode reversed items, require
 * minAnswered answered items, score = mean of the answered items as a fraction, flagged when the
 * score compares to the cut-point. The mean is never formed: for k answered items, "sum/k > c"
 * is decided by comparing the integer sum with the least integer sum that passes, precomputed
 * per k from the cut-point as an exact fraction. That makes the per-row work integer compares,
 * fast enough for a million rows, and free of floating-point rounding.
 */

/** A decimal as an exact fraction num/den (den > 0). */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/** The exact decimal a JSON number stands for: its shortest round-trip form, 2.5 → 5/2. */
export function decimalFraction(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`not a decimal: ${value}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const shift = fraction.length - Number(exponent);
  let num = BigInt(`${sign}${whole}${fraction}`);
  let den = 1n;
  if (shift > 0) den = 10n ** BigInt(shift);
  else num *= 10n ** BigInt(-shift);
  return { num, den };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** A threshold compiled for one factor: the least passing item sum per number answered. */
export interface CompiledThreshold {
  cutPoint: number;
  compare: ">" | ">=";
  /** minSum[k - 1]: the least integer sum of k answered (recoded) items that passes. */
  minSum: Float64Array;
}

function compileThreshold(cutPoint: number, compare: ">" | ">=", items: number): CompiledThreshold {
  const { num, den } = decimalFraction(cutPoint);
  const minSum = new Float64Array(items);
  for (let k = 1; k <= items; k++) {
    // sum/k > num/den  ⇔  sum·den > num·k  ⇔  sum ≥ ⌊num·k/den⌋ + 1;
    // sum/k ≥ num/den  ⇔  sum ≥ ⌈num·k/den⌉ = −⌊−num·k/den⌋.
    const bound =
      compare === ">" ? floorDiv(num * BigInt(k), den) + 1n : -floorDiv(-num * BigInt(k), den);
    minSum[k - 1] = Number(bound);
  }
  return { cutPoint, compare, minSum };
}

/** Whether a factor score sum/count passes a threshold (count ≥ 1). */
export function meetsThreshold(threshold: CompiledThreshold, sum: number, count: number): boolean {
  return sum >= (threshold.minSum[count - 1] as number);
}

export interface CompiledFactor {
  id: string;
  kind: "risk" | "protective";
  /** Indexes into the instrument's items, in the factor's order. */
  items: Int32Array;
  /** 1 where the item at the same position is reversed. */
  reverse: Uint8Array;
  minAnswered: number;
  /** The flag level (cutPoint/compare). */
  flag: CompiledThreshold;
  /** The further levels, in the instrument's order. */
  levels: { id: string; threshold: CompiledThreshold }[];
}

export interface CompiledInstrument {
  instrument: Instrument;
  /** Item ids in the instrument's order: the order of a respondent's answers. */
  itemIds: string[];
  itemIndex: Map<string, number>;
  itemMin: Float64Array;
  itemMax: Float64Array;
  itemMissing: Set<number>[];
  factors: CompiledFactor[];
  exclude: { item: number; values: Set<number> }[];
  /** The factors flattened for the per-row loop: items of factor f at start[f]..start[f+1]. */
  flat: {
    start: Int32Array;
    items: Int32Array;
    reverse: Uint8Array;
    minAnswered: Int32Array;
    /** minSum of factor f for k answered at start[f] + k − 1. */
    minSum: Float64Array;
  };
}

export function compileInstrument(instrument: Instrument): CompiledInstrument {
  const itemIds = instrument.items.map((item) => item.id);
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  const indexOf = (id: string) => {
    const index = itemIndex.get(id);
    if (index === undefined) throw new RangeError(`unknown item ${id}`);
    return index;
  };
  const factors = instrument.factors.map((factor): CompiledFactor => {
    const reversed = new Set(factor.reverse ?? []);
    const count = factor.items.length;
    return {
      id: factor.id,
      kind: factor.kind,
      items: Int32Array.from(factor.items.map(indexOf)),
      reverse: Uint8Array.from(factor.items.map((id) => (reversed.has(id) ? 1 : 0))),
      minAnswered: factor.minAnswered ?? count,
      flag: compileThreshold(factor.cutPoint, factor.compare, count),
      levels: (factor.levels ?? []).map((level) => ({
        id: level.id,
        threshold: compileThreshold(level.cutPoint, level.compare, count),
      })),
    };
  });
  const start = new Int32Array(factors.length + 1);
  factors.forEach((factor, f) => {
    start[f + 1] = (start[f] as number) + factor.items.length;
  });
  const total = start[factors.length] as number;
  const flat = {
    start,
    items: new Int32Array(total),
    reverse: new Uint8Array(total),
    minAnswered: Int32Array.from(factors, (factor) => factor.minAnswered),
    minSum: new Float64Array(total),
  };
  factors.forEach((factor, f) => {
    const offset = start[f] as number;
    flat.items.set(factor.items, offset);
    flat.reverse.set(factor.reverse, offset);
    flat.minSum.set(factor.flag.minSum, offset);
  });
  return {
    flat,
    instrument,
    itemIds,
    itemIndex,
    itemMin: Float64Array.from(instrument.items.map((item) => item.min)),
    itemMax: Float64Array.from(instrument.items.map((item) => item.max)),
    itemMissing: instrument.items.map((item) => new Set(item.missing ?? [])),
    factors,
    exclude: (instrument.exclude ?? []).map((rule) => ({
      item: indexOf(rule.item),
      values: new Set(rule.values),
    })),
  };
}

/**
 * A respondent's answers in the instrument's item order. NaN means an empty cell; a missing
 * code is kept as the code. Values are checked beforehand with `answerProblem`; the scorer
 * treats anything outside min..max as not answered.
 */
export type Answers = ArrayLike<number>;

/** Why a value cannot be an answer to the item, or null when it is one (or empty/missing). */
export function answerProblem(
  compiled: CompiledInstrument,
  item: number,
  value: number,
): string | null {
  if (Number.isNaN(value)) return null;
  const min = compiled.itemMin[item] as number;
  const max = compiled.itemMax[item] as number;
  if (Number.isInteger(value) && value >= min && value <= max) return null;
  if (compiled.itemMissing[item]?.has(value)) return null;
  const missing = [...(compiled.itemMissing[item] ?? [])];
  return `${value} is not an answer (valid ${min}–${max}${
    missing.length > 0 ? `, not answered ${missing.join(", ")}` : ""
  }, or empty)`;
}

/** Reads a cell's text as an answer: "" is empty (NaN); anything not a plain number is null. */
export function parseAnswer(text: string): number | null {
  // Nearly every cell of a survey is one digit or empty: decide those without a regex.
  if (text.length === 0) return Number.NaN;
  if (text.length === 1) {
    const digit = text.charCodeAt(0) - 48;
    if (digit >= 0 && digit <= 9) return digit;
  }
  const trimmed = text.trim();
  if (trimmed === "") return Number.NaN;
  if (!/^[+-]?\d+(?:[.,]0*)?$/.test(trimmed)) return null;
  return Number.parseInt(trimmed, 10);
}

export interface RespondentScore {
  /** Left out of everything by a validity screening rule. */
  excluded: boolean;
  /** Per factor (instrument order): has a score (enough items answered). */
  scored: boolean[];
  /** Per factor: the score passes the flag level (false when not scored). */
  flagged: boolean[];
}

export function newRespondentScore(compiled: CompiledInstrument): RespondentScore {
  const n = compiled.factors.length;
  return {
    excluded: false,
    scored: new Array<boolean>(n).fill(false),
    flagged: new Array<boolean>(n).fill(false),
  };
}

export function isExcluded(compiled: CompiledInstrument, answers: Answers): boolean {
  for (const rule of compiled.exclude) {
    if (rule.values.has(answers[rule.item] as number)) return true;
  }
  return false;
}

/**
 * Scores one respondent. Pass `into` (from newRespondentScore) to reuse its arrays over many
 * rows; the result is then `into` itself, overwritten.
 */
export function scoreRespondent(
  compiled: CompiledInstrument,
  answers: Answers,
  into: RespondentScore = newRespondentScore(compiled),
): RespondentScore {
  const { itemMin, itemMax } = compiled;
  const { start, items, reverse, minAnswered, minSum } = compiled.flat;
  const { scored, flagged } = into;
  into.excluded = isExcluded(compiled, answers);
  if (into.excluded) {
    scored.fill(false);
    flagged.fill(false);
    return into;
  }
  const factorCount = minAnswered.length;
  for (let f = 0; f < factorCount; f++) {
    const from = start[f] as number;
    const to = start[f + 1] as number;
    let sum = 0;
    let count = 0;
    for (let j = from; j < to; j++) {
      const item = items[j] as number;
      const value = answers[item] as number;
      const min = itemMin[item] as number;
      const max = itemMax[item] as number;
      // NaN fails both comparisons; missing codes lie outside min..max by the schema.
      if (value >= min && value <= max && value === Math.floor(value)) {
        sum += reverse[j] === 1 ? min + max - value : value;
        count++;
      }
    }
    if (count > 0 && count >= (minAnswered[f] as number)) {
      scored[f] = true;
      flagged[f] = sum >= (minSum[from + count - 1] as number);
    } else {
      scored[f] = false;
      flagged[f] = false;
    }
  }
  return into;
}

/**
 * A factor's exact score as a fraction sum/count of recoded items, or null when too few items
 * are answered. For levels and tests; the per-row path is scoreRespondent.
 */
export function factorScore(
  compiled: CompiledInstrument,
  factor: number,
  answers: Answers,
): { sum: number; count: number } | null {
  const compiledFactor = compiled.factors[factor];
  if (!compiledFactor) throw new RangeError(`no factor ${factor}`);
  let sum = 0;
  let count = 0;
  for (let j = 0; j < compiledFactor.items.length; j++) {
    const item = compiledFactor.items[j] as number;
    const value = answers[item] as number;
    const min = compiled.itemMin[item] as number;
    const max = compiled.itemMax[item] as number;
    if (value >= min && value <= max && Number.isInteger(value)) {
      sum += compiledFactor.reverse[j] === 1 ? min + max - value : value;
      count++;
    }
  }
  return count >= compiledFactor.minAnswered && count > 0 ? { sum, count } : null;
}
