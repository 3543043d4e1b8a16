import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "../../db/database.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import {
  CompareQuerySchema,
  CompareSchema,
  ReportQuerySchema,
  ResultsSchema,
} from "../../domain/readiness/api.ts";
import { DIMENSION_LETTERS } from "../../domain/readiness/dimensions.ts";
import { accessContextOf } from "../plugins/access.ts";
import { auditContextOf, recordAudit } from "../plugins/audit.ts";
import { sendCsv } from "../plugins/csv.ts";
import { ForbiddenError } from "../plugins/errors.ts";
import { contentDisposition } from "../reports/index.ts";
import { assessmentFor, PREFIX, tags } from "./assessment-routes.ts";
import { interviewReady, presentResults, scorersOf } from "./presenters.ts";
import { listAssessments, loadAssessmentData } from "./queries.ts";
import { readinessReportFileName, renderReadinessReport } from "./report-pdf.ts";

/** Results, trend, comparison and the exports: community-level, readable along the lineage. */
export function registerResultsRoutes(fastify: FastifyInstance, deps: { db: Db }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  async function trendOf(request: Parameters<typeof accessContextOf>[0], id: string) {
    const { ctx, assessment } = await assessmentFor(request, db, id, "readiness.read");
    const rows = await listAssessments(db, await ctx.lineage("community.read"), ctx.actor.userId, {
      sameAs: assessment,
    });
    const all = await loadAssessmentData(db, rows);
    return { assessment, all, trend: all.map(presentResults) };
  }

  app.get(
    `${PREFIX}/assessments/:id/results`,
    {
      config: { access: { permission: "community.read" } },
      schema: { tags, params: IdParamsSchema, response: { 200: ResultsSchema } },
    },
    async (request) => {
      const { assessment } = await assessmentFor(request, db, request.params.id, "readiness.read");
      const [data] = await loadAssessmentData(db, [assessment]);
      return presentResults(data!);
    },
  );

  app.get(
    `${PREFIX}/assessments/:id/trend`,
    {
      config: { access: { permission: "community.read" } },
      schema: { tags, params: IdParamsSchema, response: { 200: CompareSchema } },
    },
    async (request) => (await trendOf(request, request.params.id)).trend,
  );

  // Immich's rule for requests with ids: every one must be readable, or the whole request fails.
  app.get(
    `${PREFIX}/compare`,
    {
      config: { access: { permission: "community.read" } },
      schema: { tags, querystring: CompareQuerySchema, response: { 200: CompareSchema } },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const ids = [...new Set(request.query.ids)];
      const visible = await ctx.lineage("community.read");
      // The list filters by the same readability rule, so a missing id is one not allowed.
      const rows = await listAssessments(db, visible, ctx.actor.userId, { ids });
      if (rows.length !== ids.length) throw new ForbiddenError();
      const byId = new Map((await loadAssessmentData(db, rows)).map((d) => [d.assessment.id, d]));
      return ids.map((id) => presentResults(byId.get(id)!));
    },
  );

  app.get(
    `${PREFIX}/assessments/:id/scores.csv`,
    {
      config: { access: { permission: "community.read" } },
      schema: { tags, params: IdParamsSchema },
    },
    async (request, reply) => {
      const { assessment } = await assessmentFor(request, db, request.params.id, "readiness.read");
      const [data] = await loadAssessmentData(db, [assessment]);
      const scorers = scorersOf(data!);
      const cell = (value: number | undefined) => (value === undefined ? "" : String(value));
      // Individual sheets only once every scorer has submitted that interview: blind until then.
      const sheetRows = data!.interviews.flatMap((interview) =>
        interviewReady(data!, interview.id)
          ? scorers.map((scorer) => [
              interview.number,
              scorer.displayName,
              ...DIMENSION_LETTERS.map((letter) =>
                cell(
                  data!.scores.find(
                    (s) =>
                      s.interviewId === interview.id &&
                      s.scorerId === scorer.userId &&
                      s.dimension === letter,
                  )?.score,
                ),
              ),
            ])
          : [],
      );
      const consensusRows = data!.interviews.map((interview) => [
        interview.number,
        "consensus",
        ...DIMENSION_LETTERS.map((letter) =>
          cell(
            data!.consensus.find((c) => c.interviewId === interview.id && c.dimension === letter)
              ?.score,
          ),
        ),
      ]);
      await recordAudit(db, auditContextOf(request), {
        action: "readiness.scores.export",
        subjectType: "readiness_assessment",
        subjectId: assessment.id,
        organisationId: assessment.organisationId,
        details: { rows: sheetRows.length + consensusRows.length },
      });
      return sendCsv(
        reply,
        `beredskapsmatning-${assessment.id}.csv`,
        ["interview", "scorer", ...DIMENSION_LETTERS],
        [...sheetRows, ...consensusRows],
      );
    },
  );

  app.get(
    `${PREFIX}/assessments/:id/report.pdf`,
    {
      config: { access: { permission: "community.read" } },
      schema: { tags, params: IdParamsSchema, querystring: ReportQuerySchema },
    },
    async (request, reply) => {
      const { assessment, all, trend } = await trendOf(request, request.params.id);
      const index = all.findIndex((d) => d.assessment.id === assessment.id);
      const results = trend[index]!;
      const generatedAt = new Date();
      const { pdf } = await renderReadinessReport({
        results,
        trend,
        generatedAt,
        ...request.query,
      });
      await recordAudit(db, auditContextOf(request), {
        action: "readiness.report.export",
        subjectType: "readiness_assessment",
        subjectId: assessment.id,
        organisationId: assessment.organisationId,
      });
      return reply
        .header("content-type", "application/pdf")
        .header(
          "content-disposition",
          contentDisposition(readinessReportFileName(results, generatedAt)),
        )
        .send(pdf);
    },
  );
}
