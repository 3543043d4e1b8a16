import type { Overview } from "../../domain/process/schemas.ts";
import {
  type Block,
  type RenderedReport,
  renderReport,
  reportFileName,
  svDate,
} from "../reports/index.ts";
import { overviewExportTable } from "./overview.ts";

/**
 * The board overview as a tagged Swedish PDF for the collaboration's board: a short summary, and
 * the members' processes as one table (the same columns as the CSV and XLSX export).
 */
export async function renderOverviewReport(
  overview: Overview,
  generatedAt: Date,
): Promise<RenderedReport> {
  const title = `Förebyggande process: översikt för ${overview.collaboration.name}`;
  const table = overviewExportTable("sv").filter((c) => c.key !== "readinessPeriod");
  const overdue = overview.rows.reduce((n, r) => n + r.overdue, 0);
  const ready = overview.rows.filter((r) => r.nextDecision?.blockers === 0).length;
  const blocks: Block[] = [
    { kind: "paragraph", style: "kicker", text: "Underlag till samverkansstyrelse" },
    { kind: "heading", level: 1, text: title },
    {
      kind: "box",
      tone: "info",
      title: "Sammanfattning",
      titleLevel: 2,
      paragraphs: [
        `${overview.rows.length} kommuner eller områden har en process i Paraply (${svDate(generatedAt)}).`,
        `${ready} väntar på beslut om att avsluta sin fas. ${overdue} punkter är försenade.`,
      ],
    },
    { kind: "heading", level: 2, text: "Processerna" },
    {
      kind: "table",
      rowHeaders: true,
      columns: table.map((c) => ({
        title: c.sv,
        width:
          c.key === "nextDecision" || c.key === "phase" ? 3 : c.key === "organisation" ? 2 : 1.2,
        ...(c.type === "number" ? { align: "right" as const } : {}),
      })),
      rows: overview.rows.map((row) =>
        table.map((c) => {
          const v = c.value(row);
          return v === null || v === undefined || v === "" ? "–" : String(v);
        }),
      ),
    },
    {
      kind: "paragraph",
      text: "Prioriterade faktorer visas när områdesprofilernas prioriteringar finns i Paraply. Beredskapsstadiet är det senaste med resultat för hela mätningen (1–9).",
    },
  ];
  return renderReport({
    title,
    subject: "Communities That Care – processöversikt",
    keywords: ["Communities That Care", "förebyggande", overview.collaboration.name],
    organisation: overview.collaboration.name,
    date: generatedAt,
    footerTitle: "Processöversikt",
    blocks,
  });
}

export function overviewReportFileName(overview: Overview, date: Date): string {
  return reportFileName(["processoversikt", overview.collaboration.name], date);
}
