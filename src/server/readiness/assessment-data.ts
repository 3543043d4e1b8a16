import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import type { DimensionLetter } from "../../domain/readiness/dimensions.ts";
import type { AssessmentRow, InterviewRow, RespondentRow, TeamRole } from "./queries.ts";

export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  roles: TeamRole[];
}

const ROLE_ORDER: TeamRole[] = ["lead", "interviewer", "scorer"];

export interface ScoreRow {
  interviewId: string;
  scorerId: string;
  dimension: DimensionLetter;
  score: number;
}

export interface ConsensusRow {
  interviewId: string;
  dimension: DimensionLetter;
  score: number;
  comment: string | null;
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

type LoadedRow = {
  id: string;
  respondents: (Omit<RespondentRow, "createdAt"> & { createdAt: string })[];
  interviews: (Omit<InterviewRow, "updatedAt"> & { updatedAt: string })[];
  submissions: [string, string][];
  scores: [string, string, DimensionLetter, number][];
  consensus: [string, DimensionLetter, number, string | null][];
  team: [string, TeamRole, string, string][];
};

// Every part of an assessment's views, as columns beside the assessment whose id is `id`.
function dataColumns(id: SQL) {
  return sql`
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'assessmentId', r.assessment_id,
          'role', r.role, 'sector', r.sector, 'name', r.name, 'contact', r.contact,
          'createdAt', r.created_at) ORDER BY r.created_at, r.id), '[]')
       FROM community.readiness_respondents r WHERE r.assessment_id = ${id}) AS respondents,
      (SELECT coalesce(json_agg(json_build_object('id', i.id, 'assessmentId', i.assessment_id,
          'respondentId', i.respondent_id, 'interviewerId', i.interviewer_id, 'number', i.number,
          'heldOn', i.held_on, 'durationMinutes', i.duration_minutes, 'answers', i.answers,
          'version', i.version, 'updatedAt', i.updated_at) ORDER BY i.number), '[]')
       FROM community.readiness_interviews i WHERE i.assessment_id = ${id}) AS interviews,
      (SELECT coalesce(json_agg(json_build_array(s.interview_id, s.scorer_id)), '[]')
       FROM community.readiness_score_submissions s
       JOIN community.readiness_interviews i ON i.id = s.interview_id
       WHERE i.assessment_id = ${id}) AS submissions,
      (SELECT coalesce(json_agg(json_build_array(s.interview_id, s.scorer_id, s.dimension, s.score)), '[]')
       FROM community.readiness_scores s
       JOIN community.readiness_interviews i ON i.id = s.interview_id
       WHERE i.assessment_id = ${id}) AS scores,
      (SELECT coalesce(json_agg(json_build_array(c.interview_id, c.dimension, c.score, c.comment)), '[]')
       FROM community.readiness_consensus c
       JOIN community.readiness_interviews i ON i.id = c.interview_id
       WHERE i.assessment_id = ${id}) AS consensus,
      (SELECT coalesce(json_agg(json_build_array(t.user_id, t.role, u.display_name, u.email)
          ORDER BY t.user_id), '[]')
       FROM community.readiness_team t JOIN platform.users u ON u.id = t.user_id
       WHERE t.assessment_id = ${id}) AS team`;
}

/**
 * Everything the views of the given assessments are computed from, in one statement: the
 * detail, results and trend views are the busiest reads, and six queries each took a pooled
 * connection and a round trip of their own.
 */
export async function loadAssessmentData(
  db: DbOrTx,
  rows: AssessmentRow[],
): Promise<AssessmentData[]> {
  if (rows.length === 0) return [];
  const result = await db.execute<LoadedRow>(sql`
    SELECT a.id, ${dataColumns(sql.raw("a.id"))}
    FROM unnest(${uuidArray(rows.map((r) => r.id))}) AS a(id)`);
  const loaded = new Map(result.rows.map((row) => [row.id, row]));
  return rows.map((assessment) => assemble(assessment, loaded.get(assessment.id)!));
}

// dataColumns as one column beside each assessment row of a statement on the assessments table.
export function dataOfEachRow() {
  return sql<Omit<LoadedRow, "id">>`(SELECT row_to_json(d) FROM (SELECT ${dataColumns(
    sql.raw('"readiness_assessments"."id"'),
  )}) d)`;
}

export function assemble(assessment: AssessmentRow, row: Omit<LoadedRow, "id">): AssessmentData {
  const members = new Map<string, TeamMember>();
  for (const [userId, role, displayName, email] of row.team) {
    const member = members.get(userId) ?? { userId, displayName, email, roles: [] };
    member.roles.push(role);
    members.set(userId, member);
  }
  for (const member of members.values()) {
    member.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  }
  return {
    assessment,
    team: [...members.values()],
    respondents: row.respondents.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })),
    interviews: row.interviews.map((i) => ({ ...i, updatedAt: new Date(i.updatedAt) })),
    submissions: row.submissions.map(([interviewId, scorerId]) => ({ interviewId, scorerId })),
    scores: row.scores.map(([interviewId, scorerId, dimension, score]) => ({
      interviewId,
      scorerId,
      dimension,
      score: Number(score),
    })),
    consensus: row.consensus.map(([interviewId, dimension, score, comment]) => ({
      interviewId,
      dimension,
      score: Number(score),
      comment,
    })),
  };
}
