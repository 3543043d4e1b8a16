import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../src/domain/platform/roles.ts";
import { MODULES } from "../src/server/modules.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality } from "./helpers/factories.ts";
import { appMatrix, MODULE_MATRICES } from "./matrix/index.ts";
import { STRONGER_TARGETS, strongerMatrix } from "./matrix/platform.ts";
import type { Caller, Cell, Fixture, MatrixRequest, ModuleMatrix, Row } from "./matrix/types.ts";

/**
 * For every route in the OpenAPI document and every caller, the status the app answers. Each
 * context keeps its rows in test/matrix/<context>.ts; this file iterates the module list. A
 * route without a row fails, and so does a row without a route.
 */
const matrices: [string, ModuleMatrix][] = [
  ["app", appMatrix],
  ...MODULES.map((m) => [m.name, MODULE_MATRICES[m.name]] as [string, ModuleMatrix]),
];
const MATRIX = Object.assign({}, ...matrices.map(([, m]) => m.rows)) as ModuleMatrix["rows"];
const REQUESTS = Object.assign(
  {},
  ...matrices.map(([, m]) => m.requests),
) as ModuleMatrix["requests"];

/** OpenAPI's path form of a Fastify route: `:id` becomes `{id}`. */
const openApiKey = (method: string, url: string) =>
  `${method} ${url.replace(/:([A-Za-z]+)/g, "{$1}")}`;

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
  it("has, for every context, a row in its own matrix for each route it registers", () => {
    const missing = t.app.moduleRoutes
      .filter((r) => !(openApiKey(r.method, r.url) in MODULE_MATRICES[r.module].rows))
      .map((r) => `${r.module}: ${openApiKey(r.method, r.url)}`);
    expect(missing).toEqual([]);
    for (const module of MODULES) {
      const own = t.app.moduleRoutes
        .filter((r) => r.module === module.name)
        .map((r) => openApiKey(r.method, r.url));
      expect(
        Object.keys(MODULE_MATRICES[module.name].rows).filter((k) => !own.includes(k)),
      ).toEqual([]);
    }
  });

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
    await expectRow(route, MATRIX[route]!, REQUESTS[route]!);
  });
});

describe("authorisation matrix: a target who holds more than the caller", () => {
  it("covers every route that acts on an account", () => {
    const accountRoutes = Object.keys(MATRIX).filter((r) =>
      /^(?!GET).* \/api\/users\/\{id\}/.test(r),
    );
    expect(Object.keys(strongerMatrix.rows).sort()).toEqual(accountRoutes.sort());
    expect(Object.keys(strongerMatrix.requests).sort()).toEqual(accountRoutes.sort());
  });

  it.each(
    Object.keys(strongerMatrix.rows).flatMap((route) =>
      STRONGER_TARGETS.map((kind) => [route, kind] as const),
    ),
  )("%s on a %s", async (route, kind) => {
    await expectRow(route, strongerMatrix.rows[route]!, (f) =>
      strongerMatrix.requests[route]!(f, kind),
    );
  });
});

/** Calls the route as every caller, in their own and a foreign municipality, and compares. */
async function expectRow(route: string, row: Row, build: (f: Fixture) => Promise<MatrixRequest>) {
  const method = route.split(" ")[0] as "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  const observed: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  for (const [caller, cell] of Object.entries(row) as [Caller, Cell][]) {
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
      const request = await build({ t, org, headers });
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
}
