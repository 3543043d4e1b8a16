import type { Results } from "../../domain/readiness/api.ts";
import {
  type Block,
  type RenderedReport,
  renderReport,
  reportFileName,
  svDate,
  svPeriod,
} from "../reports/index.ts";
import { resultSection, strategies } from "./report-results.ts";
import { method, respondents, summary } from "./report-sections.ts";
import { agreementSection, trendSection } from "./report-trend.ts";

/**
 * The board report of one readiness assessment: a tagged Swedish PDF for a municipal board or
 * committee (method, respondents by sector, scores and stage, goals and strategies, trend,
 * agreement), laid out by the report kit.
 */

/** Board-paper facts the person exporting may give; each is printed only where given. */
export interface BoardFacts {
  author?: string;
  unit?: string;
  reference?: string;
}

export interface ReadinessReportInput extends BoardFacts {
  results: Results;
  trend: Results[];
  generatedAt: Date;
}

const NOT_GIVEN = "Ej angivet";

function titleBlock(input: ReadinessReportInput, title: string): Block[] {
  const a = input.results.assessment;
  return [
    { kind: "paragraph", style: "kicker", text: "Underlag till kommunstyrelse eller nämnd" },
    { kind: "heading", level: 1, text: title },
    {
      kind: "table",
      headerRow: false,
      rowHeaders: true,
      columns: [
        { title: "Uppgift", width: 130 },
        { title: "Värde", width: 353 },
      ],
      rows: [
        ["Ämne", a.topicName.sv],
        ["Lokalsamhälle", a.organisationName],
        ["Mätperiod", svPeriod(a.periodStart, a.periodEnd)],
        ["Datum", svDate(input.generatedAt)],
        ["Diarienummer", input.reference || NOT_GIVEN],
        ["Upprättad av", input.author || NOT_GIVEN],
        ["Ansvarig enhet", input.unit || NOT_GIVEN],
        ["Metod", "Community Readiness Model (Tri-Ethnic Center, Colorado State University)"],
      ],
    },
  ];
}

export function readinessReportTitle(results: Results): string {
  const a = results.assessment;
  return `Beredskapsmätning: ${a.topicName.sv} i ${a.organisationName}`;
}

/** "beredskap-bengtsfors-andt-2026-11-30.pdf" */
export function readinessReportFileName(results: Results, date: Date): string {
  const a = results.assessment;
  const place = a.organisationName.replace(/\s+(kommun|stad)$/i, "");
  // A topic's own abbreviation when its name ends with one ("… (ANDT)"), else its Swedish name.
  const topic = /\(([^)]+)\)\s*$/.exec(a.topicName.sv)?.[1] ?? a.topicName.sv;
  return reportFileName(["beredskap", place, topic], date);
}

export async function renderReadinessReport(input: ReadinessReportInput): Promise<RenderedReport> {
  const { results } = input;
  const title = readinessReportTitle(results);
  return renderReport({
    title,
    subject: "Community Readiness Model – rapport",
    keywords: ["beredskapsmätning", "Community Readiness Model", results.assessment.topicName.sv],
    organisation: results.assessment.organisationName,
    reference: input.reference,
    author: [input.author, input.unit].filter(Boolean).join(", ") || undefined,
    date: input.generatedAt,
    footerTitle: title,
    blocks: [
      ...titleBlock(input, title),
      summary(results),
      ...method(),
      ...respondents(results),
      ...resultSection(results),
      ...strategies(results),
      ...trendSection(results, input.trend),
      ...agreementSection(results),
    ],
  });
}
