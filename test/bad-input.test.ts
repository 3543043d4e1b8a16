import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith } from "./helpers/factories.ts";

let t: TestApp;
let small: TestApp;
let sysadmin: Awaited<ReturnType<typeof actorWith>>;
beforeAll(async () => {
  t = await buildTestApp();
  small = await buildTestApp({ BODY_LIMIT_BYTES: "2048" });
  sysadmin = await actorWith(t, "system_admin", null);
});
afterAll(async () => {
  await t.close();
  await small.close();
});

/** A 4xx answer in the one error shape, without a stack trace or internals. */
function expectCleanError(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers["content-type"])).toMatch(/^application\/json/);
  const body = JSON.parse(res.body);
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(res.body).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|stack|FST_ERR|SyntaxError/);
}

const post = (app: TestApp, url: string, body: string, headers: Record<string, string> = {}) =>
  app.app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json", ...headers },
    payload: body,
  });

describe("malformed and unexpected requests", () => {
  it("answers malformed JSON with 400 invalid_json", async () => {
    expectCleanError(
      await post(t, "/api/auth/login", '{"email": "a@b.se", "password": '),
      400,
      "invalid_json",
    );
    expectCleanError(
      await post(t, "/api/organisations", "{not json}", sysadmin.headers),
      400,
      "invalid_json",
    );
  });

  it("answers an empty JSON body with 400", async () => {
    expectCleanError(await post(t, "/api/auth/login", ""), 400, "invalid_json");
  });

  it("refuses a prototype-poisoning body with 400", async () => {
    const res = await post(
      t,
      "/api/auth/login",
      '{"__proto__": {"admin": true}, "email": "a@b.se", "password": "x"}',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/\.ts:\d+|stack/);
  });

  it("answers wrong types and unknown fields with 400 and the field path", async () => {
    const res = await post(t, "/api/auth/login", JSON.stringify({ email: 5, password: "x" }));
    expectCleanError(res, 400, "validation");
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: "email" })]);
    const extra = await post(
      t,
      "/api/auth/login",
      JSON.stringify({ email: "a@b.se", password: "x", remember: true }),
    );
    expectCleanError(extra, 400, "validation");
    expect(extra.json().error.issues).toEqual([expect.objectContaining({ path: "remember" })]);
    const array = await post(t, "/api/auth/login", "[]");
    expectCleanError(array, 400, "validation");
  });

  it("answers an oversize body with 413", async () => {
    const big = JSON.stringify({ email: "a@b.se", password: "x".repeat(10_000) });
    expectCleanError(await post(small, "/api/auth/login", big), 413, "body_too_large");
    const admin = await actorWith(small, "system_admin", null);
    const org = JSON.stringify({
      kind: "region",
      parentId: null,
      name: "R",
      description: "y".repeat(10_000),
    });
    expectCleanError(
      await post(small, "/api/organisations", org, admin.headers),
      413,
      "body_too_large",
    );
  });

  it("answers an unsupported content type with 415", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "text/plain" },
      payload: "email=a@b.se",
    });
    expectCleanError(res, 415, "unsupported_media_type");
    const form = await t.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: { ...sysadmin.headers, "content-type": "application/x-www-form-urlencoded" },
      payload: "kind=region&name=R",
    });
    expectCleanError(form, 415, "unsupported_media_type");
  });

  it("answers unknown routes with 404 JSON", async () => {
    for (const [method, url] of [
      ["GET", "/api/does-not-exist"],
      ["POST", "/api/nothing/here"],
      ["DELETE", "/api/organisations"],
      ["GET", "/api/users/x/y/z"],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: sysadmin.headers });
      expectCleanError(res, 404, "not_found");
    }
  });

  it("answers bad path and query parameters with 400", async () => {
    const res = await t.app.inject({ url: "/api/audit?limit=many", headers: sysadmin.headers });
    expectCleanError(res, 400, "validation");
    expect(res.json().error.issues[0].path).toBe("querystring.limit");
    const id = await t.app.inject({ url: "/api/users/1%27%20OR%201=1", headers: sysadmin.headers });
    expectCleanError(id, 400, "validation");
    expect(id.json().error.issues[0].path).toBe("params.id");
  });
});

describe("public health routes", () => {
  it("answers /healthz and /readyz without a session", async () => {
    for (const url of ["/healthz", "/readyz"]) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: "ok" });
    }
  });
});

describe("configuration", () => {
  const KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error("expected a ConfigError");
  };

  it("names a wrong PORT", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT/);
    expect(problemsOf({ PORT: "70000" })).toEqual([expect.stringMatching(/^PORT: /)]);
  });

  it("names OIDC_ISSUER when OIDC is configured only in part", () => {
    expect(problemsOf({ OIDC_CLIENT_ID: "paraply" })).toEqual([
      expect.stringMatching(/^OIDC_ISSUER: .*set together/),
    ]);
  });

  it("names every wrong variable at once", () => {
    const problems = problemsOf({
      DATABASE_URL: "mysql://localhost/x",
      SESSION_IDLE_MINUTES: "0",
      TRUST_PROXY: "maybe",
      NODE_ENV: "production",
      PARAPLY_DEMO: "true",
    });
    for (const name of ["DATABASE_URL", "SESSION_IDLE_MINUTES", "TRUST_PROXY"]) {
      expect(problems.some((p) => p.startsWith(`${name}: `))).toBe(true);
    }
  });

  it("refuses demo data in production", () => {
    expect(
      problemsOf({ NODE_ENV: "production", PARAPLY_DEMO: "true", PARAPLY_SECRET_KEY: KEY }),
    ).toEqual([expect.stringMatching(/^PARAPLY_DEMO: /)]);
  });

  it("requires a well-formed secret key in production", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual([
      expect.stringMatching(/^PARAPLY_SECRET_KEY: is required in production/),
    ]);
    expect(problemsOf({ PARAPLY_SECRET_KEY: "too-short" })).toEqual([
      expect.stringMatching(/^PARAPLY_SECRET_KEY: must be 32 random bytes in base64/),
    ]);
    expect(loadConfig({ NODE_ENV: "production", PARAPLY_SECRET_KEY: KEY }).NODE_ENV).toBe(
      "production",
    );
  });

  it("makes `paraply migrate` exit 2 naming PORT when PORT is wrong", () => {
    const run = spawnSync(process.execPath, ["bin/paraply.js", "migrate"], {
      env: { ...process.env, PORT: "abc", DATABASE_URL: inject("databaseUrl") },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/PORT/);
    expect(run.stderr).not.toMatch(/\bat \S+ \(/);
  });
});
