import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/database.ts";
import type { CaseScope } from "../../domain/support/access.ts";
import {
  CaseClosedSchema,
  CaseCloseSchema,
  CaseCreatedSchema,
  CaseCreateSchema,
  CaseDetailSchema,
  CaseIdentifiedSchema,
  CaseIdentifySchema,
  CaseIdParamsSchema,
  CaseListSchema,
  CaseSearchQuerySchema,
} from "../../domain/support/schemas.ts";
import type { ModuleDeps } from "../module.ts";
import { ForbiddenError, NotFoundError } from "../plugins/errors.ts";
import type { RouteCall } from "../plugins/route.ts";
import { route } from "../plugins/route.ts";
import { type CaseAccessGrant, caseAccessOf, recordFor } from "./case-access.ts";
import { closeCase } from "./commands/close-case.ts";
import { identifyChild } from "./commands/identify-child.ts";
import { openCase } from "./commands/open-case.ts";
import { presentCaseDetail, presentCaseListItem } from "./presenters.ts";
import { type CaseRow, caseById, caseMembers, consentsOf, listLiveCases } from "./queries.ts";

export const tags = ["support"];
export const PREFIX = "/api/support";

/** The case behind an authorized request, read as the acting user (row-level security). */
export async function authorizedCase(
  call: Pick<RouteCall<unknown, unknown>, "db" | "ctx">,
  caseId: string,
): Promise<{ row: CaseRow; grant: CaseAccessGrant }> {
  const [row, grant] = await Promise.all([
    caseById(call.db, caseId),
    caseAccessOf(call.ctx, caseId),
  ]);
  // The policy has let the caller in, so the policies of the database must too.
  if (!row) throw new NotFoundError();
  return { row, grant };
}

/** The audit row of a read of one case: the part read and the access record it rests on. */
export function caseReadEntry(
  row: CaseRow,
  grant: CaseAccessGrant,
  action: "case.read" | "case.access_log",
  scope?: CaseScope,
  part?: string,
) {
  const basis = recordFor(grant, scope)!;
  return {
    action,
    subjectType: "support_case",
    subjectId: row.id,
    organisationId: row.municipalityId,
    personalData: true,
    details: {
      accessId: basis.id,
      role: basis.role,
      basis: basis.basis,
      // For log review: whether the reader works in the case's unit.
      ...(row.organisationId ? { unitId: row.organisationId } : {}),
      ...(scope ? { scope } : {}),
      ...(part ? { part } : {}),
    },
  } as const;
}

export function registerCaseRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases`,
    summary: "Record a concern about a child",
    description:
      "Discover: opens a case about a child identified by personnummer or samordningsnummer, or a consultation without identity, with the caller as discoverer.",
    access: { permission: "support.work" },
    status: 201,
    transaction: true,
    schema: { tags, body: CaseCreateSchema, response: { 201: CaseCreatedSchema } },
    run: async ({ db, ctx, audit, body }) => {
      // Only a role held in the unit itself: the platform administrator opens no case.
      const places = await ctx.subtree("support.work");
      if (places === null || !places.has(body.organisationId)) {
        throw new ForbiddenError("Du kan bara registrera en oro i en enhet där du arbetar.");
      }
      const created = await openCase(db as Tx, audit, ctx.actor.userId, body);
      return { id: created.id };
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases`,
    summary: "My cases",
    description: "Every open case the caller has live access to, by the one live-access rule.",
    access: "session",
    personalData: true,
    schema: { tags, response: { 200: CaseListSchema } },
    run: async ({ db, ctx }) => {
      const rows = await listLiveCases(db, ctx.actor.userId);
      return { items: rows.map(presentCaseListItem) };
    },
    audit: (_call, result) => ({
      action: "case.list",
      personalData: true,
      details: { caseIds: result.items.map((i) => i.id) },
    }),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/search`,
    summary: "Find my cases about a child by number",
    description:
      "Only cases the caller has live access to; a child on nobody's case of theirs gives an empty list, exactly as an unknown number does.",
    access: "session",
    personalData: true,
    schema: { tags, querystring: CaseSearchQuerySchema, response: { 200: CaseListSchema } },
    run: async ({ db, ctx, query }) => {
      const rows = await listLiveCases(db, ctx.actor.userId, query.personalNumber);
      return { items: rows.map(presentCaseListItem) };
    },
    audit: (_call, result) => ({
      action: "case.search",
      personalData: true,
      details: { caseIds: result.items.map((i) => i.id) },
    }),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id`,
    summary: "A case, with the parts the caller may read",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: CaseDetailSchema } },
    authorize: { action: "case.read", target: ({ params }) => ({ caseId: params.id }) },
    run: async (call) => {
      const id = call.params.id;
      const grant = await caseAccessOf(call.ctx, id);
      // Side by side: in the request transaction (pg's pipeline mode) the three go out without
      // waiting for each other's answers, one round trip instead of three.
      const [row, members, consents] = await Promise.all([
        caseById(call.db, id),
        grant.scopes.has("summary") ? caseMembers(call.db, id) : null,
        grant.scopes.has("consents") ? consentsOf(call.db, id) : null,
      ]);
      if (!row) throw new NotFoundError();
      await call.record(caseReadEntry(row, grant, "case.read", undefined, "detail"));
      return presentCaseDetail(row, grant, { members, consents });
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/close`,
    summary: "Close a case",
    description: "With its outcome and reason; every access to the case ends.",
    access: "session",
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: CaseCloseSchema,
      response: { 200: CaseClosedSchema },
    },
    authorize: { action: "case.close", target: ({ params }) => ({ caseId: params.id }) },
    run: async (call) => {
      const { row } = await authorizedCase(call, call.params.id);
      const ended = await closeCase(
        call.db as Tx,
        call.audit,
        { caseId: row.id, municipalityId: row.municipalityId },
        call.body,
      );
      return { id: row.id, endedAccess: ended };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/identify`,
    summary: "Name the child of a consultation",
    description: "Once there is consent: the consultation becomes the named child's case.",
    access: "session",
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: CaseIdentifySchema,
      response: { 200: CaseIdentifiedSchema },
    },
    authorize: { action: "case.identify", target: ({ params }) => ({ caseId: params.id }) },
    run: async (call) => {
      const { row } = await authorizedCase(call, call.params.id);
      const childId = await identifyChild(
        call.db as Tx,
        call.audit,
        { caseId: row.id, municipalityId: row.municipalityId },
        call.body,
      );
      return { id: row.id, childId };
    },
  });
}
