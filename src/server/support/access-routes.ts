import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/database.ts";
import {
  AccessIdParamsSchema,
  AccessLogSchema,
  ActivateContactSchema,
  ActivatedContactSchema,
  CaseConsentParamsSchema,
  CaseIdParamsSchema,
  ChildContactListSchema,
  ConsentCreatedSchema,
  ConsentCreateSchema,
  ConsentWithdrawnSchema,
  ConsentWithdrawSchema,
  EmergencyAccessCreatedSchema,
  EmergencyAccessCreateSchema,
  EmergencyReviewListSchema,
  EmergencyReviewQuerySchema,
  EmergencyVerdictResultSchema,
  EmergencyVerdictSchema,
  NotificationListSchema,
} from "../../domain/support/schemas.ts";
import type { ModuleDeps } from "../module.ts";
import { route } from "../plugins/route.ts";
import { forgetCaseAccess } from "./case-access.ts";
import { authorizedCase, caseReadEntry, PREFIX, tags } from "./case-routes.ts";
import { activateChildContact } from "./commands/activate-contact.ts";
import { recordConsent } from "./commands/record-consent.ts";
import { reviewEmergencyAccess } from "./commands/review-emergency-access.ts";
import { takeEmergencyAccess } from "./commands/take-emergency-access.ts";
import { withdrawConsent } from "./commands/withdraw-consent.ts";
import {
  caseAccessLog,
  childContactsOf,
  notificationsOf,
  openCaseMunicipality,
} from "./queries.ts";
import { emergencyAccessIn } from "./review-queries.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Who else is on a case, and how they got there: contacts, consent, emergency access, the log. */
export function registerAccessRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const publicUrl = deps.mailer && deps.config.mail ? deps.config.mail.publicUrl : null;

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/contacts`,
    summary: "The child's existing contacts",
    description: "Those the child contact can be chosen among (principal, BVC nurse, …).",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: ChildContactListSchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "summary" }),
    },
    run: async (call) => {
      const { row, grant } = await authorizedCase(call, call.params.id);
      const contacts = await childContactsOf(call.db, row.id);
      await call.record(caseReadEntry(row, grant, "case.read", "summary", "contacts"));
      return {
        items: contacts.map((c) => ({
          id: c.id,
          displayName: c.displayName,
          title: c.title,
          organisationName: c.organisationName,
          active: c.active,
        })),
      };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/child-contact`,
    summary: "Activate the child contact",
    description:
      "Gives one of the child's existing contacts the child-contact role; they are notified in the app and, when e-mail is configured, by a notice without case content.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: ActivateContactSchema,
      response: { 201: ActivatedContactSchema },
    },
    authorize: {
      action: "case.activate_contact",
      target: ({ params }) => ({ caseId: params.id }),
    },
    run: async (call) => {
      const { row } = await authorizedCase(call, call.params.id);
      const done = await activateChildContact(
        call.db as Tx,
        call.audit,
        { caseId: row.id, municipalityId: row.municipalityId, contactId: call.body.contactId },
        publicUrl,
      );
      const { mail } = done;
      if (mail && deps.mailer) {
        const mailer = deps.mailer;
        // Sent once the answer is out, so after the commit: a rolled-back activation sends none.
        call.reply.then(
          () =>
            mailer.send(mail).catch((error: unknown) => {
              call.request.log.error({ err: error }, "child-contact notice could not be sent");
            }),
          () => {},
        );
      }
      return { accessId: done.accessId, emailed: mail !== null };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/consents`,
    summary: "Record a consent",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: ConsentCreateSchema,
      response: { 201: ConsentCreatedSchema },
    },
    authorize: { action: "consent.record", target: ({ params }) => ({ caseId: params.id }) },
    run: async (call) => {
      const { row } = await authorizedCase(call, call.params.id);
      const id = await recordConsent(
        call.db as Tx,
        call.audit,
        { caseId: row.id, municipalityId: row.municipalityId },
        call.body,
      );
      return { id };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/consents/:consentId/withdraw`,
    summary: "Withdraw a consent",
    description: "Takes effect at once: every access resting on the consent ends.",
    access: "session",
    schema: {
      tags,
      params: CaseConsentParamsSchema,
      body: ConsentWithdrawSchema,
      response: { 200: ConsentWithdrawnSchema },
    },
    authorize: { action: "consent.withdraw", target: ({ params }) => ({ caseId: params.id }) },
    run: async (call) => {
      const { row } = await authorizedCase(call, call.params.id);
      const ended = await withdrawConsent(
        call.db as Tx,
        call.audit,
        { caseId: row.id, municipalityId: row.municipalityId, consentId: call.params.consentId },
        call.body.note,
      );
      forgetCaseAccess(call.ctx, row.id);
      return { id: call.params.consentId, endedAccess: ended };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/emergency-access`,
    summary: "Take emergency access to a case",
    description:
      "For staff of the case's municipality in an emergency: a reason and an end time within 24 hours are required, and the access is listed for review.",
    access: { permission: "support.work" },
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: EmergencyAccessCreateSchema,
      response: { 201: EmergencyAccessCreatedSchema },
    },
    authorize: { action: "case.emergency", target: ({ params }) => ({ caseId: params.id }) },
    run: async (call) => {
      const municipalityId = (await openCaseMunicipality(call.db, call.params.id))!;
      const validUntil = new Date(call.body.validUntil);
      const accessId = await takeEmergencyAccess(call.db as Tx, call.audit, {
        caseId: call.params.id,
        municipalityId,
        userId: call.ctx.actor.userId,
        reason: call.body.reason,
        validUntil,
      });
      return { accessId, validUntil: validUntil.toISOString() };
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/emergency-access`,
    summary: "Emergency access for review",
    description:
      "Who took emergency access to which case, why and until when, in the reviewer's municipalities; never the case's content.",
    access: { permission: "support.review" },
    personalData: true,
    schema: {
      tags,
      querystring: EmergencyReviewQuerySchema,
      response: { 200: EmergencyReviewListSchema },
    },
    authorize: { action: "emergency.review", target: () => ({}) },
    run: async ({ db, ctx, query }) => {
      const places = await ctx.subtree("support.review");
      const rows = await emergencyAccessIn(db, places === null ? null : [...places]);
      const pending = query.pending === "true";
      return {
        items: rows
          .filter((r) => !pending || r.verdict === null)
          .map((r) => ({
            accessId: r.accessId,
            caseId: r.caseId,
            userId: r.userId,
            displayName: r.displayName,
            reason: r.reason,
            validFrom: r.validFrom.toISOString(),
            validUntil: iso(r.validUntil),
            reviewedAt: iso(r.reviewedAt),
            verdict: r.verdict,
          })),
      };
    },
    audit: (_call, result) => ({
      action: "emergency.list",
      personalData: true,
      details: { count: result.items.length },
    }),
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/emergency-access/:accessId/review`,
    summary: "Record a verdict on an emergency access",
    access: { permission: "support.review" },
    transaction: true,
    schema: {
      tags,
      params: AccessIdParamsSchema,
      body: EmergencyVerdictSchema,
      response: { 200: EmergencyVerdictResultSchema },
    },
    authorize: { action: "emergency.review", target: () => ({}) },
    run: async ({ db, ctx, audit, params, body }) => {
      const places = await ctx.subtree("support.review");
      await reviewEmergencyAccess(db as Tx, audit, {
        accessId: params.accessId,
        municipalityIds: places === null ? null : [...places],
        verdict: body.verdict,
        note: body.note,
      });
      return { accessId: params.accessId, verdict: body.verdict };
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/access-log`,
    summary: "Who read or changed the case",
    description: "Each entry with the role, basis and access record it rested on.",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: AccessLogSchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "access_log" }),
    },
    run: async (call) => {
      const { row, grant } = await authorizedCase(call, call.params.id);
      const items = await caseAccessLog(call.db, row.id);
      await call.record(caseReadEntry(row, grant, "case.access_log", "access_log"));
      return {
        items: items.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString() })),
      };
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/notifications`,
    summary: "My support notices",
    description: "Notices name a case, never its content.",
    access: "session",
    personalData: true,
    schema: { tags, response: { 200: NotificationListSchema } },
    run: async ({ db, ctx }) => {
      const rows = await notificationsOf(db, ctx.actor.userId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          caseId: r.caseId,
          kind: r.kind,
          createdAt: r.createdAt.toISOString(),
          readAt: iso(r.readAt),
        })),
      };
    },
    audit: (_call, result) => ({
      action: "notification.list",
      personalData: true,
      details: { count: result.items.length },
    }),
  });
}
