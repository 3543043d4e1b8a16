import type { Results } from "../../domain/readiness/api.ts";
import { DIMENSION_LETTERS, DIMENSIONS } from "../../domain/readiness/dimensions.ts";
import { GUIDANCE_INTERVIEWS, MIN_INTERVIEWS } from "../../domain/readiness/interview-count.ts";
import { SECTOR_KEYS, SECTORS } from "../../domain/readiness/sectors.ts";
import { STAGE_NUMBERS, STAGES } from "../../domain/readiness/stages.ts";
import { type Block, type Inline, svList } from "../reports/index.ts";
import { complete, dimensionLabel, h2, p, score2 } from "./report-parts.ts";

/** Summary, method and respondents of the readiness board report, in Swedish. */

export function summary(results: Results): Block {
  const a = results.assessment;
  if (!complete(results)) {
    return {
      kind: "box",
      tone: "info",
      title: "Sammanfattning",
      titleLevel: 2,
      paragraphs: [
        `Mätningen är inte färdig: konsensus saknas för ${results.missing.length === 1 ? "dimensionen" : "dimensionerna"} ${svList(results.missing.map(dimensionLabel))}. Inget beredskapsstadium redovisas förrän alla sex dimensioner har minst en konsensuspoäng.`,
      ],
    };
  }
  const lead: Inline = [
    { text: `Beredskapen för arbete med ${a.topicName.sv} i ${a.organisationName} motsvarar ` },
    { text: `stadium ${results.stage.stage}, ${results.stage.name.sv}`, bold: true },
    {
      text: ` (totalpoäng ${score2(results.score)} på skalan 1–9). ${results.stage.description.sv}`,
    },
  ];
  return {
    kind: "box",
    tone: "info",
    title: "Sammanfattning",
    titleLevel: 2,
    paragraphs: [
      lead,
      ...(results.lowest.length > 0
        ? [
            `Lägst ligger ${svList(results.lowest.map(dimensionLabel))}. Där bör insatserna börja, eftersom de lägsta dimensionerna begränsar hur långt arbetet kan komma.`,
          ]
        : []),
    ],
  };
}

export function method(): Block[] {
  return [
    h2("1. Om metoden"),
    p(
      "Mätningen följer Community Readiness Model, som har tagits fram av Tri-Ethnic Center for Prevention Research vid Colorado State University (Community Readiness Handbook, 2:a upplagan 2014). Modellen mäter hur redo ett lokalsamhälle är att arbeta med en bestämd fråga. Resultatet gäller bara den fråga och det lokalsamhälle som har mätts.",
    ),
    p(
      "Underlaget är intervjuer med nyckelpersoner som känner lokalsamhället och frågan, från olika sektorer. De intervjuas om lokalsamhället, inte om sig själva, och redovisas anonymt. Intervjuerna bedöms i sex dimensioner:",
      true,
    ),
    {
      kind: "list",
      items: DIMENSION_LETTERS.map(
        (letter): Inline => [
          { text: dimensionLabel(letter), bold: true },
          { text: ` – ${DIMENSIONS[letter].question.sv}` },
        ],
      ),
    },
    p(
      "Två bedömare läser varje intervju och sätter var för sig en poäng från 1 till 9 per dimension utifrån modellens förankrade skalor. Därefter enas de om en konsensuspoäng. En dimensions poäng är medelvärdet av konsensuspoängen över alla intervjuer, och totalpoängen är medelvärdet av de sex dimensionerna.",
    ),
    p(
      "Stadiet är totalpoängens heltalsdel; poängen avrundas aldrig uppåt (4,83 ger stadium 4), eftersom ett stadium inte är nått förrän det är helt nått. Samma regel ger varje dimensions eget stadium. Modellen har nio stadier:",
      true,
    ),
    {
      kind: "table",
      columns: [
        { title: "Stadium", width: 50, align: "right" },
        { title: "Namn", width: 120 },
        { title: "Kännetecken", width: 313 },
      ],
      rows: STAGE_NUMBERS.map((n) => [String(n), STAGES[n].name.sv, STAGES[n].description.sv]),
    },
  ];
}

export function respondents(results: Results): Block[] {
  const a = results.assessment;
  const counts = new Map(results.respondentsBySector.map((row) => [row.sector, row.count]));
  const rows = SECTOR_KEYS.filter((key) => (counts.get(key) ?? 0) > 0).map((key) => [
    SECTORS[key].sv,
    String(counts.get(key) ?? 0),
  ]);
  const total = results.respondentsBySector.reduce((sum, row) => sum + row.count, 0);
  const blocks: Block[] = [
    h2("2. Respondenter"),
    p([
      { text: "Genomförda intervjuer: " },
      { text: String(a.interviewCount), bold: true },
      {
        text: ` av målet ${a.targetInterviews}. Tri-Ethnic Centers riktlinje är vanligen ${GUIDANCE_INTERVIEWS.min}–${GUIDANCE_INTERVIEWS.max} intervjuer, minst ${MIN_INTERVIEWS} i ett mycket litet lokalsamhälle.`,
      },
    ]),
  ];
  if (results.interviewNotice.warning)
    blocks.push({
      kind: "box",
      tone: "warning",
      paragraphs: [
        [{ text: "Observera: ", bold: true }, { text: results.interviewNotice.warning.sv }],
      ],
    });
  blocks.push(
    p("Respondenterna är anonyma och redovisas endast per sektor.", rows.length > 0),
    rows.length > 0
      ? {
          kind: "table",
          columns: [
            { title: "Sektor", width: 220 },
            { title: "Antal respondenter", width: 110, align: "right" },
          ],
          widthShare: 0.7,
          rowHeaders: true,
          rows: [...rows, ["Totalt", String(total)]],
          boldLastRow: true,
        }
      : p("Inga respondenter är registrerade."),
  );
  return blocks;
}
