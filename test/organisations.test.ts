import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import {
  actorWith,
  buildArea,
  buildMunicipality,
  buildRegion,
  buildUnit,
} from "./helpers/factories.ts";
import { auditRowsFor, call } from "./helpers/http.ts";

let t: TestApp;
let sysadmin: Awaited<ReturnType<typeof actorWith>>;
beforeAll(async () => {
  t = await buildTestApp();
  sysadmin = await actorWith(t, "system_admin", null);
});
afterAll(() => t.close());

async function freeMunicipalityCode(): Promise<{ code: string; name: string }> {
  const res = await t.pool.query(`
    SELECT code, name FROM platform.municipality_refs r
    WHERE NOT EXISTS (SELECT 1 FROM platform.organisations o WHERE o.municipality_code = r.code)
    ORDER BY random() LIMIT 1`);
  return res.rows[0];
}

describe("without a session", () => {
  it.each([
    ["GET", "/api/municipality-refs"],
    ["GET", "/api/organisations"],
    ["GET", `/api/organisations/${randomUUID()}`],
    ["POST", "/api/organisations"],
    ["PATCH", `/api/organisations/${randomUUID()}`],
  ] as const)("%s %s answers 401", async (method, url) => {
    const res = await call(t, method, url, {}, method === "GET" ? undefined : { name: "x" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });
});

describe("GET /api/municipality-refs", () => {
  it("lists all 290 municipalities and searches by name or code", async () => {
    const { headers } = await actorWith(t, "reader");
    const all = await call(t, "GET", "/api/municipality-refs", headers);
    expect(all.statusCode).toBe(200);
    // Beside the country's 290, the tests' database holds fictional ones in county 99.
    const real = all.json().filter((r: { countyCode: string }) => r.countyCode !== "99");
    expect(real).toHaveLength(290);
    const byName = (await call(t, "GET", "/api/municipality-refs?q=bengts", headers)).json();
    expect(byName).toEqual([
      { code: "1460", name: "Bengtsfors", countyCode: "14", countyName: expect.any(String) },
    ]);
    const byCode = (await call(t, "GET", "/api/municipality-refs?q=1492", headers)).json();
    expect(byCode.map((r: { name: string }) => r.name)).toEqual(["Åmål"]);
  });

  it("serves the whole list from memory with an ETag a browser may revalidate", async () => {
    const { headers } = await actorWith(t, "reader");
    const first = await call(t, "GET", "/api/municipality-refs", headers);
    expect(first.headers["cache-control"]).toBe("private, max-age=86400");
    const etag = first.headers.etag as string;
    const second = await call(t, "GET", "/api/municipality-refs", headers);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(etag);
    const revalidated = await call(t, "GET", "/api/municipality-refs", {
      ...headers,
      "if-none-match": etag,
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe("");
    const gzipped = await call(t, "GET", "/api/municipality-refs", {
      ...headers,
      "accept-encoding": "gzip, deflate, br",
    });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(first.body);
    // As the database orders and matches them: case-insensitively, Swedish letters included.
    const byLetter = (await call(t, "GET", "/api/municipality-refs?q=%C3%85M", headers)).json();
    expect(byLetter.map((r: { name: string }) => r.name)).toContain("Åmål");
    const { rows } = await t.pool.query<{ name: string }>(
      "SELECT name FROM platform.municipality_refs ORDER BY name",
    );
    expect(first.json().map((r: { name: string }) => r.name)).toEqual(rows.map((r) => r.name));
  });

  it("rejects unknown query parameters with their path", async () => {
    const { headers } = await actorWith(t, "reader");
    const res = await call(t, "GET", "/api/municipality-refs?bogus=1", headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation");
    expect(res.json().error.issues).toEqual([
      { path: "querystring.bogus", message: expect.stringContaining("bogus") },
    ]);
  });
});

describe("GET /api/organisations", () => {
  it("shows the caller's subtree and ancestors, never another municipality", async () => {
    const region = await buildRegion(t.db);
    const own = await buildMunicipality(t.db, { parentId: region.id });
    const sibling = await buildMunicipality(t.db, { parentId: region.id });
    const foreign = await buildMunicipality(t.db);
    const area = await buildArea(t.db, own.id);
    const unit = await buildUnit(t.db, area.id);
    const { headers } = await actorWith(t, "reader", area.id);
    const res = await call(t, "GET", "/api/organisations", headers);
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([region.id, own.id, area.id, unit.id]));
    expect(ids).not.toContain(sibling.id);
    expect(ids).not.toContain(foreign.id);
    // List and detail agree for the same caller.
    expect((await call(t, "GET", `/api/organisations/${sibling.id}`, headers)).statusCode).toBe(
      403,
    );
    expect((await call(t, "GET", `/api/organisations/${unit.id}`, headers)).statusCode).toBe(200);
  });
});

describe("GET /api/organisations/:id", () => {
  it("returns the organisation with the caller's abilities", async () => {
    const municipality = await buildMunicipality(t.db);
    const { headers } = await actorWith(t, "org_admin", municipality.id);
    const res = await call(t, "GET", `/api/organisations/${municipality.id}`, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: municipality.id,
      kind: "municipality",
      municipalityCode: municipality.municipalityCode,
      countyName: expect.any(String),
      archived: false,
      version: 1,
      abilities: { update: true, createChild: true, readUsers: true, readAudit: true },
    });
    const parent = await call(t, "GET", `/api/organisations/${municipality.parentId}`, headers);
    expect(parent.statusCode).toBe(200);
    expect(parent.json().abilities).toEqual({
      update: false,
      createChild: false,
      readUsers: false,
      readAudit: false,
    });
  });

  it("tells a coordinator and a reader which of the organisation's pages they may use", async () => {
    const municipality = await buildMunicipality(t.db);
    const coordinator = await actorWith(t, "coordinator", municipality.id);
    const asCoordinator = await call(
      t,
      "GET",
      `/api/organisations/${municipality.id}`,
      coordinator.headers,
    );
    expect(asCoordinator.json().abilities).toEqual({
      update: false,
      createChild: false,
      readUsers: true,
      readAudit: false,
    });
    const reader = await actorWith(t, "reader", municipality.id);
    const asReader = await call(t, "GET", `/api/organisations/${municipality.id}`, reader.headers);
    expect(asReader.json().abilities).toEqual({
      update: false,
      createChild: false,
      readUsers: false,
      readAudit: false,
    });
  });

  it("answers 400 for a malformed id, 403 outside the caller's tree and 404 when missing", async () => {
    const municipality = await buildMunicipality(t.db);
    const { headers } = await actorWith(t, "coordinator", municipality.id);
    const bad = await call(t, "GET", "/api/organisations/not-a-uuid", headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([expect.objectContaining({ path: "params.id" })]);
    const foreign = await buildMunicipality(t.db);
    expect((await call(t, "GET", `/api/organisations/${foreign.id}`, headers)).statusCode).toBe(
      403,
    );
    const missing = await call(t, "GET", `/api/organisations/${randomUUID()}`, sysadmin.headers);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
  });
});

describe("POST /api/organisations", () => {
  it("creates an area and a unit under the caller's municipality and audits each", async () => {
    const municipality = await buildMunicipality(t.db);
    const { headers, user } = await actorWith(t, "org_admin", municipality.id);
    const area = await call(t, "POST", "/api/organisations", headers, {
      kind: "area",
      parentId: municipality.id,
      name: "  Norra  ",
      areaType: "school_catchment",
    });
    expect(area.statusCode).toBe(201);
    expect(area.json()).toMatchObject({
      kind: "area",
      name: "Norra",
      areaType: "school_catchment",
    });
    const unit = await call(t, "POST", "/api/organisations", headers, {
      kind: "unit",
      parentId: area.json().id,
      name: "Elevhälsoteamet",
      sector: "skola",
    });
    expect(unit.statusCode).toBe(201);
    expect(unit.json()).toMatchObject({ parentId: area.json().id, sector: "skola", version: 1 });
    expect(await auditRowsFor(t, unit.json().id)).toEqual([
      {
        action: "organisation.create",
        actor_id: user.id,
        subject_type: "organisation",
        subject_id: unit.json().id,
        organisation_id: unit.json().id,
        details: { kind: "unit", name: "Elevhälsoteamet", parentId: area.json().id },
      },
    ]);
  });

  it("picks a municipality by SCB code: named from the list, unknown code 400, duplicate 409", async () => {
    const region = await buildRegion(t.db);
    const ref = await freeMunicipalityCode();
    const created = await call(t, "POST", "/api/organisations", sysadmin.headers, {
      kind: "municipality",
      parentId: region.id,
      municipalityCode: ref.code,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: ref.name, municipalityCode: ref.code });
    expect(created.json().countyName).toEqual(expect.any(String));
    expect(await auditRowsFor(t, created.json().id)).toEqual([
      expect.objectContaining({ action: "organisation.create", actor_id: sysadmin.user.id }),
    ]);

    const duplicate = await call(t, "POST", "/api/organisations", sysadmin.headers, {
      kind: "municipality",
      parentId: region.id,
      municipalityCode: ref.code,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: "duplicate" });
    expect(duplicate.json().error.message).toContain(ref.name);

    const unknown = await call(t, "POST", "/api/organisations", sysadmin.headers, {
      kind: "municipality",
      parentId: region.id,
      municipalityCode: "0000",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      message: "Okänd kommunkod.",
      issues: [expect.objectContaining({ path: "municipalityCode" })],
    });
  });

  it("keeps the tree's order: a unit under a region is refused with a message", async () => {
    const region = await buildRegion(t.db);
    const res = await call(t, "POST", "/api/organisations", sysadmin.headers, {
      kind: "unit",
      parentId: region.id,
      name: "Fel nivå",
      sector: "polis",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "bad_request",
      message: "En enhet kan bara ligga under: kommun, område.",
      issues: [{ path: "parentId", message: expect.any(String) }],
    });
    const orphan = await call(t, "POST", "/api/organisations", sysadmin.headers, {
      kind: "area",
      parentId: null,
      name: "Utan förälder",
      areaType: "district",
    });
    expect(orphan.statusCode).toBe(400);
    const missingParent = await call(t, "POST", "/api/organisations", sysadmin.headers, {
      kind: "area",
      parentId: randomUUID(),
      name: "Ingen",
      areaType: "district",
    });
    expect(missingParent.statusCode).toBe(400);
    expect(missingParent.json().error.issues[0].path).toBe("parentId");
  });

  it("lets only a system administrator create a region", async () => {
    const municipality = await buildMunicipality(t.db);
    const { headers } = await actorWith(t, "org_admin", municipality.id);
    const body = { kind: "region", parentId: null, name: `Region ${randomUUID()}` };
    expect((await call(t, "POST", "/api/organisations", headers, body)).statusCode).toBe(403);
    expect((await call(t, "POST", "/api/organisations", sysadmin.headers, body)).statusCode).toBe(
      201,
    );
  });

  it("answers 403 to roles without organisation.manage and outside the caller's tree", async () => {
    const municipality = await buildMunicipality(t.db);
    const body = (parentId: string) => ({
      kind: "area",
      parentId,
      name: "Södra",
      areaType: "district",
    });
    const coordinator = await actorWith(t, "coordinator", municipality.id);
    const refused = await call(
      t,
      "POST",
      "/api/organisations",
      coordinator.headers,
      body(municipality.id),
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("forbidden");
    const admin = await actorWith(t, "org_admin", municipality.id);
    const foreign = await buildMunicipality(t.db);
    expect(
      (await call(t, "POST", "/api/organisations", admin.headers, body(foreign.id))).statusCode,
    ).toBe(403);
    const count = await t.pool.query(
      "SELECT count(*)::int AS n FROM platform.organisations WHERE parent_id = ANY($1)",
      [[municipality.id, foreign.id]],
    );
    expect(count.rows[0].n).toBe(0);
  });

  it.each([
    ["malformed JSON", "{kind:", "", "invalid_json"],
    [
      "a wrong type",
      { kind: "area", parentId: "x", name: 5, areaType: "district" },
      "name",
      "validation",
    ],
    [
      "an unknown field",
      { kind: "region", parentId: null, name: "R", colour: "red" },
      "colour",
      "validation",
    ],
    ["a missing kind", { parentId: null, name: "R" }, "kind", "validation"],
    ["a unit without sector", { kind: "unit", parentId: null, name: "E" }, "sector", "validation"],
    [
      "an unknown sector",
      { kind: "unit", parentId: null, name: "E", sector: "x" },
      "sector",
      "validation",
    ],
  ] as const)("answers 400 to %s", async (_label, payload, path, code) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: { ...sysadmin.headers, "content-type": "application/json" },
      payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    if (code === "validation") {
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("PATCH /api/organisations/:id", () => {
  it("updates with the current version, refuses a stale one, and audits", async () => {
    const municipality = await buildMunicipality(t.db);
    const area = await buildArea(t.db, municipality.id);
    const { headers, user } = await actorWith(t, "org_admin", municipality.id);
    const res = await call(t, "PATCH", `/api/organisations/${area.id}`, headers, {
      name: "Centrum",
      description: "Innerstaden",
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "Centrum", description: "Innerstaden", version: 2 });
    const stale = await call(t, "PATCH", `/api/organisations/${area.id}`, headers, {
      name: "Annat",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect(await auditRowsFor(t, area.id)).toEqual([
      {
        action: "organisation.update",
        actor_id: user.id,
        subject_type: "organisation",
        subject_id: area.id,
        organisation_id: area.id,
        details: { changes: { name: "Centrum", description: "Innerstaden", version: 1 } },
      },
    ]);
  });

  it("archives and restores an organisation", async () => {
    const municipality = await buildMunicipality(t.db);
    const unit = await buildUnit(t.db, municipality.id);
    const { headers, user } = await actorWith(t, "org_admin", municipality.id);
    const archived = await call(t, "PATCH", `/api/organisations/${unit.id}`, headers, {
      archived: true,
      version: 1,
    });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    const restored = await call(t, "PATCH", `/api/organisations/${unit.id}`, headers, {
      archived: false,
      version: 2,
    });
    expect(restored.json()).toMatchObject({ archived: false, version: 3 });
    expect((await auditRowsFor(t, unit.id)).map((r) => [r.action, r.actor_id])).toEqual([
      ["organisation.archive", user.id],
      ["organisation.update", user.id],
    ]);
  });

  it("refuses a sector on anything but a unit", async () => {
    const municipality = await buildMunicipality(t.db);
    const area = await buildArea(t.db, municipality.id);
    const res = await call(t, "PATCH", `/api/organisations/${area.id}`, sysadmin.headers, {
      sector: "skola",
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: "sector" })]);
  });

  it("answers 400 on bad input, 403 outside the tree and 404 when missing", async () => {
    const municipality = await buildMunicipality(t.db);
    const area = await buildArea(t.db, municipality.id);
    const { headers } = await actorWith(t, "org_admin", municipality.id);
    const noVersion = await call(t, "PATCH", `/api/organisations/${area.id}`, headers, {
      name: "X",
    });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.issues).toEqual([expect.objectContaining({ path: "version" })]);
    const wrongType = await call(t, "PATCH", `/api/organisations/${area.id}`, headers, {
      archived: "yes",
      version: 1,
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.issues[0].path).toBe("archived");
    const unknown = await call(t, "PATCH", `/api/organisations/${area.id}`, headers, {
      kind: "unit",
      version: 1,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([expect.objectContaining({ path: "kind" })]);

    const foreignArea = await buildArea(t.db, (await buildMunicipality(t.db)).id);
    const denied = await call(t, "PATCH", `/api/organisations/${foreignArea.id}`, headers, {
      name: "Kapad",
      version: 1,
    });
    expect(denied.statusCode).toBe(403);
    const reader = await actorWith(t, "reader", municipality.id);
    expect(
      (
        await call(t, "PATCH", `/api/organisations/${area.id}`, reader.headers, {
          name: "R",
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const missing = await call(t, "PATCH", `/api/organisations/${randomUUID()}`, sysadmin.headers, {
      name: "Ingen",
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
    expect(await auditRowsFor(t, foreignArea.id)).toEqual([]);
  });
});
