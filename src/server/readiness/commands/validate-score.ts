import { type ScoreGrid, validateScore } from "../../../domain/readiness/scoring.ts";
import { BadRequestError } from "../../plugins/errors.ts";

const GRID_RULE: Record<ScoreGrid, string> = {
  whole: "Poängen ska vara ett heltal, till exempel 4.",
  half: "Poängen ska vara hel eller halv, till exempel 4 eller 4,5.",
  tenth: "Poängen får ha högst en decimal, till exempel 4,3.",
};

/** Checks scores on the assessment's grid; every wrong one is named by its field path. */
export function assertScores(scores: Record<string, number>, grid: ScoreGrid, prefix: string) {
  const issues = Object.entries(scores).flatMap(([key, value]) => {
    if (validateScore(value, grid).ok) return [];
    const inRange = Number.isFinite(value) && value >= 1 && value <= 9;
    return [
      {
        path: prefix ? `${prefix}.${key}` : key,
        message: inRange ? GRID_RULE[grid] : "Poängen ska vara mellan 1 och 9.",
      },
    ];
  });
  if (issues.length > 0) throw new BadRequestError("Uppgifterna är inte giltiga.", issues);
}
