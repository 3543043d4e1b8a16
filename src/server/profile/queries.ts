import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { areaGroupMembers, areaGroups, organisations, users } from "../../db/schema/platform.ts";
import {
  profileFineCounts,
  profileImports,
  profileIndicators,
  profileInstruments,
  profilePrioritisations,
  profileWaveInvited,
  profileWaves,
} from "../../db/schema/profile.ts";
import type { OrgIdSet } from "../platform/queries.ts";

export type InstrumentRow = typeof profileInstruments.$inferSelect;
export type ImportRow = typeof profileImports.$inferSelect;
export type FineRow = typeof profileFineCounts.$inferSelect;

function orgFilter(visible: OrgIdSet, column: typeof profileWaves.organisationId) {
  if (visible === null) return undefined;
  return visible.size === 0 ? sql`false` : inArray(column, [...visible]);
}

export async function listInstruments(
  db: DbOrTx,
  visible: OrgIdSet,
  organisationId?: string,
): Promise<InstrumentRow[]> {
  const own =
    visible === null
      ? sql`true`
      : visible.size === 0
        ? sql`false`
        : inArray(profileInstruments.organisationId, [...visible]);
  return db
    .select()
    .from(profileInstruments)
    .where(
      and(
        or(isNull(profileInstruments.organisationId), own),
        organisationId
          ? or(
              isNull(profileInstruments.organisationId),
              eq(profileInstruments.organisationId, organisationId),
            )
          : undefined,
      ),
    )
    .orderBy(profileInstruments.key, desc(profileInstruments.version));
}

export async function findInstrument(db: DbOrTx, id: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(profileInstruments).where(eq(profileInstruments.id, id));
  return row;
}

export async function latestInstrumentVersion(
  db: DbOrTx,
  organisationId: string | null,
  key: string,
): Promise<number> {
  const [row] = await db
    .select({ version: sql<number>`coalesce(max(${profileInstruments.version}), 0)::int` })
    .from(profileInstruments)
    .where(
      and(
        organisationId === null
          ? isNull(profileInstruments.organisationId)
          : eq(profileInstruments.organisationId, organisationId),
        eq(profileInstruments.key, key),
      ),
    );
  return row?.version ?? 0;
}

const waveColumns = {
  wave: profileWaves,
  organisationName: organisations.name,
  instrument: {
    id: profileInstruments.id,
    key: profileInstruments.key,
    version: profileInstruments.version,
    name: profileInstruments.name,
  },
};

export type WaveRow = typeof profileWaves.$inferSelect & {
  organisationName: string;
  instrument: { id: string; key: string; version: number; name: { sv: string; en: string } };
};

function toWaveRow(row: {
  wave: typeof profileWaves.$inferSelect;
  organisationName: string;
  instrument: WaveRow["instrument"];
}): WaveRow {
  return { ...row.wave, organisationName: row.organisationName, instrument: row.instrument };
}

export async function listWaves(
  db: DbOrTx,
  visible: OrgIdSet,
  filter: { organisationId?: string; instrumentKey?: string; ids?: string[] } = {},
): Promise<WaveRow[]> {
  const rows = await db
    .select(waveColumns)
    .from(profileWaves)
    .innerJoin(organisations, eq(organisations.id, profileWaves.organisationId))
    .innerJoin(profileInstruments, eq(profileInstruments.id, profileWaves.instrumentId))
    .where(
      and(
        orgFilter(visible, profileWaves.organisationId),
        filter.organisationId ? eq(profileWaves.organisationId, filter.organisationId) : undefined,
        filter.instrumentKey ? eq(profileInstruments.key, filter.instrumentKey) : undefined,
        filter.ids ? inArray(profileWaves.id, filter.ids) : undefined,
      ),
    )
    .orderBy(desc(profileWaves.year), desc(profileWaves.createdAt));
  return rows.map(toWaveRow);
}

export async function findWave(db: DbOrTx, id: string): Promise<WaveRow | undefined> {
  const [row] = await db
    .select(waveColumns)
    .from(profileWaves)
    .innerJoin(organisations, eq(organisations.id, profileWaves.organisationId))
    .innerJoin(profileInstruments, eq(profileInstruments.id, profileWaves.instrumentId))
    .where(eq(profileWaves.id, id));
  return row ? toWaveRow(row) : undefined;
}

export function invitedOf(db: DbOrTx, waveId: string) {
  return db
    .select({
      school: profileWaveInvited.school,
      grade: profileWaveInvited.grade,
      invited: profileWaveInvited.invited,
    })
    .from(profileWaveInvited)
    .where(eq(profileWaveInvited.waveId, waveId))
    .orderBy(profileWaveInvited.school, profileWaveInvited.grade);
}

export async function findImport(db: DbOrTx, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(profileImports).where(eq(profileImports.id, id));
  return row;
}

export function listImports(db: DbOrTx, waveId: string): Promise<ImportRow[]> {
  return db
    .select()
    .from(profileImports)
    .where(eq(profileImports.waveId, waveId))
    .orderBy(desc(profileImports.createdAt));
}

/** The wave's stored counts at the finest grain: a few thousand rows at most. */
export function fineCountsOf(db: DbOrTx, importId: string): Promise<FineRow[]> {
  return db.select().from(profileFineCounts).where(eq(profileFineCounts.importId, importId));
}

/** The areas under a municipality (any depth), with their names. */
export async function areasOf(
  db: DbOrTx,
  municipalityId: string,
): Promise<{ id: string; name: string }[]> {
  const result = await db.execute<{ id: string; name: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT id, kind, name FROM platform.organisations WHERE id = ${municipalityId}
      UNION ALL
      SELECT o.id, o.kind, o.name FROM platform.organisations o JOIN tree ON o.parent_id = tree.id
    )
    SELECT id, name FROM tree WHERE kind = 'area' ORDER BY name`);
  return result.rows;
}

/** Area id → group (id and name) in one group set of the municipality. */
export async function groupsOf(
  db: DbOrTx,
  groupSetId: string,
): Promise<{ areaId: string; groupId: string; name: string }[]> {
  return db
    .select({ areaId: areaGroupMembers.areaId, groupId: areaGroups.id, name: areaGroups.name })
    .from(areaGroupMembers)
    .innerJoin(areaGroups, eq(areaGroups.id, areaGroupMembers.groupId))
    .where(eq(areaGroupMembers.groupSetId, groupSetId));
}

export async function groupSetMunicipality(
  db: DbOrTx,
  groupSetId: string,
): Promise<string | undefined> {
  const result = await db.execute<{ municipality_id: string }>(
    sql`SELECT municipality_id FROM platform.area_group_sets WHERE id = ${groupSetId}`,
  );
  return result.rows[0]?.municipality_id;
}

/** The municipalities of the collaboration the municipality belongs to, itself included. */
export async function collaborationMunicipalities(
  db: DbOrTx,
  municipalityId: string,
): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    SELECT sibling.id FROM platform.organisations m
    JOIN platform.organisations parent ON parent.id = m.parent_id AND parent.kind = 'collaboration'
    JOIN platform.organisations sibling ON sibling.parent_id = parent.id
      AND sibling.kind = 'municipality'
    WHERE m.id = ${municipalityId}`);
  return result.rows.map((r) => r.id);
}

export function listPrioritisations(db: DbOrTx, waveId: string) {
  return db
    .select({
      row: profilePrioritisations,
      decidedByName: users.displayName,
    })
    .from(profilePrioritisations)
    .leftJoin(users, eq(users.id, profilePrioritisations.decidedBy))
    .where(eq(profilePrioritisations.waveId, waveId))
    .orderBy(desc(profilePrioritisations.decidedAt));
}

export function listIndicators(db: DbOrTx, organisationId: string) {
  return db
    .select()
    .from(profileIndicators)
    .where(eq(profileIndicators.organisationId, organisationId))
    .orderBy(profileIndicators.kpi, profileIndicators.period, profileIndicators.gender);
}

/** An import with the municipality that owns its wave (the policy's target). */
export async function findImportTarget(
  db: DbOrTx,
  id: string,
): Promise<(ImportRow & { organisationId: string }) | undefined> {
  const [row] = await db
    .select({ import: profileImports, organisationId: profileWaves.organisationId })
    .from(profileImports)
    .innerJoin(profileWaves, eq(profileWaves.id, profileImports.waveId))
    .where(eq(profileImports.id, id));
  return row ? { ...row.import, organisationId: row.organisationId } : undefined;
}
