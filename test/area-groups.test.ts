import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildArea, buildMunicipality, buildUnit } from "./helpers/factories.ts";
import { auditRowsFor, call } from "./helpers/http.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A municipality with two areas (one nested), its administrator and a fresh set with a group. */
async function fixture() {
  const municipality = await buildMunicipality(t.db);
  const north = await buildArea(t.db, municipality.id, "Norr");
  const south = await buildArea(t.db, municipality.id, "Söder");
  const nested = await buildArea(t.db, north.id, "Norr inre");
  const admin = await actorWith(t, "org_admin", municipality.id);
  const set = await call(
    t,
    "POST",
    `/api/organisations/${municipality.id}/area-group-sets`,
    admin.headers,
    { name: "Skolupptagningsområden", kind: "school_catchment" },
  );
  expect(set.statusCode).toBe(201);
  const group = await call(
    t,
    "POST",
    `/api/area-group-sets/${set.json().id}/groups`,
    admin.headers,
    {
      name: "Norra upptagningsområdet",
    },
  );
  expect(group.statusCode).toBe(201);
  return { municipality, north, south, nested, admin, set: set.json(), group: group.json() };
}

describe("without a session", () => {
  it.each([
    ["GET", `/api/organisations/${randomUUID()}/area-group-sets`],
    ["POST", `/api/organisations/${randomUUID()}/area-group-sets`],
    ["PATCH", `/api/area-group-sets/${randomUUID()}`],
    ["DELETE", `/api/area-group-sets/${randomUUID()}?version=1`],
    ["POST", `/api/area-group-sets/${randomUUID()}/groups`],
    ["PATCH", `/api/area-groups/${randomUUID()}`],
    ["DELETE", `/api/area-groups/${randomUUID()}?version=1`],
    ["PUT", `/api/area-groups/${randomUUID()}/members`],
  ] as const)("%s %s answers 401", async (method, url) => {
    const body = method === "GET" || method === "DELETE" ? undefined : { name: "x" };
    const res = await call(t, method, url, {}, body);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });
});

describe("group sets", () => {
  it("creates a set, lists it with groups and members for a reader, and audits it", async () => {
    const f = await fixture();
    expect(f.set).toMatchObject({
      municipalityId: f.municipality.id,
      name: "Skolupptagningsområden",
      kind: "school_catchment",
      description: null,
      version: 1,
      groups: [],
    });
    const members = await call(
      t,
      "PUT",
      `/api/area-groups/${f.group.id}/members`,
      f.admin.headers,
      {
        areaIds: [f.north.id, f.nested.id],
      },
    );
    expect(members.statusCode).toBe(200);
    expect(members.json().areaIds.sort()).toEqual([f.north.id, f.nested.id].sort());

    const reader = await actorWith(t, "reader", f.south.id);
    const list = await call(
      t,
      "GET",
      `/api/organisations/${f.municipality.id}/area-group-sets`,
      reader.headers,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ manage: false });
    expect(list.json().sets).toEqual([
      expect.objectContaining({
        id: f.set.id,
        groups: [
          expect.objectContaining({
            id: f.group.id,
            name: "Norra upptagningsområdet",
            areaIds: expect.arrayContaining([f.north.id, f.nested.id]),
          }),
        ],
      }),
    ]);
    const own = await call(
      t,
      "GET",
      `/api/organisations/${f.municipality.id}/area-group-sets`,
      f.admin.headers,
    );
    expect(own.json().abilities).toEqual({ manage: true });

    expect(await auditRowsFor(t, f.set.id)).toEqual([
      {
        action: "areaGroupSet.create",
        actor_id: f.admin.user.id,
        subject_type: "area_group_set",
        subject_id: f.set.id,
        organisation_id: f.municipality.id,
        details: { name: "Skolupptagningsområden", kind: "school_catchment" },
      },
    ]);
    expect((await auditRowsFor(t, f.group.id)).map((r) => r.action)).toEqual([
      "areaGroup.create",
      "areaGroup.members",
    ]);
    const [, membersRow] = await auditRowsFor(t, f.group.id);
    expect(membersRow.details.removed).toEqual([]);
    expect(membersRow.details.added.sort()).toEqual([f.north.id, f.nested.id].sort());
  });

  it("answers 400 for bad input with the field path, and for an organisation that is no municipality", async () => {
    const f = await fixture();
    const bad = await call(
      t,
      "POST",
      `/api/organisations/${f.municipality.id}/area-group-sets`,
      f.admin.headers,
      { name: " ", kind: "county" },
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(["kind", "name"]);
    const notMunicipality = await call(
      t,
      "POST",
      `/api/organisations/${f.north.id}/area-group-sets`,
      f.admin.headers,
      { name: "Stadsdelar", kind: "district" },
    );
    expect(notMunicipality.statusCode).toBe(400);
    expect(notMunicipality.json().error.issues).toEqual([
      expect.objectContaining({ path: "params.id" }),
    ]);
    const listArea = await call(
      t,
      "GET",
      `/api/organisations/${f.north.id}/area-group-sets`,
      f.admin.headers,
    );
    expect(listArea.statusCode).toBe(400);
    const noVersion = await call(t, "DELETE", `/api/area-group-sets/${f.set.id}`, f.admin.headers);
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.issues[0].path).toBe("querystring.version");
    const patchBad = await call(t, "PATCH", `/api/area-groups/${f.group.id}`, f.admin.headers, {
      name: "x",
    });
    expect(patchBad.statusCode).toBe(400);
    expect(patchBad.json().error.issues[0].path).toBe("version");
    const dupMembers = await call(
      t,
      "PUT",
      `/api/area-groups/${f.group.id}/members`,
      f.admin.headers,
      { areaIds: [f.north.id, f.north.id] },
    );
    expect(dupMembers.statusCode).toBe(400);
    expect(dupMembers.json().error.issues[0].path).toBe("areaIds");
  });

  it("answers 403 outside the caller's municipality and to roles that cannot manage", async () => {
    const f = await fixture();
    const foreign = await actorWith(t, "org_admin", (await buildMunicipality(t.db)).id);
    const coordinator = await actorWith(t, "coordinator", f.municipality.id);
    const urls = [
      [
        "POST",
        `/api/organisations/${f.municipality.id}/area-group-sets`,
        { name: "A", kind: "deso" },
      ],
      ["PATCH", `/api/area-group-sets/${f.set.id}`, { name: "B", version: 1 }],
      ["DELETE", `/api/area-group-sets/${f.set.id}?version=1`, undefined],
      ["POST", `/api/area-group-sets/${f.set.id}/groups`, { name: "C" }],
      ["PATCH", `/api/area-groups/${f.group.id}`, { name: "D", version: 1 }],
      ["DELETE", `/api/area-groups/${f.group.id}?version=1`, undefined],
      ["PUT", `/api/area-groups/${f.group.id}/members`, { areaIds: [f.south.id] }],
    ] as const;
    for (const [method, url, body] of urls) {
      for (const who of [foreign, coordinator]) {
        const res = await call(t, method, url, who.headers, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
    }
    const read = await call(
      t,
      "GET",
      `/api/organisations/${f.municipality.id}/area-group-sets`,
      foreign.headers,
    );
    expect(read.statusCode).toBe(403);
    // Nothing changed and nothing was audited beyond the fixture's own rows.
    expect((await auditRowsFor(t, f.set.id)).map((r) => r.action)).toEqual(["areaGroupSet.create"]);
    expect((await auditRowsFor(t, f.group.id)).map((r) => r.action)).toEqual(["areaGroup.create"]);
  });

  it("renames and deletes a set with optimistic locking, audited", async () => {
    const f = await fixture();
    const renamed = await call(t, "PATCH", `/api/area-group-sets/${f.set.id}`, f.admin.headers, {
      name: "Skolområden",
      description: "För elevhälsan",
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: "Skolområden",
      description: "För elevhälsan",
      version: 2,
    });
    const stale = await call(t, "PATCH", `/api/area-group-sets/${f.set.id}`, f.admin.headers, {
      name: "Gammal",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    const staleDelete = await call(
      t,
      "DELETE",
      `/api/area-group-sets/${f.set.id}?version=1`,
      f.admin.headers,
    );
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await call(
      t,
      "DELETE",
      `/api/area-group-sets/${f.set.id}?version=2`,
      f.admin.headers,
    );
    expect(deleted.statusCode).toBe(200);
    expect((await auditRowsFor(t, f.set.id)).map((r) => r.action)).toEqual([
      "areaGroupSet.create",
      "areaGroupSet.update",
      "areaGroupSet.delete",
    ]);
    // The groups went with it.
    const groups = await t.pool.query("SELECT 1 FROM platform.area_groups WHERE id = $1", [
      f.group.id,
    ]);
    expect(groups.rowCount).toBe(0);
    const gone = await call(t, "PATCH", `/api/area-group-sets/${f.set.id}`, f.admin.headers, {
      name: "X",
      version: 2,
    });
    expect(gone.statusCode).toBe(404);
  });

  it("refuses a second set with the same name in the municipality", async () => {
    const f = await fixture();
    const again = await call(
      t,
      "POST",
      `/api/organisations/${f.municipality.id}/area-group-sets`,
      f.admin.headers,
      { name: "skolupptagningsområden", kind: "school_catchment" },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("duplicate");
  });
});

describe("groups and members", () => {
  it("renames and deletes a group, audited", async () => {
    const f = await fixture();
    const renamed = await call(t, "PATCH", `/api/area-groups/${f.group.id}`, f.admin.headers, {
      name: "Norra",
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Norra", version: 2, groupSetId: f.set.id });
    const duplicate = await call(
      t,
      "POST",
      `/api/area-group-sets/${f.set.id}/groups`,
      f.admin.headers,
      {
        name: "NORRA",
      },
    );
    expect(duplicate.statusCode).toBe(409);
    const deleted = await call(
      t,
      "DELETE",
      `/api/area-groups/${f.group.id}?version=2`,
      f.admin.headers,
    );
    expect(deleted.statusCode).toBe(200);
    expect(await auditRowsFor(t, f.group.id, "action, organisation_id")).toEqual([
      { action: "areaGroup.create", organisation_id: f.municipality.id },
      { action: "areaGroup.update", organisation_id: f.municipality.id },
      { action: "areaGroup.delete", organisation_id: f.municipality.id },
    ]);
  });

  it("keeps an area in one group per set, but lets it be in groups of other sets", async () => {
    const f = await fixture();
    const other = await call(
      t,
      "POST",
      `/api/area-group-sets/${f.set.id}/groups`,
      f.admin.headers,
      {
        name: "Södra upptagningsområdet",
      },
    );
    const put = (groupId: string, areaIds: string[]) =>
      call(t, "PUT", `/api/area-groups/${groupId}/members`, f.admin.headers, { areaIds });
    expect((await put(f.group.id, [f.north.id])).statusCode).toBe(200);
    const clash = await put(other.json().id, [f.south.id, f.north.id]);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: "area_in_other_group" });
    expect(clash.json().error.message).toContain("Norr (Norra upptagningsområdet)");
    expect(clash.json().error.message).toMatch(/bara ingå i en grupp per indelning/);

    // Another set cuts the same areas differently.
    const districts = await call(
      t,
      "POST",
      `/api/organisations/${f.municipality.id}/area-group-sets`,
      f.admin.headers,
      { name: "Stadsdelar", kind: "district" },
    );
    const all = await call(
      t,
      "POST",
      `/api/area-group-sets/${districts.json().id}/groups`,
      f.admin.headers,
      { name: "Hela kommunen" },
    );
    expect((await put(all.json().id, [f.north.id, f.south.id])).statusCode).toBe(200);

    // The database holds the rule too, whatever the application does.
    await expect(
      t.pool.query(
        "INSERT INTO platform.area_group_members (group_id, group_set_id, area_id) VALUES ($1, $2, $3)",
        [other.json().id, f.set.id, f.north.id],
      ),
    ).rejects.toMatchObject({ code: "23505" });
    // Moving an area: take it out of one group, then put it in the other.
    expect((await put(f.group.id, [])).statusCode).toBe(200);
    const moved = await put(other.json().id, [f.north.id]);
    expect(moved.statusCode).toBe(200);
    expect(moved.json().areaIds).toEqual([f.north.id]);
  });

  it("rejects areas outside the municipality, units and the municipality itself with the field path", async () => {
    const f = await fixture();
    const elsewhere = await buildArea(t.db, (await buildMunicipality(t.db)).id);
    const unit = await buildUnit(t.db, f.north.id);
    const res = await call(t, "PUT", `/api/area-groups/${f.group.id}/members`, f.admin.headers, {
      areaIds: [f.north.id, elsewhere.id, unit.id, f.municipality.id, randomUUID()],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      "areaIds.1",
      "areaIds.2",
      "areaIds.3",
      "areaIds.4",
    ]);
    const members = await t.pool.query(
      "SELECT 1 FROM platform.area_group_members WHERE group_id = $1",
      [f.group.id],
    );
    expect(members.rowCount).toBe(0);
  });

  it("answers 404 for a group or set that does not exist", async () => {
    const sysadmin = await actorWith(t, "system_admin", null);
    const res = await call(t, "PUT", `/api/area-groups/${randomUUID()}/members`, sysadmin.headers, {
      areaIds: [],
    });
    expect(res.statusCode).toBe(404);
    const set = await call(
      t,
      "POST",
      `/api/area-group-sets/${randomUUID()}/groups`,
      sysadmin.headers,
      {
        name: "X",
      },
    );
    expect(set.statusCode).toBe(404);
  });
});
