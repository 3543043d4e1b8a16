import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import { OverviewQuerySchema, OverviewSchema } from "../../domain/process/schemas.ts";
import { ExportFormatQuery, tableDownload } from "../plugins/export-table.ts";
import { type RouteInput, route } from "../plugins/route.ts";
import { contentDisposition } from "../reports/index.ts";
import { loadOverview, overviewExportTable } from "./overview.ts";
import { overviewReportFileName, renderOverviewReport } from "./overview-report.ts";
import { findOrganisation } from "./queries.ts";

const tags = ["process"];
const PREFIX = "/api/process";

/** The collaboration named in the query; 404 unless it is one. */
const collaborationTarget = {
  load: async ({ db, query }: RouteInput<{ querystring: typeof OverviewQuerySchema }>) => {
    const org = await findOrganisation(db, query.collaborationId);
    return org?.kind === "collaboration" ? { collaborationId: org.id, name: org.name } : null;
  },
  notFound: "Samverkan finns inte.",
};

export function registerOverviewRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/overview`,
    summary: "Read a collaboration's board overview",
    description: "Every member's process the caller may read, on one page.",
    access: { permission: "community.read" },
    schema: { tags, querystring: OverviewQuerySchema, response: { 200: OverviewSchema } },
    ...collaborationTarget,
    authorize: { action: "process.overview.read" },
    run: ({ db, ctx, target }) =>
      loadOverview(db, ctx, { id: target.collaborationId, name: target.name }),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/overview.csv`,
    summary: "Export a board overview as CSV or XLSX",
    description: "The overview's table; `format=xlsx` gives an Excel workbook.",
    produces: { file: "text/csv", description: "The overview as CSV (or XLSX)" },
    access: { permission: "community.read" },
    schema: { tags, querystring: OverviewQuerySchema.extend(ExportFormatQuery.shape) },
    ...collaborationTarget,
    authorize: { action: "process.overview.read" },
    run: async ({ db, ctx, target, query, reply, record }) => {
      const overview = await loadOverview(db, ctx, {
        id: target.collaborationId,
        name: target.name,
      });
      await record({
        action: "process.overview.export",
        subjectType: "organisation",
        subjectId: target.collaborationId,
        organisationId: target.collaborationId,
        details: { format: query.format, rows: overview.rows.length },
      });
      const locale = ctx.actor.locale;
      return tableDownload(reply, {
        table: overviewExportTable(locale),
        rows: overview.rows,
        locale,
        format: query.format,
        basename: `${locale === "en" ? "process-overview" : "processoversikt"}-${overview.generatedOn}`,
        sheet: locale === "en" ? "Overview" : "Översikt",
      });
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/overview.pdf`,
    summary: "Download a board overview as PDF",
    description: "A tagged, accessible PDF for the collaboration's board.",
    produces: { file: "application/pdf", description: "The overview as a tagged PDF" },
    access: { permission: "community.read" },
    schema: { tags, querystring: OverviewQuerySchema },
    ...collaborationTarget,
    authorize: { action: "process.overview.read" },
    run: async ({ db, ctx, target, reply, record }) => {
      const overview = await loadOverview(db, ctx, {
        id: target.collaborationId,
        name: target.name,
      });
      const generatedAt = new Date();
      const { pdf } = await renderOverviewReport(overview, generatedAt);
      await record({
        action: "process.overview.export",
        subjectType: "organisation",
        subjectId: target.collaborationId,
        organisationId: target.collaborationId,
        details: { format: "pdf", rows: overview.rows.length },
      });
      reply
        .header("content-type", "application/pdf")
        .header(
          "content-disposition",
          contentDisposition(overviewReportFileName(overview, generatedAt)),
        );
      return pdf;
    },
  });
}
