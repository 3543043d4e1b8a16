import type { Results } from "../../domain/readiness/api.ts";
import {
  DIMENSION_LETTERS,
  DIMENSIONS,
  type DimensionLetter,
} from "../../domain/readiness/dimensions.ts";
import { GUIDANCE_INTERVIEWS, MIN_INTERVIEWS } from "../../domain/readiness/interview-count.ts";
import { SECTOR_KEYS, SECTORS } from "../../domain/readiness/sectors.ts";
import { STAGE_NUMBERS, STAGES, type StageNumber } from "../../domain/readiness/stages.ts";
import {
  type Block,
  type Inline,
  svList,
  svNumber,
  svPercent,
  svPeriod,
  type TableBlock,
} from "../reports/index.ts";

/** The sections of the readiness board report, as report-kit blocks, in Swedish. */

type StageText = NonNullable<Results["stage"]>;

export const score2 = (value: number) => svNumber(value, 2);
export const dimensionLabel = (letter: DimensionLetter) =>
  `${letter} ${DIMENSIONS[letter].name.sv}`;
const stageLabel = (stage: { stage: number; name: { sv: string } }) =>
  `${stage.stage} – ${stage.name.sv}`;
const h2 = (text: string): Block => ({ kind: "heading", level: 2, text });
const h3 = (text: string): Block => ({ kind: "heading", level: 3, text });
const p = (text: Inline, keepWithNext = false): Block => ({
  kind: "paragraph",
  text,
  keepWithNext,
});
const small = (text: Inline): Block => ({ kind: "paragraph", text, style: "small" });

function isStageNumber(n: number): n is StageNumber {
  return (STAGE_NUMBERS as readonly number[]).includes(n);
}

/**
 * The results carry one provenance for goal and strategies together; the domain texts tell which
 * of the two is the product's own summary, so the mark lands on the right part.
 */
function summaryMarks(text: StageText): { goal: boolean; strategies: boolean } {
  if (text.provenance !== "handbook_summary") return { goal: false, strategies: false };
  const domain = isStageNumber(text.stage) ? STAGES[text.stage] : undefined;
  const goal = domain?.goal.provenance === "handbook_summary";
  const strategies = domain?.strategies.provenance === "handbook_summary";
  return goal || strategies ? { goal, strategies } : { goal: true, strategies: true };
}

const complete = (r: Results): r is Results & { stage: StageText; score: number } =>
  r.complete && r.stage !== null && r.score !== null;

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

function dimensionTable(results: Results): TableBlock {
  const done = complete(results);
  const rows = DIMENSION_LETTERS.map((letter) => {
    const d = results.dimensions[letter];
    const stage = results.dimensionStages[letter];
    const base = [
      dimensionLabel(letter),
      d ? score2(d.score) : "saknas",
      d ? String(d.interviews) : "0",
    ];
    if (!done) return base;
    return [...base, d && stage ? stageLabel(stage) : d ? String(d.stage) : "–"];
  });
  return {
    kind: "table",
    columns: done
      ? [
          { title: "Dimension", width: 207 },
          { title: "Poäng", width: 50, align: "right" },
          { title: "Intervjuer", width: 62, align: "right" },
          { title: "Stadium", width: 164 },
        ]
      : [
          { title: "Dimension", width: 242 },
          { title: "Poäng (preliminär)", width: 110, align: "right" },
          { title: "Intervjuer", width: 70, align: "right" },
        ],
    rows,
    rowHeaders: true,
  };
}

export function resultSection(results: Results): Block[] {
  const done = complete(results);
  const blocks: Block[] = [h2("3. Resultat")];
  if (done) {
    blocks.push(
      h3(`Stadium ${results.stage.stage}: ${results.stage.name.sv}`),
      p([
        { text: "Totalpoäng " },
        { text: score2(results.score), bold: true },
        { text: ` av 9. ${results.stage.description.sv}` },
      ]),
    );
  } else {
    blocks.push({
      kind: "box",
      tone: "warning",
      paragraphs: [
        [{ text: "Resultatet är inte komplett – inget stadium redovisas.", bold: true }],
        `Konsensus saknas för ${results.missing.length === 1 ? "dimensionen" : "dimensionerna"} ${svList(results.missing.map(dimensionLabel))}. Stadium beräknas först när varje dimension har minst en konsensuspoäng. Poängen nedan är preliminära.`,
      ],
    });
  }
  const lowest = new Set(done ? results.lowest : []);
  const bars = DIMENSION_LETTERS.map((letter) => {
    const d = results.dimensions[letter];
    return {
      label: dimensionLabel(letter),
      value: d ? d.score : null,
      valueText: d ? score2(d.score) : "",
      highlight: lowest.has(letter),
    };
  });
  const alt = `Stapeldiagram över poängen per dimension på skalan 1–9: ${bars
    .map((b) => `${b.label} ${b.value === null ? "saknar konsensus" : b.valueText}`)
    .join("; ")}.${done ? ` Totalpoäng ${score2(results.score)}.` : ""}`;
  blocks.push(h3("Poäng per dimension"), {
    kind: "figure",
    alt,
    chart: {
      type: "bar",
      scale: {
        min: 1,
        max: 9,
        ticks: [...STAGE_NUMBERS],
        label: "Poäng (1–9); stadiet är poängens heltalsdel",
      },
      bars,
      missingText: "saknar konsensus",
      reference: done
        ? { value: results.score, label: `Totalt ${score2(results.score)}` }
        : undefined,
    },
    caption: `Staplarna visar poängen per dimension på skalan 1–9.${done ? " Den streckade linjen är totalpoängen. Rödbruna staplar med fet etikett är de lägsta dimensionerna." : " Poängen är preliminära."} Samma siffror står i tabellen nedan.`,
    table: dimensionTable(results),
  });
  if (done && results.lowest.length > 0) {
    blocks.push(h3("Lägsta dimensioner"), {
      kind: "list",
      items: results.lowest.map((letter): Inline => {
        const d = results.dimensions[letter];
        const stage = results.dimensionStages[letter];
        return [
          { text: dimensionLabel(letter), bold: true },
          {
            text: `${d ? `: ${score2(d.score)}` : ""}${stage ? `, stadium ${stageLabel(stage)}` : ""}`,
          },
        ];
      }),
    });
    blocks.push(
      p(
        `${results.lowest.length === 1 ? "Den lägsta dimensionen begränsar" : "De lägsta dimensionerna begränsar"} hur långt arbetet kan komma och bör prioriteras. Strategierna för dem väljs efter dimensionens eget stadium (avsnitt 4).`,
      ),
    );
  }
  return blocks;
}

function stageStrategies(title: string, text: StageText): Block[] {
  const marks = summaryMarks(text);
  const mark = { text: " (sammanfattning av handboken)", italic: true };
  return [
    h3(title),
    p([{ text: "Mål: ", bold: true }, { text: text.goal.sv }, ...(marks.goal ? [mark] : [])]),
    p(
      [
        { text: "Exempel på strategier", bold: true },
        ...(marks.strategies ? [mark] : []),
        { text: ":" },
      ],
      true,
    ),
    { kind: "list", items: text.strategies.map((s) => s.sv) },
  ];
}

export function strategies(results: Results): Block[] {
  if (!complete(results))
    return [
      h2("4. Mål och strategier"),
      p(
        "Mål och strategier redovisas när alla sex dimensioner har konsensus och ett stadium kan fastställas.",
      ),
    ];
  const overall = results.stage;
  // Lowest dimensions grouped by their own stage, so that shared strategies are listed once.
  const groups = new Map<number, { text: StageText; letters: DimensionLetter[] }>();
  for (const letter of results.lowest) {
    const text = results.dimensionStages[letter];
    if (!text) continue;
    const group = groups.get(text.stage) ?? { text, letters: [] };
    group.letters.push(letter);
    groups.set(text.stage, group);
  }
  const anySummary = [overall, ...[...groups.values()].map((g) => g.text)].some(
    (t) => t.provenance === "handbook_summary",
  );
  const blocks: Block[] = [
    h2("4. Mål och strategier"),
    p(
      "Modellen anger mål och strategier för varje stadium. De väljs för lokalsamhällets stadium som helhet och för de lägsta dimensionernas egna stadier, eftersom insatserna bör börja där beredskapen är lägst.",
    ),
    ...stageStrategies(`Lokalsamhället som helhet – stadium ${stageLabel(overall)}`, overall),
  ];
  for (const { text, letters } of [...groups.values()].sort(
    (x, y) => x.text.stage - y.text.stage,
  )) {
    const title = `${letters.length === 1 ? "Lägsta dimension" : "Lägsta dimensioner"}: ${svList(letters.map(dimensionLabel))} – stadium ${stageLabel(text)}`;
    if (text.stage === overall.stage)
      blocks.push(h3(title), p("Samma stadium som helheten; se mål och strategier ovan."));
    else blocks.push(...stageStrategies(title, text));
  }
  if (anySummary)
    blocks.push(
      small(
        "Texter markerade ”sammanfattning av handboken” är Paraplys egen sammanfattning av handbokens innehåll och har ännu inte stämts av ordagrant mot källan.",
      ),
    );
  return blocks;
}

export function trendSection(results: Results, trend: Results[]): Block[] {
  const byId = new Map<string, Results>();
  for (const r of [...trend, results]) if (complete(r)) byId.set(r.assessment.id, r);
  const series = [...byId.values()].sort((x, y) =>
    x.assessment.periodStart === y.assessment.periodStart
      ? x.assessment.periodEnd.localeCompare(y.assessment.periodEnd)
      : x.assessment.periodStart.localeCompare(y.assessment.periodStart),
  );
  if (series.length < 2)
    return [
      h2("5. Jämförelse över tid"),
      p(
        "Det finns ingen tidigare komplett mätning för samma ämne och lokalsamhälle att jämföra med. En ny mätning om ett eller två år visar hur beredskapen utvecklas.",
      ),
    ];
  const periods = series.map((r) => svPeriod(r.assessment.periodStart, r.assessment.periodEnd));
  const years = series.map((r) => r.assessment.periodEnd.slice(0, 4));
  const categories = new Set(years).size === years.length ? years : periods;
  const totals = series.map((r) => r.score);
  return [
    h2("5. Jämförelse över tid"),
    p("Kompletta mätningar för samma ämne och lokalsamhälle, äldst först."),
    {
      kind: "figure",
      alt: `Linjediagram över totalpoängen per mätning på skalan 1–9: ${series
        .map((r, i) => `${periods[i]} ${r.score === null ? "saknas" : score2(r.score)}`)
        .join("; ")}.`,
      chart: {
        type: "line",
        scale: { min: 1, max: 9, ticks: [...STAGE_NUMBERS], label: "Mätningens slutår" },
        categories,
        series: [{ label: "Totalpoäng", values: totals }],
        valueText: score2,
      },
      caption:
        "Totalpoängen per mätning. Poäng per dimension, totalpoäng och stadium står i tabellen nedan.",
      table: {
        kind: "table",
        columns: [
          { title: "Period", width: 120 },
          ...DIMENSION_LETTERS.map((letter) => ({
            title: letter,
            width: 34,
            align: "right" as const,
          })),
          { title: "Totalt", width: 42, align: "right" },
          { title: "Stadium", width: 117 },
        ],
        rowHeaders: true,
        rows: series.map((r, i) => [
          periods[i]!,
          ...DIMENSION_LETTERS.map((letter) => {
            const d = r.dimensions[letter];
            return d ? score2(d.score) : "–";
          }),
          r.score === null ? "–" : score2(r.score),
          r.stage
            ? stageLabel(r.stage)
            : r.assessment.stage !== null
              ? String(r.assessment.stage)
              : "–",
        ]),
      },
    },
    small(`Dimensioner: ${DIMENSION_LETTERS.map(dimensionLabel).join("; ")}.`),
  ];
}

export function agreementSection(results: Results): Block[] {
  const agreement = results.agreement;
  const rows: string[][] = [];
  if (agreement && agreement.pairs > 0) {
    rows.push(["Jämförda bedömningar (intervju × dimension)", String(agreement.pairs)]);
    if (agreement.exactAgreement !== null)
      rows.push(["Samma poäng", svPercent(agreement.exactAgreement)]);
    if (agreement.withinOnePoint !== null)
      rows.push(["Högst en poäng isär", svPercent(agreement.withinOnePoint)]);
    if (agreement.meanAbsoluteDifference !== null)
      rows.push(["Genomsnittlig skillnad", `${score2(agreement.meanAbsoluteDifference)} poäng`]);
  }
  if (rows.length === 0)
    return [
      h2("6. Samstämmighet mellan bedömare"),
      p("Uppgifter om samstämmighet mellan bedömarna finns inte för den här mätningen."),
    ];
  return [
    h2("6. Samstämmighet mellan bedömare"),
    p(
      "Hur väl de två bedömarnas oberoende poäng stämde överens innan de enades om konsensuspoäng. Hög samstämmighet stärker tilltron till resultatet; skillnaderna har lösts i konsensus.",
      true,
    ),
    {
      kind: "table",
      columns: [
        { title: "Mått", width: 260 },
        { title: "Värde", width: 90, align: "right" },
      ],
      widthShare: 0.72,
      rowHeaders: true,
      rows,
    },
  ];
}
