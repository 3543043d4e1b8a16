import { sql } from "drizzle-orm";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { readLists } from "../../db/lists.ts";
import { HOME_LIST_LIMIT } from "../../domain/platform/home.ts";
import type { OrgIdSet } from "../platform/queries.ts";
import { readableWhere } from "./queries.ts";

export type DueRow = {
  total: number;
  processId: string;
  organisationName: string;
  itemText: { sv: string; en: string };
  dueOn: string | null;
};
export type DecisionRow = {
  total: number;
  processId: string;
  organisationName: string;
  phase: number;
};

/** Within this many days, an item's due date puts it on the responsible person's home page. */
const DUE_SOON_DAYS = 30;

/**
 * Milestones of open cycles the caller is responsible for, overdue or due soon, and current
 * phases of processes the caller may edit whose required milestones are all settled (waiting for
 * the decision). Both read only processes the caller may read (`readableWhere`).
 */
export async function processHomeRows(
  db: DbOrTx,
  visible: OrgIdSet,
  editable: OrgIdSet,
  userId: string,
  today: string,
): Promise<{ due: DueRow[]; decisions: DecisionRow[] }> {
  const readable = readableWhere(visible);
  const editableWhere =
    editable === null
      ? sql`true`
      : sql`"process_processes".organisation_id = ANY(${uuidArray(editable)})`;
  return readLists<{ due: DueRow[]; decisions: DecisionRow[] }>(db, {
    due: {
      columns: sql`"process_processes".id AS "processId", o.name AS "organisationName",
        i.text AS "itemText", i.due_on::text AS "dueOn"`,
      from: sql`community.process_items i
        JOIN community.process_cycles c ON c.id = i.cycle_id AND c.closed_on IS NULL
        JOIN community.process_processes ON "process_processes".id = c.process_id
        JOIN platform.organisations o ON o.id = "process_processes".organisation_id
        WHERE ${readable} AND i.responsible_id = ${userId}
          AND i.status NOT IN ('done', 'not_applicable')
          AND i.due_on IS NOT NULL AND i.due_on <= ${today}::date + ${DUE_SOON_DAYS}::int`,
      orderBy: sql`i.due_on, i.position, i.id`,
      limit: HOME_LIST_LIMIT,
    },
    decisions: {
      columns: sql`"process_processes".id AS "processId", o.name AS "organisationName", ph.phase`,
      from: sql`community.process_phases ph
        JOIN community.process_cycles c ON c.id = ph.cycle_id AND c.closed_on IS NULL
        JOIN community.process_processes ON "process_processes".id = c.process_id
        JOIN platform.organisations o ON o.id = "process_processes".organisation_id
        WHERE ${readable} AND ${editableWhere}
          AND ph.started_on IS NOT NULL AND ph.completed_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM community.process_items i
            WHERE i.cycle_id = c.id AND i.phase = ph.phase AND i.required
              AND i.status NOT IN ('done', 'not_applicable'))`,
      orderBy: sql`o.name, "process_processes".id`,
      limit: HOME_LIST_LIMIT,
    },
  });
}
