import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { connect } from "../db/database.ts";
import { buildApp, type PlatformApp } from "./app.ts";
import { ApiErrorSchema, registerOpenApi } from "./plugins/openapi.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const REDOCLY = path.join(ROOT, "node_modules/.bin/redocly");

/** Redocly's warnings that the routes' nature explains (redocly.yaml says why). */
const EXPECTED_WARNINGS = [
  "operation-4xx-response #/paths/~1healthz/get/responses",
  "operation-4xx-response #/paths/~1readyz/get/responses",
  "operation-2xx-response #/paths/~1api~1auth~1oidc~1login/get/responses",
  "operation-2xx-response #/paths/~1api~1auth~1oidc~1callback/get/responses",
];

interface Operation {
  summary?: string;
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}
type OpenApi = { paths: Record<string, Record<string, Operation>>; servers: { url: string }[] };

// The document needs no database: the pool connects on first query, and nothing here queries.
let app: PlatformApp;
let pool: { end: () => Promise<void> };
let doc: OpenApi;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: "postgres://nobody@127.0.0.1:9/unused",
    AUTH_CACHE_SECONDS: "0",
    PARAPLY_PUBLIC_URL: "https://paraply.example.se",
    PARAPLY_SECRET_KEY: "cGFyYXBseS10ZXN0LWtleS0zMi1ieXRlcy1sb25nISE=",
  });
  const connection = connect(config.DATABASE_URL!, 1);
  pool = connection.pool;
  app = await buildApp({ config, db: connection.db, ready: async () => true });
  await app.ready();
  doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
});

afterAll(async () => {
  await app?.close();
  await pool?.end();
});

function operations() {
  return Object.entries(doc.paths).flatMap(([url, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, url, op })),
  );
}

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended rules with no errors and only the expected warnings", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "paraply-openapi-"));
    try {
      const file = path.join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const run = promisify(execFile)(
        REDOCLY,
        ["lint", file, "--config", path.join(ROOT, "redocly.yaml"), "--format=json"],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: "off",
            REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
            NO_COLOR: "1",
          },
        },
      );
      // Redocly exits 1 on any error: the output is read either way, the exit checked below.
      const result = await run.then(
        (out) => ({ ...out, code: 0 }),
        (error: { stdout: string; stderr: string; code: number }) => error,
      );
      const report = JSON.parse(result.stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; location: { pointer: string }[] }[];
      };
      const found = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`);
      expect(found.filter((p) => !EXPECTED_WARNINGS.includes(p))).toEqual([]);
      expect(report.totals).toEqual({ errors: 0, warnings: EXPECTED_WARNINGS.length, ignored: 0 });
      expect(result.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("names the public URL as its server", () => {
    expect(doc.servers).toEqual([{ url: "https://paraply.example.se" }]);
  });

  it("gives every operation a summary, a unique operationId and the security its access demands", () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(70);
    const ids = all.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(all.length);
    for (const { op } of all) expect(op.summary?.length).toBeGreaterThan(3);
    const byKey = new Map(all.map(({ method, url, op }) => [`${method} ${url}`, op]));
    // Public routes say so; the rest need the session cookie.
    expect(byKey.get("post /api/auth/login")?.security).toEqual([]);
    expect(byKey.get("get /healthz")?.security).toEqual([]);
    expect(byKey.get("get /api/users")?.security).toEqual([{ session: [] }]);
    expect(byKey.get("post /api/auth/mfa")?.security).toEqual([{ session: [] }]);
    const publicRoutes = app.printRoutes({ commonPrefix: false });
    expect(publicRoutes).toContain("/api/docs");
    const secured = all.filter(({ op }) => op.security?.length);
    const open = all.filter(({ op }) => op.security?.length === 0);
    expect(secured.length + open.length).toBe(all.length);
    for (const { op } of secured) expect(op.responses["401"]).toBeDefined();
    for (const { op } of open) expect(op.responses["401"]).toBeUndefined();
  });

  it("describes failures in the shape the error handler sends", async () => {
    const failures = await Promise.all([
      app.inject({ method: "GET", url: "/api/users" }),
      app.inject({ method: "GET", url: "/api/no-such-thing" }),
      app.inject({
        method: "POST",
        url: "/api/auth/password-reset",
        headers: { origin: "https://paraply.example.se" },
        payload: { email: "not an address" },
      }),
    ]);
    expect(failures.map((f) => f.statusCode)).toEqual([401, 404, 400]);
    expect(failures[2]?.json().error.issues).toHaveLength(1);
    for (const failure of failures) {
      expect(() => ApiErrorSchema.parse(failure.json())).not.toThrow();
    }
  });

  it("documents the failures each operation can meet", () => {
    const op = doc.paths["/api/users/{id}"]?.get;
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "429",
    ]);
    expect(op?.responses["404"]).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
    });
  });
});

describe("a route without a summary", () => {
  it("refuses to register, so the app does not start", async () => {
    const bare = Fastify();
    await registerOpenApi(bare, { publicUrl: undefined });
    expect(() =>
      bare.get("/api/unexplained", { config: { access: "public" } }, async () => ({})),
    ).toThrow(/GET \/api\/unexplained does not declare a summary/);
    await bare.close();
  });
});

describe("the API reference at /api/docs", () => {
  it("is a page that loads the bundled renderer, with a policy that allows only its worker more", async () => {
    const page = await app.inject({ method: "GET", url: "/api/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain('<redoc spec-url="/api/openapi.json"');
    expect(page.body).toContain('<script src="/api/docs/redoc.standalone.js">');
    expect(page.body).not.toMatch(/https?:\/\//);
    const policy = String(page.headers["content-security-policy"]);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-eval");
    // The app's own policy, plus the search worker; no other route gets that.
    const other = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(policy).toBe(`${other.headers["content-security-policy"]};worker-src blob:`);

    const script = await app.inject({
      method: "GET",
      url: "/api/docs/redoc.standalone.js",
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(script.headers["content-encoding"]).toBe("gzip");
    expect(script.rawPayload.length).toBeGreaterThan(100_000);
    expect(script.rawPayload.length).toBeLessThan(600_000);
    expect(gunzipSync(script.rawPayload).toString()).not.toContain("cdn.redoc.ly");
  });
});
