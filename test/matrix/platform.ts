import { randomBytes, randomUUID } from "node:crypto";
import { generate } from "otplib";
import { buildArea, buildUser, TEST_PASSWORD } from "../helpers/factories.ts";
import {
  all,
  type Fixture,
  type MatrixRequest,
  type ModuleMatrix,
  managed,
  type Row,
  readable,
  scoped,
  targetUser,
  uniq,
} from "./types.ts";

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

export const platformMatrix: ModuleMatrix = {
  rows: {
    "GET /api/auth/providers": all(200, 200),
    "GET /api/help": all(200, 200),
    // Every signed-in person has a home page; its parts are filtered to what they may read.
    "GET /api/home": all(200, 401),
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
    // A background job is its starter's: the fixture's job was started by someone else, so only
    // the system administrator finds it. System jobs are started by the system administrator.
    "GET /api/jobs/{id}": { ...all(404), system_admin: 200 },
    "POST /api/jobs/{id}/cancel": { ...all(404), system_admin: 200 },
    "POST /api/system/jobs": { ...all(403), system_admin: 202 },
  },
  requests: {
    "GET /api/auth/providers": async () => ({ url: "/api/auth/providers" }),
    "GET /api/help": async () => ({ url: "/api/help" }),
    "GET /api/home": async () => ({ url: "/api/home" }),
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
    "GET /api/jobs/{id}": async (f) => ({ url: `/api/jobs/${await someoneElsesJob(f)}` }),
    "POST /api/jobs/{id}/cancel": async (f) => ({
      url: `/api/jobs/${await someoneElsesJob(f)}/cancel`,
    }),
    // The selftest is harmless, and no worker runs in this app: it stays queued.
    "POST /api/system/jobs": async () => ({
      url: "/api/system/jobs",
      payload: { kind: "platform.selftest" },
    }),
  },
};

/**
 * Account routes where the target holds more than the caller: a system administrator, or a
 * practitioner (individual support), who also has a role in the caller's own municipality. Only
 * someone who already holds all of it may act on such an account (issue 15).
 */
export const STRONGER_TARGETS = ["system_admin", "practitioner"] as const;
export type StrongerTarget = (typeof STRONGER_TARGETS)[number];

const onlySystemAdmin = (status: number): Row => ({
  ...all(403),
  system_admin: status,
  org_admin: scoped(403, 404),
});

/** A person holding `kind` who also reads in the target municipality, and that reader grant. */
async function strongerUser(f: Fixture, kind: StrongerTarget) {
  const user =
    kind === "system_admin"
      ? await buildUser(f.t.db, { role: "system_admin" })
      : await buildUser(f.t.db, { role: "practitioner", organisationId: f.org.id });
  const grant = await f.t.pool.query<{ id: string }>(
    `INSERT INTO platform.role_assignments (user_id, role, organisation_id)
     VALUES ($1, 'reader', $2) ON CONFLICT DO NOTHING RETURNING id`,
    [user.id, f.org.id],
  );
  const readerGrant =
    grant.rows[0]?.id ??
    (
      await f.t.pool.query<{ id: string }>(
        "SELECT id FROM platform.role_assignments WHERE user_id = $1 AND role <> 'system_admin' LIMIT 1",
        [user.id],
      )
    ).rows[0]!.id;
  return { user, readerGrant };
}

/** The platform's account routes on a stronger target: rows, and requests for each kind. */
export const strongerMatrix: {
  rows: Record<string, Row>;
  requests: Record<string, (f: Fixture, kind: StrongerTarget) => Promise<MatrixRequest>>;
} = {
  rows: {
    "PATCH /api/users/{id}": onlySystemAdmin(200),
    "POST /api/users/{id}/reset-password": onlySystemAdmin(200),
    "POST /api/users/{id}/revoke-sessions": onlySystemAdmin(200),
    "POST /api/users/{id}/reset-totp": onlySystemAdmin(200),
    "POST /api/users/{id}/grants": onlySystemAdmin(201),
    "DELETE /api/users/{id}/grants/{grantId}": onlySystemAdmin(200),
  },
  requests: {
    "PATCH /api/users/{id}": async (f, kind) => ({
      url: `/api/users/${(await strongerUser(f, kind)).user.id}`,
      payload: { disabled: true, version: 1 },
    }),
    "POST /api/users/{id}/reset-password": async (f, kind) => ({
      url: `/api/users/${(await strongerUser(f, kind)).user.id}/reset-password`,
      payload: { password: "taken-over-password" },
    }),
    "POST /api/users/{id}/revoke-sessions": async (f, kind) => ({
      url: `/api/users/${(await strongerUser(f, kind)).user.id}/revoke-sessions`,
    }),
    "POST /api/users/{id}/reset-totp": async (f, kind) => ({
      url: `/api/users/${(await strongerUser(f, kind)).user.id}/reset-totp`,
    }),
    "POST /api/users/{id}/grants": async (f, kind) => ({
      url: `/api/users/${(await strongerUser(f, kind)).user.id}/grants`,
      payload: { role: "analyst", organisationId: f.org.id },
    }),
    "DELETE /api/users/{id}/grants/{grantId}": async (f, kind) => {
      const { user, readerGrant } = await strongerUser(f, kind);
      return { url: `/api/users/${user.id}/grants/${readerGrant}` };
    },
  },
};

/** A queued job started by a person in the target municipality, written straight to the table. */
async function someoneElsesJob(f: Fixture) {
  const owner = await targetUser(f);
  const id = randomUUID();
  await f.t.pool.query(
    "INSERT INTO platform.jobs (id, kind, requested_by) VALUES ($1, 'platform.selftest', $2)",
    [id, owner.id],
  );
  return id;
}
