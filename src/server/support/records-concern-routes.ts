import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/database.ts";
import {
  ConcernFeedbackBodySchema,
  ConcernParamsSchema,
  ConcernReportCreateBodySchema,
  ConcernReportListSchema,
  ConcernReportSchema,
  IntakeUnitBodySchema,
  IntakeUnitParamsSchema,
  IntakeUnitSchema,
} from "../../domain/support/records-schemas.ts";
import { CaseIdParamsSchema } from "../../domain/support/schemas.ts";
import type { ModuleDeps } from "../module.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { type RouteCall, route } from "../plugins/route.ts";
import { caseAccessOf } from "./case-access.ts";
import { PREFIX, tags } from "./case-routes.ts";
import { fileConcern } from "./commands/file-concern.ts";
import { giveConcernFeedback } from "./commands/give-concern-feedback.ts";
import { receiveConcern } from "./commands/receive-concern.ts";
import { setIntakeUnit } from "./commands/set-intake-unit.ts";
import { recordCase, recordsReadEntry, swedishToday } from "./records-context.ts";
import { presentCaseConcernReport, presentConcernReport } from "./records-presenters.ts";
import {
  concernById,
  concernInbox,
  concernsFiledBy,
  concernsOfCase,
  intakeUnitRow,
} from "./records-queries.ts";

async function reportOf(call: Pick<RouteCall<unknown, unknown>, "db">, id: string) {
  const report = await concernById(call.db, id);
  // The policy let the caller in, so row-level security must too.
  if (!report) throw new NotFoundError();
  return report;
}

const concernAudit = (action: "support.concern.read", r: { id: string; municipalityId: string }) =>
  ({
    action,
    subjectType: "support_concern_report",
    subjectId: r.id,
    organisationId: r.municipalityId,
    personalData: true,
  }) as const;

/**
 * Reports of concern: filed by any practitioner without consent or case access, routed to the
 * intake unit of the child's municipality, received there with a receipt and a feedback deadline.
 */
export function registerConcernRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/concern-reports`,
    summary: "File a report of concern with social services",
    description:
      "Needs no consent and no access to any case. Linked to a case only when the reporter is on it; routed to the intake unit of the child's municipality.",
    access: { permission: "support.work" },
    status: 201,
    transaction: true,
    schema: { tags, body: ConcernReportCreateBodySchema, response: { 201: ConcernReportSchema } },
    run: async (call) => {
      const { caseId } = call.body;
      // An unknown case and a case one is not on look the same: the report goes unlinked.
      const linked =
        caseId !== null && (await caseAccessOf(call.ctx, caseId)).records.length > 0
          ? caseId
          : null;
      const id = await fileConcern(
        call.db as Tx,
        call.audit,
        { linkedCaseId: linked, today: swedishToday() },
        call.body,
      );
      return presentConcernReport(await reportOf(call, id), new Date(), call.ctx.actor.userId);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/concern-reports`,
    summary: "Reports of concern I have filed",
    description: "With their receipts: received when, feedback due when, feedback given.",
    access: { permission: "support.work" },
    personalData: true,
    schema: { tags, response: { 200: ConcernReportListSchema } },
    run: async ({ db, ctx }) => {
      const now = new Date();
      return {
        reports: (await concernsFiledBy(db, ctx.actor.userId)).map((r) =>
          presentConcernReport(r, now, ctx.actor.userId),
        ),
      };
    },
    audit: (_call, result) => ({
      action: "support.concern.list_mine",
      personalData: true,
      details: { reportIds: result.reports.map((r) => r.id) },
    }),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/intake/concern-reports`,
    summary: "The intake unit's inbox of reports of concern",
    description: "Reports routed to units where the caller works; open ones first, oldest first.",
    access: { permission: "support.work" },
    personalData: true,
    schema: { tags, response: { 200: ConcernReportListSchema } },
    run: async ({ db, ctx }) => {
      const now = new Date();
      return {
        reports: (await concernInbox(db, ctx.actor.userId)).map((r) =>
          presentConcernReport(r, now, ctx.actor.userId),
        ),
      };
    },
    audit: (_call, result) => ({
      action: "support.concern.inbox",
      personalData: true,
      details: { reportIds: result.reports.map((r) => r.id) },
    }),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/concern-reports/:reportId`,
    summary: "A report of concern",
    description: "For its reporter and the intake unit it was routed to.",
    access: "session",
    personalData: true,
    schema: { tags, params: ConcernParamsSchema, response: { 200: ConcernReportSchema } },
    authorize: {
      action: "support.concern.read",
      target: ({ params }) => ({ reportId: params.reportId }),
    },
    run: async (call) => {
      const report = await reportOf(call, call.params.reportId);
      await call.record(concernAudit("support.concern.read", report));
      return presentConcernReport(report, new Date(), call.ctx.actor.userId);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/concern-reports/:reportId/receive`,
    summary: "Register a report of concern as received",
    description: "The reporter's receipt gets its time and the feedback deadline starts.",
    access: "session",
    schema: { tags, params: ConcernParamsSchema, response: { 200: ConcernReportSchema } },
    authorize: {
      action: "support.concern.intake",
      target: ({ params }) => ({ reportId: params.reportId }),
    },
    run: async (call) => {
      const report = await reportOf(call, call.params.reportId);
      await receiveConcern(call.db as Tx, call.audit, report);
      return presentConcernReport(
        await reportOf(call, report.id),
        new Date(),
        call.ctx.actor.userId,
      );
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/concern-reports/:reportId/feedback`,
    summary: "Give feedback to the reporter",
    access: "session",
    schema: {
      tags,
      params: ConcernParamsSchema,
      body: ConcernFeedbackBodySchema,
      response: { 200: ConcernReportSchema },
    },
    authorize: {
      action: "support.concern.intake",
      target: ({ params }) => ({ reportId: params.reportId }),
    },
    run: async (call) => {
      const report = await reportOf(call, call.params.reportId);
      await giveConcernFeedback(call.db as Tx, call.audit, report, call.body.feedback);
      return presentConcernReport(
        await reportOf(call, report.id),
        new Date(),
        call.ctx.actor.userId,
      );
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/concern-reports`,
    summary: "Reports of concern filed within a case",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: ConcernReportListSchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "concern_reports" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "concern_reports");
      const rows = await concernsOfCase(call.db, c.caseId);
      await call.record(recordsReadEntry(c, "support.concern.list_case", "concern_reports"));
      const now = new Date();
      return { reports: rows.map((r) => presentCaseConcernReport(r, now)) };
    },
  });

  route(app, deps, {
    method: "PUT",
    url: `${PREFIX}/intake-units/:municipalityId`,
    summary: "Name the unit receiving a municipality's reports of concern",
    description:
      "A unit of social services in the municipality; without one, reports go to the municipality itself.",
    access: { permission: "support.configure" },
    transaction: true,
    schema: {
      tags,
      params: IntakeUnitParamsSchema,
      body: IntakeUnitBodySchema,
      response: { 200: IntakeUnitSchema },
    },
    authorize: {
      action: "support.configure",
      target: ({ params }) => ({ municipalityId: params.municipalityId }),
    },
    run: async (call) => {
      const { municipalityId } = call.params;
      await setIntakeUnit(call.db as Tx, call.audit, municipalityId, call.body.unitId);
      return (await intakeUnitRow(call.db, municipalityId))!;
    },
  });
}
