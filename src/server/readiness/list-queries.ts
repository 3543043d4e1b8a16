import { desc, eq, getTableColumns, sql } from "drizzle-orm";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { organisations } from "../../db/schema/platform.ts";
import { readinessAssessments } from "../../db/schema/readiness.ts";
import type { OrgIdSet } from "../platform/queries.ts";
import { type AssessmentRow, readableSet } from "./queries.ts";

const { consensusSheets: _sheets, ...leanColumns } = getTableColumns(readinessAssessments);

/** A list entry without its consensus sheets: their digest says whether a kept result holds. */
export interface AssessmentListRow {
  assessment: Omit<AssessmentRow, "consensusSheets">;
  interviewCount: number;
  sheetsDigest: string;
}

// What a result is computed from: the grid and the sheets (jsonb's text form is canonical).
const sheetsDigest = sql<string>`md5(${readinessAssessments.scoreGrid} || ${readinessAssessments.consensusSheets}::text)`;

/**
 * One page of the readiness list, newest period first, as listAssessmentSummaries but without
 * the sheets: the list's results are kept in memory by digest, and parsing every entry's sheets
 * on every request was most of what the list cost.
 */
export async function listAssessmentPage(
  db: DbOrTx,
  visible: OrgIdSet,
  userId: string,
  filter: { organisationId?: string },
  page: { limit: number; offset: number },
): Promise<AssessmentListRow[]> {
  const readable = readableSet(visible, userId);
  const columns = {
    a: leanColumns,
    organisationName: organisations.name,
    interviewCount: sql<number>`jsonb_array_length(${readinessAssessments.consensusSheets})`,
    sheetsDigest,
  };
  // Joined to the readable set rather than filtered by it: the statement is prepared, and the
  // generic plan of the filter walked the whole period index, testing each entry against the set
  // (3–4 ms); joined, it looks up the readable ids (0.2–0.3 ms).
  const from =
    readable === null
      ? db.select(columns).from(readinessAssessments)
      : db
          .select(columns)
          .from(sql`(${readable}) readable`)
          .innerJoin(readinessAssessments, sql`${readinessAssessments.id} = readable.id`);
  const rows = await from
    .innerJoin(organisations, eq(organisations.id, readinessAssessments.organisationId))
    .where(
      filter.organisationId
        ? eq(readinessAssessments.organisationId, filter.organisationId)
        : undefined,
    )
    .orderBy(
      desc(readinessAssessments.periodStart),
      desc(readinessAssessments.createdAt),
      desc(readinessAssessments.id),
    )
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({
    assessment: { ...row.a, organisationName: row.organisationName },
    interviewCount: Number(row.interviewCount),
    sheetsDigest: row.sheetsDigest,
  }));
}

/** The consensus sheets of the given assessments, with their digest as listAssessmentPage gives it. */
export async function consensusSheetsOf(db: DbOrTx, ids: string[]) {
  const rows = await db
    .select({
      id: readinessAssessments.id,
      scoreGrid: readinessAssessments.scoreGrid,
      sheets: readinessAssessments.consensusSheets,
      sheetsDigest,
    })
    .from(readinessAssessments)
    .where(sql`${readinessAssessments.id} = ANY(${uuidArray(ids)})`);
  return new Map(rows.map((row) => [row.id, row]));
}
