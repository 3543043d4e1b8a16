/**
 * The five phases of Communities That Care as Paraply names them. Typical lengths are months
 * from the CTC guidance; phase 5 has no end (the work is ongoing until a new cycle starts), so
 * its typical length is open-ended and it is never "late" against it.
 */
export const PHASE_NUMBERS = [1, 2, 3, 4, 5] as const;
export type PhaseNumber = (typeof PHASE_NUMBERS)[number];

export interface PhaseDefinition {
  number: PhaseNumber;
  name: { sv: string; en: string };
  /** Typical length in months; `max` null means ongoing. */
  typicalMonths: { min: number; max: number | null };
}

export const PHASES: Record<PhaseNumber, PhaseDefinition> = {
  1: {
    number: 1,
    name: { sv: "Starta processen", en: "Get started" },
    typicalMonths: { min: 1, max: 3 },
  },
  2: {
    number: 2,
    name: { sv: "Förankra, involvera och organisera", en: "Get organized" },
    typicalMonths: { min: 2, max: 4 },
  },
  3: {
    number: 3,
    name: { sv: "Områdesprofil", en: "Develop a community profile" },
    typicalMonths: { min: 6, max: 12 },
  },
  4: {
    number: 4,
    name: { sv: "Handlingsplan", en: "Create a community action plan" },
    typicalMonths: { min: 6, max: 12 },
  },
  5: {
    number: 5,
    name: { sv: "Implementera, följ upp, utvärdera", en: "Implement and evaluate" },
    typicalMonths: { min: 12, max: null },
  },
};

/** CTC is long-term: the first cycle starts at phase 1, every later one at phase 2. */
export const FIRST_CYCLE_START: PhaseNumber = 1;
export const LATER_CYCLE_START: PhaseNumber = 2;

/** The phases a cycle goes through, in order. */
export function cyclePhases(cycleNumber: number): PhaseNumber[] {
  const start = cycleNumber === 1 ? FIRST_CYCLE_START : LATER_CYCLE_START;
  return PHASE_NUMBERS.filter((p) => p >= start);
}

export function isPhaseNumber(value: number): value is PhaseNumber {
  return (PHASE_NUMBERS as readonly number[]).includes(value);
}
