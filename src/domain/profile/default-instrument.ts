import { COMMUNITY_FAMILY_FACTORS } from "./default-instrument-community-family.ts";
import { SCHOOL_INDIVIDUAL_FACTORS } from "./default-instrument-school-individual.ts";
import { type FactorSpec, SCALES } from "./default-instrument-spec.ts";
import { type Instrument, type InstrumentInput, InstrumentSchema } from "./instrument.ts";

/**
 * The default instrument `ctc-sv`: a CTC-type youth survey in Swedish with 24 risk and protective
 * factors over the four domains and 92 items. The wording is Paraply's own (fictional, modelled
 * on the CTC Youth Survey's structure, see docs/profile-cli.md); the cut-points are illustrative
 * and a municipality using a validated survey imports that survey's instrument instead.
 *
 * Answer scales (the code an answer is stored as):
 * - agree: 1 Stämmer inte alls, 2 Stämmer ganska dåligt, 3 Stämmer ganska bra, 4 Stämmer helt
 * - wrong: 1 Inte alls fel, 2 Lite fel, 3 Ganska fel, 4 Mycket fel
 * - easy: 1 Mycket svårt, 2 Ganska svårt, 3 Ganska lätt, 4 Mycket lätt
 * - harm: 1 Ingen risk, 2 Liten risk, 3 Måttlig risk, 4 Stor risk
 * - yesno: 0 Nej, 1 Ja
 * - often: 0 Aldrig, 1 1–2 gånger, 2 3–9 gånger, 3 10 gånger eller fler
 * - friends: 0 Ingen, 1 En, 2 Två, 3 Tre, 4 Fyra eller fler
 * 9 is "vill inte svara" on every scale and counts as not answered.
 */

const NOT_ANSWERED = 9;

type FactorInput = InstrumentInput["factors"][number];
type ItemInput = InstrumentInput["items"][number];

const items: ItemInput[] = [];

function factor({ id, kind, domain, name, rule, rows }: FactorSpec): FactorInput {
  for (const [itemId, sv, en] of rows) {
    items.push({ id: itemId, ...SCALES[rule.scale], missing: [NOT_ANSWERED], text: { sv, en } });
  }
  return {
    id,
    kind,
    domain,
    name,
    items: rows.map(([itemId]) => itemId),
    reverse: rows.filter(([, , , reversed]) => reversed).map(([itemId]) => itemId),
    minAnswered: rule.minAnswered,
    cutPoint: rule.cutPoint,
    compare: rule.compare,
  };
}

const factors: FactorInput[] = [...COMMUNITY_FAMILY_FACTORS, ...SCHOOL_INDIVIDUAL_FACTORS].map(
  factor,
);

// Percentile levels beside the CTC cut-point, the way Swedish norm-based reports grade risk.
// The norm here is fictional and says so: an analyst replaces it with a real norm and its source.
const NORM_SOURCE = "Fiktiv normstudie (Paraplys exempel), åk 7–12, 2020";
for (const id of ["family_conflict", "low_school_commitment", "friends_use"]) {
  const target = factors.find((f) => f.id === id);
  if (!target) continue;
  const high = target.cutPoint + (id === "friends_use" ? 1 : 0.5);
  target.levels = [
    {
      id: "elevated",
      name: { sv: "Något förhöjd risk", en: "Somewhat elevated risk" },
      cutPoint: target.cutPoint,
      compare: ">",
      source: `${NORM_SOURCE}: 75:e percentilen`,
    },
    {
      id: "high",
      name: { sv: "Hög risk", en: "High risk" },
      cutPoint: high,
      compare: ">",
      source: `${NORM_SOURCE}: 90:e percentilen`,
    },
  ];
}

items.push(
  {
    id: "q91",
    min: 1,
    max: 4,
    missing: [NOT_ANSWERED],
    text: {
      sv: "Hur många gånger har du använt drogen Relevin?",
      en: "How many times have you used the drug Relevin?",
    },
  },
  {
    id: "q92",
    min: 1,
    max: 4,
    missing: [NOT_ANSWERED],
    text: {
      sv: "Hur ärligt har du svarat på frågorna?",
      en: "How honestly have you answered the questions?",
    },
  },
);

export const DEFAULT_INSTRUMENT_INPUT: InstrumentInput = {
  id: "ctc-sv",
  version: 1,
  name: {
    sv: "Ungdomsenkät om risk- och skyddsfaktorer (CTC-typ)",
    en: "Youth survey of risk and protective factors (CTC type)",
  },
  items,
  exclude: [
    // q91: 1 Aldrig, 2 1–2 gånger, 3 3–9 gånger, 4 10 gånger eller fler. Relevin does not exist.
    { item: "q91", values: [2, 3, 4], reason: "Uppger att ha använt en påhittad drog" },
    // q92: 1 Helt ärligt, 2 Mest ärligt, 3 Ganska oärligt, 4 Inte alls ärligt.
    { item: "q92", values: [4], reason: "Uppger att inte ha svarat ärligt" },
  ],
  factors,
};

/** The default instrument, parsed (defaults applied, cross-references checked). */
export const DEFAULT_INSTRUMENT: Instrument = InstrumentSchema.parse(DEFAULT_INSTRUMENT_INPUT);
