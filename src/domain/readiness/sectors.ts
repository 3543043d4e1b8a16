import type { Localized } from "./dimensions.ts";

/** Sectors key respondents come from; the report counts respondents per sector. */
export const SECTOR_KEYS = [
  "skola",
  "socialtjanst",
  "halso_och_sjukvard",
  "polis",
  "fritid",
  "civilsamhalle",
  "politik",
  "annan",
] as const;
export type SectorKey = (typeof SECTOR_KEYS)[number];

export const SECTORS: Readonly<Record<SectorKey, Localized>> = {
  skola: { sv: "Skola", en: "School" },
  socialtjanst: { sv: "Socialtjänst", en: "Social services" },
  halso_och_sjukvard: { sv: "Hälso- och sjukvård", en: "Health care" },
  polis: { sv: "Polis", en: "Police" },
  fritid: { sv: "Fritid", en: "Leisure" },
  civilsamhalle: { sv: "Civilsamhälle", en: "Civil society" },
  politik: { sv: "Politik", en: "Politics" },
  annan: { sv: "Annan", en: "Other" },
};
