import type { LikertInstrument } from "./schemas.ts";

/** Answers by item id; null or absent means not answered. */
export type LikertResponses = Readonly<Record<string, number | null | undefined>>;

export interface LikertScores {
  scales: Record<string, number | null>;
  composites: Record<string, number | null>;
}

export class LikertAnswerError extends Error {
  constructor(
    readonly item: string,
    readonly value: number,
  ) {
    super(`item ${item}: ${value} is not an allowed answer`);
  }
}

/** Integer floor division that is exact for negative numerators too. */
function floorDiv(a: number, b: number): number {
  return (a - (((a % b) + b) % b)) / b;
}

/**
 * Mean of the answered items × the number of items, rounded half up. Kept in integers as
 * floor((2·sum·n + k) / 2k) so that 2.5 → 3 and 7.5 → 8 exactly as the SDQ syntax's
 * floor(0.5 + x), with no float and no half-to-even surprise.
 */
export function proratedSum(values: readonly number[], itemCount: number): number {
  const answered = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  return floorDiv(2 * total * itemCount + answered, 2 * answered);
}

export function scoreLikert(
  instrument: LikertInstrument,
  responses: LikertResponses,
): LikertScores {
  const { min, max } = instrument.answers;
  const scored = new Map<string, number>();
  for (const item of instrument.items) {
    const value = responses[item.id];
    if (value === null || value === undefined) continue;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new LikertAnswerError(item.id, value);
    }
    scored.set(item.id, item.reverse ? min + max - value : value);
  }

  const scales: Record<string, number | null> = {};
  for (const scale of instrument.scales) {
    const values = scale.items.flatMap((id) => {
      const value = scored.get(id);
      return value === undefined ? [] : [value];
    });
    scales[scale.id] =
      values.length >= scale.minAnswered ? proratedSum(values, scale.items.length) : null;
  }

  const composites: Record<string, number | null> = {};
  for (const composite of instrument.composites) {
    const parts = composite.scales.map((id) => scales[id]);
    composites[composite.id] = parts.every((part): part is number => typeof part === "number")
      ? parts.reduce((a, b) => a + b, 0)
      : null;
  }
  return { scales, composites };
}
