/**
 * What a process records about the community besides its phases: who takes part (actors by
 * kind, the key-leader group, the community board by sector) and the promotive part of the
 * work, the social development strategy.
 */

export const ACTOR_KINDS = [
  "municipality",
  "housing",
  "association",
  "authority",
  "civil_society",
  "residents",
  "young_people",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTOR_KIND_NAMES: Record<ActorKind, { sv: string; en: string }> = {
  municipality: { sv: "Kommunen", en: "Municipality" },
  housing: { sv: "Bostadsbolag", en: "Housing companies" },
  association: { sv: "Föreningar", en: "Associations" },
  authority: { sv: "Myndigheter", en: "Authorities" },
  civil_society: { sv: "Civilsamhället", en: "Civil society" },
  residents: { sv: "Boende", en: "Residents" },
  young_people: { sv: "Unga", en: "Young people" },
};

/** Sectors a community board draws its members from (CTC asks for all of them). */
export const BOARD_SECTORS = [
  "school",
  "social_services",
  "health",
  "police",
  "leisure",
  "politics",
  "business",
  "faith",
  "civil_society",
  "parents",
  "young_people",
  "other",
] as const;
export type BoardSector = (typeof BOARD_SECTORS)[number];

export const BOARD_SECTOR_NAMES: Record<BoardSector, { sv: string; en: string }> = {
  school: { sv: "Skola", en: "School" },
  social_services: { sv: "Socialtjänst", en: "Social services" },
  health: { sv: "Hälso- och sjukvård", en: "Health care" },
  police: { sv: "Polis", en: "Police" },
  leisure: { sv: "Fritid och kultur", en: "Leisure and culture" },
  politics: { sv: "Politik", en: "Politics" },
  business: { sv: "Näringsliv", en: "Business" },
  faith: { sv: "Trossamfund", en: "Faith communities" },
  civil_society: { sv: "Föreningsliv", en: "Civil society" },
  parents: { sv: "Föräldrar", en: "Parents" },
  young_people: { sv: "Unga", en: "Young people" },
  other: { sv: "Övrigt", en: "Other" },
};

/** The social development strategy: the promotive part of the work. */
export const PROMOTIVE_ELEMENTS = [
  "opportunities",
  "skills",
  "recognition",
  "bonding",
  "clear_standards",
] as const;
export type PromotiveElement = (typeof PROMOTIVE_ELEMENTS)[number];

export const PROMOTIVE_ELEMENT_NAMES: Record<PromotiveElement, { sv: string; en: string }> = {
  opportunities: { sv: "Möjligheter att delta", en: "Opportunities" },
  skills: { sv: "Färdigheter", en: "Skills" },
  recognition: { sv: "Uppskattning och erkännande", en: "Recognition" },
  bonding: { sv: "Anknytning", en: "Bonding" },
  clear_standards: { sv: "Tydliga normer", en: "Clear standards" },
};

/**
 * What evidence an item may point to. Readiness assessments, profile waves and prioritisations
 * exist as records today; action plans and decisions belong to modules still to come, and the
 * link stores their id so that those modules can resolve it. A document is a link with a title.
 */
export const EVIDENCE_KINDS = [
  "readiness_assessment",
  "profile_wave",
  "prioritisation",
  "action_plan",
  "decision",
  "document",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Record kinds whose target Paraply can check today; the rest are stored as given. */
export const RESOLVABLE_EVIDENCE_KINDS: readonly EvidenceKind[] = [
  "readiness_assessment",
  "profile_wave",
  "prioritisation",
];
