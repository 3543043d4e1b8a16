import { desc, eq, getTableColumns, sql } from "drizzle-orm";
import { type DbOrTx, fixedStatement, pageClause, uuidArray } from "../../db/database.ts";
import { organisations } from "../../db/schema/platform.ts";
import { readinessAssessments } from "../../db/schema/readiness.ts";
import type { OrgIdSet } from "../platform/queries.ts";
import { type AssessmentRow, readableSet } from "./queries.ts";

const { consensusSheets: _sheets, ...leanColumns } = getTableColumns(readinessAssessments);

/** A list entry's place on the page, and the digest of everything the entry shows. */
export interface ListedAssessment {
  id: string;
  digest: string;
}

/** What a list entry is made from: the assessment, its organisation's name and its sheets. */
export interface AssessmentListRow {
  assessment: Omit<AssessmentRow, "consensusSheets">;
  sheets: AssessmentRow["consensusSheets"];
  digest: string;
}

// The versions of the two rows a list entry is made from: any change to a row, the sheets its
// triggers keep included, writes a new version with the writing transaction's id (xmin), so an
// entry made from rows of the same versions is the same entry. Only the writing transaction
// itself sees a row's versions between two of its own updates, and it reads no list. A digest of
// the rows' content cost PostgreSQL 5 µs an entry, most of the page statement.
const entryDigest = sql<string>`concat(${readinessAssessments}.xmin, '.', ${organisations}.xmin)`;

/**
 * One page of the readiness list, newest period first: which assessments, and the digest of each
 * entry. The entries themselves are kept in memory by digest (`list-entries.ts`): reading and
 * presenting a hundred rows on every request was most of what the list cost.
 */
export async function listAssessmentPage(
  db: DbOrTx,
  visible: OrgIdSet,
  userId: string,
  filter: { organisationId?: string },
  page: { limit: number; offset: number },
): Promise<ListedAssessment[]> {
  const readable = readableSet(visible, userId);
  const columns = { id: readinessAssessments.id, digest: entryDigest.as("digest") };
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
  const ordered = from
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
    );
  const result = await db.execute<{ id: string; digest: string }>(
    fixedStatement(sql`${ordered} ${pageClause(page.limit, page.offset)}`),
  );
  return result.rows;
}

/** The rows of the given list entries, with their digest as listAssessmentPage gives it. */
export async function assessmentListRows(db: DbOrTx, ids: string[]): Promise<AssessmentListRow[]> {
  const rows = await db
    .select({
      a: leanColumns,
      organisationName: organisations.name,
      sheets: readinessAssessments.consensusSheets,
      digest: entryDigest,
    })
    .from(readinessAssessments)
    .innerJoin(organisations, eq(organisations.id, readinessAssessments.organisationId))
    .where(sql`${readinessAssessments.id} = ANY(${uuidArray(ids)})`);
  return rows.map((row) => ({
    assessment: { ...row.a, organisationName: row.organisationName },
    sheets: row.sheets,
    digest: row.digest,
  }));
}
