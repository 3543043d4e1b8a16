import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import {
  AuditEntrySchema,
  AuditQuerySchema,
  SecuritySettingsSchema,
} from "../../domain/platform/schemas.ts";
import { type AccessContext, authorize } from "../plugins/access.ts";
import { csvDownload } from "../plugins/csv.ts";
import { route } from "../plugins/route.ts";
import { searchAudit } from "./audit-queries.ts";
import { updateSecuritySettings } from "./commands/update-security-settings.ts";
import { presentAuditEntry } from "./presenters.ts";
import { readSecuritySettings } from "./queries.ts";

const EXPORT_LIMIT = 100_000;

/** The organisations whose log the caller may read; naming one outside them is refused (403). */
async function scopeFor(ctx: AccessContext, organisationId?: string) {
  if (organisationId) await authorize(ctx, "audit.read", { organisationId });
  return ctx.subtree("audit.read");
}

/**
 * The log names people and what they did: every search and export is itself a personal-data read
 * and recorded. The rows come from the read replica when there is one; access is decided and the
 * read recorded in a transaction on the primary.
 */
export function registerAuditRoutes(app: FastifyInstance, deps: { db: Db; readDb: Db }): void {
  const { readDb } = deps;

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
    run: async ({ ctx, query }) => {
      const scope = await scopeFor(ctx, query.organisationId);
      return (await searchAudit(readDb, scope, query)).map(presentAuditEntry);
    },
    audit: ({ query }, result) => ({
      action: "audit.search",
      organisationId: query.organisationId ?? null,
      personalData: true,
      details: { filter: query, rows: result.length },
    }),
  });

  route(app, deps, {
    method: "GET",
    url: "/api/audit/export.csv",
    summary: "Export the audit log as CSV",
    description: "The same filter as the search, as a CSV file; the export is itself audited.",
    produces: { file: "text/csv", description: "The audit events as CSV" },
    access: { permission: "audit.read" },
    schema: { tags: ["audit"], querystring: AuditQuerySchema },
    personalData: true,
    run: async ({ ctx, query, reply, record }) => {
      const scope = await scopeFor(ctx, query.organisationId);
      const rows = (await searchAudit(readDb, scope, query, EXPORT_LIMIT)).map(presentAuditEntry);
      // The export is recorded before it is sent.
      await record({
        action: "audit.export",
        organisationId: query.organisationId ?? null,
        personalData: true,
        details: { filter: query, rows: rows.length },
      });
      return csvDownload(
        reply,
        "paraply-audit.csv",
        [
          "seq",
          "occurred_at",
          "actor",
          "actor_id",
          "action",
          "outcome",
          "subject_type",
          "subject_id",
          "organisation_id",
          "personal_data",
          "reason",
          "ip",
          "details",
        ],
        rows.map((r) => [
          r.seq,
          r.occurredAt,
          r.actorLabel,
          r.actorId ?? "",
          r.action,
          r.outcome,
          r.subjectType ?? "",
          r.subjectId ?? "",
          r.organisationId ?? "",
          r.personalData,
          r.reason ?? "",
          r.ip ?? "",
          JSON.stringify(r.details),
        ]),
      );
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
