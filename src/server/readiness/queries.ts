import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { organisations, users } from "../../db/schema/platform.ts";
import {
  readinessAssessments,
  readinessConsensus,
  readinessGuides,
  readinessInterviews,
  readinessRespondents,
  readinessScoreSubmissions,
  readinessScores,
  readinessTeam,
} from "../../db/schema/readiness.ts";
import type { DimensionLetter } from "../../domain/readiness/dimensions.ts";
import type { OrgIdSet } from "../platform/queries.ts";

export type TeamRole = "lead" | "interviewer" | "scorer";
export type AssessmentRow = typeof readinessAssessments.$inferSelect & { organisationName: string };
export type GuideRow = typeof readinessGuides.$inferSelect;
export type RespondentRow = typeof readinessRespondents.$inferSelect;
export type InterviewRow = typeof readinessInterviews.$inferSelect;

/**
 * The one definition of "may this person read this assessment": community.read along the lineage
 * of its organisation (`visible`), or a place on its team. Detail checks, lists and comparisons
 * all filter through it, so a list never shows what a detail view would refuse.
 */
function readableWhere(visible: OrgIdSet, userId: string) {
  if (visible === null) return sql`true`;
  return sql`(${readinessAssessments.organisationId} = ANY(${uuidArray(visible)})
    OR EXISTS (SELECT 1 FROM community.readiness_team t
               WHERE t.assessment_id = ${readinessAssessments.id} AND t.user_id = ${userId}))`;
}

const assessmentColumns = { a: readinessAssessments, organisationName: organisations.name };

function withName(row: { a: typeof readinessAssessments.$inferSelect; organisationName: string }) {
  return { ...row.a, organisationName: row.organisationName };
}

export async function findAssessment(db: DbOrTx, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select(assessmentColumns)
    .from(readinessAssessments)
    .innerJoin(organisations, eq(organisations.id, readinessAssessments.organisationId))
    .where(eq(readinessAssessments.id, id));
  return row ? withName(row) : undefined;
}

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

export async function listAssessments(
  db: DbOrTx,
  visible: OrgIdSet,
  userId: string,
  filter: { organisationId?: string; ids?: string[]; sameAs?: AssessmentRow } = {},
): Promise<AssessmentRow[]> {
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
        filter.ids ? sql`${readinessAssessments.id} = ANY(${uuidArray(filter.ids)})` : undefined,
        filter.sameAs
          ? and(
              eq(readinessAssessments.organisationId, filter.sameAs.organisationId),
              sql`${readinessAssessments.topic} = ${JSON.stringify(filter.sameAs.topic)}::jsonb`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(readinessAssessments.periodStart), asc(readinessAssessments.createdAt));
  return rows.map(withName);
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

export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  roles: TeamRole[];
}

const ROLE_ORDER: TeamRole[] = ["lead", "interviewer", "scorer"];

/**
 * The teams of the given assessments, each ordered by user id, which also fixes who the "first
 * two scorers" are. One query for any number of assessments.
 */
export async function teamsOf(
  db: DbOrTx,
  assessmentIds: string[],
): Promise<Map<string, TeamMember[]>> {
  const teams = new Map<string, Map<string, TeamMember>>(
    assessmentIds.map((id) => [id, new Map()]),
  );
  if (assessmentIds.length === 0) return new Map();
  const rows = await db
    .select({
      assessmentId: readinessTeam.assessmentId,
      userId: readinessTeam.userId,
      role: readinessTeam.role,
      displayName: users.displayName,
      email: users.email,
    })
    .from(readinessTeam)
    .innerJoin(users, eq(users.id, readinessTeam.userId))
    .where(sql`${readinessTeam.assessmentId} = ANY(${uuidArray(assessmentIds)})`)
    .orderBy(asc(readinessTeam.userId));
  for (const { assessmentId, role, ...person } of rows) {
    const members = teams.get(assessmentId)!;
    const member = members.get(person.userId) ?? { ...person, roles: [] };
    member.roles.push(role);
    members.set(person.userId, member);
  }
  return new Map(
    [...teams].map(([id, members]) => {
      for (const member of members.values()) {
        member.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
      }
      return [id, [...members.values()]];
    }),
  );
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

/** In registration order, which gives the codes R1, R2… */
export async function respondentsOf(db: DbOrTx, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .select()
    .from(readinessRespondents)
    .where(inArray(readinessRespondents.assessmentId, assessmentIds))
    .orderBy(asc(readinessRespondents.createdAt), asc(readinessRespondents.id));
}

export async function interviewsOf(db: DbOrTx, assessmentIds: string[]): Promise<InterviewRow[]> {
  if (assessmentIds.length === 0) return [];
  return db
    .select()
    .from(readinessInterviews)
    .where(inArray(readinessInterviews.assessmentId, assessmentIds))
    .orderBy(asc(readinessInterviews.number));
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

export async function submissionsOf(db: DbOrTx, interviewIds: string[]) {
  if (interviewIds.length === 0) return [];
  return db
    .select({
      interviewId: readinessScoreSubmissions.interviewId,
      scorerId: readinessScoreSubmissions.scorerId,
    })
    .from(readinessScoreSubmissions)
    .where(inArray(readinessScoreSubmissions.interviewId, interviewIds));
}

export interface ScoreRow {
  interviewId: string;
  scorerId: string;
  dimension: DimensionLetter;
  score: number;
}

export async function scoresOf(db: DbOrTx, interviewIds: string[]): Promise<ScoreRow[]> {
  if (interviewIds.length === 0) return [];
  const rows = await db
    .select()
    .from(readinessScores)
    .where(inArray(readinessScores.interviewId, interviewIds));
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export interface ConsensusRow {
  interviewId: string;
  dimension: DimensionLetter;
  score: number;
  comment: string | null;
}

export async function consensusOf(db: DbOrTx, interviewIds: string[]): Promise<ConsensusRow[]> {
  if (interviewIds.length === 0) return [];
  const rows = await db
    .select()
    .from(readinessConsensus)
    .where(inArray(readinessConsensus.interviewId, interviewIds));
  return rows.map((r) => ({
    interviewId: r.interviewId,
    dimension: r.dimension,
    score: Number(r.score),
    comment: r.comment,
  }));
}

export async function findGuide(db: DbOrTx, id: string): Promise<GuideRow | undefined> {
  const [row] = await db.select().from(readinessGuides).where(eq(readinessGuides.id, id));
  return row;
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

/** Everything about an assessment that its views are computed from. */
export interface AssessmentData {
  assessment: AssessmentRow;
  team: TeamMember[];
  respondents: RespondentRow[];
  interviews: InterviewRow[];
  submissions: { interviewId: string; scorerId: string }[];
  scores: ScoreRow[];
  consensus: ConsensusRow[];
}

export async function loadAssessmentData(
  db: DbOrTx,
  rows: AssessmentRow[],
): Promise<AssessmentData[]> {
  const ids = rows.map((r) => r.id);
  const [respondents, interviews] = await Promise.all([
    respondentsOf(db, ids),
    interviewsOf(db, ids),
  ]);
  const interviewIds = interviews.map((i) => i.id);
  const [submissions, scores, consensus, teams] = await Promise.all([
    submissionsOf(db, interviewIds),
    scoresOf(db, interviewIds),
    consensusOf(db, interviewIds),
    teamsOf(db, ids),
  ]);
  return rows.map((assessment) => {
    const own = interviews.filter((i) => i.assessmentId === assessment.id);
    const ownIds = new Set(own.map((i) => i.id));
    return {
      assessment,
      team: teams.get(assessment.id)!,
      respondents: respondents.filter((r) => r.assessmentId === assessment.id),
      interviews: own,
      submissions: submissions.filter((s) => ownIds.has(s.interviewId)),
      scores: scores.filter((s) => ownIds.has(s.interviewId)),
      consensus: consensus.filter((c) => ownIds.has(c.interviewId)),
    };
  });
}
