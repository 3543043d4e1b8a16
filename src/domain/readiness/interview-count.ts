import type { Localized } from "./dimensions.ts";

/** Below this the result rests on too few voices; the handbook allows 4 only for tiny communities. */
export const MIN_INTERVIEWS = 4;
/** The Tri-Ethnic Center's usual range, shown beside the assessment's own target. */
export const GUIDANCE_INTERVIEWS = { min: 6, max: 10 } as const;

export interface InterviewCountNotice {
  warning: Localized | null;
  guidance: Localized;
}

export function interviewCountWarning(count: number, target: number): InterviewCountNotice {
  const { min, max } = GUIDANCE_INTERVIEWS;
  return {
    warning:
      count < MIN_INTERVIEWS
        ? {
            sv: `Bara ${count} intervjuer: med färre än ${MIN_INTERVIEWS} är resultatet osäkert.`,
            en: `Only ${count} interviews: with fewer than ${MIN_INTERVIEWS} the result is uncertain.`,
          }
        : null,
    guidance: {
      sv: `Mål: ${target} intervjuer. Tri-Ethnic Centers riktlinje: vanligen ${min}–${max}, minst ${MIN_INTERVIEWS} i ett mycket litet lokalsamhälle.`,
      en: `Target: ${target} interviews. Tri-Ethnic Center guidance: typically ${min}–${max}, at least ${MIN_INTERVIEWS} in a very small community.`,
    },
  };
}
