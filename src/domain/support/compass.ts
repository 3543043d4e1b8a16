/**
 * The needs compass (Backa barnet's "Behovskompassen"), after GIRFEC's eight well-being
 * indicators (SHANARRI). Names vary between municipalities, so the set is configurable; these
 * are the defaults, paired with SHANARRI by meaning.
 */

export interface CompassNeed {
  key: string;
  sv: string;
  en: string;
}

export const DEFAULT_COMPASS_NEEDS: readonly CompassNeed[] = [
  { key: "trygghet", sv: "Trygghet", en: "Safe" },
  { key: "halsa", sv: "Hälsa", en: "Healthy" },
  { key: "utveckling", sv: "Utveckling", en: "Achieving" },
  { key: "omsorg", sv: "Omsorg", en: "Nurtured" },
  { key: "fritid", sv: "Fritid", en: "Active" },
  { key: "respekt", sv: "Respekt", en: "Respected" },
  { key: "ansvar", sv: "Ansvar", en: "Responsible" },
  { key: "tillhorighet", sv: "Tillhörighet", en: "Included" },
];

/** A need's key: short, stable, URL- and SQL-safe; the labels are what people read. */
export const NEED_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_COMPASS_NEEDS = 12;

/**
 * What is wrong with a municipality's own set of needs: at least one, at most twelve, keys
 * unique and well formed, each named in Swedish and English. Empty when it is valid.
 */
export function compassConfigProblems(needs: readonly CompassNeed[]): string[] {
  const problems: string[] = [];
  if (needs.length === 0 || needs.length > MAX_COMPASS_NEEDS) problems.push("count");
  const keys = new Set<string>();
  for (const n of needs) {
    if (!NEED_KEY_PATTERN.test(n.key)) problems.push(`key: ${n.key}`);
    if (keys.has(n.key)) problems.push(`duplicate: ${n.key}`);
    keys.add(n.key);
    if (n.sv.trim() === "" || n.en.trim() === "") problems.push(`label: ${n.key}`);
  }
  return problems;
}

/** A rating from 1 (great concern) to 5 (going well): few steps, so a child can take part. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export interface NeedRating {
  need: string;
  rating: number;
  reason: string;
}

export interface CompassAssessmentInput {
  ratings: readonly NeedRating[];
}

/**
 * What is wrong with an assessment against the configured needs: every need rated exactly once,
 * nothing outside the set, each rating in range with a reason. Empty when it is complete.
 */
export function compassProblems(
  assessment: CompassAssessmentInput,
  needs: readonly CompassNeed[] = DEFAULT_COMPASS_NEEDS,
): string[] {
  const problems: string[] = [];
  const known = new Set(needs.map((n) => n.key));
  const seen = new Set<string>();
  for (const r of assessment.ratings) {
    if (!known.has(r.need)) problems.push(`unknown need: ${r.need}`);
    else if (seen.has(r.need)) problems.push(`rated twice: ${r.need}`);
    seen.add(r.need);
    if (!Number.isInteger(r.rating) || r.rating < RATING_MIN || r.rating > RATING_MAX) {
      problems.push(`rating out of range: ${r.need}`);
    }
    if (r.reason.trim().length === 0) problems.push(`no reason: ${r.need}`);
  }
  for (const n of needs) if (!seen.has(n.key)) problems.push(`not rated: ${n.key}`);
  return problems;
}

export interface DatedAssessment {
  id: string;
  assessedOn: string;
  ratings: readonly Pick<NeedRating, "need" | "rating">[];
}

export interface CompassSeries {
  need: string;
  points: { assessmentId: string; assessedOn: string; rating: number }[];
  /** Last rating minus the first: positive is better. Null with fewer than two points. */
  change: number | null;
}

/** The compass over time: one series per need in the configured order, oldest first. */
export function compassSeries(
  assessments: readonly DatedAssessment[],
  needs: readonly CompassNeed[] = DEFAULT_COMPASS_NEEDS,
): CompassSeries[] {
  const ordered = [...assessments].sort(
    (a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.id.localeCompare(b.id),
  );
  return needs.map((n) => {
    const points = ordered.flatMap((a) => {
      const r = a.ratings.find((x) => x.need === n.key);
      return r ? [{ assessmentId: a.id, assessedOn: a.assessedOn, rating: r.rating }] : [];
    });
    const change =
      points.length >= 2 ? points[points.length - 1]!.rating - points[0]!.rating : null;
    return { need: n.key, points, change };
  });
}
