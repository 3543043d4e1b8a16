import { type Block, type Inline, svNumber, type TableBlock } from "../reports/index.ts";
import type { ProfileReportInput, ReportFactor } from "./report-pdf.ts";

/** The sections of the area profile board report, in Swedish. */

const h2 = (text: string): Block => ({ kind: "heading", level: 2, text });
const p = (text: Inline, keepWithNext = false): Block => ({
  kind: "paragraph",
  text,
  keepWithNext,
});

/** A suppressed or absent figure, the same dash the web pages show. */
export const DASH = "–";

/** "21.1" (the domain's exact string) → "21,1 %"; keeps the digits the domain rounded. */
export function svPercentText(percent: string | null | undefined): string {
  return percent == null ? DASH : `${percent.replace(".", ",")}\u00a0%`;
}

const svCi = (ci: [string, string] | null) =>
  ci ? `${ci[0].replace(".", ",")}–${ci[1].replace(".", ",")}` : DASH;

const svPoints = (points: number) =>
  `${points > 0 ? "+" : points < 0 ? "−" : "±"}${svNumber(Math.abs(points), 1)}`;

/** "p = 0,003", or "p < 0,001" where three decimals would read as zero. */
export function svPValue(p: number): string {
  return p < 0.001 ? "p < 0,001" : `p = ${svNumber(p, 3)}`;
}

const KIND_HEADING = { risk: "Riskfaktorer", protective: "Skyddsfaktorer" } as const;
const KIND_NUMBER = { risk: 2, protective: 3 } as const;
const DOMAIN_NAMES: Record<string, string> = {
  community: "Lokalsamhälle",
  family: "Familj",
  school: "Skola",
  individual: "Individ och kamrater",
};
const domainName = (domain: string) => DOMAIN_NAMES[domain] ?? domain;

export function summaryBox(input: ProfileReportInput): Block {
  const published = input.factors.filter((f) => !f.suppressed && f.percent !== null);
  const top = (kind: "risk" | "protective") =>
    published
      .filter((f) => f.kind === kind)
      .sort((a, b) => (Number(b.percent) - Number(a.percent)) * (kind === "risk" ? 1 : -1))
      .slice(0, 3)
      .map((f) => `${f.name} (${svPercentText(f.percent)})`);
  const risk = top("risk");
  const protective = top("protective");
  const paragraphs: Inline[] = [
    `${input.respondents} elever ingår i profilen (${input.excluded} uteslutna vid kontrollen av svarens giltighet).`,
  ];
  if (risk.length) paragraphs.push(`Högst andel med risk: ${risk.join(", ")}.`);
  if (protective.length) paragraphs.push(`Lägst andel med skydd: ${protective.join(", ")}.`);
  if (input.prioritisation)
    paragraphs.push(
      `Arbetsgruppen har prioriterat ${input.prioritisation.factors.length} faktorer (avsnitt 6).`,
    );
  return { kind: "box", tone: "info", title: "Sammanfattning", titleLevel: 2, paragraphs };
}

export function methodSection(input: ProfileReportInput): Block[] {
  return [
    h2("1. Metod"),
    p(
      "Varje elev får en poäng per faktor: medelvärdet av de besvarade frågorna, där omvända frågor vänds. Den som har besvarat för få av faktorns frågor räknas inte för faktorn. En elev är flaggad när poängen ligger över faktorns gränsvärde; för en riskfaktor betyder det förhöjd risk, för en skyddsfaktor att skyddet finns. Andelen flaggade redovisas med en decimal och ett 95 % konfidensintervall (Wilson).",
    ),
    p(
      `Ingen cell med färre än ${input.minN} svarande redovisas. Därtill döljs så få andra celler som behövs för att ingen dold cell ska kunna räknas fram ur de redovisade summorna. En dold cell visas som ”${DASH}”. Enskilda elevers svar lämnar aldrig systemet.`,
    ),
  ];
}

function factorTable(factors: readonly ReportFactor[], withReference: boolean): TableBlock {
  return {
    kind: "table",
    rowHeaders: true,
    columns: [
      { title: "Faktor", width: 170 },
      { title: "Domän", width: 90 },
      { title: "Svarande", width: 55, align: "right" },
      { title: "Andel", width: 55, align: "right" },
      { title: "95 % KI", width: 70, align: "right" },
      ...(withReference ? [{ title: "Referens", width: 55, align: "right" as const }] : []),
    ],
    rows: factors.map((f) => [
      f.name,
      domainName(f.domain),
      f.n === null ? DASH : String(f.n),
      svPercentText(f.percent),
      svCi(f.ci),
      ...(withReference ? [svPercentText(f.reference)] : []),
    ]),
  };
}

export function factorSection(input: ProfileReportInput, kind: "risk" | "protective"): Block[] {
  const factors = input.factors.filter((f) => f.kind === kind);
  if (factors.length === 0) return [];
  const withReference = Boolean(input.referenceLabel);
  const heading = `${KIND_NUMBER[kind]}. ${KIND_HEADING[kind]}`;
  const what = kind === "risk" ? "med förhöjd risk" : "med skydd";
  const published = factors.filter((f) => !f.suppressed && f.percent !== null);
  if (published.length === 0)
    return [
      h2(heading),
      p(`Alla celler är dolda: för få svarande i ${input.groupLabel.toLowerCase()}.`),
      factorTable(factors, withReference),
    ];
  const reference = withReference
    ? factors.flatMap((f) => (f.reference ? [Number(f.reference)] : []))
    : [];
  const alt = `Stapeldiagram över andelen elever ${what} per faktor: ${factors
    .map((f) => `${f.name} ${f.suppressed ? "dold" : svPercentText(f.percent)}`)
    .join("; ")}.`;
  return [
    h2(heading),
    p(`Andel elever ${what}, ${input.groupLabel.toLowerCase()}.`, true),
    {
      kind: "figure",
      alt,
      chart: {
        type: "bar",
        scale: { min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100], label: "Andel (%)" },
        bars: factors.map((f) => ({
          label: f.name,
          value: f.suppressed || f.percent === null ? null : Number(f.percent),
          valueText: svPercentText(f.percent),
        })),
        missingText: "dold (för få svarande)",
        // The report kit draws one reference line; a single reference figure (a norm for all
        // factors) is drawn, per-factor references stand in the table's last column.
        reference:
          reference.length === 1 && input.referenceLabel
            ? {
                value: reference[0] ?? 0,
                label: `${input.referenceLabel} ${svNumber(reference[0] ?? 0, 1)}`,
              }
            : undefined,
      },
      caption: `Staplarna visar andelen ${what} per faktor på skalan 0–100 %. Samma siffror, med antal svarande och konfidensintervall${withReference ? ` och referensen (${input.referenceLabel})` : ""}, står i tabellen.`,
      table: factorTable(factors, withReference),
    },
  ];
}

export function comparisonSection(input: ProfileReportInput): Block[] {
  const label = input.comparisonLabel ?? input.referenceLabel;
  const compared = input.factors.filter((f) => f.difference);
  if (!label || compared.length === 0) return [];
  const significant = compared.filter((f) => f.difference?.significant);
  const tests = [...new Set(compared.map((f) => f.difference?.test ?? ""))].filter(Boolean);
  return [
    h2("4. Jämförelse"),
    p(
      `Jämfört med ${label}. En skillnad räknas som säkerställd när den är statistiskt signifikant på 95 %-nivån (${tests.join(", ")}). Dolda celler jämförs inte.`,
    ),
    significant.length === 0
      ? p("Ingen skillnad är statistiskt säkerställd.")
      : p(
          `Säkerställda skillnader: ${significant
            .map((f) => `${f.name} (${svPoints(f.difference?.points ?? 0)} procentenheter)`)
            .join(", ")}.`,
        ),
    {
      kind: "table",
      rowHeaders: true,
      columns: [
        { title: "Faktor", width: 170 },
        { title: "Andel", width: 55, align: "right" },
        { title: "Skillnad (procentenheter)", width: 90, align: "right" },
        { title: "Säkerställd", width: 65 },
        { title: "Test", width: 103 },
      ],
      rows: compared.map((f) => [
        f.name,
        svPercentText(f.percent),
        svPoints(f.difference?.points ?? 0),
        f.difference?.significant ? "Ja" : "Nej",
        `${f.difference?.test ?? ""}, ${svPValue(f.difference?.pValue ?? 1)}`,
      ]),
    },
  ];
}

export function indicatorSection(input: ProfileReportInput): Block[] {
  if (input.indicators.length === 0) return [];
  const gender = { T: "Totalt", K: "Kvinnor", M: "Män" } as const;
  return [
    h2("5. Registerdata"),
    p(
      "Indikatorer ur register, redovisade bredvid enkätens faktorer, med källan för var och en.",
      true,
    ),
    {
      kind: "table",
      rowHeaders: true,
      columns: [
        { title: "Indikator", width: 190 },
        { title: "Period", width: 50 },
        { title: "Kön", width: 55 },
        { title: "Värde", width: 60, align: "right" },
        { title: "Källa", width: 90 },
      ],
      rows: input.indicators.map((i) => [
        `${i.name} (${i.kpi})`,
        i.period,
        gender[i.gender],
        i.value === null ? DASH : svNumber(i.value, 1),
        i.source,
      ]),
    },
  ];
}

export function prioritisationSection(input: ProfileReportInput): Block[] {
  const decision = input.prioritisation;
  if (!decision)
    return [h2("6. Prioritering"), p("Ingen prioritering är registrerad för omgången ännu.")];
  return [
    h2("6. Prioritering"),
    p(
      `Beslutad ${decision.decidedAt} av ${decision.decidedBy}. Underlag: ${decision.basis}.`,
      true,
    ),
    {
      kind: "table",
      rowHeaders: true,
      columns: [
        { title: "Faktor", width: 160 },
        { title: "Slag", width: 70 },
        { title: "Motivering", width: 253 },
      ],
      rows: decision.factors.map((f) => [f.name, f.kind === "risk" ? "Risk" : "Skydd", f.reason]),
    },
  ];
}
