import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith } from "./helpers/factories.ts";

let t: TestApp;
let behindProxy: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  behindProxy = await buildTestApp({ PARAPLY_PUBLIC_URL: "https://paraply.kommun.example" });
});
afterAll(async () => {
  await t.close();
  await behindProxy.close();
});

async function stillSignedIn(app: TestApp, headers: Record<string, string>) {
  return (await app.app.inject({ url: "/api/auth/me", headers })).statusCode === 200;
}

describe("requests another site's page made the browser send", () => {
  it.each([
    ["POST", "/api/auth/logout"],
    ["POST", "/api/auth/sessions/revoke-others"],
    ["POST", "/api/auth/totp/setup"],
    ["PATCH", "/api/auth/me"],
  ] as const)("refuses %s %s with a foreign Origin and changes nothing", async (method, url) => {
    const { headers } = await actorWith(t, "reader");
    const res = await t.app.inject({
      method,
      url,
      headers: { ...headers, origin: "http://evil.example" },
      ...(method === "PATCH" ? { payload: { locale: "en" } } : {}),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: "cross_origin", message: expect.any(String) });
    expect(await stillSignedIn(t, headers)).toBe(true);
  });

  it.each(["cross-site", "same-site"])("refuses Sec-Fetch-Site: %s", async (site) => {
    const { headers } = await actorWith(t, "reader");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...headers, "sec-fetch-site": site },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("cross_origin");
    expect(await stillSignedIn(t, headers)).toBe(true);
  });

  it("refuses a cross-site sign-in (login CSRF) before the password is looked at", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://sibling.kommun.example" },
      payload: { email: "x@y.example", password: "whatever-password" },
    });
    expect(res.statusCode).toBe(403);
  });

  it("lets a foreign Origin read: GET is not a change", async () => {
    const { headers } = await actorWith(t, "reader");
    const res = await t.app.inject({
      url: "/api/auth/me",
      headers: { ...headers, origin: "http://evil.example" },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("the app's own requests", () => {
  it("allows the app's own origin (its Host) and same-origin fetches", async () => {
    const { headers } = await actorWith(t, "reader");
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: {
        ...headers,
        host: "localhost:3000",
        origin: "http://localhost:3000",
        "sec-fetch-site": "same-origin",
      },
      payload: { locale: "en" },
    });
    expect(res.statusCode).toBe(200);
  });

  it("allows requests with neither header (the CLI, curl, other servers)", async () => {
    const { headers } = await actorWith(t, "reader");
    const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers });
    expect(res.statusCode).toBe(200);
  });

  it("compares with PARAPLY_PUBLIC_URL when it is configured", async () => {
    const { headers } = await actorWith(behindProxy, "reader");
    const own = await behindProxy.app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: { ...headers, host: "10.0.0.5:3000", origin: "https://paraply.kommun.example" },
      payload: { locale: "en" },
    });
    expect(own.statusCode).toBe(200);
    const hostOnly = await behindProxy.app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: { ...headers, host: "10.0.0.5:3000", origin: "http://10.0.0.5:3000" },
      payload: { locale: "en" },
    });
    expect(hostOnly.statusCode).toBe(403);
  });
});
