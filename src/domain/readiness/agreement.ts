import { mean, rational, roundToDecimals } from "../shared/rational.ts";
import { DIMENSION_LETTERS, type DimensionLetter } from "./dimensions.ts";
import {
  DISPLAY_DECIMALS,
  type InterviewScores,
  type ScoreGrid,
  scoreUnits,
  UNITS_PER_POINT,
  unitsToPoints,
} from "./scoring.ts";

export interface ScoreDifference {
  interviewId: string;
  dimension: DimensionLetter;
  first: number;
  second: number;
  /** Absolute difference in points. */
  difference: number;
  differs: boolean;
}

interface UnitPair {
  interviewId: string;
  dimension: DimensionLetter;
  first: number;
  second: number;
  units: bigint;
}

/** Pairs where both scorers scored, in the first scorer's interview order, then by dimension. */
function pairs(
  first: readonly InterviewScores[],
  second: readonly InterviewScores[],
  grid: ScoreGrid,
): UnitPair[] {
  const byInterview = new Map(second.map((sheet) => [sheet.interviewId, sheet.scores]));
  return first.flatMap(({ interviewId, scores }) =>
    DIMENSION_LETTERS.flatMap((dimension) => {
      const a = scores[dimension];
      const b = byInterview.get(interviewId)?.[dimension];
      if (a === undefined || b === undefined) return [];
      const where = `interview ${interviewId}, dimension ${dimension}`;
      const units = scoreUnits(a, grid, where) - scoreUnits(b, grid, where);
      return [{ interviewId, dimension, first: a, second: b, units: units < 0n ? -units : units }];
    }),
  );
}

/** Every interview and dimension both scorers have scored, for the consensus view to highlight. */
export function scoreDifferences(
  first: readonly InterviewScores[],
  second: readonly InterviewScores[],
  grid: ScoreGrid,
): ScoreDifference[] {
  return pairs(first, second, grid).map(({ units, ...pair }) => ({
    ...pair,
    difference: roundToDecimals(unitsToPoints(units, grid), DISPLAY_DECIMALS),
    differs: units !== 0n,
  }));
}

export interface InterRaterAgreement {
  pairs: number;
  /** Percent of pairs with the same score; null when there are no pairs. */
  exactAgreement: number | null;
  /** Percent of pairs at most one point apart. */
  withinOnePoint: number | null;
  /** In points. */
  meanAbsoluteDifference: number | null;
}

/** Agreement between two scorers before consensus, from the pairs both have scored. */
export function interRaterAgreement(
  first: readonly InterviewScores[],
  second: readonly InterviewScores[],
  grid: ScoreGrid,
): InterRaterAgreement {
  const all = pairs(first, second, grid);
  if (all.length === 0) {
    return { pairs: 0, exactAgreement: null, withinOnePoint: null, meanAbsoluteDifference: null };
  }
  const onePoint = UNITS_PER_POINT[grid];
  const percent = (count: number) =>
    roundToDecimals(rational(BigInt(count) * 100n, BigInt(all.length)), DISPLAY_DECIMALS);
  return {
    pairs: all.length,
    exactAgreement: percent(all.filter((pair) => pair.units === 0n).length),
    withinOnePoint: percent(all.filter((pair) => pair.units <= onePoint).length),
    meanAbsoluteDifference: roundToDecimals(
      mean(all.map((pair) => unitsToPoints(pair.units, grid))),
      DISPLAY_DECIMALS,
    ),
  };
}
