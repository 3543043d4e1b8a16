/** A text in both product languages; Swedish is the primary one. */
export interface Localized {
  sv: string;
  en: string;
}

/** The handbook's letters; reports and the CLI's CSV header use them as they are. */
export const DIMENSION_LETTERS = ["A", "B", "C", "D", "E", "F"] as const;
export type DimensionLetter = (typeof DIMENSION_LETTERS)[number];

export interface Dimension {
  letter: DimensionLetter;
  key: string;
  name: Localized;
  /** The question the Swedish county-board seed (Länsstyrelsen 2014) asked for this dimension. */
  question: Localized;
}

export const DIMENSIONS: Readonly<Record<DimensionLetter, Dimension>> = {
  A: {
    letter: "A",
    key: "community_efforts",
    name: { sv: "Insatser i lokalsamhället", en: "Community efforts" },
    question: {
      sv: "Vilka aktiviteter och insatser görs i dag?",
      en: "Which activities and interventions are carried out today?",
    },
  },
  B: {
    letter: "B",
    key: "knowledge_of_efforts",
    name: { sv: "Kännedom om insatserna", en: "Community knowledge of the efforts" },
    question: {
      sv: "Hur kända är insatserna – är de spridda eller kända av ett fåtal?",
      en: "How widely known are the efforts – widely spread, or known to a few?",
    },
  },
  C: {
    letter: "C",
    key: "leadership",
    name: { sv: "Ledarskap", en: "Leadership" },
    question: {
      sv: "Hur ser ledning och styrning ut för området?",
      en: "How do leadership and governance look for this area?",
    },
  },
  D: {
    letter: "D",
    key: "community_climate",
    name: { sv: "Klimat i lokalsamhället", en: "Community climate" },
    question: {
      sv: "Hur är klimatet för dem som genomför aktiviteterna?",
      en: "What is the climate like for those who carry out the activities?",
    },
  },
  E: {
    letter: "E",
    key: "knowledge_of_issue",
    name: { sv: "Kunskap om frågan", en: "Community knowledge about the issue" },
    question: {
      sv: "Vad vet man om ämnet – varför och hur arbetet görs?",
      en: "What do people know about the topic – why and how the work is done?",
    },
  },
  F: {
    letter: "F",
    key: "resources",
    name: { sv: "Resurser för frågan", en: "Resources related to the issue" },
    question: {
      sv: "Vilken personal och vilka pengar finns för det planerade eller befintliga arbetet?",
      en: "What staff and money are there for the planned or existing work?",
    },
  },
};
