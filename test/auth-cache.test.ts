import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildArea, buildMunicipality, buildUser, signIn } from "./helpers/factories.ts";

// Two instances of the app on one database, as behind a load balancer: each caches sessions and
// scopes, and a change made through one must reach the other at once.
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await buildTestApp({ AUTH_CACHE_SECONDS: "60" });
  b = await buildTestApp({ AUTH_CACHE_SECONDS: "60" });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

async function eventually(check: () => Promise<boolean>, ms = 2_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

const me = (t: TestApp, cookie: string) =>
  t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });

describe("the session and scope cache across instances", () => {
  it("is listening to change notifications", () => {
    expect(a.app.authCache?.active).toBe(true);
    expect(b.app.authCache?.active).toBe(true);
  });

  it("ends a session on every instance when it is signed out on one", async () => {
    const user = await buildUser(a.db);
    const { cookie } = await signIn(a, user.email);
    expect((await me(b, cookie)).statusCode).toBe(200); // now cached on b
    expect((await me(b, cookie)).statusCode).toBe(200);
    const out = await a.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie },
    });
    expect(out.statusCode).toBe(200);
    expect(await eventually(async () => (await me(b, cookie)).statusCode === 401)).toBe(true);
  });

  it("sees a role granted or removed through another instance", async () => {
    const municipality = await buildMunicipality(a.db);
    const admin = await buildUser(a.db, { role: "org_admin", organisationId: municipality.id });
    const person = await buildUser(a.db, { role: "reader", organisationId: municipality.id });
    const adminCookie = (await signIn(a, admin.email)).cookie;
    const personCookie = (await signIn(b, person.email)).cookie;
    const users = () =>
      b.app.inject({ method: "GET", url: "/api/users", headers: { cookie: personCookie } });
    expect((await users()).statusCode).toBe(403);
    const grant = await a.app.inject({
      method: "POST",
      url: `/api/users/${person.id}/grants`,
      headers: { cookie: adminCookie },
      // A role the administrator holds too, so that they may also take it away again.
      payload: { role: "org_admin", organisationId: municipality.id },
    });
    expect(grant.statusCode).toBe(201);
    expect(await eventually(async () => (await users()).statusCode === 200)).toBe(true);
    const removed = await a.app.inject({
      method: "DELETE",
      url: `/api/users/${person.id}/grants/${grant.json().id}`,
      headers: { cookie: adminCookie },
    });
    expect(removed.statusCode).toBe(200);
    expect(await eventually(async () => (await users()).statusCode === 403)).toBe(true);
  });

  it("drops cached scopes when the organisation tree changes", async () => {
    const municipality = await buildMunicipality(a.db);
    const admin = await buildUser(a.db, { role: "org_admin", organisationId: municipality.id });
    const cookie = (await signIn(b, admin.email)).cookie;
    const list = async () =>
      (
        await b.app.inject({ method: "GET", url: "/api/organisations", headers: { cookie } })
      ).json() as { id: string }[];
    expect((await list()).map((o) => o.id)).toContain(municipality.id);
    const created = await a.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers: { cookie: (await signIn(a, admin.email)).cookie },
      payload: {
        kind: "area",
        parentId: municipality.id,
        name: "Nytt område",
        areaType: "district",
      },
    });
    expect(created.statusCode).toBe(201);
    expect(
      await eventually(async () => (await list()).some((o) => o.id === created.json().id)),
    ).toBe(true);
  });

  it("answers an unchanged organisation list with 304 to its ETag, and a changed one in full", async () => {
    const municipality = await buildMunicipality(a.db);
    const admin = await buildUser(a.db, { role: "org_admin", organisationId: municipality.id });
    const cookie = (await signIn(a, admin.email)).cookie;
    const list = (etag?: string) =>
      a.app.inject({
        method: "GET",
        url: "/api/organisations",
        headers: { cookie, ...(etag ? { "if-none-match": etag } : {}) },
      });
    const first = await list();
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toMatch(/^application\/json/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await list(etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const renamed = await a.app.inject({
      method: "PATCH",
      url: `/api/organisations/${municipality.id}`,
      headers: { cookie },
      payload: { description: "Ändrad", version: 1 },
    });
    expect(renamed.statusCode).toBe(200);
    const changed = await list(etag);
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(
      (changed.json() as { id: string; description: string | null }[]).find(
        (o) => o.id === municipality.id,
      )?.description,
    ).toBe("Ändrad");
  });

  it("shows an organisation's change at once where it was made, and soon on every instance", async () => {
    const municipality = await buildMunicipality(a.db);
    const admin = await buildUser(a.db, { role: "org_admin", organisationId: municipality.id });
    const onA = (await signIn(a, admin.email)).cookie;
    const onB = (await signIn(b, admin.email)).cookie;
    const read = async (t: TestApp, cookie: string) => {
      const detail = await t.app.inject({
        method: "GET",
        url: `/api/organisations/${municipality.id}`,
        headers: { cookie },
      });
      const list = await t.app.inject({
        method: "GET",
        url: "/api/organisations",
        headers: { cookie },
      });
      const listed = (list.json() as { id: string; name: string }[]).find(
        (o) => o.id === municipality.id,
      );
      return { detail: detail.json() as { name: string; version: number }, listed };
    };
    // Both instances now hold the tree in memory.
    const before = await read(a, onA);
    expect(before.listed?.name).toBe(before.detail.name);
    expect((await read(b, onB)).detail.name).toBe(before.detail.name);

    const renamed = await a.app.inject({
      method: "PATCH",
      url: `/api/organisations/${municipality.id}`,
      headers: { cookie: onA },
      payload: { name: "Omdöpt kommun", version: before.detail.version },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe("Omdöpt kommun");
    const afterOnA = await read(a, onA);
    expect(afterOnA.detail.name).toBe("Omdöpt kommun");
    expect(afterOnA.listed?.name).toBe("Omdöpt kommun");
    expect(
      await eventually(async () => {
        const onOther = await read(b, onB);
        return onOther.detail.name === "Omdöpt kommun" && onOther.listed?.name === "Omdöpt kommun";
      }),
    ).toBe(true);
  });

  it("reads an organisation that is newer than the tree it holds", async () => {
    const municipality = await buildMunicipality(a.db);
    // The platform administrator reads everything, so only the tree can be stale here (scopes of
    // other roles follow the same notification, tested above).
    const admin = await buildUser(a.db, { role: "system_admin", organisationId: null });
    const cookie = (await signIn(a, admin.email)).cookie;
    await a.app.inject({ method: "GET", url: "/api/organisations", headers: { cookie } });
    // Written behind the app's back: found in the database even before the notification lands.
    const area = await buildArea(a.db, municipality.id);
    const res = await a.app.inject({
      method: "GET",
      url: `/api/organisations/${area.id}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(area.id);
  });
});
