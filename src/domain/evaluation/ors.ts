import { decimalPlaces, parseDecimal } from "../shared/rational.ts";
import type { OrsScoreInput, SrsScoreInput } from "./schemas.ts";

/**
 * Marks are read as whole tenths (the lines are marked to one decimal), so a total of exactly
 * 25.0 is compared with the cut-off 25 as the integers 250 and 250, with no float in between.
 */
export type Tenths = number;

export function markToTenths(mark: string | number): Tenths | null {
  const value = parseDecimal(mark);
  if (!value || decimalPlaces(mark) > 1) return null;
  const tenths = Number((value.n * 10n) / value.d);
  return tenths >= 0 && tenths <= 100 ? tenths : null;
}

export const tenthsToNumber = (tenths: Tenths): number => tenths / 10;

export interface OrsNorm {
  version: "ORS" | "CORS";
  ageMin: number;
  /** Inclusive; null means no upper age. */
  ageMax: number | null;
  /** Totals strictly below the cut-off are in the clinical range. */
  cutoff: number;
  cutoffVerified: boolean;
  /** Smallest change in the total that counts as reliable; null where no value is known. */
  reliableChange: number | null;
  reliableChangeVerified: boolean;
  source: string;
}

export const ORS_NORMS: readonly OrsNorm[] = [
  {
    version: "CORS",
    ageMin: 6,
    ageMax: 12,
    cutoff: 32,
    cutoffVerified: true,
    reliableChange: null,
    reliableChangeVerified: false,
    source:
      "Miller & Duncan; cut-off confirmed in the measures' software vendor's documentation " +
      "(2026-11); no reliable-change value found",
  },
  {
    version: "ORS",
    ageMin: 13,
    ageMax: 17,
    cutoff: 28,
    cutoffVerified: false,
    reliableChange: null,
    reliableChangeVerified: false,
    source: "Commonly cited adolescent cut-off, not found in a source (2026-11)",
  },
  {
    version: "ORS",
    ageMin: 18,
    ageMax: null,
    cutoff: 25,
    cutoffVerified: true,
    reliableChange: 5,
    reliableChangeVerified: false,
    source:
      "Miller & Duncan; cut-off confirmed in the measures' software vendor's documentation " +
      "(2026-11); reliable change of 5 commonly cited, unconfirmed",
  },
];

export const orsNormForAge = (age: number): OrsNorm | undefined =>
  ORS_NORMS.find((norm) => norm.ageMin <= age && (norm.ageMax === null || age <= norm.ageMax));

function sumTenths(marks: readonly (string | number | null)[]): Tenths | null {
  let total = 0;
  for (const mark of marks) {
    const tenths = mark === null ? null : markToTenths(mark);
    if (tenths === null) return null;
    total += tenths;
  }
  return total;
}

export interface OrsResult {
  version: OrsNorm["version"];
  /** 0–40 to one decimal; null when a line was left unmarked (the ORS is not prorated). */
  total: number | null;
  cutoff: number;
  clinical: boolean | null;
  norm: OrsNorm;
}

export class OrsAgeError extends Error {
  constructor(readonly age: number) {
    super(`no ORS or CORS version with a cut-off for age ${age} (CORS starts at 6)`);
  }
}

const orsTotalTenths = (input: OrsScoreInput): Tenths | null =>
  sumTenths([input.individually, input.interpersonally, input.socially, input.overall]);

export function scoreOrs(input: OrsScoreInput): OrsResult {
  const norm = orsNormForAge(input.age);
  if (!norm) throw new OrsAgeError(input.age);
  const total = orsTotalTenths(input);
  return {
    version: norm.version,
    total: total === null ? null : tenthsToNumber(total),
    cutoff: norm.cutoff,
    clinical: total === null ? null : total < norm.cutoff * 10,
    norm,
  };
}

export type ReliableChange = "improved" | "deteriorated" | "no-reliable-change";

export interface OrsChange {
  change: number;
  reliableChange: number | null;
  /** Null where the norm has no reliable-change value: "not defined", never a guess. */
  classification: ReliableChange | null;
  source: string;
}

/** Change from a first to a later administration, judged by the first one's age band. */
export function orsChange(first: OrsScoreInput, later: OrsScoreInput): OrsChange | null {
  const { norm } = scoreOrs(first);
  const before = orsTotalTenths(first);
  const after = orsTotalTenths(later);
  if (before === null || after === null) return null;
  const changeTenths = after - before;
  const threshold = norm.reliableChange;
  let classification: ReliableChange | null = null;
  if (threshold !== null) {
    if (changeTenths >= threshold * 10) classification = "improved";
    else if (changeTenths <= -threshold * 10) classification = "deteriorated";
    else classification = "no-reliable-change";
  }
  return {
    change: tenthsToNumber(changeTenths),
    reliableChange: threshold,
    classification,
    source: norm.source,
  };
}

export interface SrsNorm {
  version: SrsScoreInput["version"];
  threshold: number;
  /** Sources disagree whether a total equal to the threshold signals a problem. */
  signalAtThreshold: boolean;
  verified: boolean;
  source: string;
}

export const SRS_NORMS: Readonly<Record<SrsScoreInput["version"], SrsNorm>> = {
  SRS: {
    version: "SRS",
    threshold: 36,
    signalAtThreshold: false,
    verified: false,
    source: "Miller & Duncan: a total under about 36 signals a possible alliance problem",
  },
  CSRS: {
    version: "CSRS",
    threshold: 36,
    signalAtThreshold: false,
    verified: false,
    source: "As the SRS; no separate child threshold found (2026-11)",
  },
};

export interface SrsResult {
  version: SrsScoreInput["version"];
  total: number | null;
  allianceSignal: boolean | null;
  norm: SrsNorm;
}

export function scoreSrs(
  input: SrsScoreInput,
  norm: SrsNorm = SRS_NORMS[input.version],
): SrsResult {
  const total = sumTenths([input.relationship, input.goals, input.approach, input.overall]);
  const limit = norm.threshold * 10;
  return {
    version: input.version,
    total: total === null ? null : tenthsToNumber(total),
    allianceSignal: total === null ? null : norm.signalAtThreshold ? total <= limit : total < limit,
    norm,
  };
}
