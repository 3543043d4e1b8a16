import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/database.ts";
import {
  AuditEntrySchema,
  AuditQuerySchema,
  SecuritySettingsSchema,
} from "../../domain/platform/schemas.ts";
import type { AuditSubjectSource } from "../module.ts";
import { type AccessContext, authorize } from "../plugins/access.ts";
import { ExportFormatQuery, tableDownload } from "../plugins/export-table.ts";
import { route } from "../plugins/route.ts";
import { auditExportTable } from "./audit-export.ts";
import { type AuditEntryRow, searchAudit } from "./audit-queries.ts";
import { nameAuditRows } from "./audit-subjects.ts";
import { updateSecuritySettings } from "./commands/update-security-settings.ts";
import { presentAuditEntry } from "./presenters.ts";
import { readSecuritySettings } from "./queries.ts";

const EXPORT_LIMIT = 100_000;

/** The organisations whose log the caller may read; naming one outside them is refused (403). */
async function scopeFor(ctx: AccessContext, organisationId?: string) {
  if (organisationId) await authorize(ctx, "audit.read", { organisationId });
  return ctx.subtree("audit.read");
}

const ExportQuerySchema = AuditQuerySchema.extend(ExportFormatQuery.shape);

/** A page of rows with the names of who acted and what it was about, found in one query. */
async function presentPage(
  readDb: DbOrTx,
  sources: readonly AuditSubjectSource[],
  ctx: AccessContext,
  scope: Awaited<ReturnType<typeof scopeFor>>,
  rows: AuditEntryRow[],
) {
  const names = await nameAuditRows(readDb, sources, scope, rows, ctx.actor.locale);
  return rows.map((row) => presentAuditEntry(row, names));
}

/**
 * The log names people and what they did: every search and export is itself a personal-data read
 * and recorded. The rows come from the read replica when there is one; access is decided and the
 * read recorded in a transaction on the primary.
 */
export function registerAuditRoutes(
  app: FastifyInstance,
  deps: { db: Db; readDb: Db | undefined; auditSubjects: readonly AuditSubjectSource[] },
): void {
  const { readDb, auditSubjects } = deps;

  route(app, deps, {
    method: "GET",
    url: "/api/audit",
    summary: "Search the audit log",
    description: "Audit events the caller may read, newest first, filtered by the query.",
    access: { permission: "audit.read" },
    schema: {
      tags: ["audit"],
      querystring: AuditQuerySchema,
      response: { 200: z.array(AuditEntrySchema) },
    },
    personalData: true,
    run: async ({ db, ctx, query }) => {
      const scope = await scopeFor(ctx, query.organisationId);
      const reader = readDb ?? db;
      return presentPage(
        reader,
        auditSubjects,
        ctx,
        scope,
        await searchAudit(reader, scope, query),
      );
    },
    audit: ({ query }, result) => ({
      action: "audit.search",
      organisationId: query.organisationId ?? null,
      personalData: true,
      details: { filter: query, rows: result.length },
    }),
  });

  // `?format=xlsx` gives the same table as an Excel workbook.
  route(app, deps, {
    method: "GET",
    url: "/api/audit/export.csv",
    summary: "Export the audit log as CSV",
    description: "The same filter as the search, as a CSV file; the export is itself audited.",
    produces: { file: "text/csv", description: "The audit events as CSV" },
    access: { permission: "audit.read" },
    schema: { tags: ["audit"], querystring: ExportQuerySchema },
    personalData: true,
    run: async ({ db, ctx, query: { format, ...query }, reply, record }) => {
      const scope = await scopeFor(ctx, query.organisationId);
      const reader = readDb ?? db;
      const found = await searchAudit(reader, scope, query, EXPORT_LIMIT);
      const rows = await presentPage(reader, auditSubjects, ctx, scope, found);
      // The export is recorded before it is sent.
      await record({
        action: "audit.export",
        organisationId: query.organisationId ?? null,
        personalData: true,
        details: { filter: query, rows: rows.length, format },
      });
      const locale = ctx.actor.locale;
      return tableDownload(reply, {
        table: auditExportTable(locale),
        rows,
        locale,
        format,
        basename: locale === "en" ? "paraply-audit-log" : "paraply-granskningslogg",
        sheet: locale === "en" ? "Audit log" : "Granskningslogg",
      });
    },
  });

  route(app, deps, {
    method: "GET",
    url: "/api/settings/security",
    summary: "Read the security settings",
    description: "System-wide settings such as which roles must use two-factor authentication.",
    access: { permission: "platform.manage" },
    schema: { tags: ["settings"], response: { 200: SecuritySettingsSchema } },
    run: ({ db }) => readSecuritySettings(db),
  });

  route(app, deps, {
    method: "PUT",
    url: "/api/settings/security",
    summary: "Change the security settings",
    access: { permission: "platform.manage" },
    schema: {
      tags: ["settings"],
      body: SecuritySettingsSchema,
      response: { 200: SecuritySettingsSchema },
    },
    authorize: { action: "settings.manage", target: () => null },
    run: ({ db, ctx, audit, body }) =>
      updateSecuritySettings(db, { ...audit, actorId: ctx.actor.userId }, body),
  });
}
