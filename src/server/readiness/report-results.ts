import type { Results } from "../../domain/readiness/api.ts";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../domain/readiness/dimensions.ts";
import { STAGE_NUMBERS, STAGES, type StageNumber } from "../../domain/readiness/stages.ts";
import { type Block, type Inline, svList, type TableBlock } from "../reports/index.ts";
import {
  complete,
  dimensionLabel,
  h2,
  h3,
  p,
  type StageText,
  score2,
  small,
  stageLabel,
} from "./report-parts.ts";

/** Results and strategies of the readiness board report, in Swedish. */

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
  // Without a single score a chart shows nothing the table does not say.
  if (bars.every((bar) => bar.value === null))
    blocks.push(h3("Poäng per dimension"), dimensionTable(results));
  else
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
