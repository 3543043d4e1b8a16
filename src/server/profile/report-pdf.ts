import {
  type Block,
  type RenderedReport,
  renderReport,
  reportFileName,
  svDate,
} from "../reports/index.ts";
import {
  comparisonSection,
  factorSection,
  indicatorSection,
  methodSection,
  prioritisationSection,
  summaryBox,
} from "./report-sections.ts";

/**
 * The board report of one survey wave's area profile: a tagged Swedish PDF (method and
 * suppression, respondents, share flagged per factor with its reference, significant
 * differences, register indicators, the recorded prioritisation). Every figure it prints comes
 * from the published, suppressed cells: a suppressed cell is "–" here as on screen.
 */

/** One factor's published cell for the chosen group ("all" unless a filter is given). */
export interface ReportFactor {
  id: string;
  name: string;
  kind: "risk" | "protective";
  domain: string;
  /** Null when the cell is suppressed. */
  n: number | null;
  /** Percent flagged as the domain writes it ("21.1"), null when suppressed. */
  percent: string | null;
  ci: [string, string] | null;
  suppressed: boolean;
  /** The reference's share for the same factor, when a reference was chosen and is published. */
  reference?: string | null;
  /** Difference against the reference or the earlier wave, decided by the domain's test. */
  difference?: {
    points: number;
    significant: boolean;
    test: string;
    pValue: number;
  } | null;
}

export interface ReportIndicator {
  kpi: string;
  name: string;
  period: string;
  gender: "T" | "K" | "M";
  value: number | null;
  source: string;
}

export interface ReportPrioritisation {
  decidedAt: string;
  decidedBy: string;
  basis: string;
  factors: { name: string; kind: "risk" | "protective"; reason: string }[];
}

export interface ProfileReportInput {
  organisationName: string;
  waveName: string;
  year: number;
  instrumentName: string;
  instrumentVersion: number;
  respondents: number;
  excluded: number;
  minN: number;
  /** What the figures are for ("Alla elever", "Område Centrum, årskurs 9"). */
  groupLabel: string;
  referenceLabel?: string;
  /** Compared with an earlier wave as well as (or instead of) the reference. */
  comparisonLabel?: string;
  factors: ReportFactor[];
  indicators: ReportIndicator[];
  prioritisation?: ReportPrioritisation | null;
  generatedAt: Date;
  author?: string;
  unit?: string;
  reference?: string;
}

const NOT_GIVEN = "Ej angivet";

export function profileReportTitle(input: Pick<ProfileReportInput, "organisationName" | "year">) {
  return `Områdesprofil ${input.year}: ${input.organisationName}`;
}

/** "omradesprofil-bengtsfors-2026-2026-11-30.pdf" */
export function profileReportFileName(
  input: Pick<ProfileReportInput, "organisationName" | "year">,
  date: Date,
): string {
  const place = input.organisationName.replace(/\s+(kommun|stad)$/i, "");
  return reportFileName(["omradesprofil", place, String(input.year)], date);
}

function titleBlock(input: ProfileReportInput, title: string): Block[] {
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
        ["Enkätomgång", input.waveName],
        ["Lokalsamhälle", input.organisationName],
        ["Urval", input.groupLabel],
        ["Instrument", `${input.instrumentName}, version ${input.instrumentVersion}`],
        ["Datum", svDate(input.generatedAt)],
        ["Diarienummer", input.reference || NOT_GIVEN],
        ["Upprättad av", input.author || NOT_GIVEN],
        ["Ansvarig enhet", input.unit || NOT_GIVEN],
        ["Metod", "Communities That Care: risk- och skyddsfaktorer bland unga"],
      ],
    },
  ];
}

export async function renderProfileReport(input: ProfileReportInput): Promise<RenderedReport> {
  const title = profileReportTitle(input);
  return renderReport({
    title,
    subject: "Områdesprofil – risk- och skyddsfaktorer",
    keywords: ["områdesprofil", "Communities That Care", "riskfaktorer", "skyddsfaktorer"],
    organisation: input.organisationName,
    reference: input.reference,
    author: [input.author, input.unit].filter(Boolean).join(", ") || undefined,
    date: input.generatedAt,
    footerTitle: title,
    blocks: [
      ...titleBlock(input, title),
      summaryBox(input),
      ...methodSection(input),
      ...factorSection(input, "risk"),
      ...factorSection(input, "protective"),
      ...comparisonSection(input),
      ...indicatorSection(input),
      ...prioritisationSection(input),
    ],
  });
}
