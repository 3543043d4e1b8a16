import type { SdqVersion } from "./schemas.ts";

export const SDQ_BANDED_SCALES = [
  "total",
  "emotional",
  "conduct",
  "hyperactivity",
  "peer",
  "prosocial",
  "impact",
] as const;
export type SdqBandedScale = (typeof SDQ_BANDED_SCALES)[number];

export interface SdqBand {
  band: string;
  min: number;
  max: number;
}

export interface SdqBandTable {
  /** Checked against a cited source; unverified tables are shipped but reported as such. */
  verified: boolean;
  bands: readonly SdqBand[];
}

export interface SdqNormSet {
  name: string;
  title: string;
  source: string;
  /** True only when every table of every version is verified. */
  verified: boolean;
  versions: Record<SdqVersion, Record<SdqBandedScale, SdqBandTable>>;
}

/** Highest possible score per scale; the teacher impact score has three items, not five. */
export function sdqScaleMax(version: SdqVersion, scale: SdqBandedScale): number {
  if (scale === "total") return 40;
  if (scale === "impact") return version === "teacher" ? 6 : 10;
  return 10;
}

type Limits = readonly [number, number];

function table(
  verified: boolean,
  labels: readonly string[],
  limits: readonly Limits[],
): SdqBandTable {
  return {
    verified,
    bands: limits.map(([min, max], i) => ({ band: labels[i] ?? "", min, max })),
  };
}

const THREE = ["normal", "borderline", "abnormal"] as const;
const FOUR = ["close-to-average", "slightly-raised", "high", "very-high"] as const;
const FOUR_PROSOCIAL = ["close-to-average", "slightly-lowered", "low", "very-low"] as const;

const three = (verified: boolean, ...limits: Limits[]) => table(verified, THREE, limits);
const four = (verified: boolean, ...limits: Limits[]) => table(verified, FOUR, limits);
const fourProsocial = (verified: boolean, ...limits: Limits[]) =>
  table(verified, FOUR_PROSOCIAL, limits);

export const UK_THREE_BAND: SdqNormSet = {
  name: "uk-three-band",
  title: "Original UK three-band cut-offs (normal / borderline / abnormal)",
  source:
    "Goodman, sdqinfo.org (Youthinmind), 'Scoring the SDQ'; parent subscales and total checked " +
    "2026-11; teacher and self-report tables and every impact table not yet checked",
  verified: false,
  versions: {
    parent: {
      total: three(true, [0, 13], [14, 16], [17, 40]),
      emotional: three(true, [0, 3], [4, 4], [5, 10]),
      conduct: three(true, [0, 2], [3, 3], [4, 10]),
      hyperactivity: three(true, [0, 5], [6, 6], [7, 10]),
      peer: three(true, [0, 2], [3, 3], [4, 10]),
      prosocial: three(true, [6, 10], [5, 5], [0, 4]),
      impact: three(false, [0, 0], [1, 1], [2, 10]),
    },
    teacher: {
      total: three(false, [0, 11], [12, 15], [16, 40]),
      emotional: three(false, [0, 4], [5, 5], [6, 10]),
      conduct: three(false, [0, 2], [3, 3], [4, 10]),
      hyperactivity: three(false, [0, 5], [6, 6], [7, 10]),
      peer: three(false, [0, 3], [4, 4], [5, 10]),
      prosocial: three(false, [6, 10], [5, 5], [0, 4]),
      impact: three(false, [0, 0], [1, 1], [2, 6]),
    },
    self: {
      total: three(false, [0, 15], [16, 19], [20, 40]),
      emotional: three(false, [0, 5], [6, 6], [7, 10]),
      conduct: three(false, [0, 3], [4, 4], [5, 10]),
      hyperactivity: three(false, [0, 5], [6, 6], [7, 10]),
      peer: three(false, [0, 3], [4, 5], [6, 10]),
      prosocial: three(false, [6, 10], [5, 5], [0, 4]),
      impact: three(false, [0, 0], [1, 1], [2, 10]),
    },
  },
};

export const UK_FOUR_BAND: SdqNormSet = {
  name: "uk-four-band",
  title:
    "Newer UK four-band categorisation (close to average / slightly raised / high / very high)",
  source:
    "Goodman, sdqinfo.org (Youthinmind), 'Scoring the SDQ'; parent subscales and total checked " +
    "2026-11; teacher subscales and total as reproduced in PMC4830858 table 1; self-report " +
    "'close to average' limits checked against ScotGovAnalysis/hwb-census, other self-report " +
    "limits and every impact table not yet checked",
  verified: false,
  versions: {
    parent: {
      total: four(true, [0, 13], [14, 16], [17, 19], [20, 40]),
      emotional: four(true, [0, 3], [4, 4], [5, 6], [7, 10]),
      conduct: four(true, [0, 2], [3, 3], [4, 5], [6, 10]),
      hyperactivity: four(true, [0, 5], [6, 7], [8, 8], [9, 10]),
      peer: four(true, [0, 2], [3, 3], [4, 4], [5, 10]),
      prosocial: fourProsocial(true, [8, 10], [7, 7], [6, 6], [0, 5]),
      impact: four(false, [0, 0], [1, 1], [2, 2], [3, 10]),
    },
    teacher: {
      total: four(true, [0, 11], [12, 15], [16, 18], [19, 40]),
      emotional: four(true, [0, 3], [4, 4], [5, 5], [6, 10]),
      conduct: four(true, [0, 2], [3, 3], [4, 4], [5, 10]),
      hyperactivity: four(true, [0, 5], [6, 7], [8, 8], [9, 10]),
      peer: four(true, [0, 2], [3, 4], [5, 5], [6, 10]),
      prosocial: fourProsocial(true, [6, 10], [5, 5], [4, 4], [0, 3]),
      impact: four(false, [0, 0], [1, 1], [2, 2], [3, 6]),
    },
    self: {
      total: four(false, [0, 14], [15, 17], [18, 19], [20, 40]),
      emotional: four(false, [0, 4], [5, 5], [6, 6], [7, 10]),
      conduct: four(false, [0, 3], [4, 4], [5, 5], [6, 10]),
      hyperactivity: four(false, [0, 5], [6, 6], [7, 7], [8, 10]),
      peer: four(false, [0, 2], [3, 3], [4, 4], [5, 10]),
      prosocial: fourProsocial(false, [7, 10], [6, 6], [5, 5], [0, 4]),
      impact: four(false, [0, 0], [1, 1], [2, 2], [3, 10]),
    },
  },
};

export const SDQ_NORM_SETS: readonly SdqNormSet[] = [UK_FOUR_BAND, UK_THREE_BAND];

/** The four-band set is the default: it is the better verified of the two for teacher reports. */
export const DEFAULT_SDQ_NORMS = UK_FOUR_BAND;

export const findSdqNorms = (name: string): SdqNormSet | undefined =>
  SDQ_NORM_SETS.find((set) => set.name === name);

export function sdqBand(
  norms: SdqNormSet,
  version: SdqVersion,
  scale: SdqBandedScale,
  score: number | null,
): string | null {
  if (score === null) return null;
  const band = norms.versions[version][scale].bands.find((b) => b.min <= score && score <= b.max);
  return band?.band ?? null;
}

/** Scales whose band table in this set is not checked against a source, for warnings. */
export const unverifiedSdqScales = (norms: SdqNormSet, version: SdqVersion): SdqBandedScale[] =>
  SDQ_BANDED_SCALES.filter((scale) => !norms.versions[version][scale].verified);
