import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { type ListQuery, readLists } from "../../db/lists.ts";
import { HOME_LIST_LIMIT } from "../../domain/platform/home.ts";
import { DIMENSION_LETTERS } from "../../domain/readiness/dimensions.ts";
import type { Topic } from "../../domain/readiness/topics.ts";
import type { OrgIdSet } from "../platform/queries.ts";
import { readableWhere } from "./queries.ts";

/** One row of a home-page list: the assessment (and interview) it names, and the total count. */
export type HomeRow = {
  total: number;
  assessmentId: string;
  organisationName: string;
  topic: Topic;
  periodEnd: string;
  interviewId: string | null;
  interviewNumber: number | null;
};

export interface ReadinessHomeRows {
  /** Interviews on whose team the caller scores, without the caller's submitted sheet. */
  scores: HomeRow[];
  /** Assessments with an interview every scorer has submitted and not all of its consensus set. */
  consensus: HomeRow[];
  /** Interviews the caller holds that no scorer has submitted yet. */
  interviews: HomeRow[];
  /** Assessments the caller leads or created that have no scorer or no interview yet. */
  setup: HomeRow[];
  /** Assessments the caller may read whose result is not complete yet, newest period first. */
  inProgress: HomeRow[];
}

/**
 * Every list reads only assessments the caller may read (`readableWhere`, the same condition as
 * the assessment list), so the home page never names what a click would refuse.
 */
export async function readinessHomeRows(
  db: DbOrTx,
  visible: OrgIdSet,
  userId: string,
): Promise<ReadinessHomeRows> {
  const readable = readableWhere(visible, userId);
  const onTeamAs = (role: string, assessment: SQL) => sql`EXISTS (SELECT 1
    FROM community.readiness_team t
    WHERE t.assessment_id = ${assessment} AND t.user_id = ${userId} AND t.role = ${role})`;
  const a = sql`"readiness_assessments".id`;
  // Every scorer of the team has submitted the interview (and the team has a scorer).
  const allSubmitted = sql`EXISTS (SELECT 1 FROM community.readiness_team t
      WHERE t.assessment_id = i.assessment_id AND t.role = 'scorer')
    AND NOT EXISTS (SELECT 1 FROM community.readiness_team t
      WHERE t.assessment_id = i.assessment_id AND t.role = 'scorer'
        AND NOT EXISTS (SELECT 1 FROM community.readiness_score_submissions s
          WHERE s.interview_id = i.id AND s.scorer_id = t.user_id))`;
  const consensusMissing = sql`(SELECT count(*) FROM community.readiness_consensus c
    WHERE c.interview_id = i.id) < ${DIMENSION_LETTERS.length}`;

  return readLists<ReadinessHomeRows>(db, {
    scores: interviewList(sql`${readable} AND ${onTeamAs("scorer", a)}
        AND NOT EXISTS (SELECT 1 FROM community.readiness_score_submissions s
          WHERE s.interview_id = i.id AND s.scorer_id = ${userId})`),
    consensus: assessmentList(
      sql`${readable} AND (${onTeamAs("scorer", a)} OR ${onTeamAs("lead", a)})
          AND EXISTS (SELECT 1 FROM community.readiness_interviews i
            WHERE i.assessment_id = ${a} AND ${allSubmitted} AND ${consensusMissing})`,
      sql`"readiness_assessments".period_end, "readiness_assessments".id`,
    ),
    interviews: interviewList(sql`${readable} AND i.interviewer_id = ${userId}
        AND NOT EXISTS (SELECT 1 FROM community.readiness_score_submissions s
          WHERE s.interview_id = i.id)`),
    setup: assessmentList(
      sql`${readable}
          AND ("readiness_assessments".created_by = ${userId} OR ${onTeamAs("lead", a)})
          AND (NOT EXISTS (SELECT 1 FROM community.readiness_team t
                 WHERE t.assessment_id = ${a} AND t.role = 'scorer')
            OR NOT EXISTS (SELECT 1 FROM community.readiness_interviews i
                 WHERE i.assessment_id = ${a}))`,
      sql`"readiness_assessments".created_at DESC, "readiness_assessments".id`,
    ),
    // In progress: fewer interviews with a consensus on every dimension than the target.
    inProgress: assessmentList(
      sql`${readable}
          AND (SELECT count(*) FROM jsonb_array_elements("readiness_assessments".consensus_sheets) e
               WHERE (SELECT count(*) FROM jsonb_object_keys(e->'scores')) = ${DIMENSION_LETTERS.length})
            < "readiness_assessments".target_interviews`,
      sql`"readiness_assessments".period_start DESC, "readiness_assessments".created_at DESC,
          "readiness_assessments".id DESC`,
    ),
  });
}

const assessmentColumns = sql`"readiness_assessments".id AS "assessmentId",
  o.name AS "organisationName", "readiness_assessments".topic,
  "readiness_assessments".period_end::text AS "periodEnd"`;

function interviewList(where: SQL): ListQuery {
  return {
    columns: sql`${assessmentColumns}, i.id AS "interviewId", i.number AS "interviewNumber"`,
    from: sql`community.readiness_interviews i
      JOIN community.readiness_assessments ON "readiness_assessments".id = i.assessment_id
      JOIN platform.organisations o ON o.id = "readiness_assessments".organisation_id
      WHERE ${where}`,
    orderBy: sql`"readiness_assessments".period_end, i.held_on, i.number, i.id`,
    limit: HOME_LIST_LIMIT,
  };
}

function assessmentList(where: SQL, orderBy: SQL): ListQuery {
  return {
    columns: sql`${assessmentColumns}, NULL::uuid AS "interviewId", NULL::int AS "interviewNumber"`,
    from: sql`community.readiness_assessments
      JOIN platform.organisations o ON o.id = "readiness_assessments".organisation_id
      WHERE ${where}`,
    orderBy,
    limit: HOME_LIST_LIMIT,
  };
}
