import { randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../src/server/platform/sessions.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildUser } from "./helpers/factories.ts";

/**
 * Sign-in through a real OpenID Connect provider (oidc-provider with its development login and
 * consent pages) started in this test. The browser is played by fetch with a cookie jar per
 * origin, across two real servers on loopback.
 */

const CLIENT_ID = "paraply-test";
const CLIENT_SECRET = "a-long-test-secret-for-the-paraply-client";

/** The identities the provider knows: account id → e-mail and name. */
const accounts = new Map<string, { email: string; name: string }>();

let provider: Provider;
let providerServer: http.Server;
let issuer: string;
let paraplyUrl: string;
let t: TestApp;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  let handler: http.RequestListener = (_req, res) => res.end();
  providerServer = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => providerServer.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(providerServer.address() as net.AddressInfo).port}`;
  const paraplyPort = await freePort();
  paraplyUrl = `http://127.0.0.1:${paraplyPort}`;

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${paraplyUrl}/api/auth/oidc/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["oidc-test-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: true,
          name: account.name,
        }),
      };
    },
  });
  handler = provider.callback();

  t = await buildTestApp({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_LABEL: "Testkommunens inloggning",
    PARAPLY_PUBLIC_URL: paraplyUrl,
  });
  await t.app.listen({ host: "127.0.0.1", port: paraplyPort });
});

afterAll(async () => {
  await t?.close();
  // fetch keeps connections alive; close them so that the server (and the worker) can end.
  providerServer?.closeAllConnections();
  await new Promise((resolve) => providerServer?.close(resolve));
});

/** A browser: one cookie jar per origin (host and port), following redirects by hand. */
class Browser {
  private jars = new Map<string, Map<string, string>>();

  private jar(url: URL) {
    let jar = this.jars.get(url.host);
    if (!jar) {
      jar = new Map();
      this.jars.set(url.host, jar);
    }
    return jar;
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar(new URL(url)).get(name);
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const jar = this.jar(target);
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(target, {
      method: init.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) =>
          /^\s*max-age=0\s*$/i.test(a) ||
          (/^\s*expires=/i.test(a) && new Date(a.split("=")[1]!).getTime() < Date.now()),
      );
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get("location");
    return {
      status: res.status,
      location: location ? new URL(location, target).toString() : null,
      text: await res.text(),
    };
  }
}

/**
 * Plays the browser from Paraply's login button through the provider's login and consent pages
 * until the provider sends it back to Paraply's callback; returns that callback URL.
 */
async function throughProvider(browser: Browser, accountId: string): Promise<string> {
  const start = await browser.request(`${paraplyUrl}/api/auth/oidc/login`);
  expect(start.status).toBe(302);
  expect(start.location!.startsWith(`${issuer}/auth`)).toBe(true);
  let url = start.location!;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(`${paraplyUrl}/api/auth/oidc/callback`)) return url;
    const res = await browser.request(url);
    if (res.location) {
      url = res.location;
      continue;
    }
    expect(res.status, res.text).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(res.text)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(res.text)?.[1];
    if (!action || !prompt) throw new Error(`Unexpected page from the provider:\n${res.text}`);
    const form: Record<string, string> =
      prompt === "login" ? { prompt, login: accountId, password: "any" } : { prompt };
    const submitted = await browser.request(new URL(action, url).toString(), { form });
    expect(submitted.location, submitted.text).toBeTruthy();
    url = submitted.location!;
  }
  throw new Error("The provider did not send the browser back to Paraply");
}

async function auditRows(label: string) {
  const result = await t.pool.query<{
    action: string;
    outcome: string;
    actor_id: string | null;
    details: Record<string, unknown>;
  }>(
    "SELECT action, outcome, actor_id, details FROM platform.audit_log WHERE actor_label = $1 ORDER BY seq",
    [label],
  );
  return result.rows;
}

describe("OpenID Connect sign-in against a real provider", () => {
  it("lists the provider's label", async () => {
    const res = await fetch(`${paraplyUrl}/api/auth/providers`);
    expect(await res.json()).toEqual({
      password: true,
      oidc: { label: "Testkommunens inloggning" },
    });
  });

  it("signs in an existing user by verified e-mail, links the subject, and audits it", async () => {
    const user = await buildUser(t.db, { role: "practitioner" });
    const accountId = `sub-${randomUUID()}`;
    // The provider has the e-mail in another case; matching ignores case.
    accounts.set(accountId, { email: user.email.toUpperCase(), name: "Testa Testsson" });
    const browser = new Browser();
    const callback = await throughProvider(browser, accountId);
    const back = await browser.request(callback);
    expect(back.status).toBe(302);
    expect(back.location).toBe(`${paraplyUrl}/`);
    expect(browser.cookie(paraplyUrl, SESSION_COOKIE)).toBeTruthy();

    const me = await browser.request(`${paraplyUrl}/api/auth/me`);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.text)).toMatchObject({ id: user.id, authMethod: "oidc" });

    const linked = await t.pool.query(
      "SELECT oidc_issuer, oidc_subject FROM platform.users WHERE id = $1",
      [user.id],
    );
    expect(linked.rows[0]).toEqual({ oidc_issuer: issuer, oidc_subject: accountId });
    const rows = await auditRows(user.email);
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: "auth.sign_in",
        outcome: "success",
        actor_id: user.id,
        details: expect.objectContaining({ method: "oidc" }),
      }),
    );

    // The callback cannot be played again: its state was used up.
    const replay = await new Browser().request(callback);
    expect(replay.status).toBe(302);
    expect(replay.location).toBe(`${paraplyUrl}/login?error=oidc_state`);

    // The next sign-in finds the user by the linked subject, even after an e-mail change.
    await t.pool.query("UPDATE platform.users SET email = $2 WHERE id = $1", [
      user.id,
      `changed-${randomUUID().slice(0, 8)}@test.example`,
    ]);
    const again = new Browser();
    const second = await again.request(await throughProvider(again, accountId));
    expect(second.location).toBe(`${paraplyUrl}/`);
    expect((await again.request(`${paraplyUrl}/api/auth/me`)).status).toBe(200);
  });

  it("turns away a person without a Paraply account, and audits the failure", async () => {
    const accountId = `stranger-${randomUUID()}`;
    const email = `${accountId}@elsewhere.example`;
    accounts.set(accountId, { email, name: "Okänd Person" });
    const browser = new Browser();
    const back = await browser.request(await throughProvider(browser, accountId));
    expect(back.status).toBe(302);
    expect(back.location).toBe(`${paraplyUrl}/login?error=no_account`);
    expect(browser.cookie(paraplyUrl, SESSION_COOKIE)).toBeUndefined();
    expect((await browser.request(`${paraplyUrl}/api/auth/me`)).status).toBe(401);
    expect(await auditRows(email)).toEqual([
      {
        action: "auth.sign_in",
        outcome: "failure",
        actor_id: null,
        details: { method: "oidc", reason: "no_account" },
      },
    ]);
  });

  it("rejects a callback with an unknown state", async () => {
    const res = await new Browser().request(
      `${paraplyUrl}/api/auth/oidc/callback?code=forged&state=${randomUUID()}`,
    );
    expect(res.location).toBe(`${paraplyUrl}/login?error=oidc_state`);
  });
});
