import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import {
  CompareQuerySchema,
  CompareSchema,
  ReportQuerySchema,
  ResultsSchema,
} from "../../domain/readiness/api.ts";
import type { DimensionLetter } from "../../domain/readiness/dimensions.ts";
import { ForbiddenError } from "../plugins/errors.ts";
import { ExportFormatQuery, tableDownload } from "../plugins/export-table.ts";
import { type RouteInput, route } from "../plugins/route.ts";
import { contentDisposition } from "../reports/index.ts";
import { type AssessmentData, loadAssessmentData } from "./assessment-data.ts";
import { assessmentDataTarget, assessmentTarget, PREFIX, tags } from "./assessment-routes.ts";
import { interviewReady, presentResults, scorersOf } from "./presenters.ts";
import {
  type AssessmentRow,
  assessmentSeries,
  findAssessment,
  listAssessments,
} from "./queries.ts";
import { readinessReportFileName, renderReadinessReport } from "./report-pdf.ts";
import { type ScoreRow, scoresExportTable } from "./scores-export.ts";

type Series = { assessment: AssessmentRow; series: AssessmentData[] };

/**
 * An assessment and every readable one of the same topic and organisation, oldest first, in one
 * statement. The assessment itself is still asked about by the policy; when the series does not
 * hold it (not readable, or no such assessment) it is looked up alone, for a 403 or a 404.
 */
const seriesTarget = {
  load: async ({ db, ctx, params }: RouteInput<{ params: typeof IdParamsSchema }>) => {
    const series = await assessmentSeries(
      db,
      await ctx.lineage("community.read"),
      ctx.actor.userId,
      params.id,
    );
    const assessment =
      series.find((d) => d.assessment.id === params.id)?.assessment ??
      (await findAssessment(db, params.id));
    return assessment && { assessment, series };
  },
  notFound: assessmentTarget.notFound,
  authorize: {
    action: "readiness.read" as const,
    target: (_: unknown, loaded: Series) => loaded.assessment,
  },
};

/** Results, trend, comparison and the exports: community-level, readable along the lineage. */
export function registerResultsRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments/:id/results`,
    summary: "Read an assessment's results",
    description:
      "Scores and stages per dimension and overall, once consensus is set, with the agreement between scorers.",
    access: { permission: "community.read" },
    schema: { tags, params: IdParamsSchema, response: { 200: ResultsSchema } },
    ...assessmentDataTarget,
    run: async ({ target }) => presentResults(target),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments/:id/trend`,
    summary: "Read the trend of an assessment's topic",
    description: "The organisation's earlier assessments of the same topic, oldest first.",
    access: { permission: "community.read" },
    schema: { tags, params: IdParamsSchema, response: { 200: CompareSchema } },
    ...seriesTarget,
    run: async ({ target }) => target.series.map(presentResults),
  });

  // Immich's rule for requests with ids: every one must be readable, or the whole request fails.
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/compare`,
    summary: "Compare readiness assessments",
    description: "The results of several assessments side by side.",
    access: { permission: "community.read" },
    schema: { tags, querystring: CompareQuerySchema, response: { 200: CompareSchema } },
    run: async ({ db, ctx, query }) => {
      const ids = [...new Set(query.ids)];
      const visible = await ctx.lineage("community.read");
      // The list filters by the same readability rule, so a missing id is one not allowed.
      const rows = await listAssessments(db, visible, ctx.actor.userId, { ids });
      if (rows.length !== ids.length) throw new ForbiddenError();
      const byId = new Map((await loadAssessmentData(db, rows)).map((d) => [d.assessment.id, d]));
      return ids.map((id) => presentResults(byId.get(id)!));
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments/:id/scores.csv`,
    summary: "Export an assessment's scores as CSV",
    description: "In the Swedish convention (semicolons, decimal comma, UTF-8 with BOM).",
    produces: { file: "text/csv", description: "The scores as CSV" },
    access: { permission: "community.read" },
    // `?format=xlsx` gives the same table as an Excel workbook.
    schema: { tags, params: IdParamsSchema, querystring: ExportFormatQuery },
    ...assessmentTarget,
    authorize: { action: "readiness.read" },
    run: async ({ db, ctx, query: { format }, target: assessment, reply, record }) => {
      const [data] = await loadAssessmentData(db, [assessment]);
      const scorers = scorersOf(data!);
      const scoresOf = (found: { dimension: DimensionLetter; score: number }[]) =>
        Object.fromEntries(found.map((s) => [s.dimension, s.score]));
      // Individual sheets only once every scorer has submitted that interview: blind until then.
      const sheetRows: ScoreRow[] = data!.interviews.flatMap((interview) =>
        interviewReady(data!, interview.id)
          ? scorers.map((scorer) => ({
              interview: interview.number,
              scorer: scorer.displayName,
              scores: scoresOf(
                data!.scores.filter(
                  (s) => s.interviewId === interview.id && s.scorerId === scorer.userId,
                ),
              ),
            }))
          : [],
      );
      const consensusRows: ScoreRow[] = data!.interviews.map((interview) => ({
        interview: interview.number,
        scorer: null,
        scores: scoresOf(data!.consensus.filter((c) => c.interviewId === interview.id)),
      }));
      await record({
        action: "readiness.scores.export",
        subjectType: "readiness_assessment",
        subjectId: assessment.id,
        organisationId: assessment.organisationId,
        details: { rows: sheetRows.length + consensusRows.length, format },
      });
      const locale = ctx.actor.locale;
      return tableDownload(reply, {
        table: scoresExportTable(locale),
        rows: [...sheetRows, ...consensusRows],
        locale,
        format,
        basename: `${locale === "en" ? "readiness-scores" : "beredskapsmatning-poang"}-${assessment.id}`,
        sheet: locale === "en" ? "Scores" : "Poäng",
      });
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/assessments/:id/report.pdf`,
    summary: "Download an assessment's report as PDF",
    description:
      "A tagged, accessible PDF for a board; the query fills in author, unit and reference number.",
    produces: { file: "application/pdf", description: "The report as a tagged PDF" },
    access: { permission: "community.read" },
    schema: { tags, params: IdParamsSchema, querystring: ReportQuerySchema },
    ...seriesTarget,
    run: async ({ query, target: { assessment, series }, reply, record }) => {
      const trend = series.map(presentResults);
      const results = trend[series.findIndex((d) => d.assessment.id === assessment.id)]!;
      const generatedAt = new Date();
      const { pdf } = await renderReadinessReport({
        results,
        trend,
        generatedAt,
        ...query,
      });
      await record({
        action: "readiness.report.export",
        subjectType: "readiness_assessment",
        subjectId: assessment.id,
        organisationId: assessment.organisationId,
      });
      reply
        .header("content-type", "application/pdf")
        .header(
          "content-disposition",
          contentDisposition(readinessReportFileName(results, generatedAt)),
        );
      return pdf;
    },
  });
}
