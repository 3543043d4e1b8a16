import { DIMENSION_LETTERS, type DimensionLetter } from "../../../domain/readiness/dimensions.ts";
import type { Guide } from "./shared.tsx";

export interface DraftText {
  sv: string;
  en: string;
}
interface DraftFollowUp extends DraftText {
  key: number;
}
export interface DraftQuestion {
  key: number;
  id: string;
  dimension: DimensionLetter;
  text: DraftText;
  followUps: DraftFollowUp[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

/** The base guide's questions grouped A–F, keeping their order within each dimension. */
export function draftOf(guide: Guide): DraftQuestion[] {
  return DIMENSION_LETTERS.flatMap((d) =>
    guide.questions
      .filter((q) => q.dimension === d)
      .map((q) => ({
        key: newKey(),
        id: q.id,
        dimension: d,
        text: { ...q.text },
        followUps: q.followUps.map((f) => ({ key: newKey(), ...f })),
      })),
  );
}

/** The next free id in a dimension: A5 after A1–A4, never one the guide or its base uses. */
export function nextQuestionId(
  dimension: DimensionLetter,
  used: readonly string[],
  taken: ReadonlySet<string> = new Set(),
): string {
  const pattern = new RegExp(`^${dimension}(\\d+)$`);
  let n = 0;
  for (const id of used) {
    const m = pattern.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  let id = `${dimension}${n + 1}`;
  while (used.includes(id) || taken.has(id)) id = `${dimension}${++n + 1}`;
  return id;
}
