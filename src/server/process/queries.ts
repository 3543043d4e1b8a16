import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { organisations, users } from "../../db/schema/platform.ts";
import {
  processChecklists,
  processCycles,
  processEvidence,
  processItems,
  processPhases,
  processProcesses,
} from "../../db/schema/process.ts";
import type { OrgIdSet } from "../platform/queries.ts";

export type ProcessRow = typeof processProcesses.$inferSelect & {
  organisationName: string;
  collaborationName: string | null;
};
export type CycleRow = typeof processCycles.$inferSelect;
export type PhaseRow = typeof processPhases.$inferSelect & { completedByName: string | null };
export type ItemRow = typeof processItems.$inferSelect & { responsibleName: string | null };
export type EvidenceRow = typeof processEvidence.$inferSelect;
export type ChecklistRow = typeof processChecklists.$inferSelect;

/**
 * The one definition of "may this person read this process": community.read along the lineage
 * of the community that owns it. A collaboration's board members hold their role on the
 * collaboration, whose lineage covers its member municipalities. Detail checks, lists, the
 * board overview and the home page all filter through it.
 */
export function readableWhere(visible: OrgIdSet) {
  if (visible === null) return sql`true`;
  return sql`${processProcesses.organisationId} = ANY(${uuidArray(visible)})`;
}

const collaborations = alias(organisations, "collaborations");
const processColumns = {
  p: processProcesses,
  organisationName: organisations.name,
  collaborationName: collaborations.name,
};

function withNames(row: {
  p: typeof processProcesses.$inferSelect;
  organisationName: string;
  collaborationName: string | null;
}): ProcessRow {
  return {
    ...row.p,
    organisationName: row.organisationName,
    collaborationName: row.collaborationName,
  };
}

function processQuery(db: DbOrTx) {
  return db
    .select(processColumns)
    .from(processProcesses)
    .innerJoin(organisations, eq(organisations.id, processProcesses.organisationId))
    .leftJoin(collaborations, eq(collaborations.id, processProcesses.collaborationId));
}

export async function findProcess(db: DbOrTx, id: string): Promise<ProcessRow | undefined> {
  const [row] = await processQuery(db).where(eq(processProcesses.id, id));
  return row ? withNames(row) : undefined;
}

export async function listProcesses(
  db: DbOrTx,
  visible: OrgIdSet,
  filter: { organisationId?: string; collaborationId?: string } = {},
): Promise<ProcessRow[]> {
  const rows = await processQuery(db)
    .where(
      and(
        readableWhere(visible),
        filter.organisationId
          ? eq(processProcesses.organisationId, filter.organisationId)
          : undefined,
        filter.collaborationId
          ? eq(processProcesses.collaborationId, filter.collaborationId)
          : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(processProcesses.id));
  return rows.map(withNames);
}

export async function findOrganisation(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

/** Whether `ancestorId` lies above `organisationId` in the organisation tree. */
export async function isAncestor(
  db: DbOrTx,
  ancestorId: string,
  organisationId: string,
): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM platform.organisations WHERE id = ${organisationId}
      UNION SELECT o.id, o.parent_id FROM platform.organisations o JOIN up u ON o.id = u.parent_id
    )
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${ancestorId} AND id <> ${organisationId}) AS found`);
  return result.rows[0]?.found === true;
}

export async function cyclesOf(db: DbOrTx, processIds: string[]): Promise<CycleRow[]> {
  if (processIds.length === 0) return [];
  return db
    .select()
    .from(processCycles)
    .where(inArray(processCycles.processId, processIds))
    .orderBy(asc(processCycles.processId), asc(processCycles.number));
}

export async function findCycle(db: DbOrTx, processId: string, cycleId: string) {
  const [row] = await db
    .select()
    .from(processCycles)
    .where(and(eq(processCycles.id, cycleId), eq(processCycles.processId, processId)));
  return row;
}

export async function openCycle(db: DbOrTx, processId: string) {
  const [row] = await db
    .select()
    .from(processCycles)
    .where(and(eq(processCycles.processId, processId), isNull(processCycles.closedOn)));
  return row;
}

const completers = alias(users, "completers");

export async function phasesOf(db: DbOrTx, cycleIds: string[]): Promise<PhaseRow[]> {
  if (cycleIds.length === 0) return [];
  const rows = await db
    .select({ ph: processPhases, completedByName: completers.displayName })
    .from(processPhases)
    .leftJoin(completers, eq(completers.id, processPhases.completedBy))
    .where(inArray(processPhases.cycleId, cycleIds))
    .orderBy(asc(processPhases.cycleId), asc(processPhases.phase));
  return rows.map((r) => ({ ...r.ph, completedByName: r.completedByName }));
}

export async function itemsOf(db: DbOrTx, cycleIds: string[]): Promise<ItemRow[]> {
  if (cycleIds.length === 0) return [];
  const rows = await db
    .select({ it: processItems, responsibleName: users.displayName })
    .from(processItems)
    .leftJoin(users, eq(users.id, processItems.responsibleId))
    .where(inArray(processItems.cycleId, cycleIds))
    .orderBy(asc(processItems.phase), asc(processItems.position));
  return rows.map((r) => ({ ...r.it, responsibleName: r.responsibleName }));
}

export async function evidenceOf(db: DbOrTx, itemIds: string[]): Promise<EvidenceRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .select()
    .from(processEvidence)
    .where(inArray(processEvidence.itemId, itemIds))
    .orderBy(asc(processEvidence.createdAt), asc(processEvidence.id));
}

export async function findItem(db: DbOrTx, processId: string, itemId: string) {
  const [row] = await db
    .select({ item: processItems, cycle: processCycles })
    .from(processItems)
    .innerJoin(processCycles, eq(processCycles.id, processItems.cycleId))
    .where(and(eq(processItems.id, itemId), eq(processCycles.processId, processId)));
  return row;
}

export type PhaseCounts = {
  cycleId: string;
  phase: number;
  total: number;
  settled: number;
  blockers: number;
  overdue: number;
};

/** Per cycle and phase, the counts the lists and the board overview show, in one statement. */
export async function phaseCounts(
  db: DbOrTx,
  cycleIds: string[],
  today: string,
): Promise<PhaseCounts[]> {
  if (cycleIds.length === 0) return [];
  const result = await db.execute<PhaseCounts>(sql`
    SELECT cycle_id AS "cycleId", phase, count(*)::int AS total,
      count(*) FILTER (WHERE status IN ('done', 'not_applicable'))::int AS settled,
      count(*) FILTER (WHERE required AND status NOT IN ('done', 'not_applicable'))::int AS blockers,
      count(*) FILTER (WHERE due_on < ${today}::date
        AND status NOT IN ('done', 'not_applicable'))::int AS overdue
    FROM community.process_items
    WHERE cycle_id = ANY(${uuidArray(cycleIds)})
    GROUP BY cycle_id, phase`);
  return result.rows;
}

/** Prioritisation records linked as evidence, per cycle: what each cycle prioritised. */
export async function prioritisationCounts(
  db: DbOrTx,
  cycleIds: string[],
): Promise<Map<string, number>> {
  if (cycleIds.length === 0) return new Map();
  const result = await db.execute<{ cycleId: string; n: number }>(sql`
    SELECT i.cycle_id AS "cycleId", count(*)::int AS n
    FROM community.process_evidence e JOIN community.process_items i ON i.id = e.item_id
    WHERE i.cycle_id = ANY(${uuidArray(cycleIds)}) AND e.kind = 'prioritisation'
    GROUP BY i.cycle_id`);
  return new Map(result.rows.map((r) => [r.cycleId, r.n]));
}

export async function listChecklists(db: DbOrTx, visible: OrgIdSet): Promise<ChecklistRow[]> {
  return db
    .select()
    .from(processChecklists)
    .where(
      visible === null
        ? undefined
        : sql`${processChecklists.organisationId} = ANY(${uuidArray(visible)})`,
    )
    .orderBy(asc(processChecklists.organisationId), desc(processChecklists.version));
}

export async function findChecklist(db: DbOrTx, id: string): Promise<ChecklistRow | undefined> {
  const [row] = await db.select().from(processChecklists).where(eq(processChecklists.id, id));
  return row;
}

export async function checklistVersions(db: DbOrTx, organisationId: string): Promise<number[]> {
  const rows = await db
    .select({ version: processChecklists.version })
    .from(processChecklists)
    .where(eq(processChecklists.organisationId, organisationId));
  return rows.map((r) => r.version);
}

/**
 * People who may be responsible for an item: active users with a role in the community, above
 * it or below it (as readiness' team candidates). Names are staff personal data.
 */
export async function responsibleCandidates(
  db: DbOrTx,
  organisationId: string,
): Promise<{ id: string; name: string }[]> {
  const result = await db.execute<{ id: string; name: string }>(sql`
    WITH RECURSIVE down AS (
      SELECT id FROM platform.organisations WHERE id = ${organisationId}
      UNION SELECT o.id FROM platform.organisations o JOIN down d ON o.parent_id = d.id
    ), up AS (
      SELECT id, parent_id FROM platform.organisations WHERE id = ${organisationId}
      UNION SELECT o.id, o.parent_id FROM platform.organisations o JOIN up u ON o.id = u.parent_id
    )
    SELECT DISTINCT u.id, u.display_name AS name
    FROM platform.users u JOIN platform.role_assignments r ON r.user_id = u.id
    WHERE u.disabled_at IS NULL
      AND r.organisation_id IN (SELECT id FROM down UNION SELECT id FROM up)
    ORDER BY name, u.id`);
  return result.rows;
}

export async function isResponsibleCandidate(
  db: DbOrTx,
  organisationId: string,
  userId: string,
): Promise<boolean> {
  return (await responsibleCandidates(db, organisationId)).some((c) => c.id === userId);
}
