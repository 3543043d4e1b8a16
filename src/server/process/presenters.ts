import type { z } from "zod";
import { DEFAULT_CHECKLIST, DEFAULT_CHECKLIST_TITLE } from "../../domain/process/checklist.ts";
import { cyclePhases, PHASES, type PhaseNumber } from "../../domain/process/phases.ts";
import {
  currentPhase,
  daysBetween,
  isOverdue,
  phaseBlockers,
  progress,
  progressOf,
  timeSpent,
  typicalEnd,
} from "../../domain/process/rules.ts";
import type {
  Checklist,
  CycleSummary,
  EvidenceSchema,
  ItemView,
  PhaseState,
  ProcessSummary,
} from "../../domain/process/schemas.ts";
import type {
  ChecklistRow,
  CycleRow,
  EvidenceRow,
  ItemRow,
  PhaseCounts,
  PhaseRow,
  ProcessRow,
} from "./queries.ts";

export function presentChecklist(row: ChecklistRow): Checklist {
  return {
    id: row.id,
    organisationId: row.organisationId,
    version: row.version,
    title: row.title,
    items: row.items.map((i) => ({
      key: i.key,
      phase: i.phase,
      required: i.required,
      text: i.text,
    })),
    builtIn: false,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Paraply's own checklist: it has no row, so no id of its own. */
export function presentBuiltInChecklist() {
  return {
    id: null,
    organisationId: null,
    version: 1,
    title: DEFAULT_CHECKLIST_TITLE,
    items: DEFAULT_CHECKLIST.map((i) => ({ ...i })),
    builtIn: true,
    createdAt: "2026-01-01T00:00:00.000Z",
  };
}

function cycleState(cycle: CycleRow, phases: readonly PhaseRow[]) {
  return {
    number: cycle.number,
    closedOn: cycle.closedOn,
    completed: phases
      .filter((p) => p.cycleId === cycle.id && p.completedOn !== null)
      .map((p) => p.phase as PhaseNumber),
  };
}

export function currentPhaseOf(cycle: CycleRow, phases: readonly PhaseRow[]): PhaseNumber | null {
  return currentPhase(cycleState(cycle, phases));
}

export function presentCycleSummary(
  cycle: CycleRow,
  phases: readonly PhaseRow[],
  counts: readonly PhaseCounts[],
  prioritisations: number,
  today: string,
): CycleSummary {
  const own = counts.filter((c) => c.cycleId === cycle.id);
  const settled = own.reduce((n, c) => n + c.settled, 0);
  const total = own.reduce((n, c) => n + c.total, 0);
  return {
    id: cycle.id,
    number: cycle.number,
    startedOn: cycle.startedOn,
    closedOn: cycle.closedOn,
    note: cycle.note,
    currentPhase: currentPhaseOf(cycle, phases),
    days: Math.max(0, daysBetween(cycle.startedOn, cycle.closedOn ?? today)),
    progress: progressOf(settled, total),
    phaseDays: cyclePhases(cycle.number).map((phase) => {
      const row = phases.find((p) => p.cycleId === cycle.id && p.phase === phase);
      return {
        phase,
        days:
          row?.startedOn && row.completedOn ? daysBetween(row.startedOn, row.completedOn) : null,
      };
    }),
    linkedPrioritisations: prioritisations,
    version: cycle.version,
  };
}

type Evidence = z.infer<typeof EvidenceSchema>;

/** Linked records the reader may open, by id, with their page in the web app. */
export type ResolvedRecords = ReadonlyMap<string, string>;

export function presentEvidence(row: EvidenceRow, resolved: ResolvedRecords): Evidence {
  const page = resolved.get(row.recordId ?? "");
  return {
    id: row.id,
    kind: row.kind,
    recordId: row.recordId,
    title: row.title,
    url: row.kind === "document" ? row.url : (page ?? null),
    resolved: row.kind === "document" || page !== undefined,
  };
}

export function presentItem(
  row: ItemRow,
  evidence: readonly EvidenceRow[],
  resolved: ResolvedRecords,
  today: string,
): ItemView {
  return {
    id: row.id,
    key: row.key,
    phase: row.phase,
    required: row.required,
    text: row.text,
    status: row.status,
    naReason: row.naReason,
    responsible:
      row.responsibleId && row.responsibleName
        ? { id: row.responsibleId, name: row.responsibleName }
        : null,
    dueOn: row.dueOn,
    overdue: isOverdue(row, today),
    notes: row.notes,
    evidence: evidence.filter((e) => e.itemId === row.id).map((e) => presentEvidence(e, resolved)),
    version: row.version,
  };
}

export function presentPhases(
  cycle: CycleRow,
  phases: readonly PhaseRow[],
  items: readonly ItemRow[],
  evidence: readonly EvidenceRow[],
  resolved: ResolvedRecords,
  today: string,
): PhaseState[] {
  const current = currentPhaseOf(cycle, phases);
  return cyclePhases(cycle.number).map((phase) => {
    const row = phases.find((p) => p.cycleId === cycle.id && p.phase === phase);
    const own = items.filter((i) => i.cycleId === cycle.id && i.phase === phase);
    const startedOn = row?.startedOn ?? null;
    const completedOn = row?.completedOn ?? null;
    return {
      phase,
      name: PHASES[phase].name,
      typicalMonths: PHASES[phase].typicalMonths,
      status: completedOn ? "done" : phase === current ? "current" : "upcoming",
      startedOn,
      completedOn,
      decisionNote: row?.decisionNote ?? null,
      decidedBy: row?.completedByName ?? null,
      progress: progress(own),
      blockers: phaseBlockers(own).length,
      overdue: own.filter((i) => isOverdue(i, today)).length,
      timeSpent: startedOn ? timeSpent(phase, startedOn, completedOn ?? today) : null,
      typicalEnd: startedOn && !completedOn ? typicalEnd(phase, startedOn) : null,
      items: own.map((i) => presentItem(i, evidence, resolved, today)),
    };
  });
}

/** A list entry: the latest cycle, its current phase and how far that phase has come. */
export function presentSummary(
  process: ProcessRow,
  latest: CycleRow | undefined,
  phases: readonly PhaseRow[],
  counts: readonly PhaseCounts[],
): ProcessSummary {
  const current = latest ? currentPhaseOf(latest, phases) : null;
  const phaseCount = counts.find((c) => c.cycleId === latest?.id && c.phase === current);
  return {
    id: process.id,
    name: process.name,
    organisationId: process.organisationId,
    organisationName: process.organisationName,
    collaborationId: process.collaborationId,
    cycleNumber: latest?.number ?? null,
    currentPhase: current,
    phaseProgress:
      current === null ? null : progressOf(phaseCount?.settled ?? 0, phaseCount?.total ?? 0),
    overdue: counts.filter((c) => c.cycleId === latest?.id).reduce((n, c) => n + c.overdue, 0),
  };
}
