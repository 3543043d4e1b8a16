import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit, recordStandaloneAudit } from "../../db/audit.ts";
import type { Db } from "../../db/database.ts";
import { settings } from "../../db/schema/platform.ts";
import {
  AuditEntrySchema,
  AuditQuerySchema,
  SecuritySettingsSchema,
} from "../../domain/platform/schemas.ts";
import { accessContextOf, authorize } from "../plugins/access.ts";
import { auditContextOf } from "../plugins/audit.ts";
import { searchAudit } from "./audit-queries.ts";
import { presentAuditEntry } from "./presenters.ts";
import { readSecuritySettings } from "./queries.ts";

const EXPORT_LIMIT = 100_000;

export function registerAuditRoutes(fastify: FastifyInstance, deps: { db: Db; readDb: Db }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, readDb } = deps;

  async function scopeFor(request: Parameters<typeof accessContextOf>[0], organisationId?: string) {
    const ctx = accessContextOf(request, db);
    if (organisationId) await authorize(ctx, "audit.read", { organisationId });
    return ctx.subtree("audit.read");
  }

  app.get(
    "/api/audit",
    {
      config: { access: { permission: "audit.read" } },
      schema: {
        tags: ["audit"],
        querystring: AuditQuerySchema,
        response: { 200: z.array(AuditEntrySchema) },
      },
    },
    async (request) => {
      const scope = await scopeFor(request, request.query.organisationId);
      return (await searchAudit(readDb, scope, request.query)).map(presentAuditEntry);
    },
  );

  app.get(
    "/api/audit/export.csv",
    {
      config: { access: { permission: "audit.read" } },
      schema: { tags: ["audit"], querystring: AuditQuerySchema },
    },
    async (request, reply) => {
      const scope = await scopeFor(request, request.query.organisationId);
      const rows = (await searchAudit(readDb, scope, request.query, EXPORT_LIMIT)).map(
        presentAuditEntry,
      );
      // The export is itself a read of the log and is recorded before it is sent.
      await recordStandaloneAudit(db, auditContextOf(request), {
        action: "audit.export",
        organisationId: request.query.organisationId ?? null,
        details: { filter: request.query, rows: rows.length },
      });
      const csv = stringify(
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
        {
          header: true,
          columns: [
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
        },
      );
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="paraply-audit.csv"')
        .send(`\uFEFF${csv}`);
    },
  );

  app.get(
    "/api/settings/security",
    {
      config: { access: { permission: "platform.manage" } },
      schema: { tags: ["settings"], response: { 200: SecuritySettingsSchema } },
    },
    async () => readSecuritySettings(db),
  );

  app.put(
    "/api/settings/security",
    {
      config: { access: { permission: "platform.manage" } },
      schema: {
        tags: ["settings"],
        body: SecuritySettingsSchema,
        response: { 200: SecuritySettingsSchema },
      },
    },
    async (request) => {
      await authorize(accessContextOf(request, db), "settings.manage", null);
      const value = { requireMfaForRoles: [...new Set(request.body.requireMfaForRoles)] };
      await db.transaction(async (tx) => {
        await tx
          .insert(settings)
          .values({ key: "security", value, updatedBy: request.actor!.userId })
          .onConflictDoUpdate({
            target: settings.key,
            set: { value, updatedAt: new Date(), updatedBy: request.actor!.userId },
          });
        await recordAudit(tx, auditContextOf(request), {
          action: "settings.security_update",
          details: value,
        });
      });
      return value;
    },
  );
}
