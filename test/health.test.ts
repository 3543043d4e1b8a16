import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality } from "./helpers/factories.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe("health", () => {
  it("answers /healthz and /readyz without a session", async () => {
    expect((await t.app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await t.app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ok" });
  });
});

describe("security headers", () => {
  it("sends a restrictive content security policy and the usual hardening headers", async () => {
    const res = await t.app.inject("/healthz");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("sends them on API answers of every kind, which browsers must not store", async () => {
    const municipality = await buildMunicipality(t.db);
    const { headers } = await actorWith(t, "reader", municipality.id);
    const answers = await Promise.all([
      t.app.inject({ url: `/api/organisations/${municipality.id}`, headers }),
      t.app.inject("/api/organisations"),
      t.app.inject("/api/no-such-route"),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404]);
    for (const res of answers) {
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["cache-control"]).toBe("no-store");
      // Rate-limit counters go out only with a 429.
      expect(res.headers["x-ratelimit-remaining"]).toBeUndefined();
    }
    expect((await t.app.inject("/healthz")).headers["cache-control"]).toBeUndefined();
  });

  it("adds HSTS in production", async () => {
    const prod = await buildTestApp({ NODE_ENV: "production" });
    try {
      expect((await prod.app.inject("/healthz")).headers["strict-transport-security"]).toContain(
        "max-age=",
      );
    } finally {
      await prod.close();
    }
  });
});

describe("organisations smoke", () => {
  it("lets an organisation administrator create an area under their municipality, and audits it", async () => {
    const municipality = await buildMunicipality(t.db);
    const { headers, user } = await actorWith(t, "org_admin", municipality.id);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/organisations",
      headers,
      payload: { kind: "area", parentId: municipality.id, name: "Norra", areaType: "district" },
    });
    expect(res.statusCode).toBe(201);
    const audit = await t.pool.query(
      "SELECT action, actor_id FROM platform.audit_log WHERE subject_id = $1",
      [res.json().id],
    );
    expect(audit.rows).toEqual([{ action: "organisation.create", actor_id: user.id }]);
  });
});
