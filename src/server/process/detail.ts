import type { DbOrTx } from "../../db/database.ts";
import { DEFAULT_CHECKLIST_TITLE } from "../../domain/process/checklist.ts";
import type { ProcessDetail } from "../../domain/process/schemas.ts";
import { type AccessContext, can } from "../plugins/access.ts";
import { communityProfiles, readableProfileRecords } from "../profile/process-links.ts";
import { presentSummary as presentAssessment } from "../readiness/presenters.ts";
import { listAssessmentSummaries, readableAssessmentIds } from "../readiness/queries.ts";
import { presentCycleSummary, presentPhases, presentSummary } from "./presenters.ts";
import {
  type CycleRow,
  cyclesOf,
  evidenceOf,
  findChecklist,
  itemsOf,
  type ProcessRow,
  phaseCounts,
  phasesOf,
  prioritisationCounts,
} from "./queries.ts";

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Readiness older than this (by the end of its period) no longer counts as recent. */
const RECENT_READINESS_YEARS = 2;

/**
 * The community's readiness assessments, read through readiness' own access query, so that
 * phase 1 shows only what the caller could open there.
 */
async function linkedReadiness(db: DbOrTx, ctx: AccessContext, organisationId: string, on: string) {
  const rows = await listAssessmentSummaries(
    db,
    await ctx.lineage("community.read"),
    ctx.actor.userId,
    { organisationId },
    { limit: 10, offset: 0 },
  );
  const readiness = rows.map(presentAssessment).map((a) => ({
    id: a.id,
    title: a.topicName,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    stage: a.stage,
  }));
  const recentSince = `${Number(on.slice(0, 4)) - RECENT_READINESS_YEARS}${on.slice(4)}`;
  return { readiness, suggestReadiness: !readiness.some((a) => a.periodEnd >= recentSince) };
}

/** The cycle shown in full: the open one, or the latest when all are closed. */
export function shownCycle(cycles: readonly CycleRow[], cycleId?: string): CycleRow | undefined {
  if (cycleId) return cycles.find((c) => c.id === cycleId);
  return cycles.find((c) => !c.closedOn) ?? cycles[cycles.length - 1];
}

/** Everything the process page shows, for one reader, with what they may do. */
export async function loadProcessDetail(
  db: DbOrTx,
  ctx: AccessContext,
  process: ProcessRow,
  cycleId?: string,
): Promise<ProcessDetail> {
  const on = today();
  const cycles = await cyclesOf(db, [process.id]);
  const cycleIds = cycles.map((c) => c.id);
  const shown = shownCycle(cycles, cycleId);
  const [phases, counts, prioritisations, items, checklist] = await Promise.all([
    phasesOf(db, cycleIds),
    phaseCounts(db, cycleIds, on),
    prioritisationCounts(db, cycleIds),
    shown ? itemsOf(db, [shown.id]) : Promise.resolve([]),
    process.checklistId ? findChecklist(db, process.checklistId) : Promise.resolve(undefined),
  ]);
  const evidence = await evidenceOf(
    db,
    items.map((i) => i.id),
  );
  const idsOf = (kind: string) =>
    evidence.filter((e) => e.kind === kind && e.recordId).map((e) => e.recordId!);
  const visible = await ctx.lineage("community.read");
  const [readable, profileRecords] = await Promise.all([
    readableAssessmentIds(db, idsOf("readiness_assessment"), visible, ctx.actor.userId),
    readableProfileRecords(db, visible, {
      waves: idsOf("profile_wave"),
      prioritisations: idsOf("prioritisation"),
    }),
  ]);
  const resolved = new Map<string, string>([
    ...[...readable].map((id) => [id, `/readiness/${id}`] as const),
    ...[...profileRecords].map(([id, r]) => [id, r.url] as const),
  ]);
  const latest = cycles[cycles.length - 1];
  const summary = presentSummary(process, latest, phases, counts);
  const cycleSummaries = cycles.map((c) =>
    presentCycleSummary(c, phases, counts, prioritisations.get(c.id) ?? 0, on),
  );
  const shownSummary = cycleSummaries.find((c) => c.id === shown?.id);
  return {
    ...summary,
    collaborationName: process.collaborationName,
    vision: process.vision,
    actors: process.actors,
    keyLeaders: process.keyLeaders,
    board: process.board,
    promotive: process.promotive,
    checklist: checklist
      ? { id: checklist.id, version: checklist.version, title: checklist.title }
      : { id: null, version: 1, title: DEFAULT_CHECKLIST_TITLE },
    cycles: cycleSummaries,
    current:
      shown && shownSummary
        ? { ...shownSummary, phases: presentPhases(shown, phases, items, evidence, resolved, on) }
        : null,
    linked: {
      ...(await linkedReadiness(db, ctx, process.organisationId, on)),
      ...(await communityProfiles(db, visible, process.organisationId)),
    },
    abilities: { edit: await can(ctx, "process.edit", process) },
    version: process.version,
  };
}

/** List entries for many processes in a fixed number of statements. */
export async function loadSummaries(db: DbOrTx, processes: readonly ProcessRow[]) {
  const cycles = await cyclesOf(
    db,
    processes.map((p) => p.id),
  );
  const latest = new Map<string, CycleRow>();
  for (const c of cycles) latest.set(c.processId, c);
  const ids = [...latest.values()].map((c) => c.id);
  const [phases, counts] = await Promise.all([phasesOf(db, ids), phaseCounts(db, ids, today())]);
  return { latest, phases, counts };
}
