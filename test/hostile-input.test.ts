import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUser } from "./helpers/factories.ts";
import { call } from "./helpers/http.ts";

/** The requests the attacker's probe of issue 15 answered with 500: each is a 400 now. */

let t: TestApp;
let admin: Awaited<ReturnType<typeof actorWith>>;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await actorWith(t, "system_admin", null);
});
afterAll(() => t.close());

function expectFieldError(res: { statusCode: number; json: () => unknown }, path: string) {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { error: { issues?: { path: string; message: string }[] } };
  expect(body.error.issues?.map((i) => i.path)).toContain(path);
  expect(body.error.issues?.find((i) => i.path === path)?.message.length).toBeGreaterThan(0);
}

describe("NUL and lone surrogates", () => {
  it("refuses NUL in the sign-in e-mail", async () => {
    const res = await call(
      t,
      "POST",
      "/api/auth/login",
      {},
      {
        email: "x\u0000@y.example",
        password: "whatever-password",
      },
    );
    expectFieldError(res, "email");
  });

  it.each(["/api/users", "/api/municipality-refs"])("refuses ?q=%%00 on %s", async (url) => {
    expectFieldError(await call(t, "GET", `${url}?q=%00`, admin.headers), "querystring.q");
  });

  it("refuses NUL in the audit filters and export", async () => {
    for (const url of ["/api/audit", "/api/audit/export.csv"]) {
      expectFieldError(
        await call(t, "GET", `${url}?actor=a%00b`, admin.headers),
        "querystring.actor",
      );
    }
  });

  it("refuses a lone surrogate on organisation create without storing U+FFFD", async () => {
    const name = `Region ${randomUUID()}`;
    const res = await call(t, "POST", "/api/organisations", admin.headers, {
      kind: "region",
      parentId: null,
      name: `${name}\ud800`,
    });
    expectFieldError(res, "name");
    const stored = await t.pool.query("SELECT 1 FROM platform.organisations WHERE name LIKE $1", [
      `${name}%`,
    ]);
    expect(stored.rowCount).toBe(0);
  });

  it("refuses a lone surrogate on organisation rename", async () => {
    const municipality = await buildMunicipality(t.db);
    const res = await call(t, "PATCH", `/api/organisations/${municipality.id}`, admin.headers, {
      name: "x\ud800y",
      version: municipality.version,
    });
    expectFieldError(res, "name");
  });
});

describe("dates outside PostgreSQL's range", () => {
  it.each([
    ["from", "0000-01-01T00:00:00Z"],
    ["to", "9999-12-31T23:59:59-23:59"],
  ])("refuses audit %s=%s", async (key, value) => {
    const res = await call(
      t,
      "GET",
      `/api/audit?${key}=${encodeURIComponent(value)}`,
      admin.headers,
    );
    expectFieldError(res, `querystring.${key}`);
  });

  it("refuses an assessment period starting in year 0", async () => {
    const municipality = await buildMunicipality(t.db);
    const res = await call(t, "POST", "/api/readiness/assessments", admin.headers, {
      topic: { kind: "preset", key: "andt" },
      organisationId: municipality.id,
      periodStart: "0000-01-01",
      periodEnd: "2026-06-30",
    });
    expectFieldError(res, "periodStart");
  });
});

describe("a role and where it is held must agree", () => {
  it("refuses a reader without an organisation, and writes nothing", async () => {
    const email = `reader-${randomUUID().slice(0, 8)}@test.example`;
    const res = await call(t, "POST", "/api/users", admin.headers, {
      email,
      displayName: "Utan organisation",
      role: "reader",
      organisationId: null,
    });
    expectFieldError(res, "organisationId");
    const stored = await t.pool.query("SELECT 1 FROM platform.users WHERE email = $1", [email]);
    expect(stored.rowCount).toBe(0);
  });

  it("refuses a system administrator grant tied to an organisation", async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "reader", organisationId: municipality.id });
    const res = await call(t, "POST", `/api/users/${user.id}/grants`, admin.headers, {
      role: "system_admin",
      organisationId: municipality.id,
    });
    expectFieldError(res, "organisationId");
    const grants = await t.pool.query(
      "SELECT role FROM platform.role_assignments WHERE user_id = $1",
      [user.id],
    );
    expect(grants.rows).toEqual([{ role: "reader" }]);
  });
});
