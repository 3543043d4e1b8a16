import type { SdqImpact, SdqVersion } from "./schemas.ts";

export const SDQ_IMPACT_ITEMS: Record<SdqVersion, readonly (keyof SdqImpact)[]> = {
  parent: ["distress", "home", "friendships", "classroom", "leisure"],
  self: ["distress", "home", "friendships", "classroom", "leisure"],
  teacher: ["distress", "peers", "classroom"],
};

/** "not at all" and "only a little" both score 0, "quite a lot" 1, "a great deal" 2. */
const IMPACT_POINTS = [0, 0, 1, 2] as const;

/**
 * The impact score, following the official scoring syntax: 0 when the informant answered "no
 * difficulties"; otherwise the sum of the answered impact items, a missing item counting 0, and
 * missing only when every impact item is missing.
 */
export function sdqImpactScore(version: SdqVersion, impact: SdqImpact | undefined): number | null {
  if (!impact) return null;
  if (impact.overall === 0) return 0;
  const answered = SDQ_IMPACT_ITEMS[version].flatMap((key) => {
    const value = impact[key];
    return value === null || value === undefined ? [] : [IMPACT_POINTS[value]];
  });
  return answered.length === 0 ? null : answered.reduce<number>((a, b) => a + b, 0);
}
