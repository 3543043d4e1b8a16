import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { organisations } from "../../db/schema/platform.ts";
import { readinessAssessments } from "../../db/schema/readiness.ts";
import type { OrgIdSet } from "../platform/queries.ts";
import { type AssessmentRow, readableWhere } from "./queries.ts";

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
  const rows = await db
    .select({
      a: leanColumns,
      organisationName: organisations.name,
      interviewCount: sql<number>`jsonb_array_length(${readinessAssessments.consensusSheets})`,
      sheetsDigest,
    })
    .from(readinessAssessments)
    .innerJoin(organisations, eq(organisations.id, readinessAssessments.organisationId))
    .where(
      and(
        readableWhere(visible, userId),
        filter.organisationId
          ? eq(readinessAssessments.organisationId, filter.organisationId)
          : undefined,
      ),
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
