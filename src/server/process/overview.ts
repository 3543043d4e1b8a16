import type { DbOrTx } from "../../db/database.ts";
import { PHASES, type PhaseNumber } from "../../domain/process/phases.ts";
import { typicalEnd } from "../../domain/process/rules.ts";
import type { Overview, OverviewRow } from "../../domain/process/schemas.ts";
import type { AccessContext } from "../plugins/access.ts";
import type { ExportTable } from "../plugins/export-table.ts";
import { latestPrioritisations } from "../profile/process-links.ts";
import { presentSummary as presentAssessment } from "../readiness/presenters.ts";
import { listAssessmentSummaries } from "../readiness/queries.ts";
import { loadSummaries, today } from "./detail.ts";
import { currentPhaseOf, presentSummary } from "./presenters.ts";
import { listProcesses } from "./queries.ts";

/**
 * The collaboration board's page: every member process the caller may read, with where it
 * stands, what is overdue, the next decision, the latest readiness stage and the factors of the
 * latest prioritisation (each read live through its module's own access query).
 */
export async function loadOverview(
  db: DbOrTx,
  ctx: AccessContext,
  collaboration: { id: string; name: string },
): Promise<Overview> {
  const visible = await ctx.lineage("community.read");
  const processes = await listProcesses(db, visible, { collaborationId: collaboration.id });
  const { latest, phases, counts } = await loadSummaries(db, processes);
  // Each member's latest readiness stage through readiness' own list query, all at once.
  const staged = await Promise.all(
    processes.map(async (process) =>
      (
        await listAssessmentSummaries(
          db,
          visible,
          ctx.actor.userId,
          { organisationId: process.organisationId },
          { limit: 20, offset: 0 },
        )
      )
        .map(presentAssessment)
        .find((a) => a.stage !== null),
    ),
  );
  const prioritised = await latestPrioritisations(
    db,
    visible,
    processes.map((p) => p.organisationId),
  );
  const rows = processes.map((process, index): OverviewRow => {
    const cycle = latest.get(process.id);
    const summary = presentSummary(process, cycle, phases, counts);
    const current = cycle ? currentPhaseOf(cycle, phases) : null;
    const phaseRow = phases.find((p) => p.cycleId === cycle?.id && p.phase === current);
    const phaseCount = counts.find((c) => c.cycleId === cycle?.id && c.phase === current);
    const readiness = staged[index];
    return {
      processId: process.id,
      organisationName: process.organisationName,
      name: process.name,
      cycleNumber: summary.cycleNumber,
      currentPhase: current,
      phaseProgress: summary.phaseProgress?.percent ?? null,
      overdue: summary.overdue,
      nextDecision:
        current === null
          ? null
          : {
              phase: current,
              blockers: phaseCount?.blockers ?? 0,
              typicalEnd: phaseRow?.startedOn ? typicalEnd(current, phaseRow.startedOn) : null,
            },
      readinessStage: readiness?.stage ?? null,
      readinessPeriod: readiness ? `${readiness.periodStart} – ${readiness.periodEnd}` : null,
      // Factor names in Swedish: the board's language, also in the exports.
      prioritisedFactors:
        prioritised.get(process.organisationId)?.factors.map((f) => f.name.sv) ?? [],
    };
  });
  return { collaboration, generatedOn: today(), rows };
}

function phaseLabel(phase: number | null, locale: "sv" | "en"): string | null {
  if (phase === null) return null;
  return `${phase} ${PHASES[phase as PhaseNumber].name[locale]}`;
}

function decisionText(row: OverviewRow, locale: "sv" | "en"): string {
  const d = row.nextDecision;
  if (!d) return locale === "sv" ? "Ny cykel kan startas" : "A new cycle can start";
  const ready =
    d.blockers === 0
      ? locale === "sv"
        ? "redo för beslut"
        : "ready for decision"
      : locale === "sv"
        ? `${d.blockers} punkter kvar`
        : `${d.blockers} items left`;
  return locale === "sv" ? `Fas ${d.phase} klar: ${ready}` : `Phase ${d.phase} done: ${ready}`;
}

/** The overview as a table, one definition for CSV, XLSX and the PDF's table. */
export function overviewExportTable(locale: "sv" | "en"): ExportTable<OverviewRow> {
  return [
    {
      key: "organisation",
      sv: "Kommun/område",
      en: "Community",
      type: "text",
      value: (r) => r.organisationName,
    },
    { key: "cycle", sv: "Cykel", en: "Cycle", type: "number", value: (r) => r.cycleNumber },
    {
      key: "phase",
      sv: "Fas",
      en: "Phase",
      type: "text",
      value: (r) => phaseLabel(r.currentPhase, locale),
    },
    {
      key: "progress",
      sv: "Fasens framsteg (%)",
      en: "Phase progress (%)",
      type: "number",
      value: (r) => r.phaseProgress,
    },
    {
      key: "overdue",
      sv: "Försenade punkter",
      en: "Overdue items",
      type: "number",
      value: (r) => r.overdue,
    },
    {
      key: "nextDecision",
      sv: "Nästa beslut",
      en: "Next decision",
      type: "text",
      value: (r) => decisionText(r, locale),
    },
    {
      key: "typicalEnd",
      sv: "Typiskt klar senast",
      en: "Typically done by",
      type: "date",
      value: (r) => r.nextDecision?.typicalEnd ?? null,
    },
    {
      key: "readinessStage",
      sv: "Senaste beredskapsstadium",
      en: "Latest readiness stage",
      type: "number",
      value: (r) => r.readinessStage,
    },
    {
      key: "readinessPeriod",
      sv: "Beredskap mätt",
      en: "Readiness measured",
      type: "text",
      value: (r) => r.readinessPeriod,
    },
    {
      key: "factors",
      sv: "Prioriterade faktorer",
      en: "Prioritised factors",
      type: "text",
      value: (r) => r.prioritisedFactors.join(", "),
    },
  ];
}
