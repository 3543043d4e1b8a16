import { and, asc, desc, eq, max, type Placeholder, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, opaqueUuidArray, uuidArray } from "../../db/database.ts";
import { preparedQuery } from "../../db/prepared-query.ts";
import { organisations } from "../../db/schema/platform.ts";
import {
  readinessAssessments,
  readinessGuides,
  readinessInterviews,
  type readinessRespondents,
  readinessTeam,
} from "../../db/schema/readiness.ts";
import type { DimensionLetter } from "../../domain/readiness/dimensions.ts";
import type { OrgIdSet } from "../platform/queries.ts";
import {
  type AssessmentData,
  assemble,
  type ConsensusRow,
  dataOfEachRow,
} from "./assessment-data.ts";

export type TeamRole = "lead" | "interviewer" | "scorer";
export type AssessmentRow = typeof readinessAssessments.$inferSelect & { organisationName: string };
export type GuideRow = typeof readinessGuides.$inferSelect;
export type RespondentRow = typeof readinessRespondents.$inferSelect;
export type InterviewRow = typeof readinessInterviews.$inferSelect;

/**
 * The one definition of "may this person read this assessment": community.read along the lineage
 * of its organisation (`visible`), or a place on its team, as the set of ids it yields (null: all).
 * Detail checks, lists and comparisons all filter through it, so a list never shows what a detail
 * view would refuse.
 */
export function readableSet(visible: OrgIdSet, userId: string) {
  return visible === null ? null : readableIds(opaqueUuidArray(visible), userId);
}

/** readableSet with the organisations as a uuid[] expression: a value, or a placeholder. */
function readableIds(organisationIds: SQL, userId: SQL | Placeholder | string) {
  // Found through the organisation and team indexes: written as "organisation in the set OR on
  // the team", PostgreSQL tested every assessment in the country against both. The organisations
  // are joined as rows, not tested with = ANY: a collaboration's lineage holds dozens, and
  // comparing each assessment with every one of them took milliseconds.
  return sql`SELECT r.id FROM unnest(${organisationIds}) v(id)
      JOIN community.readiness_assessments r ON r.organisation_id = v.id
    UNION
    SELECT t.assessment_id FROM community.readiness_team t WHERE t.user_id = ${userId}`;
}

/** readableSet as a condition on the assessments table. */
export function readableWhere(visible: OrgIdSet, userId: string) {
  const ids = readableSet(visible, userId);
  return ids === null ? sql`true` : sql`${readinessAssessments.id} IN (${ids})`;
}

const assessmentColumns = { a: readinessAssessments, organisationName: organisations.name };

function withName(row: { a: typeof readinessAssessments.$inferSelect; organisationName: string }) {
  return { ...row.a, organisationName: row.organisationName };
}

const assessmentById = preparedQuery("readiness_assessment", (db) =>
  db
    .select(assessmentColumns)
    .from(readinessAssessments)
    .innerJoin(organisations, eq(organisations.id, readinessAssessments.organisationId))
    .where(eq(readinessAssessments.id, sql.placeholder("id"))),
);

export async function findAssessment(db: DbOrTx, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await assessmentById(db, { id });
  return row ? withName(row) : undefined;
}

/**
 * findAssessment and loadAssessmentData in one statement, for the views that read the whole
 * assessment once its reader may: a round trip fewer on the busiest reads. Nothing of it leaves
 * the server before the route's access check has passed.
 */
export async function findAssessmentData(
  db: DbOrTx,
  id: string,
): Promise<AssessmentData | undefined> {
  const [row] = await assessmentDataById(db, { id });
  return row ? assemble(withName(row), row.data) : undefined;
}

const assessmentDataById = preparedQuery("readiness_assessment_data", (db) =>
  db
    .select({
      ...assessmentColumns,
      data: dataOfEachRow(),
    })
    .from(readinessAssessments)
    .innerJoin(organisations, eq(organisations.id, readinessAssessments.organisationId))
    .where(eq(readinessAssessments.id, sql.placeholder("id"))),
);

/** Of the given ids, those the caller may read (Immich: a request with ids needs all of them). */
export async function readableAssessmentIds(
  db: DbOrTx,
  ids: string[],
  visible: OrgIdSet,
  userId: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: readinessAssessments.id })
    .from(readinessAssessments)
    .where(
      and(sql`${readinessAssessments.id} = ANY(${uuidArray(ids)})`, readableWhere(visible, userId)),
    );
  return new Set(rows.map((r) => r.id));
}

type ListFilter = {
  organisationId?: string;
  ids?: string[];
};

function listWhere(visible: OrgIdSet, userId: string, filter: ListFilter) {
  return and(
    readableWhere(visible, userId),
    filter.organisationId
      ? eq(readinessAssessments.organisationId, filter.organisationId)
      : undefined,
    filter.ids ? sql`${readinessAssessments.id} = ANY(${uuidArray(filter.ids)})` : undefined,
  );
}

export async function listAssessments(
  db: DbOrTx,
  visible: OrgIdSet,
  userId: string,
  filter: ListFilter = {},
): Promise<AssessmentRow[]> {
  const rows = await db
    .select(assessmentColumns)
    .from(readinessAssessments)
    .innerJoin(organisations, eq(organisations.id, readinessAssessments.organisationId))
    .where(listWhere(visible, userId, filter))
    .orderBy(asc(readinessAssessments.periodStart), asc(readinessAssessments.createdAt));
  return rows.map(withName);
}

/**
 * An assessment's series: the readable assessments of its organisation and topic (itself
 * included), oldest first, each with its data, in one statement: the trend view reads a whole
 * series, and the rows it may read are the only ones whose data is read. Built once per database
 * object with placeholders (`preparedQuery`): building this select was a fifth of the app's CPU
 * on the trend (bench/api).
 */
export async function assessmentSeries(
  db: DbOrTx,
  visible: OrgIdSet,
  userId: string,
  id: string,
): Promise<AssessmentData[]> {
  const rows =
    visible === null
      ? await seriesOfAnyone(db, { id })
      : await seriesOfReader(db, { id, organisations: [...visible], userId });
  return rows.map((row) => assemble(withName(row), row.data));
}

function seriesQuery(db: DbOrTx, readable: SQL | null) {
  return db
    .select({ ...assessmentColumns, data: dataOfEachRow() })
    .from(readinessAssessments)
    .innerJoin(organisations, eq(organisations.id, readinessAssessments.organisationId))
    .where(
      and(
        readable === null ? undefined : sql`${readinessAssessments.id} IN (${readable})`,
        sql`(${readinessAssessments.organisationId}, ${readinessAssessments.topic}) = (
          SELECT s.organisation_id, s.topic FROM community.readiness_assessments s
          WHERE s.id = ${sql.placeholder("id")})`,
      ),
    )
    .orderBy(asc(readinessAssessments.periodStart), asc(readinessAssessments.createdAt));
}

const seriesOfReader = preparedQuery("readiness_series", (db) =>
  seriesQuery(
    db,
    readableIds(opaqueUuidArray(sql.placeholder("organisations")), sql.placeholder("userId")),
  ),
);

const seriesOfAnyone = preparedQuery("readiness_series_all", (db) => seriesQuery(db, null));

/** What a list entry is computed from: the assessment, its interviews and their consensus. */
export interface AssessmentSummaryData {
  assessment: AssessmentRow;
  interviews: { id: string }[];
  consensus: Omit<ConsensusRow, "comment">[];
}

/**
 * One page of the list, newest period first. Interview count and score come from the consensus
 * sheets the assessment row carries (kept by triggers, migration 0011): one statement over one
 * table whatever the page size. loadAssessmentData, which reads every interview, score and
 * team member, is for detail views.
 */
export async function listAssessmentSummaries(
  db: DbOrTx,
  visible: OrgIdSet,
  userId: string,
  filter: { organisationId?: string },
  page: { limit: number; offset: number },
): Promise<AssessmentSummaryData[]> {
  const rows = await db
    .select(assessmentColumns)
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
  return rows.map((row) => {
    const sheets = row.a.consensusSheets;
    return {
      assessment: withName(row),
      interviews: sheets.map((sheet) => ({ id: sheet.interviewId })),
      consensus: sheets.flatMap((sheet) =>
        Object.entries(sheet.scores).map(([dimension, score]) => ({
          interviewId: sheet.interviewId,
          dimension: dimension as DimensionLetter,
          score: Number(score),
        })),
      ),
    };
  });
}

export async function teamRolesOf(
  db: DbOrTx,
  assessmentId: string,
  userId: string,
): Promise<TeamRole[]> {
  const rows = await db
    .select({ role: readinessTeam.role })
    .from(readinessTeam)
    .where(and(eq(readinessTeam.assessmentId, assessmentId), eq(readinessTeam.userId, userId)));
  return rows.map((r) => r.role);
}

/** Active users with some role in the lineage (ancestors and subtree) of an organisation. */
export async function teamCandidates(
  db: DbOrTx,
  organisationId: string,
): Promise<{ userId: string; displayName: string; email: string }[]> {
  const result = await db.execute<{ userId: string; displayName: string; email: string }>(sql`
    WITH RECURSIVE down AS (
      SELECT id FROM platform.organisations WHERE id = ${organisationId}
      UNION SELECT o.id FROM platform.organisations o JOIN down d ON o.parent_id = d.id
    ), up AS (
      SELECT id, parent_id FROM platform.organisations WHERE id = ${organisationId}
      UNION SELECT o.id, o.parent_id FROM platform.organisations o JOIN up u ON o.id = u.parent_id
    )
    SELECT DISTINCT u.id AS "userId", u.display_name AS "displayName", u.email
    FROM platform.users u JOIN platform.role_assignments r ON r.user_id = u.id
    WHERE u.disabled_at IS NULL
      AND r.organisation_id IN (SELECT id FROM down UNION SELECT id FROM up)
    ORDER BY u.display_name, u.id`);
  return result.rows;
}

export async function findInterview(db: DbOrTx, assessmentId: string, interviewId: string) {
  const [row] = await db
    .select()
    .from(readinessInterviews)
    .where(
      and(
        eq(readinessInterviews.id, interviewId),
        eq(readinessInterviews.assessmentId, assessmentId),
      ),
    );
  return row;
}

// A guide row is never changed (an edit makes a new version, see create-guide): once read, it
// can be kept. Only committed rows are kept: those read outside a transaction, or in one that
// has written nothing yet (it has no transaction id), whose rows all come from committed ones.
const guideCache = new Map<string, GuideRow>();
const GUIDE_CACHE_SIZE = 1_000;

export async function findGuide(db: DbOrTx, id: string): Promise<GuideRow | undefined> {
  const cached = guideCache.get(id);
  if (cached) return cached;
  const [found] = await db
    .select({
      row: readinessGuides,
      committed: sql<boolean>`pg_current_xact_id_if_assigned() IS NULL`,
    })
    .from(readinessGuides)
    .where(eq(readinessGuides.id, id));
  if (found && ("$client" in db || found.committed)) {
    if (guideCache.size >= GUIDE_CACHE_SIZE) guideCache.clear();
    guideCache.set(id, found.row);
  }
  return found?.row;
}

/** The newest version of the built-in guide. */
export async function builtInGuide(db: DbOrTx): Promise<GuideRow | undefined> {
  const [row] = await db
    .select()
    .from(readinessGuides)
    .where(sql`${readinessGuides.organisationId} IS NULL`)
    .orderBy(sql`${readinessGuides.version} DESC`)
    .limit(1);
  return row;
}

/** Built-in guides and those of organisations in `visible`. */
export async function listGuides(db: DbOrTx, visible: OrgIdSet): Promise<GuideRow[]> {
  return db
    .select()
    .from(readinessGuides)
    .where(
      visible === null
        ? undefined
        : sql`(${readinessGuides.organisationId} IS NULL OR ${readinessGuides.organisationId} = ANY(${uuidArray(visible)}))`,
    )
    .orderBy(
      sql`${readinessGuides.organisationId} NULLS FIRST`,
      asc(readinessGuides.key),
      asc(readinessGuides.version),
    );
}

export async function latestGuideVersion(
  db: DbOrTx,
  organisationId: string,
  key: string,
): Promise<number> {
  const [row] = await db
    .select({ v: max(readinessGuides.version) })
    .from(readinessGuides)
    .where(and(eq(readinessGuides.organisationId, organisationId), eq(readinessGuides.key, key)));
  return row?.v ?? 0;
}
