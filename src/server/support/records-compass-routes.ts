import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/database.ts";
import {
  AssessmentCreateBodySchema,
  AssessmentListSchema,
  CompassNeedsBodySchema,
  CompassNeedsParamsSchema,
  CompassNeedsSchema,
  MeasureCreateBodySchema,
  MeasureListSchema,
  MeasureParamsSchema,
  MeasureSchema,
  MeasureUpdateBodySchema,
} from "../../domain/support/records-schemas.ts";
import { CaseIdParamsSchema } from "../../domain/support/schemas.ts";
import type { ModuleDeps } from "../module.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { route } from "../plugins/route.ts";
import { PREFIX, tags } from "./case-routes.ts";
import { createAssessment } from "./commands/create-assessment.ts";
import { createMeasure } from "./commands/create-measure.ts";
import { setCompassNeeds } from "./commands/set-compass-needs.ts";
import { updateMeasure } from "./commands/update-measure.ts";
import { recordCase, recordsReadEntry, swedishToday } from "./records-context.ts";
import { presentAssessments, presentMeasure } from "./records-presenters.ts";
import { assessmentsOf, compassNeedsFor, measureById, measuresOf } from "./records-queries.ts";

/** The needs compass (part wellbeing) and the plan's measures (part plan). */
export function registerCompassRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/compass-needs/:municipalityId`,
    summary: "A municipality's needs compass",
    description:
      "The needs assessed, in order: the municipality's own names or the defaults (Behovskompassen, with SHANARRI in English).",
    access: "session",
    transaction: true,
    schema: { tags, params: CompassNeedsParamsSchema, response: { 200: CompassNeedsSchema } },
    run: async ({ db, params }) => ({
      municipalityId: params.municipalityId,
      ...(await compassNeedsFor(db, params.municipalityId)),
    }),
  });

  route(app, deps, {
    method: "PUT",
    url: `${PREFIX}/compass-needs/:municipalityId`,
    summary: "Name a municipality's needs compass",
    description:
      "Replaces its needs; earlier assessments keep their ratings under the keys they had.",
    access: { permission: "support.configure" },
    transaction: true,
    schema: {
      tags,
      params: CompassNeedsParamsSchema,
      body: CompassNeedsBodySchema,
      response: { 200: CompassNeedsSchema },
    },
    authorize: {
      action: "support.configure",
      target: ({ params }) => ({ municipalityId: params.municipalityId }),
    },
    run: async ({ db, audit, params, body }) => {
      await setCompassNeeds(db as Tx, audit, params.municipalityId, body.needs);
      return {
        municipalityId: params.municipalityId,
        ...(await compassNeedsFor(db, params.municipalityId)),
      };
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/assessments`,
    summary: "Needs-compass assessments of a case",
    description:
      "Every assessment, newest first, and the compass over time as one series per need.",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: AssessmentListSchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "wellbeing" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "wellbeing");
      const [rows, compass] = await Promise.all([
        assessmentsOf(call.db, c.caseId),
        compassNeedsFor(call.db, c.municipalityId),
      ]);
      await call.record(recordsReadEntry(c, "support.assessment.list", "wellbeing"));
      return presentAssessments(rows, compass.needs);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/assessments`,
    summary: "Assess a child's needs",
    description:
      "Every configured need rated once with its reason, the child's and the guardians' views apart, and a plain-language summary.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: AssessmentCreateBodySchema,
      response: { 201: AssessmentListSchema },
    },
    authorize: {
      action: "support.records.write",
      target: ({ params }) => ({ caseId: params.id, scope: "wellbeing", part: "assessment" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "wellbeing");
      const { needs } = await compassNeedsFor(call.db, c.municipalityId);
      await createAssessment(call.db as Tx, call.audit, c, call.body, needs);
      return presentAssessments(await assessmentsOf(call.db, c.caseId), needs);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/measures`,
    summary: "The plan's measures",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: MeasureListSchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "plan" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "plan");
      const rows = await measuresOf(call.db, c.caseId);
      await call.record(recordsReadEntry(c, "support.measure.list", "plan"));
      const today = swedishToday();
      return { measures: rows.map((m) => presentMeasure(m, today)) };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/measures`,
    summary: "Add a measure to the plan",
    description: "What, a named owner, by when, and when it is evaluated.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: MeasureCreateBodySchema,
      response: { 201: MeasureSchema },
    },
    authorize: {
      action: "support.records.write",
      target: ({ params }) => ({ caseId: params.id, scope: "plan", part: "measure" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "plan");
      const today = swedishToday();
      const id = await createMeasure(call.db as Tx, call.audit, c, call.body, today);
      return presentMeasure((await measureById(call.db, c.caseId, id))!, today);
    },
  });

  route(app, deps, {
    method: "PATCH",
    url: `${PREFIX}/cases/:id/measures/:measureId`,
    summary: "Follow up a measure",
    description: "Done or not done, with what came of it.",
    access: "session",
    schema: {
      tags,
      params: MeasureParamsSchema,
      body: MeasureUpdateBodySchema,
      response: { 200: MeasureSchema },
    },
    authorize: {
      action: "support.records.write",
      target: ({ params }) => ({ caseId: params.id, scope: "plan", part: "measure" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "plan");
      const measure = await measureById(call.db, c.caseId, call.params.measureId);
      if (!measure) throw new NotFoundError();
      const today = swedishToday();
      await updateMeasure(
        call.db as Tx,
        call.audit,
        { ...c, measureId: measure.id, what: measure.what },
        call.body,
        today,
      );
      return presentMeasure((await measureById(call.db, c.caseId, measure.id))!, today);
    },
  });
}
