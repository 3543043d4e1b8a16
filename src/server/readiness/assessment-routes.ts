import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import {
  AssessmentCreateBodySchema,
  AssessmentDetailSchema,
  AssessmentListQuerySchema,
  AssessmentSummarySchema,
  AssessmentUpdateBodySchema,
  GuideCreateBodySchema,
  GuideSchema,
  TeamBodySchema,
  TeamCandidateSchema,
} from "../../domain/readiness/api.ts";
import { sendCachedJson } from "../platform/cached-json.ts";
import { type AccessContext, can } from "../plugins/access.ts";
import { BadRequestError } from "../plugins/errors.ts";
import { type RouteCall, type RouteInput, route } from "../plugins/route.ts";
import type { AssessmentData } from "./assessment-data.ts";
import { createAssessment } from "./commands/create-assessment.ts";
import { createGuide } from "./commands/create-guide.ts";
import { setTeam } from "./commands/set-team.ts";
import { updateAssessment } from "./commands/update-assessment.ts";
import { assessmentListPage } from "./list-entries.ts";
import { knownTeamRoles } from "./policy.ts";
import { presentDetail, presentGuide } from "./presenters.ts";
import {
  builtInGuide,
  findAssessment,
  findAssessmentData,
  findGuide,
  listGuides,
  teamCandidates,
} from "./queries.ts";

export const tags = ["readiness"];
export const PREFIX = "/api/readiness";

/** How every route on one assessment loads its target: 404 when there is none. */
export const assessmentTarget = {
  load: ({ db, params }: RouteInput<{ params: typeof IdParamsSchema }>) =>
    findAssessment(db, params.id),
  notFound: "Mätningen finns inte.",
};

/** As assessmentTarget, with all of the assessment a view reads (one statement for both). */
export const assessmentDataTarget = {
  load: ({ db, params }: RouteInput<{ params: typeof IdParamsSchema }>) =>
    findAssessmentData(db, params.id),
  notFound: assessmentTarget.notFound,
  authorize: {
    action: "readiness.read" as const,
    target: (_: unknown, loaded: AssessmentData) => loaded.assessment,
  },
};

/** Whether the reader is one who sees respondents' names and contacts (the team). */
function seesIdentities(ctx: AccessContext, data: AssessmentData) {
  const { id, organisationId } = data.assessment;
  knownTeamRoles(ctx, id, data.team.find((m) => m.userId === ctx.actor.userId)?.roles ?? []);
  return can(ctx, "readiness.respondent.identify", { id, organisationId });
}

const holdsIdentities = (data: AssessmentData) => data.respondents.some((r) => r.name || r.contact);

/**
 * The assessment as its reader may see it. Respondents' identities are personal data: the team
 * sees them, and each such read is recorded in the request's transaction.
 */
async function detail(
  call: Pick<RouteCall<unknown, unknown>, "db" | "ctx" | "record">,
  id: string,
  loaded?: AssessmentData,
) {
  const { db, ctx } = call;
  // `loaded`: the assessment as the access check just read it, when nothing has changed it since.
  const data = loaded ?? (await findAssessmentData(db, id));
  const assessment = data!.assessment;
  const target = { id, organisationId: assessment.organisationId };
  const guide = await findGuide(db, assessment.guideId);
  const includeIdentity = await seesIdentities(ctx, data!);
  const abilities = {
    edit: await can(ctx, "readiness.edit", target),
    manageTeam: await can(ctx, "readiness.team.manage", target),
    interview: await can(ctx, "readiness.interview.create", target),
    score: await can(ctx, "readiness.score", target),
    consensus: await can(ctx, "readiness.consensus", target),
  };
  if (includeIdentity && holdsIdentities(data!)) {
    await call.record({
      action: "readiness.respondent.read",
      subjectType: "readiness_assessment",
      subjectId: id,
      organisationId: assessment.organisationId,
      personalData: true,
    });
  }
  return presentDetail(data!, guide!, { includeIdentity, abilities });
}

/** A guide the caller may build on, or a 400 naming the field. */
async function usableGuide(
  input: Pick<RouteInput<unknown>, "db" | "ctx">,
  guide: Awaited<ReturnType<typeof findGuide>>,
  field: string,
) {
  if (!guide || !(await can(input.ctx, "readiness.guide.read", guide))) {
    throw new BadRequestError("Uppgifterna är inte giltiga.", [
      { path: field, message: "Intervjuguiden finns inte." },
    ]);
  }
  return guide;
}

export function registerAssessmentRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/guides`,
    summary: "List interview guides",
    description: "The readiness interview guides the caller's organisations may use.",
    access: { permission: "community.read" },
    schema: { tags, response: { 200: z.array(GuideSchema) } },
    run: async ({ db, ctx }) =>
      (await listGuides(db, await ctx.lineage("community.read"))).map(presentGuide),
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/guides`,
    summary: "Create an interview guide",
    description: "An organisation's own version of the interview guide.",
    access: { permission: "community.edit" },
    schema: { tags, body: GuideCreateBodySchema, response: { 201: GuideSchema } },
    status: 201,
    authorize: {
      action: "readiness.guide.create",
      target: ({ body }) => ({ organisationId: body.organisationId }),
    },
    run: async (call) => {
      const base = await usableGuide(
        call,
        await findGuide(call.db, call.body.baseGuideId),
        "baseGuideId",
      );
      return presentGuide(await createGuide(call.db, call.audit, base, call.body));
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments`,
    summary: "List readiness assessments",
    description: "The community readiness assessments the caller may read, filtered by the query.",
    access: { permission: "community.read" },
    schema: {
      tags,
      querystring: AssessmentListQuerySchema,
      response: { 200: z.array(AssessmentSummarySchema) },
    },
    run: async ({ db, ctx, query, request, reply }) =>
      sendCachedJson(
        request,
        reply,
        await assessmentListPage(
          db,
          await ctx.lineage("community.read"),
          ctx.actor.userId,
          { organisationId: query.organisationId },
          { limit: query.limit, offset: query.offset },
        ),
        "private, no-cache",
      ),
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/assessments`,
    summary: "Start a readiness assessment",
    access: { permission: "community.edit" },
    schema: { tags, body: AssessmentCreateBodySchema, response: { 201: AssessmentDetailSchema } },
    status: 201,
    transaction: true,
    authorize: {
      action: "readiness.create",
      target: ({ body }) => ({ organisationId: body.organisationId }),
    },
    run: async (call) => {
      const { db, body } = call;
      const guide = await usableGuide(
        call,
        body.guideId ? await findGuide(db, body.guideId) : await builtInGuide(db),
        "guideId",
      );
      const audit = { ...call.audit, actorId: call.ctx.actor.userId };
      const id = await createAssessment(db, audit, { ...body, guideId: guide.id });
      return detail(call, id);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments/:id`,
    summary: "Read a readiness assessment",
    description: "With its respondents, interviews, team and what the caller may do with it.",
    access: { permission: "community.read" },
    schema: { tags, params: IdParamsSchema, response: { 200: AssessmentDetailSchema } },
    ...assessmentDataTarget,
    // The team sees respondents' identities here: that read is recorded, in a transaction.
    transactionWhen: async ({ ctx, target }) =>
      holdsIdentities(target) && (await seesIdentities(ctx, target)),
    run: (call) => detail(call, call.target.assessment.id, call.target),
  });

  route(app, deps, {
    method: "PATCH",
    url: `${PREFIX}/assessments/:id`,
    summary: "Change a readiness assessment",
    description: "Its topic, period, interview target or score grid.",
    access: "session",
    schema: {
      tags,
      params: IdParamsSchema,
      body: AssessmentUpdateBodySchema,
      response: { 200: AssessmentDetailSchema },
    },
    transaction: true,
    ...assessmentTarget,
    authorize: { action: "readiness.edit" },
    run: async (call) => {
      await updateAssessment(call.db, call.audit, call.target.id, call.body);
      return detail(call, call.target.id);
    },
  });

  route(app, deps, {
    method: "PUT",
    url: `${PREFIX}/assessments/:id/team`,
    summary: "Set an assessment's team",
    description: "Who scores the interviews; replaces the team with the people given.",
    access: "session",
    schema: {
      tags,
      params: IdParamsSchema,
      body: TeamBodySchema,
      response: { 200: AssessmentDetailSchema },
    },
    transaction: true,
    ...assessmentTarget,
    authorize: { action: "readiness.team.manage" },
    run: async (call) => {
      await setTeam(call.db, call.audit, call.target, call.body);
      return detail(call, call.target.id);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments/:id/team-candidates`,
    summary: "List who may join an assessment's team",
    access: "session",
    schema: { tags, params: IdParamsSchema, response: { 200: z.array(TeamCandidateSchema) } },
    // Colleagues' names and e-mail addresses: staff personal data.
    personalData: true,
    ...assessmentTarget,
    authorize: { action: "readiness.team.manage" },
    run: ({ db, target }) => teamCandidates(db, target.organisationId),
    audit: ({ target }, result) => ({
      action: "readiness.team.candidates",
      subjectType: "readiness_assessment",
      subjectId: target.id,
      organisationId: target.organisationId,
      personalData: true,
      details: { rows: result.length },
    }),
  });
}
