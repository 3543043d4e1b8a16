import { sql } from "drizzle-orm";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { readLists } from "../../db/lists.ts";
import { HOME_LIST_LIMIT } from "../../domain/platform/home.ts";
import type { OrgIdSet } from "../platform/queries.ts";

export type ImportHomeRow = {
  total: number;
  importId: string;
  fileName: string;
  waveName: string;
  organisationName: string;
};
export type WaveHomeRow = {
  total: number;
  waveId: string;
  waveName: string;
  organisationName: string;
};

function within(set: OrgIdSet) {
  return set === null ? sql`true` : sql`w.organisation_id = ANY(${uuidArray(set)})`;
}

/**
 * Validated imports waiting for someone to confirm them, in waves the caller may import to (the
 * confirm route's own rule), the caller's own uploads first; and waves with confirmed data but no
 * prioritisation yet, in municipalities where the caller may prioritise. Both are also limited to
 * waves the caller may read, so the home page never names a wave its page would not open.
 */
export async function profileHomeRows(
  db: DbOrTx,
  readable: OrgIdSet,
  importable: OrgIdSet,
  prioritisable: OrgIdSet,
  userId: string,
): Promise<{ imports: ImportHomeRow[]; unprioritised: WaveHomeRow[] }> {
  return readLists<{ imports: ImportHomeRow[]; unprioritised: WaveHomeRow[] }>(db, {
    imports: {
      columns: sql`i.id AS "importId", i.file_name AS "fileName", w.name AS "waveName",
        o.name AS "organisationName"`,
      from: sql`community.profile_imports i
        JOIN community.profile_waves w ON w.id = i.wave_id
        JOIN platform.organisations o ON o.id = w.organisation_id
        WHERE ${within(readable)} AND ${within(importable)} AND i.state = 'validated'`,
      orderBy: sql`(i.created_by IS DISTINCT FROM ${userId}), i.created_at, i.id`,
      limit: HOME_LIST_LIMIT,
    },
    unprioritised: {
      columns: sql`w.id AS "waveId", w.name AS "waveName", o.name AS "organisationName"`,
      from: sql`community.profile_waves w
        JOIN platform.organisations o ON o.id = w.organisation_id
        WHERE ${within(readable)} AND ${within(prioritisable)}
          AND w.current_import_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM community.profile_prioritisations p
            WHERE p.wave_id = w.id)`,
      orderBy: sql`w.year DESC, o.name, w.name, w.id`,
      limit: HOME_LIST_LIMIT,
    },
  });
}
