import type { DimensionLetter } from "./dimensions.ts";

/**
 * The worked example of readiness.md, one consensus row an interview:
 * A 5.0, B 3.4, C 4.4, D 4.2, E 3.4, F 4.0 → stage 4, B and E lowest.
 */
export const WORKED_EXAMPLE: Record<DimensionLetter, number>[] = [
  { A: 5, B: 3, C: 4, D: 4, E: 3.5, F: 4 },
  { A: 6, B: 4, C: 5, D: 4, E: 4, F: 5 },
  { A: 5, B: 3, C: 4, D: 5, E: 3, F: 4 },
  { A: 4, B: 3, C: 4, D: 4, E: 3, F: 3 },
  { A: 5, B: 4, C: 5, D: 4, E: 3.5, F: 4 },
];
