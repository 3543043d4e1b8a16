import type { Profile, ProfileCell } from "../../domain/profile/schemas.ts";
import type { ExportLocale, ExportTable } from "../plugins/export-table.ts";

const GENDER_NAMES: Record<string, { sv: string; en: string }> = {
  girl: { sv: "Flickor", en: "Girls" },
  boy: { sv: "Pojkar", en: "Boys" },
  unknown: { sv: "Okänt", en: "Unknown" },
};

/**
 * The profile's published table, one row per cell: aggregated and suppressed exactly as on the
 * page (a suppressed cell exports no n, share or interval). Respondent rows are never exported.
 */
export function profileExportTable(
  profile: Profile,
  locale: ExportLocale,
): ExportTable<ProfileCell> {
  const factors = new Map(profile.factors.map((f) => [f.id, f]));
  const areas = new Map(profile.areas.map((a) => [a.id, a.name]));
  const all = locale === "en" ? "All" : "Alla";
  const number = (text: string | null | undefined) => (text == null ? null : Number(text));
  return [
    {
      key: "factor",
      sv: "Faktor",
      en: "Factor",
      type: "text",
      value: (c) => factors.get(c.factor)?.name[locale] ?? c.factor,
    },
    {
      key: "kind",
      sv: "Slag",
      en: "Kind",
      type: "text",
      value: (c) => {
        const kind = factors.get(c.factor)?.kind;
        if (kind === "risk") return locale === "en" ? "Risk" : "Risk";
        return locale === "en" ? "Protective" : "Skydd";
      },
    },
    {
      key: "area",
      sv: "Område",
      en: "Area",
      type: "text",
      value: (c) => (c.area === null ? all : (areas.get(c.area) ?? c.area)),
    },
    { key: "grade", sv: "Årskurs", en: "Grade", type: "text", value: (c) => c.grade ?? all },
    {
      key: "gender",
      sv: "Kön",
      en: "Gender",
      type: "text",
      value: (c) => (c.gender === null ? all : (GENDER_NAMES[c.gender]?.[locale] ?? c.gender)),
    },
    { key: "n", sv: "Antal svar", en: "Respondents", type: "number", value: (c) => c.n },
    {
      key: "percent",
      sv: "Andel (%)",
      en: "Share (%)",
      type: "number",
      value: (c) => number(c.percent),
    },
    {
      key: "ciLow",
      sv: "95 % KI, lägre",
      en: "95 % CI, lower",
      type: "number",
      value: (c) => number(c.ci?.[0]),
    },
    {
      key: "ciHigh",
      sv: "95 % KI, övre",
      en: "95 % CI, upper",
      type: "number",
      value: (c) => number(c.ci?.[1]),
    },
    {
      key: "suppressed",
      sv: "Skyddad",
      en: "Suppressed",
      type: "text",
      value: (c) => (c.suppressed ? (locale === "en" ? "yes" : "ja") : ""),
    },
  ];
}
