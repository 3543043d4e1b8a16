import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { users } from "../src/db/schema/platform.ts";
import { SESSION_COOKIE } from "../src/server/platform/sessions.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildUser, signIn, TEST_PASSWORD } from "./helpers/factories.ts";
import { addressesOf, resetLinkOf, type SmtpTestServer, startSmtpServer } from "./helpers/smtp.ts";

const PUBLIC_URL = "http://paraply.test:8080";
const NEW_PASSWORD = "a-brand-new-password-2026";

let smtp: SmtpTestServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({
    SMTP_URL: smtp.url,
    MAIL_FROM: "Paraply <noreply@paraply.test>",
    PARAPLY_PUBLIC_URL: PUBLIC_URL,
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const requestReset = (app: TestApp, email: string, remoteAddress = "127.0.0.1") =>
  app.app.inject({
    method: "POST",
    url: "/api/auth/password-reset",
    payload: { email },
    remoteAddress,
  });
const confirm = (app: TestApp, token: string, password = NEW_PASSWORD) =>
  app.app.inject({
    method: "POST",
    url: "/api/auth/password-reset/confirm",
    payload: { token, password },
  });
const login = (email: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

/** Requests a link for the address and returns the token from the e-mail that arrives. */
async function tokenFor(email: string, skip = 0) {
  expect((await requestReset(t, email)).statusCode).toBe(202);
  const mail = await smtp.mailTo(email, { skip });
  return new URLSearchParams(resetLinkOf(mail).hash.slice(1)).get("token")!;
}

async function auditOf(userId: string) {
  const res = await t.pool.query<{ action: string; outcome: string; details: object }>(
    `SELECT action, outcome, details FROM platform.audit_log
     WHERE subject_id = $1 AND action LIKE 'auth.password_reset%' ORDER BY seq`,
    [userId],
  );
  return res.rows;
}

describe("forgot password, with SMTP configured", () => {
  it("runs as the runtime role, which the default privileges let use the links table", async () => {
    // Migration 0012 grants nothing itself: 0008's default privileges must cover its table.
    const res = await t.pool.query<{ role: string; privilege: string; granted: boolean }>(
      `SELECT current_user AS role, p AS privilege,
              has_table_privilege('platform.password_reset_tokens', p) AS granted
       FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p`,
    );
    expect(res.rows.map((r) => r.role)).toEqual(Array(4).fill(inject("runtimeRole")));
    expect(res.rows.filter((r) => !r.granted)).toEqual([]);
  });

  it("says that links go out by e-mail", async () => {
    const res = await t.app.inject({ url: "/api/auth/password-reset/config" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ email: true });
  });

  it("e-mails a single-use link that sets a new password and ends every session", async () => {
    const user = await buildUser(t.db);
    const { cookie } = await signIn(t, user.email);

    const res = await requestReset(t, user.email.toUpperCase());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });

    const mail = await smtp.mailTo(user.email);
    expect(mail.subject).toBe("Återställ ditt lösenord i Paraply");
    expect(mail.from?.text).toBe('"Paraply" <noreply@paraply.test>');
    expect(addressesOf(mail)).toEqual([user.email]);
    expect(mail.text).toContain(`Hej ${user.displayName}!`);
    expect(mail.text).toContain("30 minuter");
    const link = resetLinkOf(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/password-reset/confirm`);
    // The token rides in the fragment, which browsers never send to a server.
    expect(link.search).toBe("");
    const token = new URLSearchParams(link.hash.slice(1)).get("token")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`href="${link.toString()}"`);
    expect(mail.html).toContain('lang="sv"');
    // Only the token's hash is stored.
    const stored = await t.pool.query(
      "SELECT id FROM platform.password_reset_tokens WHERE id = $1",
      [token],
    );
    expect(stored.rowCount).toBe(0);

    const done = await confirm(t, token);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ ok: true });

    const me = await t.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await login(user.email, NEW_PASSWORD);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.cookies.some((c) => c.name === SESSION_COOKIE)).toBe(true);

    expect(await auditOf(user.id)).toEqual([
      { action: "auth.password_reset_requested", outcome: "success", details: {} },
      { action: "auth.password_reset", outcome: "success", details: { sessionsEnded: 1 } },
    ]);
  });

  it("refuses a used link, an expired link and one replaced by a newer link", async () => {
    const user = await buildUser(t.db);
    const used = await tokenFor(user.email);
    expect((await confirm(t, used)).statusCode).toBe(200);
    const again = await confirm(t, used, "yet-another-password-1");
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toMatch(/^Länken fungerar inte längre/);

    const expired = await tokenFor(user.email, 1);
    await t.pool.query(
      "UPDATE platform.password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL",
      [user.id],
    );
    expect((await confirm(t, expired)).statusCode).toBe(400);

    // At most three links an hour go to one address: the next case has a person of its own.
    const other = await buildUser(t.db);
    const older = await tokenFor(other.email);
    const newer = await tokenFor(other.email, 1);
    expect((await confirm(t, older)).statusCode).toBe(400);
    expect((await confirm(t, newer, "the-newest-password-1")).statusCode).toBe(200);
    expect((await login(other.email, "the-newest-password-1")).statusCode).toBe(200);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    const failures = await t.pool.query(
      `SELECT count(*)::int AS n FROM platform.audit_log
       WHERE action = 'auth.password_reset' AND outcome = 'failure'
         AND details->>'reason' = 'invalid_token' AND occurred_at > now() - interval '1 minute'`,
    );
    expect(failures.rows[0].n).toBeGreaterThanOrEqual(3);
  });

  it("answers an unknown, a disabled and an OIDC-only address alike and sends them nothing", async () => {
    const known = await buildUser(t.db);
    const disabled = await buildUser(t.db);
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    const oidcOnly = await buildUser(t.db);
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, oidcOnly.id));
    const unknown = `nobody-${Date.now()}@test.example`;

    const answers = [];
    for (const email of [unknown, disabled.email, oidcOnly.email, known.email]) {
      const res = await requestReset(t, email);
      answers.push({ status: res.statusCode, body: res.body });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 202, body: '{"accepted":true}' });

    // The known account's mail was sent last; once it is in, the others would have been too.
    await smtp.mailTo(known.email);
    const sentTo = smtp.received.flatMap(addressesOf);
    for (const email of [unknown, disabled.email, oidcOnly.email]) {
      expect(sentTo).not.toContain(email);
    }
    // Recorded after the answer, as the rest of the work is.
    const reasons = async () => {
      const res = await t.pool.query<{ label: string; reason: string }>(
        `SELECT actor_label AS label, details->>'reason' AS reason FROM platform.audit_log
         WHERE action = 'auth.password_reset_requested' AND outcome = 'failure'
           AND actor_label = ANY($1)`,
        [[unknown, disabled.email, oidcOnly.email]],
      );
      return Object.fromEntries(res.rows.map((r) => [r.label, r.reason]));
    };
    await expect.poll(reasons, { timeout: 5_000 }).toEqual({
      [unknown]: "unknown_account",
      [disabled.email]: "disabled",
      [oidcOnly.email]: "no_local_password",
    });
  });

  it("writes to a person in their own language", async () => {
    const user = await buildUser(t.db);
    await t.db.update(users).set({ locale: "en" }).where(eq(users.id, user.id));
    await requestReset(t, user.email);
    const mail = await smtp.mailTo(user.email);
    expect(mail.subject).toBe("Reset your Paraply password");
    expect(mail.text).toContain("The link works once and for 30 minutes.");
    expect(mail.html).toContain('lang="en"');
  });

  it("sends at most three links an hour to one address, answering alike", async () => {
    const user = await buildUser(t.db);
    for (let i = 0; i < 4; i++) {
      expect((await requestReset(t, user.email)).statusCode).toBe(202);
    }
    await smtp.mailTo(user.email, { skip: 2 });
    // A fourth would have been sent right after the third.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.filter((m) => addressesOf(m).includes(user.email))).toHaveLength(3);
    await expect
      .poll(async () => (await auditOf(user.id)).map((r) => r.outcome).sort(), { timeout: 5_000 })
      .toEqual(["failure", "success", "success", "success"]);
  });

  it("lifts a lockout from failed sign-ins", async () => {
    const user = await buildUser(t.db);
    await t.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 3_600_000), failedLogins: 4 })
      .where(eq(users.id, user.id));
    expect((await confirm(t, await tokenFor(user.email))).statusCode).toBe(200);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("turns bad input into 400s with readable messages", async () => {
    const badEmail = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email: "not-an-address" },
    });
    expect(badEmail.statusCode).toBe(400);
    const shortToken = await confirm(t, "abc");
    expect(shortToken.statusCode).toBe(400);
    expect(shortToken.json().error.issues[0].message).toContain("Länken är ofullständig");
    const weak = await confirm(t, "a".repeat(43), "short");
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.issues[0].message).toContain("minst 12 tecken");
  });

  it("accepts both forms sent from the app's own pages and refuses them from another site", async () => {
    const from = (origin: string, site: string) => ({ origin, "sec-fetch-site": site });
    const post = (url: string, payload: object, headers: Record<string, string>) =>
      t.app.inject({ method: "POST", url, payload, headers });
    const own = from(PUBLIC_URL, "same-origin");
    const foreign = from("https://evil.example", "cross-site");
    const user = await buildUser(t.db);
    const request = "/api/auth/password-reset";
    expect((await post(request, { email: user.email }, own)).statusCode).toBe(202);
    await smtp.mailTo(user.email);
    expect((await post(request, { email: user.email }, foreign)).statusCode).toBe(403);
    const unknown = { token: "a".repeat(43), password: NEW_PASSWORD };
    // The app's own page reaches the check of the token (unknown here), another site does not.
    expect((await post(`${request}/confirm`, unknown, own)).statusCode).toBe(400);
    const refused = await post(`${request}/confirm`, unknown, foreign);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("cross_origin");
  });
});

describe("forgot password, rate limited per IP address", () => {
  it("answers 429 past the hourly limit for one address, whatever e-mail is asked for", async () => {
    const limited = await buildTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: "noreply@paraply.test",
      PARAPLY_PUBLIC_URL: PUBLIC_URL,
      PASSWORD_RESET_IP_PER_HOUR: "2",
    });
    try {
      const ip = "203.0.113.7";
      expect((await requestReset(limited, "a@test.example", ip)).statusCode).toBe(202);
      expect((await requestReset(limited, "b@test.example", ip)).statusCode).toBe(202);
      const third = await requestReset(limited, "c@test.example", ip);
      expect(third.statusCode).toBe(429);
      expect(third.headers["retry-after"]).toBeDefined();
      expect((await requestReset(limited, "c@test.example", "203.0.113.8")).statusCode).toBe(202);
    } finally {
      await limited.close();
    }
  });
});

describe("forgot password, when the mail server is down", () => {
  it("still answers alike (the failure goes to the log) and stores the link", async () => {
    const closed = await startSmtpServer();
    const downUrl = closed.url;
    await closed.close();
    const down = await buildTestApp({
      SMTP_URL: downUrl,
      MAIL_FROM: "noreply@paraply.test",
      PARAPLY_PUBLIC_URL: PUBLIC_URL,
    });
    try {
      const user = await buildUser(down.db);
      const res = await requestReset(down, user.email);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ accepted: true });
      const stored = async () =>
        (
          await down.pool.query(
            "SELECT 1 FROM platform.password_reset_tokens WHERE user_id = $1 AND used_at IS NULL",
            [user.id],
          )
        ).rowCount;
      await expect.poll(stored, { timeout: 5_000 }).toBe(1);
    } finally {
      await down.close();
    }
  });
});

describe("forgot password, without SMTP", () => {
  it("says so, accepts the request alike and stores nothing", async () => {
    const plain = await buildTestApp();
    try {
      const config = await plain.app.inject({ url: "/api/auth/password-reset/config" });
      expect(config.json()).toEqual({ email: false });
      const user = await buildUser(plain.db);
      const res = await requestReset(plain, user.email);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ accepted: true });
      const rows = await plain.pool.query(
        "SELECT 1 FROM platform.password_reset_tokens WHERE user_id = $1",
        [user.id],
      );
      expect(rows.rowCount).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
