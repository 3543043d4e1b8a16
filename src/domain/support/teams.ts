/**
 * Child teams of the Dalsland model: one per age band, and an individual team for a child who
 * needs coordinated interventions.
 */

export const TEAM_KINDS = ["age_0_6", "age_6_12", "age_12_18", "individual"] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const AGE_BAND_TEAMS = ["age_0_6", "age_6_12", "age_12_18"] as const;
export type AgeBandTeam = (typeof AGE_BAND_TEAMS)[number];

/** Full years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The age-band team for a child on a day. The bands share their edges (0–6, 6–12, 12–18):
 * a child moves up on the birthday, so six-year-olds belong to 6–12. Null from 18 or before birth.
 */
export function ageBandTeam(birthDate: string, day: string): AgeBandTeam | null {
  const age = ageOn(birthDate, day);
  if (age < 0 || age >= 18) return null;
  if (age < 6) return "age_0_6";
  if (age < 12) return "age_6_12";
  return "age_12_18";
}
