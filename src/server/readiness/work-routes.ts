import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { recordStandaloneAudit } from "../../db/audit.ts";
import type { Db } from "../../db/database.ts";
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
import { auditContextOf } from "../plugins/audit.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { assessmentFor, PREFIX, tags } from "./assessment-routes.ts";
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
import { type AssessmentRow, findGuide, findInterview, loadAssessmentData } from "./queries.ts";

/** Respondents, interviews, scores and consensus: the team's work on one assessment. */
export function registerWorkRoutes(fastify: FastifyInstance, deps: { db: Db }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  async function data(assessment: AssessmentRow) {
    return (await loadAssessmentData(db, [assessment]))[0]!;
  }

  async function interviewOf(assessment: AssessmentRow, interviewId: string) {
    const interview = await findInterview(db, assessment.id, interviewId);
    if (!interview) throw new NotFoundError("Intervjun finns inte.");
    return interview;
  }

  async function respondentView(
    ctx: AccessContext,
    assessment: AssessmentRow,
    respondentId: string,
  ) {
    const current = await data(assessment);
    const row = current.respondents.find((r) => r.id === respondentId)!;
    const includeIdentity = await can(ctx, "readiness.respondent.identify", assessment);
    return presentRespondent(row, respondentCodes(current).get(row.id)!, { includeIdentity });
  }

  /** Interview notes and respondents' identities are personal data: each read is audited. */
  async function interviewView(
    request: FastifyRequest,
    ctx: AccessContext,
    assessment: AssessmentRow,
    interviewId: string,
    audited: boolean,
  ) {
    const interview = await interviewOf(assessment, interviewId);
    const includeIdentity = await can(ctx, "readiness.respondent.identify", assessment);
    if (audited) {
      await recordStandaloneAudit(db, auditContextOf(request), {
        action: "readiness.interview.read",
        subjectType: "readiness_interview",
        subjectId: interview.id,
        organisationId: assessment.organisationId,
        personalData: true,
        details: { assessmentId: assessment.id, identity: includeIdentity },
      });
    }
    const guide = (await findGuide(db, assessment.guideId))!;
    return presentInterview(await data(assessment), interview, guide, { includeIdentity });
  }

  app.post(
    `${PREFIX}/assessments/:id/respondents`,
    {
      config: { access: "session" },
      schema: {
        tags,
        params: IdParamsSchema,
        body: RespondentBodySchema,
        response: { 201: RespondentSchema },
      },
    },
    async (request, reply) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.respondent.manage",
      );
      const id = await createRespondent(db, auditContextOf(request), assessment, request.body);
      return reply.status(201).send(await respondentView(ctx, assessment, id));
    },
  );

  app.patch(
    `${PREFIX}/assessments/:id/respondents/:respondentId`,
    {
      config: { access: "session" },
      schema: {
        tags,
        params: RespondentParamsSchema,
        body: RespondentUpdateBodySchema,
        response: { 200: RespondentSchema },
      },
    },
    async (request) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.respondent.manage",
      );
      const { respondentId } = request.params;
      await updateRespondent(db, auditContextOf(request), assessment, respondentId, request.body);
      return respondentView(ctx, assessment, respondentId);
    },
  );

  app.post(
    `${PREFIX}/assessments/:id/interviews`,
    {
      config: { access: "session" },
      schema: {
        tags,
        params: IdParamsSchema,
        body: InterviewCreateBodySchema,
        response: { 201: InterviewDetailSchema },
      },
    },
    async (request, reply) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.interview.create",
      );
      const id = await createInterview(db, auditContextOf(request), assessment, request.body);
      return reply.status(201).send(await interviewView(request, ctx, assessment, id, false));
    },
  );

  app.get(
    `${PREFIX}/assessments/:id/interviews/:interviewId`,
    {
      config: { access: "session" },
      schema: { tags, params: InterviewParamsSchema, response: { 200: InterviewDetailSchema } },
    },
    async (request) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.interview.read",
      );
      return interviewView(request, ctx, assessment, request.params.interviewId, true);
    },
  );

  app.put(
    `${PREFIX}/assessments/:id/interviews/:interviewId`,
    {
      config: { access: "session" },
      schema: {
        tags,
        params: InterviewParamsSchema,
        body: InterviewSaveBodySchema,
        response: { 200: InterviewDetailSchema },
      },
    },
    async (request) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.interview.save",
      );
      const { interviewId } = request.params;
      await interviewOf(assessment, interviewId);
      const guide = (await findGuide(db, assessment.guideId))!;
      await saveInterview(
        db,
        auditContextOf(request),
        { assessment, guide, interviewId },
        request.body,
      );
      return interviewView(request, ctx, assessment, interviewId, false);
    },
  );

  const scoresPath = `${PREFIX}/assessments/:id/interviews/:interviewId/scores`;

  app.get(
    scoresPath,
    {
      config: { access: "session" },
      schema: { tags, params: InterviewParamsSchema, response: { 200: ScoreSheetSchema } },
    },
    async (request) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.score",
      );
      const interview = await interviewOf(assessment, request.params.interviewId);
      return presentScoreSheet(await data(assessment), interview.id, ctx.actor.userId);
    },
  );

  app.put(
    scoresPath,
    {
      config: { access: "session" },
      schema: {
        tags,
        params: InterviewParamsSchema,
        body: ScoresBodySchema,
        response: { 200: ScoreSheetSchema },
      },
    },
    async (request) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.score",
      );
      const interview = await interviewOf(assessment, request.params.interviewId);
      const target = { assessment, interviewId: interview.id, scorerId: ctx.actor.userId };
      await saveScores(db, auditContextOf(request), target, request.body.scores);
      return presentScoreSheet(await data(assessment), interview.id, ctx.actor.userId);
    },
  );

  app.post(
    `${scoresPath}/submit`,
    {
      config: { access: "session" },
      schema: { tags, params: InterviewParamsSchema, response: { 200: ScoreSheetSchema } },
    },
    async (request) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.score",
      );
      const interview = await interviewOf(assessment, request.params.interviewId);
      const target = { assessment, interviewId: interview.id, scorerId: ctx.actor.userId };
      await submitScores(db, auditContextOf(request), target);
      return presentScoreSheet(await data(assessment), interview.id, ctx.actor.userId);
    },
  );

  app.get(
    `${PREFIX}/assessments/:id/consensus`,
    {
      config: { access: "session" },
      schema: { tags, params: IdParamsSchema, response: { 200: ConsensusViewSchema } },
    },
    async (request) => {
      const { assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.consensus",
      );
      return presentConsensusView(await data(assessment));
    },
  );

  app.put(
    `${PREFIX}/assessments/:id/consensus`,
    {
      config: { access: "session" },
      schema: {
        tags,
        params: IdParamsSchema,
        body: ConsensusBodySchema,
        response: { 200: ConsensusViewSchema },
      },
    },
    async (request) => {
      const { assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.consensus",
      );
      await setConsensus(db, auditContextOf(request), assessment, request.body);
      return presentConsensusView(await data(assessment));
    },
  );
}
