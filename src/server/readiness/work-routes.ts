import type { FastifyInstance } from "fastify";
import type { Db, DbOrTx } from "../../db/database.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import {
  ConsensusBodySchema,
  ConsensusViewSchema,
  InterviewCreateBodySchema,
  InterviewDetailSchema,
  InterviewParamsSchema,
  InterviewSaveBodySchema,
  RespondentBodySchema,
  RespondentParamsSchema,
  RespondentSchema,
  RespondentUpdateBodySchema,
  ScoreSheetSchema,
  ScoresBodySchema,
} from "../../domain/readiness/api.ts";
import { type AccessContext, can } from "../plugins/access.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { type RouteCall, route } from "../plugins/route.ts";
import { loadAssessmentData } from "./assessment-data.ts";
import { assessmentTarget, PREFIX, tags } from "./assessment-routes.ts";
import { createInterview } from "./commands/create-interview.ts";
import { saveInterview } from "./commands/save-interview.ts";
import { createRespondent, updateRespondent } from "./commands/save-respondent.ts";
import { saveScores, submitScores } from "./commands/save-scores.ts";
import { setConsensus } from "./commands/set-consensus.ts";
import {
  presentConsensusView,
  presentInterview,
  presentRespondent,
  presentScoreSheet,
  respondentCodes,
} from "./presenters.ts";
import { type AssessmentRow, findGuide, findInterview } from "./queries.ts";

async function data(db: DbOrTx, assessment: AssessmentRow) {
  return (await loadAssessmentData(db, [assessment]))[0]!;
}

async function interviewOf(db: DbOrTx, assessment: AssessmentRow, interviewId: string) {
  const interview = await findInterview(db, assessment.id, interviewId);
  if (!interview) throw new NotFoundError("Intervjun finns inte.");
  return interview;
}

async function respondentView(
  db: DbOrTx,
  ctx: AccessContext,
  assessment: AssessmentRow,
  respondentId: string,
) {
  const current = await data(db, assessment);
  const row = current.respondents.find((r) => r.id === respondentId)!;
  const includeIdentity = await can(ctx, "readiness.respondent.identify", assessment);
  return presentRespondent(row, respondentCodes(current).get(row.id)!, { includeIdentity });
}

/** Interview notes and respondents' identities are personal data: a read (not a save) is audited. */
async function interviewView(
  call: Pick<RouteCall<unknown, AssessmentRow>, "db" | "ctx" | "target" | "record">,
  interviewId: string,
  audited: boolean,
) {
  const { db, ctx, target: assessment } = call;
  const interview = await interviewOf(db, assessment, interviewId);
  const includeIdentity = await can(ctx, "readiness.respondent.identify", assessment);
  if (audited) {
    await call.record({
      action: "readiness.interview.read",
      subjectType: "readiness_interview",
      subjectId: interview.id,
      organisationId: assessment.organisationId,
      personalData: true,
      details: { assessmentId: assessment.id, identity: includeIdentity },
    });
  }
  const guide = (await findGuide(db, assessment.guideId))!;
  return presentInterview(await data(db, assessment), interview, guide, { includeIdentity });
}

/** Respondents, interviews, scores and consensus: the team's work on one assessment. */
export function registerWorkRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/assessments/:id/respondents`,
    summary: "Add a respondent to an assessment",
    description: "A person to be interviewed (key informant).",
    access: "session",
    schema: {
      tags,
      params: IdParamsSchema,
      body: RespondentBodySchema,
      response: { 201: RespondentSchema },
    },
    status: 201,
    ...assessmentTarget,
    authorize: { action: "readiness.respondent.manage" },
    run: async ({ db, ctx, audit, target, body }) => {
      const id = await createRespondent(db, audit, target, body);
      return respondentView(db, ctx, target, id);
    },
  });

  route(app, deps, {
    method: "PATCH",
    url: `${PREFIX}/assessments/:id/respondents/:respondentId`,
    summary: "Change a respondent",
    access: "session",
    schema: {
      tags,
      params: RespondentParamsSchema,
      body: RespondentUpdateBodySchema,
      response: { 200: RespondentSchema },
    },
    ...assessmentTarget,
    authorize: { action: "readiness.respondent.manage" },
    run: async ({ db, ctx, audit, target, params, body }) => {
      await updateRespondent(db, audit, target, params.respondentId, body);
      return respondentView(db, ctx, target, params.respondentId);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/assessments/:id/interviews`,
    summary: "Record an interview",
    access: "session",
    schema: {
      tags,
      params: IdParamsSchema,
      body: InterviewCreateBodySchema,
      response: { 201: InterviewDetailSchema },
    },
    status: 201,
    ...assessmentTarget,
    authorize: { action: "readiness.interview.create" },
    run: async (call) => {
      const id = await createInterview(call.db, call.audit, call.target, call.body);
      return interviewView(call, id, false);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments/:id/interviews/:interviewId`,
    summary: "Read an interview",
    description: "Its notes per dimension; personal data, so the read is audited.",
    access: "session",
    schema: { tags, params: InterviewParamsSchema, response: { 200: InterviewDetailSchema } },
    personalData: true,
    ...assessmentTarget,
    authorize: { action: "readiness.interview.read" },
    run: (call) => interviewView(call, call.params.interviewId, true),
  });

  route(app, deps, {
    method: "PUT",
    url: `${PREFIX}/assessments/:id/interviews/:interviewId`,
    summary: "Change an interview",
    access: "session",
    schema: {
      tags,
      params: InterviewParamsSchema,
      body: InterviewSaveBodySchema,
      response: { 200: InterviewDetailSchema },
    },
    ...assessmentTarget,
    authorize: { action: "readiness.interview.save" },
    run: async (call) => {
      const { db, target: assessment, params } = call;
      await interviewOf(db, assessment, params.interviewId);
      const guide = (await findGuide(db, assessment.guideId))!;
      await saveInterview(
        db,
        call.audit,
        { assessment, guide, interviewId: params.interviewId },
        call.body,
      );
      return interviewView(call, params.interviewId, false);
    },
  });

  const scoresPath = `${PREFIX}/assessments/:id/interviews/:interviewId/scores`;

  route(app, deps, {
    method: "GET",
    url: scoresPath,
    summary: "Read one's score sheet for an interview",
    description: "The caller's own scores of the interview's dimensions.",
    access: "session",
    schema: { tags, params: InterviewParamsSchema, response: { 200: ScoreSheetSchema } },
    ...assessmentTarget,
    authorize: { action: "readiness.score" },
    run: async ({ db, ctx, target, params }) => {
      const interview = await interviewOf(db, target, params.interviewId);
      return presentScoreSheet(await data(db, target), interview.id, ctx.actor.userId);
    },
  });

  route(app, deps, {
    method: "PUT",
    url: scoresPath,
    summary: "Save one's score sheet as a draft",
    access: "session",
    schema: {
      tags,
      params: InterviewParamsSchema,
      body: ScoresBodySchema,
      response: { 200: ScoreSheetSchema },
    },
    ...assessmentTarget,
    authorize: { action: "readiness.score" },
    run: async ({ db, ctx, audit, target: assessment, params, body }) => {
      const interview = await interviewOf(db, assessment, params.interviewId);
      const scorerId = ctx.actor.userId;
      await saveScores(db, audit, { assessment, interviewId: interview.id, scorerId }, body.scores);
      return presentScoreSheet(await data(db, assessment), interview.id, scorerId);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${scoresPath}/submit`,
    summary: "Submit one's score sheet",
    description: "Submitted scores count towards consensus and can no longer be changed.",
    access: "session",
    schema: { tags, params: InterviewParamsSchema, response: { 200: ScoreSheetSchema } },
    ...assessmentTarget,
    authorize: { action: "readiness.score" },
    run: async ({ db, ctx, audit, target: assessment, params }) => {
      const interview = await interviewOf(db, assessment, params.interviewId);
      const scorerId = ctx.actor.userId;
      await submitScores(db, audit, { assessment, interviewId: interview.id, scorerId });
      return presentScoreSheet(await data(db, assessment), interview.id, scorerId);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments/:id/consensus`,
    summary: "Read the consensus scores",
    description: "Every scorer's scores per dimension beside the consensus set so far.",
    access: "session",
    schema: { tags, params: IdParamsSchema, response: { 200: ConsensusViewSchema } },
    ...assessmentTarget,
    authorize: { action: "readiness.consensus" },
    run: async ({ db, target }) => presentConsensusView(await data(db, target)),
  });

  route(app, deps, {
    method: "PUT",
    url: `${PREFIX}/assessments/:id/consensus`,
    summary: "Set the consensus scores",
    description: "The team's agreed score and comment per dimension.",
    access: "session",
    schema: {
      tags,
      params: IdParamsSchema,
      body: ConsensusBodySchema,
      response: { 200: ConsensusViewSchema },
    },
    ...assessmentTarget,
    authorize: { action: "readiness.consensus" },
    run: async ({ db, audit, target, body }) => {
      await setConsensus(db, audit, target, body);
      return presentConsensusView(await data(db, target));
    },
  });
}
