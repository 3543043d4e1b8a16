import { sql } from "drizzle-orm";
import Fastify, { type FastifyRequest } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { caseAccess, cases, children } from "../src/db/schema/support.ts";
import type { Role } from "../src/domain/platform/roles.ts";
import { IdParamsSchema } from "../src/domain/platform/schemas.ts";
import type { CaseRole } from "../src/domain/support/access.ts";
import type { Actor } from "../src/server/plugins/actor.ts";
import { registerErrorHandling } from "../src/server/plugins/errors.ts";
import { route } from "../src/server/plugins/route.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUser } from "./helpers/factories.ts";
import { callProcess } from "./helpers/process.ts";
import { buildAssessment, buildInterview, buildRespondent } from "./helpers/readiness.ts";
import { buildSupportCase, grantAs } from "./helpers/support.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const openApiKey = (method: string, url: string) =>
  `${method} ${url.replace(/:([A-Za-z]+)/g, "{$1}")}`;

interface Happy {
  url: string;
  headers: Record<string, string>;
  actorId: string;
}

async function caller(role: Role, organisationId: string | null) {
  const { user, headers } = await actorWith(t, role, organisationId);
  return { headers, actorId: user.id };
}

/**
 * For every route that declares it reads personal data, a call that succeeds. A personal-data
 * route added without an entry here fails the first test below.
 */
const HAPPY: Record<string, () => Promise<Happy>> = {
  "GET /api/users": async () => ({ url: "/api/users", ...(await caller("system_admin", null)) }),
  "GET /api/users/{id}": async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { organisationId: municipality.id });
    return { url: `/api/users/${user.id}`, ...(await caller("org_admin", municipality.id)) };
  },
  "GET /api/audit": async () => ({ url: "/api/audit", ...(await caller("system_admin", null)) }),
  "GET /api/audit/export.csv": async () => ({
    url: "/api/audit/export.csv",
    ...(await caller("system_admin", null)),
  }),
  "GET /api/readiness/assessments/{id}/team-candidates": async () => {
    const municipality = await buildMunicipality(t.db);
    const lead = await caller("coordinator", municipality.id);
    const assessment = await buildAssessment(t.db, {
      organisationId: municipality.id,
      team: [{ userId: lead.actorId, roles: ["lead"] }],
    });
    return { url: `/api/readiness/assessments/${assessment.id}/team-candidates`, ...lead };
  },
  "GET /api/process/processes/{id}/responsible-candidates": async () => {
    const municipality = await buildMunicipality(t.db);
    const coordinator = await caller("coordinator", municipality.id);
    const started = await callProcess(t, "POST", "/processes", coordinator.headers, {
      organisationId: municipality.id,
      startedOn: "2026-01-05",
      vision: "Alla barn och unga växer upp trygga",
    });
    expect(started.statusCode, started.body).toBe(201);
    const { id } = started.json() as { id: string };
    return { url: `/api/process/processes/${id}/responsible-candidates`, ...coordinator };
  },
  "GET /api/readiness/assessments/{id}/interviews/{interviewId}": async () => {
    const municipality = await buildMunicipality(t.db);
    const interviewer = await caller("coordinator", municipality.id);
    const assessment = await buildAssessment(t.db, {
      organisationId: municipality.id,
      team: [{ userId: interviewer.actorId, roles: ["interviewer"] }],
    });
    await buildRespondent(t.db, assessment.id);
    const interview = await buildInterview(t.db, assessment.id);
    return {
      url: `/api/readiness/assessments/${assessment.id}/interviews/${interview.id}`,
      ...interviewer,
    };
  },
  "GET /api/support/cases": async () => ({
    url: "/api/support/cases",
    ...(await caller("practitioner", (await buildMunicipality(t.db)).id)),
  }),
  "GET /api/support/cases/search": async () => {
    const { who, supportCase } = await onSupportCase("team_member");
    return {
      url: `/api/support/cases/search?personalNumber=${supportCase.personalNumber}`,
      ...who,
    };
  },
  "GET /api/support/cases/{id}": async () => {
    const { who, supportCase } = await onSupportCase("team_member");
    return { url: `/api/support/cases/${supportCase.id}`, ...who };
  },
  "GET /api/support/cases/{id}/contacts": async () => {
    const { who, supportCase } = await onSupportCase("discoverer");
    return { url: `/api/support/cases/${supportCase.id}/contacts`, ...who };
  },
  "GET /api/support/cases/{id}/access-log": async () => {
    const { who, supportCase } = await onSupportCase("support_coordinator");
    return { url: `/api/support/cases/${supportCase.id}/access-log`, ...who };
  },
  "GET /api/support/emergency-access": async () => ({
    url: "/api/support/emergency-access",
    ...(await caller("org_admin", (await buildMunicipality(t.db)).id)),
  }),
  "GET /api/support/access-review": async () => ({
    url: "/api/support/access-review",
    ...(await caller("org_admin", (await buildMunicipality(t.db)).id)),
  }),
  "GET /api/support/retention/dry-run": async () => ({
    url: "/api/support/retention/dry-run",
    ...(await caller("org_admin", (await buildMunicipality(t.db)).id)),
  }),
  "GET /api/support/notifications": async () => ({
    url: "/api/support/notifications",
    ...(await caller("practitioner", (await buildMunicipality(t.db)).id)),
  }),
  "GET /api/support/cases/{id}/assessments": async () =>
    supportCaseRead("child_contact", "/assessments"),
  "GET /api/support/cases/{id}/measures": async () => supportCaseRead("team_member", "/measures"),
  "GET /api/support/cases/{id}/teams": async () => supportCaseRead("discoverer", "/teams"),
  "GET /api/support/cases/{id}/role-candidates": async () =>
    supportCaseRead("child_contact", "/role-candidates"),
  "GET /api/support/cases/{id}/sips": async () => supportCaseRead("team_member", "/sips"),
  "GET /api/support/cases/{id}/sips/{sipId}/report.pdf": async () => {
    const { who, supportCase } = await onSupportCase("child_contact");
    const sip = await t.owner.pool.query<{ id: string }>(
      "INSERT INTO support.sips (case_id, created_by) VALUES ($1, $2) RETURNING id",
      [supportCase.id, who.actorId],
    );
    return {
      url: `/api/support/cases/${supportCase.id}/sips/${sip.rows[0]!.id}/report.pdf`,
      ...who,
    };
  },
  "GET /api/support/cases/{id}/concern-reports": async () =>
    supportCaseRead("discoverer", "/concern-reports"),
  "GET /api/support/cases/{id}/disclosures": async () =>
    supportCaseRead("child_contact", "/disclosures"),
  "GET /api/support/cases/{id}/chronology": async () =>
    supportCaseRead("child_contact", "/chronology"),
  "GET /api/support/concern-reports": async () => ({
    url: "/api/support/concern-reports",
    ...(await caller("practitioner", (await buildMunicipality(t.db)).id)),
  }),
  "GET /api/support/intake/concern-reports": async () => ({
    url: "/api/support/intake/concern-reports",
    ...(await caller("practitioner", (await buildMunicipality(t.db)).id)),
  }),
  "GET /api/support/concern-reports/{reportId}": async () => {
    const municipality = await buildMunicipality(t.db);
    const who = await caller("practitioner", municipality.id);
    const report = await t.owner.pool.query<{ id: string }>(
      `INSERT INTO support.concern_reports (municipality_id, intake_unit_id, reporter_id, reporter_role,
         reporter_organisation, observation, child_told, guardians_told)
       VALUES ($1, $1, $2, 'school', 'Skolan', 'Oro', true, true) RETURNING id`,
      [municipality.id, who.actorId],
    );
    return { url: `/api/support/concern-reports/${report.rows[0]!.id}`, ...who };
  },
};

/** A read of one part of a fresh case by a practitioner in a role that holds it. */
async function supportCaseRead(role: CaseRole, tail: string) {
  const { who, supportCase } = await onSupportCase(role);
  return { url: `/api/support/cases/${supportCase.id}${tail}`, ...who };
}

/** A practitioner with a live role on a fresh case. */
async function onSupportCase(role: CaseRole) {
  const municipality = await buildMunicipality(t.db);
  const who = await caller("practitioner", municipality.id);
  const supportCase = await buildSupportCase(t, municipality.id);
  await grantAs(t, supportCase.id, who.actorId, { role });
  return { who, supportCase };
}

describe("reads of personal data", () => {
  const declared = () =>
    t.app.moduleRoutes.filter((r) => r.personalData).map((r) => openApiKey(r.method, r.url));

  it("has a successful call here for every route that declares personal data, and only those", () => {
    expect(declared().length).toBeGreaterThanOrEqual(6);
    expect(declared().sort()).toEqual(Object.keys(HAPPY).sort());
  });

  it.each(Object.keys(HAPPY))("%s records exactly one personal-data row", async (key) => {
    const happy = await HAPPY[key]!();
    const res = await t.app.inject({ url: happy.url, headers: happy.headers });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.pool.query<{ action: string; outcome: string }>(
      `SELECT action, outcome FROM platform.audit_log
       WHERE actor_id = $1 AND personal_data ORDER BY seq`,
      [happy.actorId],
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.outcome).toBe("success");
  });
});

/**
 * A small app of its own carries a case route through the same helper, so that the transaction,
 * the acting user and the denied row are shown to be the helper's work, not the support routes'.
 */
describe("request transactions", () => {
  let mini: ReturnType<typeof Fastify>;
  const actors = new Map<string, Actor>();

  beforeAll(async () => {
    mini = Fastify();
    mini.setValidatorCompiler(validatorCompiler);
    mini.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(mini);
    mini.addHook("onRequest", async (request: FastifyRequest) => {
      const actor = actors.get(String(request.headers["x-test-actor"]));
      if (actor) request.actor = actor;
    });
    route(
      mini,
      { db: t.db },
      {
        method: "GET",
        url: "/test/cases/:id",
        summary: "Read a case (test route)",
        access: "session",
        schema: { params: IdParamsSchema, response: { 200: z.object({ actor: z.string() }) } },
        authorize: {
          action: "case.read",
          target: ({ params }) => ({ caseId: params.id, scope: "summary" as const }),
        },
        run: async ({ db }) => {
          const res = await db.execute<{ actor: string }>(
            sql`SELECT current_setting('paraply.actor_id', true) AS actor`,
          );
          return { actor: res.rows[0]!.actor };
        },
        audit: ({ params }) => ({
          action: "case.read",
          subjectType: "case",
          subjectId: params.id,
          personalData: true,
        }),
      },
    );
    route(
      mini,
      { db: t.db },
      {
        method: "GET",
        url: "/test/community",
        summary: "Read community data (test route)",
        access: "session",
        schema: { response: { 200: z.object({ actor: z.string().nullable() }) } },
        run: async ({ db }) => {
          const res = await db.execute<{ actor: string | null }>(
            sql`SELECT nullif(current_setting('paraply.actor_id', true), '') AS actor`,
          );
          return { actor: res.rows[0]!.actor };
        },
      },
    );
    // Shows personal data when asked to; "lie" shows it while telling the helper it will not.
    route(
      mini,
      { db: t.db },
      {
        method: "GET",
        url: "/test/sometimes",
        summary: "Read personal data only sometimes (test route)",
        access: "session",
        schema: {
          querystring: z.object({ show: z.enum(["yes", "no", "lie"]) }),
          response: { 200: z.object({ actor: z.string().nullable() }) },
        },
        transactionWhen: async ({ query }) => query.show === "yes",
        run: async ({ db, query, record }) => {
          const res = await db.execute<{ actor: string | null }>(
            sql`SELECT nullif(current_setting('paraply.actor_id', true), '') AS actor`,
          );
          if (query.show !== "no") {
            await record({ action: "user.read", subjectType: "user", personalData: true });
          }
          return { actor: res.rows[0]!.actor };
        },
      },
    );
    await mini.ready();
  });
  afterAll(() => mini.close());

  async function practitioner() {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "practitioner", organisationId: municipality.id });
    actors.set(user.id, {
      userId: user.id,
      email: user.email,
      displayName: "Test",
      locale: "sv",
      sessionId: "test",
      authMethod: "password",
      mfaPending: false,
      totpEnabled: false,
      mfaEnrolmentRequired: false,
      grants: [{ id: "g", role: "practitioner", organisationId: municipality.id }],
    });
    // Support rows are written as the owner: row-level security lets the runtime role write none
    // without a live access record.
    const [child] = await t.owner.db
      .insert(children)
      .values({
        municipalityId: municipality.id,
        givenName: "Elsa",
        familyName: "Fiktiv",
        birthDate: "2015-04-01",
      })
      .returning();
    const [supportCase] = await t.owner.db
      .insert(cases)
      .values({ childId: child!.id, municipalityId: municipality.id })
      .returning();
    return { user, supportCase: supportCase! };
  }

  const rowsOf = async (actorId: string) =>
    (
      await t.pool.query<{ action: string; outcome: string; personal_data: boolean }>(
        "SELECT action, outcome, personal_data FROM platform.audit_log WHERE actor_id = $1",
        [actorId],
      )
    ).rows;

  it("answers a refused case read with 404 and still commits a denied row", async () => {
    const { user, supportCase } = await practitioner();
    const res = await mini.inject({
      url: `/test/cases/${supportCase.id}`,
      headers: { "x-test-actor": user.id },
    });
    expect(res.statusCode).toBe(404);
    expect(await rowsOf(user.id)).toEqual([
      { action: "case.read", outcome: "denied", personal_data: true },
    ]);
  });

  it("reads a granted case as the acting user, with its one audit row", async () => {
    const { user, supportCase } = await practitioner();
    await t.owner.db.insert(caseAccess).values({
      caseId: supportCase.id,
      userId: user.id,
      role: "child_contact",
      scopes: ["summary"],
      basis: "case_role",
    });
    const res = await mini.inject({
      url: `/test/cases/${supportCase.id}`,
      headers: { "x-test-actor": user.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ actor: user.id });
    expect(await rowsOf(user.id)).toEqual([
      { action: "case.read", outcome: "success", personal_data: true },
    ]);
  });

  it("starts a read again in a transaction when it will show personal data, and only then", async () => {
    const { user } = await practitioner();
    const call = (show: string) =>
      mini.inject({ url: `/test/sometimes?show=${show}`, headers: { "x-test-actor": user.id } });
    const plain = await call("no");
    expect(plain.json()).toEqual({ actor: null });
    expect(await rowsOf(user.id)).toEqual([]);
    const shown = await call("yes");
    expect(shown.json()).toEqual({ actor: user.id });
    expect(await rowsOf(user.id)).toEqual([
      { action: "user.read", outcome: "success", personal_data: true },
    ]);
    // A route whose question answers wrongly fails rather than read personal data unrecorded.
    expect((await call("lie")).statusCode).toBe(500);
    expect(await rowsOf(user.id)).toHaveLength(1);
  });

  it("leaves a read without personal data outside a transaction, with no acting user", async () => {
    const { user } = await practitioner();
    for (let i = 0; i < 5; i++) {
      const res = await mini.inject({
        url: "/test/community",
        headers: { "x-test-actor": user.id },
      });
      expect(res.json()).toEqual({ actor: null });
    }
  });
});
