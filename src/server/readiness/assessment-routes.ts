import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
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
import {
  type AccessContext,
  type Action,
  accessContextOf,
  authorize,
  can,
  type TargetOf,
} from "../plugins/access.ts";
import { auditContextOf, recordAudit } from "../plugins/audit.ts";
import { BadRequestError, NotFoundError } from "../plugins/errors.ts";
import { createAssessment } from "./commands/create-assessment.ts";
import { createGuide } from "./commands/create-guide.ts";
import { setTeam } from "./commands/set-team.ts";
import { updateAssessment } from "./commands/update-assessment.ts";
import { presentDetail, presentGuide, presentSummary } from "./presenters.ts";
import {
  type AssessmentRow,
  builtInGuide,
  findAssessment,
  findGuide,
  listAssessmentSummaries,
  listGuides,
  loadAssessmentData,
  teamCandidates,
} from "./queries.ts";

export const tags = ["readiness"];
export const PREFIX = "/api/readiness";

/** The actions whose target is one assessment. */
type AssessmentAction = {
  [A in Action]: TargetOf<A> extends { id: string; organisationId: string } ? A : never;
}[Action];

/** Loads an assessment (404 when there is none) and asks the policy about it (403 when not). */
export async function assessmentFor(
  request: FastifyRequest,
  db: Db,
  id: string,
  action: AssessmentAction,
) {
  const ctx = accessContextOf(request, db);
  const assessment = await findAssessment(db, id);
  if (!assessment) throw new NotFoundError("Mätningen finns inte.");
  const target = { id: assessment.id, organisationId: assessment.organisationId };
  await authorize(ctx, action, target);
  return { ctx, assessment, target };
}

export function registerAssessmentRoutes(fastify: FastifyInstance, deps: { db: Db }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  /** `loaded`: the row as the caller just read it, when nothing has changed it since. */
  async function detail(
    ctx: AccessContext,
    request: FastifyRequest,
    id: string,
    loaded?: AssessmentRow,
  ) {
    const assessment = loaded ?? (await findAssessment(db, id));
    if (!assessment) throw new NotFoundError("Mätningen finns inte.");
    const target = { id, organisationId: assessment.organisationId };
    const [data] = await loadAssessmentData(db, [assessment]);
    const guide = await findGuide(db, assessment.guideId);
    const includeIdentity = await can(ctx, "readiness.respondent.identify", target);
    const abilities = {
      edit: await can(ctx, "readiness.edit", target),
      manageTeam: await can(ctx, "readiness.team.manage", target),
      interview: await can(ctx, "readiness.interview.create", target),
      score: await can(ctx, "readiness.score", target),
      consensus: await can(ctx, "readiness.consensus", target),
    };
    if (includeIdentity && data!.respondents.some((r) => r.name || r.contact)) {
      await recordAudit(db, auditContextOf(request), {
        action: "readiness.respondent.read",
        subjectType: "readiness_assessment",
        subjectId: id,
        organisationId: assessment.organisationId,
        personalData: true,
      });
    }
    return presentDetail(data!, guide!, { includeIdentity, abilities });
  }

  app.get(
    `${PREFIX}/guides`,
    {
      config: { access: { permission: "community.read" } },
      schema: { tags, response: { 200: z.array(GuideSchema) } },
    },
    async (request) => {
      const visible = await accessContextOf(request, db).lineage("community.read");
      return (await listGuides(db, visible)).map(presentGuide);
    },
  );

  app.post(
    `${PREFIX}/guides`,
    {
      config: { access: { permission: "community.edit" } },
      schema: { tags, body: GuideCreateBodySchema, response: { 201: GuideSchema } },
    },
    async (request, reply) => {
      const ctx = accessContextOf(request, db);
      await authorize(ctx, "readiness.guide.create", {
        organisationId: request.body.organisationId,
      });
      const base = await findGuide(db, request.body.baseGuideId);
      if (!base || !(await can(ctx, "readiness.guide.read", base))) {
        throw new BadRequestError("Uppgifterna är inte giltiga.", [
          { path: "baseGuideId", message: "Intervjuguiden finns inte." },
        ]);
      }
      const created = await createGuide(db, auditContextOf(request), base, request.body);
      return reply.status(201).send(presentGuide(created));
    },
  );

  app.get(
    `${PREFIX}/assessments`,
    {
      config: { access: { permission: "community.read" } },
      schema: {
        tags,
        querystring: AssessmentListQuerySchema,
        response: { 200: z.array(AssessmentSummarySchema) },
      },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const { organisationId, limit, offset } = request.query;
      const rows = await listAssessmentSummaries(
        db,
        await ctx.lineage("community.read"),
        ctx.actor.userId,
        { organisationId },
        { limit, offset },
      );
      return rows.map(presentSummary);
    },
  );

  app.post(
    `${PREFIX}/assessments`,
    {
      config: { access: { permission: "community.edit" } },
      schema: { tags, body: AssessmentCreateBodySchema, response: { 201: AssessmentDetailSchema } },
    },
    async (request, reply) => {
      const ctx = accessContextOf(request, db);
      const { organisationId } = request.body;
      await authorize(ctx, "readiness.create", { organisationId });
      const guide = request.body.guideId
        ? await findGuide(db, request.body.guideId)
        : await builtInGuide(db);
      if (!guide || !(await can(ctx, "readiness.guide.read", guide))) {
        throw new BadRequestError("Uppgifterna är inte giltiga.", [
          { path: "guideId", message: "Intervjuguiden finns inte." },
        ]);
      }
      const audit = { ...auditContextOf(request), actorId: ctx.actor.userId };
      const id = await createAssessment(db, audit, { ...request.body, guideId: guide.id });
      return reply.status(201).send(await detail(ctx, request, id));
    },
  );

  app.get(
    `${PREFIX}/assessments/:id`,
    {
      config: { access: { permission: "community.read" } },
      schema: { tags, params: IdParamsSchema, response: { 200: AssessmentDetailSchema } },
    },
    async (request) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.read",
      );
      return detail(ctx, request, request.params.id, assessment);
    },
  );

  app.patch(
    `${PREFIX}/assessments/:id`,
    {
      config: { access: "session" },
      schema: {
        tags,
        params: IdParamsSchema,
        body: AssessmentUpdateBodySchema,
        response: { 200: AssessmentDetailSchema },
      },
    },
    async (request) => {
      const { ctx } = await assessmentFor(request, db, request.params.id, "readiness.edit");
      await updateAssessment(db, auditContextOf(request), request.params.id, request.body);
      return detail(ctx, request, request.params.id);
    },
  );

  app.put(
    `${PREFIX}/assessments/:id/team`,
    {
      config: { access: "session" },
      schema: {
        tags,
        params: IdParamsSchema,
        body: TeamBodySchema,
        response: { 200: AssessmentDetailSchema },
      },
    },
    async (request) => {
      const { ctx, assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.team.manage",
      );
      await setTeam(db, auditContextOf(request), assessment, request.body);
      return detail(ctx, request, request.params.id);
    },
  );

  app.get(
    `${PREFIX}/assessments/:id/team-candidates`,
    {
      config: { access: "session" },
      schema: { tags, params: IdParamsSchema, response: { 200: z.array(TeamCandidateSchema) } },
    },
    async (request) => {
      const { assessment } = await assessmentFor(
        request,
        db,
        request.params.id,
        "readiness.team.manage",
      );
      return teamCandidates(db, assessment.organisationId);
    },
  );
}
