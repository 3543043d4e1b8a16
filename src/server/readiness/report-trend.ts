import type { Results } from "../../domain/readiness/api.ts";
import { DIMENSION_LETTERS } from "../../domain/readiness/dimensions.ts";
import { STAGE_NUMBERS } from "../../domain/readiness/stages.ts";
import { type Block, svPercent, svPeriod } from "../reports/index.ts";
import { complete, dimensionLabel, h2, p, score2, small, stageLabel } from "./report-parts.ts";

/** Trend over time and agreement between scorers in the readiness board report, in Swedish. */

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
