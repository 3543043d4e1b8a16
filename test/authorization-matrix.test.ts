import { randomBytes, randomUUID } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../src/domain/platform/roles.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import {
  actorWith,
  buildArea,
  buildMunicipality,
  buildUser,
  TEST_PASSWORD,
} from "./helpers/factories.ts";
import { buildAssessment, buildInterview, buildRespondent } from "./helpers/readiness.ts";

/**
 * For every route in the OpenAPI document and every caller, the status the app answers. A cell
 * is either one status (target in a foreign municipality, or no target) or `{ own, foreign }`
 * when the answer depends on whether the target lies in the caller's own municipality.
 * A route in the document without a row here fails, and so does a row without a route.
 */
type Caller = "anonymous" | Role;
type Cell = number | { own: number; foreign: number };
type Row = Record<Caller, Cell>;

const all = (status: number, anonymous = 401): Row => ({
  anonymous,
  system_admin: status,
  org_admin: status,
  coordinator: status,
  analyst: status,
  practitioner: status,
  reader: status,
});
const scoped = (own: number, foreign: number) => ({ own, foreign });

/** Read along the lineage: the caller's own municipality yes, a foreign one 403. */
const readable: Row = {
  anonymous: 401,
  system_admin: 200,
  org_admin: scoped(200, 403),
  coordinator: scoped(200, 403),
  analyst: scoped(200, 403),
  practitioner: scoped(200, 403),
  reader: scoped(200, 403),
};

/** Changed by the organisation's administrators: their own municipality yes, a foreign one 403. */
const managed = (status: number): Row => ({
  ...all(403),
  system_admin: status,
  org_admin: scoped(status, 403),
});

const MATRIX: Record<string, Row> = {
  "GET /healthz": all(200, 200),
  "GET /readyz": all(200, 200),
  "GET /api/auth/providers": all(200, 200),
  "GET /api/help": all(200, 200),
  // Without SMTP the request is accepted alike and nothing is sent; any token is unknown.
  "GET /api/auth/password-reset/config": all(200, 200),
  "POST /api/auth/password-reset": all(202, 202),
  "POST /api/auth/password-reset/confirm": all(400, 400),
  "POST /api/auth/login": all(200, 200),
  // Signed in already, so the second factor is not pending: the route is reached and says so.
  "POST /api/auth/mfa": all(409),
  "POST /api/auth/logout": all(200),
  "GET /api/auth/me": all(200),
  "PATCH /api/auth/me": all(200),
  "POST /api/auth/password": all(200),
  "GET /api/auth/sessions": all(200),
  // Every caller's own sessions only: another person's is not found.
  "DELETE /api/auth/sessions/{id}": all(404),
  "POST /api/auth/sessions/revoke-others": all(200),
  "POST /api/auth/totp/setup": all(200),
  "POST /api/auth/totp/enable": all(200),
  // Reached, but the caller has no TOTP to turn off.
  "POST /api/auth/totp/disable": all(409),
  // OIDC is not configured in this app.
  "GET /api/auth/oidc/login": all(404, 404),
  "GET /api/auth/oidc/callback": all(404, 404),
  "GET /api/municipality-refs": all(200),
  "GET /api/organisations": all(200),
  "GET /api/organisations/{id}": readable,
  "POST /api/organisations": {
    ...all(403),
    system_admin: 201,
    org_admin: scoped(201, 403),
  },
  "PATCH /api/organisations/{id}": {
    ...all(403),
    system_admin: 200,
    org_admin: scoped(200, 403),
  },
  // Area group sets: read like their municipality, changed by whoever manages it.
  "GET /api/organisations/{id}/area-group-sets": readable,
  "POST /api/organisations/{id}/area-group-sets": managed(201),
  "PATCH /api/area-group-sets/{id}": managed(200),
  "DELETE /api/area-group-sets/{id}": managed(200),
  "POST /api/area-group-sets/{id}/groups": managed(201),
  "PATCH /api/area-groups/{id}": managed(200),
  "DELETE /api/area-groups/{id}": managed(200),
  "PUT /api/area-groups/{id}/members": managed(200),
  "GET /api/users": { ...all(403), system_admin: 200, org_admin: 200, coordinator: 200 },
  "POST /api/users": { ...all(403), system_admin: 201, org_admin: scoped(201, 403) },
  "GET /api/users/{id}": {
    ...all(403),
    system_admin: 200,
    org_admin: scoped(200, 404),
    coordinator: scoped(200, 404),
  },
  "PATCH /api/users/{id}": { ...all(403), system_admin: 200, org_admin: scoped(200, 404) },
  "POST /api/users/{id}/reset-password": {
    ...all(403),
    system_admin: 200,
    org_admin: scoped(200, 404),
  },
  "POST /api/users/{id}/revoke-sessions": {
    ...all(403),
    system_admin: 200,
    org_admin: scoped(200, 404),
  },
  "POST /api/users/{id}/reset-totp": {
    ...all(403),
    system_admin: 200,
    org_admin: scoped(200, 404),
  },
  "POST /api/users/{id}/grants": { ...all(403), system_admin: 201, org_admin: scoped(201, 404) },
  "DELETE /api/users/{id}/grants/{grantId}": {
    ...all(403),
    system_admin: 200,
    org_admin: scoped(200, 404),
  },
  "GET /api/audit": { ...all(403), system_admin: 200, org_admin: scoped(200, 403) },
  "GET /api/audit/export.csv": { ...all(403), system_admin: 200, org_admin: scoped(200, 403) },
  "GET /api/settings/security": { ...all(403), system_admin: 200 },
  // The body sets the default (no roles), so running this leaves the shared database as it was.
  "PUT /api/settings/security": { ...all(403), system_admin: 200 },
  // Readiness: results are community data along the lineage; the work belongs to the team,
  // which no organisation role replaces (the fixture's team is someone else).
  "GET /api/readiness/guides": all(200),
  "POST /api/readiness/guides": { ...all(403), system_admin: 201, coordinator: scoped(201, 403) },
  "GET /api/readiness/assessments": all(200),
  "POST /api/readiness/assessments": {
    ...all(403),
    system_admin: 201,
    coordinator: scoped(201, 403),
  },
  "GET /api/readiness/assessments/{id}": readable,
  "PATCH /api/readiness/assessments/{id}": all(403),
  "PUT /api/readiness/assessments/{id}/team": all(403),
  "GET /api/readiness/assessments/{id}/team-candidates": all(403),
  "POST /api/readiness/assessments/{id}/respondents": all(403),
  "PATCH /api/readiness/assessments/{id}/respondents/{respondentId}": all(403),
  "POST /api/readiness/assessments/{id}/interviews": all(403),
  "GET /api/readiness/assessments/{id}/interviews/{interviewId}": {
    ...all(403),
    system_admin: 200,
  },
  "PUT /api/readiness/assessments/{id}/interviews/{interviewId}": all(403),
  "GET /api/readiness/assessments/{id}/interviews/{interviewId}/scores": all(403),
  "PUT /api/readiness/assessments/{id}/interviews/{interviewId}/scores": all(403),
  "POST /api/readiness/assessments/{id}/interviews/{interviewId}/scores/submit": all(403),
  "GET /api/readiness/assessments/{id}/consensus": all(403),
  "PUT /api/readiness/assessments/{id}/consensus": all(403),
  "GET /api/readiness/assessments/{id}/results": readable,
  "GET /api/readiness/assessments/{id}/trend": readable,
  "GET /api/readiness/compare": readable,
  "GET /api/readiness/assessments/{id}/scores.csv": readable,
  "GET /api/readiness/assessments/{id}/report.pdf": readable,
};

interface Request {
  url: string;
  payload?: unknown;
}
interface Fixture {
  t: TestApp;
  /** The municipality the target lies in: the caller's own or a foreign one. */
  org: { id: string };
  headers: Record<string, string>;
}

const uniq = () => randomUUID().slice(0, 8);

async function targetUser(f: Fixture) {
  return buildUser(f.t.db, { role: "reader", organisationId: f.org.id });
}

/** A group set of the target municipality with one group, written straight to the database. */
async function areaGroupFixture(f: Fixture) {
  const set = await f.t.pool.query<{ id: string }>(
    `INSERT INTO platform.area_group_sets (municipality_id, name, kind)
     VALUES ($1, $2, 'district') RETURNING id`,
    [f.org.id, `Indelning ${uniq()}`],
  );
  const setId = set.rows[0]!.id;
  const group = await f.t.pool.query<{ id: string }>(
    "INSERT INTO platform.area_groups (group_set_id, name) VALUES ($1, $2) RETURNING id",
    [setId, `Grupp ${uniq()}`],
  );
  return { setId, groupId: group.rows[0]!.id };
}

/** An assessment in the target organisation whose team is another person, with one interview. */
async function readinessFixture(f: Fixture) {
  const assessment = await buildAssessment(f.t.db, { organisationId: f.org.id });
  const interview = await buildInterview(f.t.db, assessment.id);
  return { assessment, interview };
}
async function assessmentUrl(f: Fixture) {
  return `/api/readiness/assessments/${(await readinessFixture(f)).assessment.id}`;
}
async function interviewUrl(f: Fixture) {
  const { assessment, interview } = await readinessFixture(f);
  return `/api/readiness/assessments/${assessment.id}/interviews/${interview.id}`;
}
async function builtInGuideId(f: Fixture) {
  const res = await f.t.pool.query<{ id: string }>(
    "SELECT id FROM community.readiness_guides WHERE organisation_id IS NULL LIMIT 1",
  );
  return res.rows[0]!.id;
}

/** Valid requests per route, so that authorisation rather than validation decides. */
const REQUESTS: Record<string, (f: Fixture) => Promise<Request>> = {
  "GET /healthz": async () => ({ url: "/healthz" }),
  "GET /readyz": async () => ({ url: "/readyz" }),
  "GET /api/auth/providers": async () => ({ url: "/api/auth/providers" }),
  "GET /api/help": async () => ({ url: "/api/help" }),
  "GET /api/auth/password-reset/config": async () => ({ url: "/api/auth/password-reset/config" }),
  "POST /api/auth/password-reset": async (f) => ({
    url: "/api/auth/password-reset",
    payload: { email: (await targetUser(f)).email },
  }),
  "POST /api/auth/password-reset/confirm": async () => ({
    url: "/api/auth/password-reset/confirm",
    payload: { token: randomBytes(32).toString("base64url"), password: "a-long-enough-password" },
  }),
  "POST /api/auth/login": async (f) => {
    const user = await buildUser(f.t.db, { organisationId: f.org.id });
    return { url: "/api/auth/login", payload: { email: user.email, password: TEST_PASSWORD } };
  },
  "POST /api/auth/mfa": async () => ({ url: "/api/auth/mfa", payload: { code: "123456" } }),
  "POST /api/auth/logout": async () => ({ url: "/api/auth/logout" }),
  "GET /api/auth/me": async () => ({ url: "/api/auth/me" }),
  "GET /api/auth/sessions": async () => ({ url: "/api/auth/sessions" }),
  "DELETE /api/auth/sessions/{id}": async () => ({ url: `/api/auth/sessions/${randomUUID()}` }),
  "POST /api/auth/sessions/revoke-others": async () => ({
    url: "/api/auth/sessions/revoke-others",
  }),
  "PATCH /api/auth/me": async () => ({ url: "/api/auth/me", payload: { locale: "sv" } }),
  "POST /api/auth/password": async () => ({
    url: "/api/auth/password",
    payload: { currentPassword: TEST_PASSWORD, newPassword: "a-new-password-that-is-long" },
  }),
  "POST /api/auth/totp/setup": async () => ({ url: "/api/auth/totp/setup" }),
  "POST /api/auth/totp/enable": async (f) => {
    let code = "123456";
    if (f.headers.cookie) {
      const setup = await f.t.app.inject({
        method: "POST",
        url: "/api/auth/totp/setup",
        headers: f.headers,
      });
      code = await generate({ secret: setup.json().secret });
    }
    return { url: "/api/auth/totp/enable", payload: { code } };
  },
  "POST /api/auth/totp/disable": async () => ({
    url: "/api/auth/totp/disable",
    payload: { code: "123456" },
  }),
  "GET /api/auth/oidc/login": async () => ({ url: "/api/auth/oidc/login" }),
  "GET /api/auth/oidc/callback": async () => ({ url: "/api/auth/oidc/callback?code=x&state=y" }),
  "GET /api/municipality-refs": async () => ({ url: "/api/municipality-refs?q=Dals" }),
  "GET /api/organisations": async () => ({ url: "/api/organisations" }),
  "GET /api/organisations/{id}": async (f) => ({ url: `/api/organisations/${f.org.id}` }),
  "POST /api/organisations": async (f) => ({
    url: "/api/organisations",
    payload: { kind: "area", parentId: f.org.id, name: `Område ${uniq()}`, areaType: "district" },
  }),
  "PATCH /api/organisations/{id}": async (f) => {
    const area = await buildArea(f.t.db, f.org.id);
    return { url: `/api/organisations/${area.id}`, payload: { name: "Nytt namn", version: 1 } };
  },
  "GET /api/organisations/{id}/area-group-sets": async (f) => ({
    url: `/api/organisations/${f.org.id}/area-group-sets`,
  }),
  "POST /api/organisations/{id}/area-group-sets": async (f) => ({
    url: `/api/organisations/${f.org.id}/area-group-sets`,
    payload: { name: `Indelning ${uniq()}`, kind: "deso" },
  }),
  "PATCH /api/area-group-sets/{id}": async (f) => ({
    url: `/api/area-group-sets/${(await areaGroupFixture(f)).setId}`,
    payload: { name: `Indelning ${uniq()}`, version: 1 },
  }),
  "DELETE /api/area-group-sets/{id}": async (f) => ({
    url: `/api/area-group-sets/${(await areaGroupFixture(f)).setId}?version=1`,
  }),
  "POST /api/area-group-sets/{id}/groups": async (f) => ({
    url: `/api/area-group-sets/${(await areaGroupFixture(f)).setId}/groups`,
    payload: { name: `Grupp ${uniq()}` },
  }),
  "PATCH /api/area-groups/{id}": async (f) => ({
    url: `/api/area-groups/${(await areaGroupFixture(f)).groupId}`,
    payload: { name: `Grupp ${uniq()}`, version: 1 },
  }),
  "DELETE /api/area-groups/{id}": async (f) => ({
    url: `/api/area-groups/${(await areaGroupFixture(f)).groupId}?version=1`,
  }),
  "PUT /api/area-groups/{id}/members": async (f) => {
    const { groupId } = await areaGroupFixture(f);
    const area = await buildArea(f.t.db, f.org.id);
    return { url: `/api/area-groups/${groupId}/members`, payload: { areaIds: [area.id] } };
  },
  "GET /api/users": async () => ({ url: "/api/users" }),
  "POST /api/users": async (f) => ({
    url: "/api/users",
    payload: {
      email: `new-${uniq()}@test.example`,
      displayName: "Ny Användare",
      role: "reader",
      organisationId: f.org.id,
    },
  }),
  "GET /api/users/{id}": async (f) => ({ url: `/api/users/${(await targetUser(f)).id}` }),
  "PATCH /api/users/{id}": async (f) => ({
    url: `/api/users/${(await targetUser(f)).id}`,
    payload: { displayName: "Nytt Namn", version: 1 },
  }),
  "POST /api/users/{id}/revoke-sessions": async (f) => ({
    url: `/api/users/${(await targetUser(f)).id}/revoke-sessions`,
  }),
  "POST /api/users/{id}/reset-totp": async (f) => ({
    url: `/api/users/${(await targetUser(f)).id}/reset-totp`,
  }),
  "POST /api/users/{id}/reset-password": async (f) => ({
    url: `/api/users/${(await targetUser(f)).id}/reset-password`,
    payload: { password: "another-long-password" },
  }),
  "POST /api/users/{id}/grants": async (f) => ({
    url: `/api/users/${(await targetUser(f)).id}/grants`,
    payload: { role: "analyst", organisationId: f.org.id },
  }),
  "DELETE /api/users/{id}/grants/{grantId}": async (f) => {
    const user = await targetUser(f);
    const grant = await f.t.pool.query<{ id: string }>(
      "SELECT id FROM platform.role_assignments WHERE user_id = $1",
      [user.id],
    );
    return { url: `/api/users/${user.id}/grants/${grant.rows[0]!.id}` };
  },
  "GET /api/audit": async (f) => ({ url: `/api/audit?organisationId=${f.org.id}` }),
  "GET /api/audit/export.csv": async (f) => ({
    url: `/api/audit/export.csv?organisationId=${f.org.id}`,
  }),
  "GET /api/settings/security": async () => ({ url: "/api/settings/security" }),
  "PUT /api/settings/security": async () => ({
    url: "/api/settings/security",
    payload: { requireMfaForRoles: [] },
  }),
  "GET /api/readiness/guides": async () => ({ url: "/api/readiness/guides" }),
  "POST /api/readiness/guides": async (f) => ({
    url: "/api/readiness/guides",
    payload: { organisationId: f.org.id, baseGuideId: await builtInGuideId(f) },
  }),
  "GET /api/readiness/assessments": async () => ({ url: "/api/readiness/assessments" }),
  "POST /api/readiness/assessments": async (f) => ({
    url: "/api/readiness/assessments",
    payload: {
      topic: { kind: "preset", key: "andt" },
      organisationId: f.org.id,
      periodStart: "2026-01-01",
      periodEnd: "2026-06-30",
    },
  }),
  "GET /api/readiness/assessments/{id}": async (f) => ({ url: await assessmentUrl(f) }),
  "PATCH /api/readiness/assessments/{id}": async (f) => ({
    url: await assessmentUrl(f),
    payload: { targetInterviews: 6, version: 1 },
  }),
  "PUT /api/readiness/assessments/{id}/team": async (f) => {
    const user = await targetUser(f);
    return {
      url: `${await assessmentUrl(f)}/team`,
      payload: { members: [{ userId: user.id, roles: ["lead"] }] },
    };
  },
  "GET /api/readiness/assessments/{id}/team-candidates": async (f) => ({
    url: `${await assessmentUrl(f)}/team-candidates`,
  }),
  "POST /api/readiness/assessments/{id}/respondents": async (f) => ({
    url: `${await assessmentUrl(f)}/respondents`,
    payload: { role: "Rektor", sector: "skola" },
  }),
  "PATCH /api/readiness/assessments/{id}/respondents/{respondentId}": async (f) => {
    const { assessment } = await readinessFixture(f);
    const respondent = await buildRespondent(f.t.db, assessment.id);
    return {
      url: `/api/readiness/assessments/${assessment.id}/respondents/${respondent.id}`,
      payload: { role: "Kurator" },
    };
  },
  "POST /api/readiness/assessments/{id}/interviews": async (f) => {
    const { assessment } = await readinessFixture(f);
    const respondent = await buildRespondent(f.t.db, assessment.id);
    return {
      url: `/api/readiness/assessments/${assessment.id}/interviews`,
      payload: { respondentId: respondent.id, heldOn: "2026-02-01", durationMinutes: 40 },
    };
  },
  "GET /api/readiness/assessments/{id}/interviews/{interviewId}": async (f) => ({
    url: await interviewUrl(f),
  }),
  "PUT /api/readiness/assessments/{id}/interviews/{interviewId}": async (f) => ({
    url: await interviewUrl(f),
    payload: { answers: { A1: "Anteckning" }, version: 1 },
  }),
  "GET /api/readiness/assessments/{id}/interviews/{interviewId}/scores": async (f) => ({
    url: `${await interviewUrl(f)}/scores`,
  }),
  "PUT /api/readiness/assessments/{id}/interviews/{interviewId}/scores": async (f) => ({
    url: `${await interviewUrl(f)}/scores`,
    payload: { scores: { A: 4 } },
  }),
  "POST /api/readiness/assessments/{id}/interviews/{interviewId}/scores/submit": async (f) => ({
    url: `${await interviewUrl(f)}/scores/submit`,
  }),
  "GET /api/readiness/assessments/{id}/consensus": async (f) => ({
    url: `${await assessmentUrl(f)}/consensus`,
  }),
  "PUT /api/readiness/assessments/{id}/consensus": async (f) => {
    const { assessment, interview } = await readinessFixture(f);
    return {
      url: `/api/readiness/assessments/${assessment.id}/consensus`,
      payload: { interviewId: interview.id, dimension: "A", score: 4 },
    };
  },
  "GET /api/readiness/assessments/{id}/results": async (f) => ({
    url: `${await assessmentUrl(f)}/results`,
  }),
  "GET /api/readiness/assessments/{id}/trend": async (f) => ({
    url: `${await assessmentUrl(f)}/trend`,
  }),
  "GET /api/readiness/compare": async (f) => ({
    url: `/api/readiness/compare?ids=${(await readinessFixture(f)).assessment.id}`,
  }),
  "GET /api/readiness/assessments/{id}/scores.csv": async (f) => ({
    url: `${await assessmentUrl(f)}/scores.csv`,
  }),
  "GET /api/readiness/assessments/{id}/report.pdf": async (f) => ({
    url: `${await assessmentUrl(f)}/report.pdf`,
  }),
};

// Routes that end or change the caller's own session run with a fresh caller each time.
const CHANGES_CALLER = new Set([
  "POST /api/auth/logout",
  "POST /api/auth/password",
  "POST /api/auth/totp/setup",
  "POST /api/auth/totp/enable",
]);

let t: TestApp;
let documented: string[];
let foreign: { id: string };
const homes = new Map<Role, { id: string }>();
const actors = new Map<Role, Record<string, string>>();

async function callerHeaders(caller: Caller, fresh: boolean): Promise<Record<string, string>> {
  if (caller === "anonymous") return {};
  if (!fresh) return actors.get(caller)!;
  return (await actorWith(t, caller, caller === "system_admin" ? null : homes.get(caller)!.id))
    .headers;
}

beforeAll(async () => {
  t = await buildTestApp();
  const doc = (await t.app.inject("/api/openapi.json")).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
  foreign = await buildMunicipality(t.db);
  for (const role of ROLES) {
    const home = role === "system_admin" ? null : await buildMunicipality(t.db);
    if (home) homes.set(role, home);
    actors.set(role, (await actorWith(t, role, home?.id ?? null)).headers);
  }
});
afterAll(() => t.close());

describe("authorisation matrix", () => {
  it("has a row for every documented route and no row for an undocumented one", () => {
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !documented.includes(r))).toEqual([]);
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("keeps the OpenAPI document itself public and out of the document", async () => {
    const res = await t.app.inject("/api/openapi.json");
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
    expect(documented).not.toContain("GET /api/openapi.json");
  });

  it.each(Object.keys(MATRIX))("%s", async (route) => {
    const method = route.split(" ")[0] as "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
    const observed: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [caller, cell] of Object.entries(MATRIX[route]!) as [Caller, Cell][]) {
      const scopes =
        typeof cell === "number"
          ? ([["foreign", cell]] as const)
          : ([
              ["own", cell.own],
              ["foreign", cell.foreign],
            ] as const);
      for (const [scope, status] of scopes) {
        const org = scope === "own" ? homes.get(caller as Role)! : foreign;
        const headers = await callerHeaders(caller, CHANGES_CALLER.has(route));
        const request = await REQUESTS[route]!({ t, org, headers });
        const res = await t.app.inject({
          method,
          url: request.url,
          headers,
          ...(request.payload === undefined ? {} : { payload: request.payload as object }),
        });
        const key = `${caller}/${scope}`;
        expected[key] = status;
        observed[key] = res.statusCode === status ? status : `${res.statusCode} ${res.body}`;
      }
    }
    expect(observed).toEqual(expected);
  });
});
