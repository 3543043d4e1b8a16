import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleAssignments } from "../src/db/schema/platform.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import {
  actorWith,
  buildArea,
  buildMunicipality,
  buildUnit,
  buildUser,
  signIn,
} from "./helpers/factories.ts";
import { auditRowsFor, call } from "./helpers/http.ts";
import { freshCode } from "./helpers/totp.ts";

let t: TestApp;
let sysadmin: Awaited<ReturnType<typeof actorWith>>;
beforeAll(async () => {
  t = await buildTestApp();
  sysadmin = await actorWith(t, "system_admin", null);
});
afterAll(() => t.close());

const email = () => `person-${randomUUID().slice(0, 8)}@test.example`;
const PASSWORD = "a-long-enough-password";

/** An organisation administrator of a fresh municipality, with an area and a unit below it. */
async function adminScene() {
  const municipality = await buildMunicipality(t.db);
  const area = await buildArea(t.db, municipality.id);
  const unit = await buildUnit(t.db, area.id);
  const admin = await actorWith(t, "org_admin", municipality.id);
  const foreign = await buildMunicipality(t.db);
  return { municipality, area, unit, admin, foreign };
}

async function grantOf(userId: string) {
  const res = await t.pool.query<{ id: string }>(
    "SELECT id FROM platform.role_assignments WHERE user_id = $1",
    [userId],
  );
  return res.rows[0]!.id;
}

describe("without a session", () => {
  const id = randomUUID();
  it.each([
    ["GET", "/api/users"],
    ["POST", "/api/users"],
    ["GET", `/api/users/${id}`],
    ["PATCH", `/api/users/${id}`],
    ["POST", `/api/users/${id}/reset-password`],
    ["POST", `/api/users/${id}/reset-totp`],
    ["POST", `/api/users/${id}/revoke-sessions`],
    ["POST", `/api/users/${id}/grants`],
    ["DELETE", `/api/users/${id}/grants/${randomUUID()}`],
  ] as const)("%s %s answers 401", async (method, url) => {
    const payload = method === "POST" || method === "PATCH" ? {} : undefined;
    const res = await call(t, method, url, {}, payload);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });
});

describe("POST /api/users", () => {
  it("lets an organisation administrator create a user in their subtree, audited", async () => {
    const { unit, admin } = await adminScene();
    const address = email();
    const res = await call(t, "POST", "/api/users", admin.headers, {
      email: address.toUpperCase(),
      displayName: "Karin Lind",
      password: PASSWORD,
      role: "practitioner",
      organisationId: unit.id,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      email: address,
      displayName: "Karin Lind",
      locale: "sv",
      disabled: false,
      version: 1,
      grants: [{ role: "practitioner", organisationId: unit.id, organisationName: unit.name }],
      // A practitioner works with individual support, which the administrator does not: the
      // account, once made, is not theirs to reset.
      abilities: { update: false },
    });
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash|totpSecret/);
    expect(await auditRowsFor(t, body.id)).toEqual([
      {
        action: "user.create",
        actor_id: admin.user.id,
        subject_type: "user",
        subject_id: body.id,
        organisation_id: unit.id,
        details: { email: address, role: "practitioner", grantId: body.grants[0].id },
      },
    ]);
    await signIn(t, address, PASSWORD);
  });

  it("refuses roles outside the administrator's subtree and the system administrator role", async () => {
    const { municipality, admin, foreign } = await adminScene();
    const create = (role: string, organisationId: string | null) =>
      call(t, "POST", "/api/users", admin.headers, {
        email: email(),
        displayName: "Ny",
        role,
        organisationId,
      });
    expect((await create("reader", foreign.id)).statusCode).toBe(403);
    expect((await create("system_admin", null)).statusCode).toBe(403);
    // The platform-wide role tied to an organisation is not a request anyone may make.
    expect((await create("system_admin", municipality.id)).statusCode).toBe(400);
    expect((await create("reader", municipality.parentId!)).statusCode).toBe(403);
    const coordinator = await actorWith(t, "coordinator", municipality.id);
    const res = await call(t, "POST", "/api/users", coordinator.headers, {
      email: email(),
      displayName: "Ny",
      role: "reader",
      organisationId: municipality.id,
    });
    expect(res.statusCode).toBe(403);
  });

  it("lets a system administrator create another system administrator", async () => {
    const res = await call(t, "POST", "/api/users", sysadmin.headers, {
      email: email(),
      displayName: "Admin Två",
      role: "system_admin",
      organisationId: null,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().grants).toEqual([
      expect.objectContaining({ role: "system_admin", organisationId: null }),
    ]);
  });

  it("answers 409 for an e-mail address in use, whatever its case", async () => {
    const { municipality, admin } = await adminScene();
    const existing = await buildUser(t.db, { organisationId: municipality.id });
    const res = await call(t, "POST", "/api/users", admin.headers, {
      email: existing.email.toUpperCase(),
      displayName: "Dubblett",
      role: "reader",
      organisationId: municipality.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("duplicate");
  });

  it("answers 400 for an organisation that does not exist", async () => {
    const res = await call(t, "POST", "/api/users", sysadmin.headers, {
      email: email(),
      displayName: "Ingen",
      role: "reader",
      organisationId: randomUUID(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: "organisationId" })]);
  });

  const valid = { email: "x@test.example", displayName: "X", role: "reader", organisationId: null };
  it.each([
    ["an invalid e-mail", { ...valid, email: "not-an-address" }, "email"],
    ["a short password", { ...valid, password: "short" }, "password"],
    ["a wrong type", { ...valid, displayName: 42 }, "displayName"],
    ["an unknown role", { ...valid, role: "king" }, "role"],
    ["a missing role", { ...valid, role: undefined }, "role"],
    ["an unknown field", { ...valid, isAdmin: true }, "isAdmin"],
  ])("answers 400 with the field path for %s", async (_label, payload, path) => {
    const res = await call(t, "POST", "/api/users", sysadmin.headers, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation");
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("explains a short password in Swedish", async () => {
    const res = await call(t, "POST", "/api/users", sysadmin.headers, {
      ...valid,
      password: "kort",
    });
    expect(res.json().error.issues).toContainEqual({
      path: "password",
      message: "Lösenordet måste ha minst 12 tecken.",
    });
  });

  it("answers 400 invalid_json to malformed JSON", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { ...sysadmin.headers, "content-type": "application/json" },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_json");
  });
});

describe("GET /api/users", () => {
  it("never lists users outside the caller's scope, and agrees with the detail view", async () => {
    const { municipality, unit, admin, foreign } = await adminScene();
    const inside = await buildUser(t.db, { organisationId: unit.id });
    const outside = await buildUser(t.db, { organisationId: foreign.id });
    const above = await buildUser(t.db, { organisationId: municipality.parentId! });

    const list = await call(t, "GET", "/api/users", admin.headers);
    expect(list.statusCode).toBe(200);
    const ids: string[] = list.json().map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([inside.id, admin.user.id]));
    expect(ids).not.toContain(outside.id);
    expect(ids).not.toContain(above.id);
    for (const id of ids) {
      expect((await call(t, "GET", `/api/users/${id}`, admin.headers)).statusCode).toBe(200);
    }
    for (const id of [outside.id, above.id]) {
      expect((await call(t, "GET", `/api/users/${id}`, admin.headers)).statusCode).toBe(404);
    }

    const filtered = await call(t, "GET", `/api/users?organisationId=${foreign.id}`, admin.headers);
    expect(filtered.json()).toEqual([]);
    const byUnit = await call(t, "GET", `/api/users?organisationId=${unit.id}`, admin.headers);
    expect(byUnit.json().map((u: { id: string }) => u.id)).toEqual([inside.id]);
    const byName = await call(
      t,
      "GET",
      `/api/users?q=${encodeURIComponent(inside.email.slice(0, 13))}`,
      admin.headers,
    );
    expect(byName.json().map((u: { id: string }) => u.id)).toEqual([inside.id]);
  });

  it("lets a coordinator read within their scope and a system administrator everywhere", async () => {
    const { municipality, foreign } = await adminScene();
    const outside = await buildUser(t.db, { organisationId: foreign.id });
    const coordinator = await actorWith(t, "coordinator", municipality.id);
    const mine = (await call(t, "GET", "/api/users", coordinator.headers)).json();
    expect(mine.map((u: { id: string }) => u.id)).not.toContain(outside.id);
    const all = await call(t, "GET", `/api/users?organisationId=${foreign.id}`, sysadmin.headers);
    expect(all.json().map((u: { id: string }) => u.id)).toEqual([outside.id]);
  });

  it("pages the list by name: pages are disjoint, ordered, and together the whole list", async () => {
    const { unit, admin } = await adminScene();
    for (let i = 0; i < 5; i++) await buildUser(t.db, { organisationId: unit.id });
    const page = async (limit: number, offset: number) => {
      const res = await call(
        t,
        "GET",
        `/api/users?organisationId=${unit.id}&limit=${limit}&offset=${offset}`,
        admin.headers,
      );
      expect(res.statusCode).toBe(200);
      return res.json() as { id: string; displayName: string; grants: { role: string }[] }[];
    };
    const whole = await page(200, 0);
    expect(whole).toHaveLength(5);
    expect(whole.every((u) => u.grants.some((g) => g.role === "reader"))).toBe(true);
    const names = whole.map((u) => u.displayName);
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const pages = [await page(2, 0), await page(2, 2), await page(2, 4)];
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((u) => u.id)).toEqual(whole.map((u) => u.id));
    expect(await page(2, 6)).toEqual([]);
    // Each page read is its own personal-data read, recorded with what it showed.
    const { rows } = await t.pool.query(
      `SELECT details FROM platform.audit_log WHERE action = 'user.list' AND actor_id = $1
       ORDER BY seq`,
      [admin.user.id],
    );
    expect(rows.map((r) => r.details.rows)).toEqual([5, 2, 2, 1, 0]);
    for (const bad of ["limit=0", "limit=201", "offset=-1", "limit=abc"]) {
      const res = await call(t, "GET", `/api/users?${bad}`, admin.headers);
      expect(res.statusCode).toBe(400);
    }
  });

  it("answers 403 to roles without user.read and 400 to unknown filters", async () => {
    const { municipality } = await adminScene();
    const analyst = await actorWith(t, "analyst", municipality.id);
    expect((await call(t, "GET", "/api/users", analyst.headers)).statusCode).toBe(403);
    const bad = await call(t, "GET", "/api/users?organisationId=nope", sysadmin.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("querystring.organisationId");
  });
});

describe("GET /api/users/:id", () => {
  it("shows a user in scope with abilities, the caller themselves without update, others 404", async () => {
    const { unit, admin, foreign } = await adminScene();
    const inside = await buildUser(t.db, { organisationId: unit.id });
    const res = await call(t, "GET", `/api/users/${inside.id}`, admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: inside.id, abilities: { update: true } });
    expect(await auditRowsFor(t, inside.id)).toContainEqual(
      expect.objectContaining({ action: "user.read", actor_id: admin.user.id }),
    );
    const self = await call(t, "GET", `/api/users/${admin.user.id}`, admin.headers);
    expect(self.json().abilities).toEqual({ update: false });
    const outside = await buildUser(t.db, { organisationId: foreign.id });
    const hidden = await call(t, "GET", `/api/users/${outside.id}`, admin.headers);
    expect(hidden.statusCode).toBe(404);
    expect((await call(t, "GET", `/api/users/${randomUUID()}`, admin.headers)).statusCode).toBe(
      404,
    );
    expect((await call(t, "GET", "/api/users/123", admin.headers)).statusCode).toBe(400);
  });
});

describe("PATCH /api/users/:id", () => {
  it("updates with the current version, refuses a stale one, and audits", async () => {
    const { unit, admin } = await adminScene();
    const user = await buildUser(t.db, { organisationId: unit.id });
    const res = await call(t, "PATCH", `/api/users/${user.id}`, admin.headers, {
      displayName: "Nytt Namn",
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: "Nytt Namn", version: 2 });
    const stale = await call(t, "PATCH", `/api/users/${user.id}`, admin.headers, {
      displayName: "Annat",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect(await auditRowsFor(t, user.id)).toEqual([
      {
        action: "user.update",
        actor_id: admin.user.id,
        subject_type: "user",
        subject_id: user.id,
        organisation_id: null,
        details: { changes: { displayName: "Nytt Namn" } },
      },
    ]);
  });

  it("disables and enables an account, ending its sessions", async () => {
    const { unit, admin } = await adminScene();
    const user = await buildUser(t.db, { organisationId: unit.id });
    const session = await signIn(t, user.email);
    const off = await call(t, "PATCH", `/api/users/${user.id}`, admin.headers, {
      disabled: true,
      version: 1,
    });
    expect(off.json()).toMatchObject({ disabled: true, version: 2 });
    expect((await call(t, "GET", "/api/auth/me", session)).statusCode).toBe(401);
    const on = await call(t, "PATCH", `/api/users/${user.id}`, admin.headers, {
      disabled: false,
      version: 2,
    });
    expect(on.json()).toMatchObject({ disabled: false });
    expect(
      (await auditRowsFor(t, user.id))
        .filter((r) => r.action.startsWith("user."))
        .map((r) => r.action),
    ).toEqual(["user.disable", "user.enable"]);
  });

  it("needs every organisation the target works in, and never the caller's own account", async () => {
    const { unit, admin, foreign } = await adminScene();
    const shared = await buildUser(t.db, { organisationId: unit.id });
    await t.db
      .insert(roleAssignments)
      .values({ userId: shared.id, role: "reader", organisationId: foreign.id });
    // Visible through the unit, but the administrator does not cover the foreign municipality.
    const read = await call(t, "GET", `/api/users/${shared.id}`, admin.headers);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false });
    const res = await call(t, "PATCH", `/api/users/${shared.id}`, admin.headers, {
      displayName: "Kapad",
      version: 1,
    });
    expect(res.statusCode).toBe(403);
    const reset = await call(t, "POST", `/api/users/${shared.id}/reset-password`, admin.headers, {
      password: PASSWORD,
    });
    expect(reset.statusCode).toBe(403);
    const self = await call(t, "PATCH", `/api/users/${admin.user.id}`, admin.headers, {
      displayName: "Jag",
      version: 1,
    });
    expect(self.statusCode).toBe(403);
    // The detail read above is recorded; no change is.
    expect((await auditRowsFor(t, shared.id)).map((r) => r.action)).toEqual(["user.read"]);
  });

  it("answers 404 outside the scope and 400 on bad input", async () => {
    const { unit, admin, foreign } = await adminScene();
    const outside = await buildUser(t.db, { organisationId: foreign.id });
    const hidden = await call(t, "PATCH", `/api/users/${outside.id}`, admin.headers, {
      displayName: "X",
      version: 1,
    });
    expect(hidden.statusCode).toBe(404);
    const user = await buildUser(t.db, { organisationId: unit.id });
    for (const [payload, path] of [
      [{ displayName: "X" }, "version"],
      [{ displayName: "", version: 1 }, "displayName"],
      [{ disabled: "no", version: 1 }, "disabled"],
      [{ email: "new@test.example", version: 1 }, "email"],
    ] as const) {
      const res = await call(t, "PATCH", `/api/users/${user.id}`, admin.headers, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const reader = await actorWith(t, "reader", unit.id);
    const denied = await call(t, "PATCH", `/api/users/${user.id}`, reader.headers, {
      displayName: "X",
      version: 1,
    });
    expect(denied.statusCode).toBe(403);
  });
});

describe("POST /api/users/:id/reset-password", () => {
  it("sets a new password, ends the user's sessions and audits", async () => {
    const { unit, admin, foreign } = await adminScene();
    const user = await buildUser(t.db, { organisationId: unit.id });
    const session = await signIn(t, user.email);
    const res = await call(t, "POST", `/api/users/${user.id}/reset-password`, admin.headers, {
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect((await call(t, "GET", "/api/auth/me", session)).statusCode).toBe(401);
    await signIn(t, user.email, PASSWORD);
    expect(await auditRowsFor(t, user.id)).toContainEqual(
      expect.objectContaining({ action: "user.reset_password", actor_id: admin.user.id }),
    );
    const short = await call(t, "POST", `/api/users/${user.id}/reset-password`, admin.headers, {
      password: "kort",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues[0].path).toBe("password");
    const outside = await buildUser(t.db, { organisationId: foreign.id });
    const hidden = await call(t, "POST", `/api/users/${outside.id}/reset-password`, admin.headers, {
      password: PASSWORD,
    });
    expect(hidden.statusCode).toBe(404);
  });
});

describe("administrator actions on a person with a malformed id", () => {
  it.each(["reset-totp", "revoke-sessions"])(
    "POST /api/users/not-a-uuid/%s answers 400",
    async (action) => {
      const { admin } = await adminScene();
      const res = await call(t, "POST", `/api/users/not-a-uuid/${action}`, admin.headers);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues[0].path).toBe("params.id");
    },
  );
});

describe("POST /api/users/:id/revoke-sessions", () => {
  it("signs a person out everywhere without touching the account, audited", async () => {
    const { unit, admin, foreign } = await adminScene();
    const user = await buildUser(t.db, { organisationId: unit.id });
    const sessions = [await signIn(t, user.email), await signIn(t, user.email)];
    const res = await call(t, "POST", `/api/users/${user.id}/revoke-sessions`, admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: 2 });
    for (const session of sessions) {
      expect((await call(t, "GET", "/api/auth/me", session)).statusCode).toBe(401);
    }
    // The password still works.
    await signIn(t, user.email);
    expect(await auditRowsFor(t, user.id)).toContainEqual(
      expect.objectContaining({
        action: "user.sessions_revoked",
        actor_id: admin.user.id,
        details: { count: 2 },
      }),
    );
    const outside = await buildUser(t.db, { organisationId: foreign.id });
    const hidden = await call(t, "POST", `/api/users/${outside.id}/revoke-sessions`, admin.headers);
    expect(hidden.statusCode).toBe(404);
    const unknown = await call(
      t,
      "POST",
      `/api/users/${randomUUID()}/revoke-sessions`,
      admin.headers,
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe("POST /api/users/:id/reset-totp", () => {
  it("turns a lost authenticator off: the person signs in with the password and may enrol again", async () => {
    const { unit, admin, foreign } = await adminScene();
    const user = await buildUser(t.db, { organisationId: unit.id });
    const session = await signIn(t, user.email);
    const setup = await call(t, "POST", "/api/auth/totp/setup", session);
    const secret = setup.json().secret as string;
    const enabled = await call(t, "POST", "/api/auth/totp/enable", session, {
      code: await freshCode(secret),
    });
    expect(enabled.statusCode).toBe(200);

    const res = await call(t, "POST", `/api/users/${user.id}/reset-totp`, admin.headers);
    expect(res.statusCode).toBe(200);
    expect((await call(t, "GET", "/api/auth/me", session)).statusCode).toBe(401);
    const again = await signIn(t, user.email);
    const me = await call(t, "GET", "/api/auth/me", again);
    expect(me.json().totpEnabled).toBe(false);
    expect(await auditRowsFor(t, user.id)).toContainEqual(
      expect.objectContaining({ action: "user.reset_totp", actor_id: admin.user.id }),
    );
    const stored = await t.pool.query(
      "SELECT totp_secret, totp_enabled_at FROM platform.users WHERE id = $1",
      [user.id],
    );
    expect(stored.rows[0]).toEqual({ totp_secret: null, totp_enabled_at: null });

    const outside = await buildUser(t.db, { organisationId: foreign.id });
    const hidden = await call(t, "POST", `/api/users/${outside.id}/reset-totp`, admin.headers);
    expect(hidden.statusCode).toBe(404);
    const self = await call(t, "POST", `/api/users/${admin.user.id}/reset-totp`, admin.headers);
    expect(self.statusCode).toBe(403);
  });
});

describe("role grants", () => {
  it("grants and revokes a role inside the subtree, audited", async () => {
    const { area, unit, admin } = await adminScene();
    const user = await buildUser(t.db, { organisationId: unit.id });
    const granted = await call(t, "POST", `/api/users/${user.id}/grants`, admin.headers, {
      role: "org_admin",
      organisationId: area.id,
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({
      role: "org_admin",
      organisationId: area.id,
      organisationName: area.name,
    });
    const grantId = granted.json().id;
    const revoked = await call(
      t,
      "DELETE",
      `/api/users/${user.id}/grants/${grantId}`,
      admin.headers,
    );
    expect(revoked.statusCode).toBe(200);
    expect(
      (await auditRowsFor(t, user.id)).map((r) => [r.action, r.actor_id, r.organisation_id]),
    ).toEqual([
      ["role.grant", admin.user.id, area.id],
      ["role.revoke", admin.user.id, area.id],
    ]);
    const again = await call(t, "DELETE", `/api/users/${user.id}/grants/${grantId}`, admin.headers);
    expect(again.statusCode).toBe(404);
  });

  it("leaves an account that gained more than the administrator holds out of their reach", async () => {
    const { area, unit, admin } = await adminScene();
    const user = await buildUser(t.db, { organisationId: unit.id });
    const granted = await call(t, "POST", `/api/users/${user.id}/grants`, admin.headers, {
      role: "coordinator",
      organisationId: area.id,
    });
    expect(granted.statusCode).toBe(201);
    // A coordinator edits community data, which the administrator cannot: no more changes.
    const revoke = await call(
      t,
      "DELETE",
      `/api/users/${user.id}/grants/${granted.json().id}`,
      admin.headers,
    );
    expect(revoke.statusCode).toBe(403);
    const reset = await call(t, "POST", `/api/users/${user.id}/reset-password`, admin.headers, {
      password: PASSWORD,
    });
    expect(reset.statusCode).toBe(403);
  });

  it("refuses system_admin and organisations outside the subtree", async () => {
    const { municipality, unit, admin, foreign } = await adminScene();
    const user = await buildUser(t.db, { organisationId: unit.id });
    const grant = (role: string, organisationId: string | null) =>
      call(t, "POST", `/api/users/${user.id}/grants`, admin.headers, { role, organisationId });
    expect((await grant("system_admin", null)).statusCode).toBe(403);
    expect((await grant("reader", foreign.id)).statusCode).toBe(403);
    expect((await grant("org_admin", municipality.parentId!)).statusCode).toBe(403);
    expect((await grant("reader", "nope")).statusCode).toBe(400);

    // A grant in a foreign municipality cannot be revoked by this administrator.
    const [foreignGrant] = await t.db
      .insert(roleAssignments)
      .values({ userId: user.id, role: "reader", organisationId: foreign.id })
      .returning();
    const res = await call(
      t,
      "DELETE",
      `/api/users/${user.id}/grants/${foreignGrant!.id}`,
      admin.headers,
    );
    expect(res.statusCode).toBe(403);
    expect(await auditRowsFor(t, user.id)).toEqual([]);
  });

  it("hides users outside the scope with 404", async () => {
    const { admin, foreign } = await adminScene();
    const outside = await buildUser(t.db, { organisationId: foreign.id });
    const post = await call(t, "POST", `/api/users/${outside.id}/grants`, admin.headers, {
      role: "reader",
      organisationId: foreign.id,
    });
    expect(post.statusCode).toBe(404);
    const del = await call(
      t,
      "DELETE",
      `/api/users/${outside.id}/grants/${await grantOf(outside.id)}`,
      admin.headers,
    );
    expect(del.statusCode).toBe(404);
  });
});
