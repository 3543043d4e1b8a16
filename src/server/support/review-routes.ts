import type { FastifyInstance } from "fastify";
import { recordAudit } from "../../db/audit.ts";
import type { Tx } from "../../db/database.ts";
import type { AccessBasis } from "../../domain/support/access.ts";
import { unusualReads } from "../../domain/support/log-review.ts";
import {
  AccessReviewListSchema,
  AccessReviewQuerySchema,
  AccessReviewVerdictResultSchema,
  AuditIdParamsSchema,
  EmergencyVerdictSchema,
  RetentionDryRunSchema,
} from "../../domain/support/schemas.ts";
import { planRetention } from "../../jobs/support/retention.ts";
import type { ModuleDeps } from "../module.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { route } from "../plugins/route.ts";
import { PREFIX, tags } from "./case-routes.ts";
import { caseReadEvents, isCaseReadIn } from "./review-queries.ts";

const WEEK = 7 * 24 * 3_600_000;

/**
 * Log review for the person responsible: unusual reads of cases in their municipalities
 * (emergency access, outside one's units, many cases in a short time, after hours), and their
 * verdicts, recorded in the audit log itself.
 */
export function registerReviewRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/access-review`,
    summary: "Unusual reads of cases, for review",
    description:
      "Reads of cases in the reviewer's municipalities that are emergency access, outside the reader's units, one of many cases read in a short time, or after hours.",
    access: { permission: "support.review" },
    personalData: true,
    schema: {
      tags,
      querystring: AccessReviewQuerySchema,
      response: { 200: AccessReviewListSchema },
    },
    authorize: { action: "access_review.read", target: () => ({}) },
    run: async ({ db, ctx, query }) => {
      const places = await ctx.subtree("support.review");
      const to = query.to ? new Date(query.to) : new Date();
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - WEEK);
      const events = await caseReadEvents(db, places === null ? null : [...places], from, to);
      const flagged = unusualReads(events);
      const pending = query.pending === "true";
      return {
        items: events
          .filter((e) => flagged.has(e.id) && (!pending || e.verdict === null))
          .map((e) => ({
            auditId: e.id,
            occurredAt: e.occurredAt.toISOString(),
            actorId: e.actorId,
            actorLabel: e.actorLabel,
            caseId: e.caseId,
            basis: e.basis as AccessBasis | null,
            reasons: flagged.get(e.id)!,
            verdict: e.verdict,
            reviewedAt: e.reviewedAt?.toISOString() ?? null,
          })),
      };
    },
    audit: (_call, result) => ({
      action: "access_review.list",
      personalData: true,
      details: { count: result.items.length },
    }),
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/access-review/:auditId/verdict`,
    summary: "Record a verdict on a read",
    access: { permission: "support.review" },
    transaction: true,
    schema: {
      tags,
      params: AuditIdParamsSchema,
      body: EmergencyVerdictSchema,
      response: { 200: AccessReviewVerdictResultSchema },
    },
    authorize: { action: "access_review.read", target: () => ({}) },
    run: async ({ db, ctx, audit, params, body }) => {
      const places = await ctx.subtree("support.review");
      const read = await isCaseReadIn(db, params.auditId, places === null ? null : [...places]);
      if (!read) throw new NotFoundError("Läsningen hittades inte.");
      await recordAudit(db as Tx, audit, {
        action: "access_review.verdict",
        subjectType: "audit_log",
        subjectId: String(params.auditId),
        organisationId: read.organisationId,
        personalData: true,
        reason: body.note || null,
        details: { verdict: body.verdict, caseId: read.caseId },
      });
      return { auditId: params.auditId, verdict: body.verdict };
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/retention/dry-run`,
    summary: "What the next retention run would thin",
    description:
      "Closed cases and reports of concern in the reviewer's municipalities past their shortest retention, each with its record type and the decision of the scheduled job (support.retention): thinned, or kept and why.",
    access: { permission: "support.review" },
    personalData: true,
    schema: { tags, response: { 200: RetentionDryRunSchema } },
    authorize: { action: "access_review.read", target: () => ({}) },
    run: async ({ db, ctx }) => {
      const places = await ctx.subtree("support.review");
      const plan = await planRetention(db, places === null ? null : [...places]);
      return {
        items: plan.map((p) => ({
          recordType: p.recordType,
          recordId: p.recordId,
          lastEntryAt: p.lastEntryAt.toISOString(),
          dueAt: p.dueAt?.toISOString() ?? null,
          thin: p.thin,
          reason: p.reason,
          law: p.law,
        })),
      };
    },
    audit: (_call, result) => ({
      action: "retention.dry_run",
      personalData: true,
      details: { count: result.items.length },
    }),
  });
}
