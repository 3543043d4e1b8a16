import { scoreLikert } from "./likert.ts";
import { LikertInstrumentSchema, type SdqScoreInput } from "./schemas.ts";
import { sdqImpactScore } from "./sdq-impact.ts";
import { SDQ_BANDED_SCALES, type SdqBandedScale, type SdqNormSet, sdqBand } from "./sdq-norms.ts";

const REVERSE_ITEMS = new Set([7, 11, 14, 21, 25]);

const subscale = (id: string, items: number[]) => ({
  id,
  items: items.map((n) => `q${n}`),
  minAnswered: 3,
});

/** The 25-item SDQ as a Likert instrument: the same engine scores it and custom instruments. */
export const SDQ_INSTRUMENT = LikertInstrumentSchema.parse({
  id: "sdq",
  name: "Strengths and Difficulties Questionnaire",
  answers: { min: 0, max: 2 },
  items: Array.from({ length: 25 }, (_, i) => ({
    id: `q${i + 1}`,
    reverse: REVERSE_ITEMS.has(i + 1),
  })),
  scales: [
    subscale("emotional", [3, 8, 13, 16, 24]),
    subscale("conduct", [5, 7, 12, 18, 22]),
    subscale("hyperactivity", [2, 10, 15, 21, 25]),
    subscale("peer", [6, 11, 14, 19, 23]),
    subscale("prosocial", [1, 4, 9, 17, 20]),
  ],
  composites: [
    { id: "total", scales: ["emotional", "conduct", "hyperactivity", "peer"] },
    { id: "externalising", scales: ["conduct", "hyperactivity"] },
    { id: "internalising", scales: ["emotional", "peer"] },
  ],
});

export interface SdqResult {
  emotional: number | null;
  conduct: number | null;
  hyperactivity: number | null;
  peer: number | null;
  prosocial: number | null;
  total: number | null;
  externalising: number | null;
  internalising: number | null;
  impact: number | null;
  bands: Record<SdqBandedScale, string | null>;
  /** Name of the norm set the bands come from; every result carries it. */
  norms: string;
}

export function scoreSdq(input: SdqScoreInput, norms: SdqNormSet): SdqResult {
  const responses = Object.fromEntries(input.items.map((value, i) => [`q${i + 1}`, value]));
  const { scales, composites } = scoreLikert(SDQ_INSTRUMENT, responses);
  const scores = {
    emotional: scales.emotional ?? null,
    conduct: scales.conduct ?? null,
    hyperactivity: scales.hyperactivity ?? null,
    peer: scales.peer ?? null,
    prosocial: scales.prosocial ?? null,
    total: composites.total ?? null,
    externalising: composites.externalising ?? null,
    internalising: composites.internalising ?? null,
    impact: sdqImpactScore(input.version, input.impact),
  };
  const bands = Object.fromEntries(
    SDQ_BANDED_SCALES.map((scale) => [scale, sdqBand(norms, input.version, scale, scores[scale])]),
  ) as Record<SdqBandedScale, string | null>;
  return { ...scores, bands, norms: norms.name };
}
