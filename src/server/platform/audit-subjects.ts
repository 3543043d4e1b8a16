import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, opaqueUuidArray } from "../../db/database.ts";
import type { AuditSubjectSource } from "../module.ts";
import type { OrgIdSet } from "./queries.ts";

const plainName = (label: unknown) => (typeof label === "string" ? label : "");

/** The platform's subjects: people, organisations and area groupings. */
export const PLATFORM_AUDIT_SUBJECTS: readonly AuditSubjectSource[] = [
  {
    type: "user",
    // One row per organisation the person holds a role in: the name is shown to an administrator
    // of any of them.
    rows: (ids) => sql`
      SELECT u.id::text AS id, ra.organisation_id, to_jsonb(u.display_name) AS label,
             '/users/' || u.id AS path
        FROM platform.users u LEFT JOIN platform.role_assignments ra ON ra.user_id = u.id
       WHERE u.id::text = ANY(${ids})`,
    name: plainName,
  },
  {
    type: "organisation",
    rows: (ids) => sql`
      SELECT o.id::text AS id, o.id AS organisation_id, to_jsonb(o.name) AS label,
             '/organisations/' || o.id AS path
        FROM platform.organisations o WHERE o.id::text = ANY(${ids})`,
    name: plainName,
  },
  {
    type: "area_group_set",
    rows: (ids) => sql`
      SELECT s.id::text AS id, s.municipality_id AS organisation_id, to_jsonb(s.name) AS label,
             '/organisations/' || s.municipality_id AS path
        FROM platform.area_group_sets s WHERE s.id::text = ANY(${ids})`,
    name: plainName,
  },
  {
    type: "area_group",
    rows: (ids) => sql`
      SELECT g.id::text AS id, s.municipality_id AS organisation_id,
             to_jsonb(g.name || ' (' || s.name || ')') AS label,
             '/organisations/' || s.municipality_id AS path
        FROM platform.area_groups g JOIN platform.area_group_sets s ON s.id = g.group_set_id
       WHERE g.id::text = ANY(${ids})`,
    name: plainName,
  },
];

export interface SubjectName {
  name: string;
  path: string | null;
}

export interface AuditNames {
  /** Display names of the people who acted, by user id. */
  actors: Map<string, string>;
  /** Names and pages of the subjects, by `${type}:${id}`. */
  subjects: Map<string, SubjectName>;
}

export const subjectKey = (type: string, id: string) => `${type}:${id}`;

interface Named {
  subjectType: string | null;
  subjectId: string | null;
  actorId: string | null;
}

/**
 * Names for one page of audit rows in one query: every actor's display name (the rows already
 * show who acted, by e-mail), and each subject's name and page where its organisation is one
 * whose log the caller may read (`scope`, null for all). A subject of a type no context names,
 * or one since deleted, keeps its id.
 */
export async function nameAuditRows(
  db: DbOrTx,
  sources: readonly AuditSubjectSource[],
  scope: OrgIdSet,
  rows: readonly Named[],
  locale: "sv" | "en",
): Promise<AuditNames> {
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const parts: SQL[] = [];
  if (actorIds.length > 0) {
    parts.push(sql`
      SELECT 'actor'::text AS type, u.id::text AS id, NULL::uuid AS organisation_id,
             to_jsonb(u.display_name) AS label, NULL::text AS path
        FROM platform.users u WHERE u.id = ANY(${opaqueUuidArray(actorIds)})`);
  }
  for (const source of sources) {
    const ids = [
      ...new Set(
        rows.flatMap((r) => (r.subjectType === source.type && r.subjectId ? [r.subjectId] : [])),
      ),
    ];
    if (ids.length === 0) continue;
    // Subject ids are free text: they travel as one JSON parameter, with no quoting of our own.
    const idArray = sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
    parts.push(sql`SELECT ${source.type}::text AS type, s.id, s.organisation_id, s.label, s.path
      FROM (${source.rows(idArray)}) s
      WHERE ${scope === null ? sql`TRUE` : sql`s.organisation_id = ANY(${opaqueUuidArray(scope)})`}`);
  }
  const names: AuditNames = { actors: new Map(), subjects: new Map() };
  if (parts.length === 0) return names;
  const found = await db.execute<{
    type: string;
    id: string;
    label: unknown;
    path: string | null;
  }>(sql.join(parts, sql` UNION ALL `));
  const byType = new Map(sources.map((s) => [s.type, s]));
  for (const row of found.rows) {
    if (row.type === "actor") {
      names.actors.set(row.id, plainName(row.label));
      continue;
    }
    const name = byType.get(row.type)?.name(row.label, locale);
    if (name) names.subjects.set(subjectKey(row.type, row.id), { name, path: row.path });
  }
  return names;
}
