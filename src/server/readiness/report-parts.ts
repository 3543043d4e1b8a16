import type { Results } from "../../domain/readiness/api.ts";
import { DIMENSIONS, type DimensionLetter } from "../../domain/readiness/dimensions.ts";
import { type Block, type Inline, svNumber } from "../reports/index.ts";

/** Small helpers shared by the sections of the readiness board report. */

export type StageText = NonNullable<Results["stage"]>;

export const score2 = (value: number) => svNumber(value, 2);
export const dimensionLabel = (letter: DimensionLetter) =>
  `${letter} ${DIMENSIONS[letter].name.sv}`;
export const stageLabel = (stage: { stage: number; name: { sv: string } }) =>
  `${stage.stage} – ${stage.name.sv}`;
export const h2 = (text: string): Block => ({ kind: "heading", level: 2, text });
export const h3 = (text: string): Block => ({ kind: "heading", level: 3, text });
export const p = (text: Inline, keepWithNext = false): Block => ({
  kind: "paragraph",
  text,
  keepWithNext,
});
export const small = (text: Inline): Block => ({ kind: "paragraph", text, style: "small" });

/** A complete result: every dimension has consensus, so score and stage exist. */
export const complete = (r: Results): r is Results & { stage: StageText; score: number } =>
  r.complete && r.stage !== null && r.score !== null;
