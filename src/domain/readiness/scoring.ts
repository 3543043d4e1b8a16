import { mean, type Rational, rational, roundToDecimals, truncate } from "../shared/rational.ts";
import { DIMENSION_LETTERS, DIMENSIONS, type DimensionLetter } from "./dimensions.ts";
import type { StageNumber } from "./stages.ts";

export const SCORE_GRIDS = ["whole", "half", "tenth"] as const;
/** Which scores between the anchors are allowed; a setting of each assessment. */
export type ScoreGrid = (typeof SCORE_GRIDS)[number];
export const DEFAULT_SCORE_GRID: ScoreGrid = "half";

export const MIN_SCORE = 1;
export const MAX_SCORE = 9;
/** Scores and means are shown with two decimals; stages never come from the rounded value. */
export const DISPLAY_DECIMALS = 2;

export const UNITS_PER_POINT: Readonly<Record<ScoreGrid, bigint>> = {
  whole: 1n,
  half: 2n,
  tenth: 10n,
};

const GRID_RULE: Readonly<Record<ScoreGrid, string>> = {
  whole: "must be a whole number, e.g. 4",
  half: "must be a whole or half number, e.g. 4 or 4.5",
  tenth: "must have at most one decimal, e.g. 4.3",
};

export type ScoreCheck = { ok: true; units: bigint } | { ok: false; message: string };

/**
 * Checks one score against the grid and returns it as an integer count of grid units (half-points
 * on the default grid). The message is for one field; the caller names the field.
 */
export function validateScore(value: number, grid: ScoreGrid): ScoreCheck {
  if (!Number.isFinite(value) || value < MIN_SCORE || value > MAX_SCORE) {
    return { ok: false, message: `must be between ${MIN_SCORE} and ${MAX_SCORE}` };
  }
  // String() yields the shortest decimal that reads back as this double, i.e. what was typed;
  // working on its digits makes the grid test exact where value * 10 would not be (1.1 * 10).
  const [whole = "", fraction = ""] = String(value).split(".");
  const scaled = BigInt(whole + fraction) * UNITS_PER_POINT[grid];
  const scale = 10n ** BigInt(fraction.length);
  if (scaled % scale !== 0n) return { ok: false, message: GRID_RULE[grid] };
  return { ok: true, units: scaled / scale };
}

/** Grid units of a score; throws naming `where`, for input that should have been validated. */
export function scoreUnits(value: number, grid: ScoreGrid, where = "score"): bigint {
  const check = validateScore(value, grid);
  if (!check.ok) throw new RangeError(`${where}: ${check.message}`);
  return check.units;
}

/** A count of grid units as points, e.g. 9 half-points is 9/2. */
export function unitsToPoints(units: bigint, grid: ScoreGrid): Rational {
  return rational(units, UNITS_PER_POINT[grid]);
}

/** The mean of the consensus scores of one dimension across interviews, exact. */
export function dimensionScore(scores: readonly number[], grid: ScoreGrid): Rational {
  return mean(scores.map((score) => unitsToPoints(scoreUnits(score, grid), grid)));
}

/** The mean of the six dimension scores. */
export function overallScore(dimensions: Readonly<Record<DimensionLetter, Rational>>): Rational {
  return mean(DIMENSION_LETTERS.map((letter) => dimensions[letter]));
}

/** Truncated, never rounded: a community has not reached a stage until it has fully reached it. */
export function stageOf(score: Rational): StageNumber {
  const stage = Number(truncate(score));
  if (stage < MIN_SCORE || stage > MAX_SCORE) throw new RangeError(`score outside 1–9: ${stage}`);
  return stage as StageNumber;
}

/**
 * The dimensions at the lowest dimension stage. Compared by stage rather than by mean, because
 * strategies are chosen per stage and every dimension at that stage limits progress alike.
 */
export function lowestDimensions(stages: Readonly<Partial<Record<DimensionLetter, StageNumber>>>): {
  stage: StageNumber;
  dimensions: DimensionLetter[];
} {
  const present = DIMENSION_LETTERS.filter((letter) => stages[letter] !== undefined);
  const stage = Math.min(...present.map((letter) => stages[letter] as number)) as StageNumber;
  return { stage, dimensions: present.filter((letter) => stages[letter] === stage) };
}

/** Scores for one interview, one per dimension; a dimension not yet scored is left out. */
export interface InterviewScores {
  interviewId: string;
  scores: Readonly<Partial<Record<DimensionLetter, number>>>;
}

export interface DimensionResult {
  /** Rounded to two decimals for display only. */
  score: number;
  /** From the exact mean. */
  stage: StageNumber;
  interviews: number;
}

export type ReadinessResult =
  | {
      ok: true;
      dimensions: Record<DimensionLetter, DimensionResult>;
      /** Rounded to two decimals for display only. */
      score: number;
      stage: StageNumber;
      /** The dimensions at the lowest stage, which limit progress. */
      lowest: DimensionLetter[];
      lowestStage: StageNumber;
    }
  | {
      ok: false;
      missing: DimensionLetter[];
      message: string;
      /** The dimensions that already have consensus, so a page can show progress. */
      dimensions: Partial<Record<DimensionLetter, DimensionResult>>;
    };

/**
 * From consensus scores to stage. Throws RangeError on a score off the grid, since callers are
 * expected to have validated input through the schemas first.
 */
export function readinessResult(
  consensus: readonly InterviewScores[],
  grid: ScoreGrid = DEFAULT_SCORE_GRID,
): ReadinessResult {
  const exact: Partial<Record<DimensionLetter, Rational>> = {};
  const dimensions: Partial<Record<DimensionLetter, DimensionResult>> = {};
  for (const letter of DIMENSION_LETTERS) {
    const points = consensus.flatMap(({ interviewId, scores }) => {
      const score = scores[letter];
      if (score === undefined) return [];
      const where = `interview ${interviewId}, dimension ${letter}`;
      return [unitsToPoints(scoreUnits(score, grid, where), grid)];
    });
    if (points.length === 0) continue;
    const value = mean(points);
    exact[letter] = value;
    dimensions[letter] = {
      score: roundToDecimals(value, DISPLAY_DECIMALS),
      stage: stageOf(value),
      interviews: points.length,
    };
  }
  const missing = DIMENSION_LETTERS.filter((letter) => exact[letter] === undefined);
  if (missing.length > 0) {
    return { ok: false, missing, message: missingMessage(missing), dimensions };
  }
  const complete = dimensions as Record<DimensionLetter, DimensionResult>;
  const score = overallScore(exact as Record<DimensionLetter, Rational>);
  const lowest = lowestDimensions(
    Object.fromEntries(DIMENSION_LETTERS.map((letter) => [letter, complete[letter].stage])),
  );
  return {
    ok: true,
    dimensions: complete,
    score: roundToDecimals(score, DISPLAY_DECIMALS),
    stage: stageOf(score),
    lowest: lowest.dimensions,
    lowestStage: lowest.stage,
  };
}

function missingMessage(missing: readonly DimensionLetter[]): string {
  const names = missing.map((letter) => `${letter} (${DIMENSIONS[letter].name.en})`).join(", ");
  return `No consensus score yet for ${names}; the overall stage needs at least one consensus score in every dimension.`;
}
