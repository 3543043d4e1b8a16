import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/database.ts";
import { CASE_SCOPES } from "../../domain/support/access.ts";
import { LEGAL_DUTIES } from "../../domain/support/disclosures.ts";
import {
  ChronologyEntryCreateBodySchema,
  ChronologySchema,
  CreatedSchema,
  DisclosureCreateBodySchema,
  DisclosureListSchema,
} from "../../domain/support/records-schemas.ts";
import { CaseIdParamsSchema } from "../../domain/support/schemas.ts";
import type { ModuleDeps } from "../module.ts";
import { route } from "../plugins/route.ts";
import { PREFIX, tags } from "./case-routes.ts";
import { addChronologyEntry } from "./commands/add-chronology-entry.ts";
import { recordDisclosure } from "./commands/record-disclosure.ts";
import { recordCase, recordsReadEntry } from "./records-context.ts";
import { presentChronologyEvent, presentDisclosure } from "./records-presenters.ts";
import { chronologyOf, disclosuresOf } from "./records-queries.ts";

const duties = () =>
  LEGAL_DUTIES.map((d) => ({ key: d.key, sv: d.sv, en: d.en, reference: d.reference }));

/** Disclosures with their legal basis (the family sees each one) and the chronology. */
export function registerLogRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/disclosures`,
    summary: "Disclosures from a case",
    description:
      "Every sharing across a secrecy boundary with its legal basis, and the named legal duties one may rest on.",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: DisclosureListSchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "consents" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "consents");
      const rows = await disclosuresOf(call.db, c.caseId);
      await call.record(recordsReadEntry(c, "support.disclosure.list", "consents"));
      return { disclosures: rows.map(presentDisclosure), legalDuties: duties() };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/disclosures`,
    summary: "Record a disclosure",
    description:
      "What was shared, with whom, why, and on what basis: a consent of the case or a named legal duty or exception. Without consent it is flagged for log review.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: DisclosureCreateBodySchema,
      response: { 201: CreatedSchema },
    },
    authorize: {
      action: "support.records.write",
      target: ({ params }) => ({ caseId: params.id, scope: "summary", part: "disclosure" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "summary");
      return { id: await recordDisclosure(call.db as Tx, call.audit, c, call.body) };
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/cases/:id/chronology`,
    summary: "The chronology of a case",
    description:
      "Events from the records and entries by staff, newest first; each only in the reader's parts.",
    access: "session",
    personalData: true,
    schema: { tags, params: CaseIdParamsSchema, response: { 200: ChronologySchema } },
    authorize: {
      action: "case.read",
      target: ({ params }) => ({ caseId: params.id, scope: "chronology" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, "chronology");
      const scopes = CASE_SCOPES.filter((s) => c.grant.scopes.has(s));
      const rows = await chronologyOf(call.db, c.caseId, scopes);
      await call.record(recordsReadEntry(c, "support.chronology.read", "chronology"));
      return { events: rows.map(presentChronologyEvent) };
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/cases/:id/chronology`,
    summary: "Add an entry to the chronology",
    description: "In a part of the record the caller holds; readers need that part to see it.",
    access: "session",
    status: 201,
    schema: {
      tags,
      params: CaseIdParamsSchema,
      body: ChronologyEntryCreateBodySchema,
      response: { 201: CreatedSchema },
    },
    authorize: {
      action: "support.records.write",
      target: ({ params, body }) => ({ caseId: params.id, scope: body.scope, part: "chronology" }),
    },
    run: async (call) => {
      const c = await recordCase(call, call.params.id, call.body.scope);
      return { id: await addChronologyEntry(call.db as Tx, call.audit, c, call.body) };
    },
  });
}
