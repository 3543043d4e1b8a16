import { randomBytes, randomUUID } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealTotpSecrets } from "../src/server/platform/commands/totp.ts";
import { SecretBox } from "../src/server/platform/secret-box.ts";
import { hashToken, SESSION_COOKIE } from "../src/server/platform/sessions.ts";
import { buildTestApp, TEST_SECRET_KEY, type TestApp, withOwnDatabase } from "./helpers/app.ts";
import {
  actorWith,
  buildMunicipality,
  buildUser,
  signIn,
  TEST_PASSWORD,
} from "./helpers/factories.ts";
import { freshCode, lastFreshCode } from "./helpers/totp.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const login = (app: TestApp, email: string, password = TEST_PASSWORD) =>
  app.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  return c ? `${SESSION_COOKIE}=${c.value}` : undefined;
};

const me = (app: TestApp, cookie: string) =>
  app.app.inject({ url: "/api/auth/me", headers: { cookie } });

async function auditRows(subjectOrLabel: string) {
  const res = await t.pool.query(
    `SELECT action, outcome, actor_id, actor_label, subject_id, details FROM platform.audit_log
     WHERE subject_id = $1 OR actor_label = $1 ORDER BY seq`,
    [subjectOrLabel],
  );
  return res.rows;
}

const sessionId = (cookie: string) => hashToken(cookie.slice(SESSION_COOKIE.length + 1));

/** A code that is not valid now (nor one step either side) for the secret. */
async function wrongCode(secret: string) {
  const right = Number(await generate({ secret }));
  return String((right + 500_000) % 1_000_000).padStart(6, "0");
}

describe("password sign-in", () => {
  it("sets an httpOnly, SameSite=Lax session cookie that is not Secure outside production", async () => {
    const user = await buildUser(t.db);
    const res = await login(t, user.email.toUpperCase());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "signed_in" });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie.secure).toBeFalsy();
    expect((await me(t, cookieOf(res)!)).json()).toMatchObject({ id: user.id, email: user.email });
    expect(await auditRows(user.id)).toContainEqual(
      expect.objectContaining({ action: "auth.sign_in", outcome: "success", actor_id: user.id }),
    );
  });

  it("marks the cookie Secure in production", async () => {
    const prod = await buildTestApp({ NODE_ENV: "production" });
    try {
      const user = await buildUser(prod.db);
      const res = await login(prod, user.email);
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: "Lax",
      });
    } finally {
      await prod.close();
    }
  });

  it("answers a wrong password with 401 in Swedish and audits the failure", async () => {
    const user = await buildUser(t.db);
    const res = await login(t, user.email, "wrong-password-123");
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: "invalid_credentials",
      message:
        "Fel e-postadress eller lösenord. Efter flera misslyckade försök spärras kontot en stund.",
    });
    expect(cookieOf(res)).toBeUndefined();
    expect(await auditRows(user.id)).toContainEqual(
      expect.objectContaining({
        action: "auth.sign_in",
        outcome: "failure",
        subject_id: user.id,
        details: { reason: "wrong_password" },
      }),
    );
  });

  it("answers an unknown e-mail the same way and audits it under that e-mail", async () => {
    const email = `nobody-${randomUUID()}@test.example`;
    const res = await login(t, email);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("invalid_credentials");
    expect(await auditRows(email)).toEqual([
      expect.objectContaining({
        action: "auth.sign_in",
        outcome: "failure",
        actor_id: null,
        details: { reason: "unknown_account" },
      }),
    ]);
  });

  it("locks the account after LOGIN_MAX_FAILURES, even for the right password, until a reset", async () => {
    const strict = await buildTestApp({ LOGIN_MAX_FAILURES: "3" });
    try {
      const user = await buildUser(strict.db);
      for (let i = 0; i < 3; i++) {
        expect((await login(strict, user.email, "wrong-password-123")).statusCode).toBe(401);
      }
      // Locked, even the right password answers exactly as an unknown e-mail does.
      const locked = await login(strict, user.email);
      const unknown = await login(strict, `nobody-${randomUUID()}@test.example`);
      const withoutId = (res: typeof locked) => {
        const { requestId: _, ...error } = res.json().error;
        return [res.statusCode, error];
      };
      expect(withoutId(locked)).toEqual(withoutId(unknown));
      expect(withoutId(locked)).toEqual([
        401,
        { code: "invalid_credentials", message: expect.stringContaining("spärras") },
      ]);
      expect(await auditRows(user.id)).toContainEqual(
        expect.objectContaining({ outcome: "failure", details: { reason: "locked" } }),
      );

      const admin = await actorWith(strict, "system_admin", null);
      const reset = await strict.app.inject({
        method: "POST",
        url: `/api/users/${user.id}/reset-password`,
        headers: admin.headers,
        payload: { password: "a-brand-new-password" },
      });
      expect(reset.statusCode).toBe(200);
      expect((await login(strict, user.email, "a-brand-new-password")).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("tells the person of a past lock only once the password is right, and once", async () => {
    const strict = await buildTestApp({ LOGIN_MAX_FAILURES: "2" });
    try {
      const user = await buildUser(strict.db);
      for (let i = 0; i < 2; i++) await login(strict, user.email, "wrong-password-123");
      expect((await login(strict, user.email)).json().error.code).toBe("invalid_credentials");
      // The lock runs out.
      await strict.pool.query(
        "UPDATE platform.users SET locked_until = now() - interval '1 minute' WHERE id = $1",
        [user.id],
      );
      expect((await login(strict, user.email, "still-the-wrong-one")).json()).not.toHaveProperty(
        "accountWasLocked",
      );
      const first = await login(strict, user.email);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ status: "signed_in", accountWasLocked: true });
      expect((await login(strict, user.email)).json()).toEqual({ status: "signed_in" });
    } finally {
      await strict.close();
    }
  });

  it("refuses a disabled user and ends their sessions", async () => {
    const user = await buildUser(t.db);
    const { cookie } = await signIn(t, user.email);
    const admin = await actorWith(t, "system_admin", null);
    const disable = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      headers: admin.headers,
      payload: { disabled: true, version: 1 },
    });
    expect(disable.statusCode).toBe(200);
    expect((await me(t, cookie)).statusCode).toBe(401);
    const res = await login(t, user.email);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("invalid_credentials");
    expect(await auditRows(user.id)).toContainEqual(
      expect.objectContaining({ outcome: "failure", details: { reason: "disabled" } }),
    );
  });

  it("applies the per-route login rate limit", async () => {
    const limited = await buildTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: "3" });
    try {
      const email = `nobody-${randomUUID()}@test.example`;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await login(limited, email)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const last = await login(limited, email);
      // The counters are sent only when the limit is reached.
      expect(last.headers["retry-after"]).toBeDefined();
      expect(last.headers["x-ratelimit-limit"]).toBe("3");
      expect(last.json().error.code).toBe("rate_limited");
    } finally {
      await limited.close();
    }
  });
});

describe("sessions", () => {
  it("logout revokes the session on the server", async () => {
    const user = await buildUser(t.db);
    const { cookie } = await signIn(t, user.email);
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie },
    });
    expect(out.statusCode).toBe(200);
    const reuse = await me(t, cookie);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe("unauthenticated");
    const row = await t.pool.query("SELECT revoked_at FROM platform.sessions WHERE id = $1", [
      sessionId(cookie),
    ]);
    expect(row.rows[0].revoked_at).not.toBeNull();
    expect(await auditRows(user.id)).toContainEqual(
      expect.objectContaining({ action: "auth.sign_out", actor_id: user.id }),
    );
  });

  it("ends a session idle longer than SESSION_IDLE_MINUTES", async () => {
    const user = await buildUser(t.db);
    const { cookie } = await signIn(t, user.email);
    expect((await me(t, cookie)).statusCode).toBe(200);
    await t.pool.query(
      "UPDATE platform.sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1",
      [sessionId(cookie)],
    );
    expect((await me(t, cookie)).statusCode).toBe(401);
  });

  it("ends a session past its absolute expiry", async () => {
    const user = await buildUser(t.db);
    const { cookie } = await signIn(t, user.email);
    await t.pool.query(
      "UPDATE platform.sessions SET expires_at = now() - interval '1 second' WHERE id = $1",
      [sessionId(cookie)],
    );
    expect((await me(t, cookie)).statusCode).toBe(401);
  });

  it("a password change revokes the user's other sessions", async () => {
    const user = await buildUser(t.db);
    const a = await signIn(t, user.email);
    const b = await signIn(t, user.email);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: { cookie: a.cookie },
      payload: { currentPassword: "not-the-password", newPassword: "a-new-long-password" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues).toEqual([
      expect.objectContaining({ path: "currentPassword" }),
    ]);
    const change = await t.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: { cookie: a.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a-new-long-password" },
    });
    expect(change.statusCode).toBe(200);
    expect((await me(t, b.cookie)).statusCode).toBe(401);
    expect((await me(t, a.cookie)).statusCode).toBe(200);
    expect((await login(t, user.email)).statusCode).toBe(401);
    expect((await login(t, user.email, "a-new-long-password")).statusCode).toBe(200);
    expect(await auditRows(user.id)).toContainEqual(
      expect.objectContaining({ action: "auth.password_changed", actor_id: user.id }),
    );
  });
});

describe("TOTP two-factor authentication", () => {
  async function enrol(app: TestApp, cookie: string) {
    const setup = await app.app.inject({
      method: "POST",
      url: "/api/auth/totp/setup",
      headers: { cookie },
    });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const enable = await app.app.inject({
      method: "POST",
      url: "/api/auth/totp/enable",
      headers: { cookie },
      payload: { code: await freshCode(secret) },
    });
    expect(enable.statusCode).toBe(200);
    return secret as string;
  }

  it("asks for the code after the password and lets nothing but /api/auth/mfa through until then", async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "org_admin", organisationId: municipality.id });
    const first = await signIn(t, user.email);
    const wrongEnable = await t.app.inject({
      method: "POST",
      url: "/api/auth/totp/enable",
      headers: first,
      payload: { code: "123456" },
    });
    expect(wrongEnable.statusCode).toBe(409);
    const secret = await enrol(t, first.cookie);

    const res = await login(t, user.email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "mfa_required" });
    const cookie = cookieOf(res)!;

    // Every route that needs a full session refuses a half-signed-in one, before its body is read.
    const doc = (await t.app.inject("/api/openapi.json")).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const notBlocked = new Set([
      "GET /healthz",
      "GET /readyz",
      "GET /api/auth/providers",
      "POST /api/auth/login",
      "GET /api/auth/oidc/login",
      "GET /api/auth/oidc/callback",
      "POST /api/auth/mfa",
      "POST /api/auth/logout",
      // Open to anyone: the user guide and the forgotten-password steps.
      "GET /api/help",
      "GET /api/auth/password-reset/config",
      "POST /api/auth/password-reset",
      "POST /api/auth/password-reset/confirm",
    ]);
    const wrongAnswers: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (notBlocked.has(route)) continue;
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        const r = await t.app.inject({
          method: method.toUpperCase() as "GET",
          url,
          headers: { cookie },
        });
        if (r.statusCode !== 401 || r.json().error.code !== "mfa_required") {
          wrongAnswers.push(`${route}: ${r.statusCode} ${r.body}`);
        }
      }
    }
    expect(wrongAnswers).toEqual([]);

    const bad = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie },
      payload: { code: await wrongCode(secret) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([expect.objectContaining({ path: "code" })]);
    expect(await auditRows(user.id)).toContainEqual(
      expect.objectContaining({
        action: "auth.sign_in",
        outcome: "failure",
        details: { reason: "wrong_totp" },
      }),
    );

    const good = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie },
      payload: { code: await freshCode(secret) },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ status: "signed_in" });
    const orgs = await t.app.inject({ url: "/api/organisations", headers: { cookie } });
    expect(orgs.statusCode).toBe(200);
    expect((await me(t, cookie)).json().totpEnabled).toBe(true);
    expect(await auditRows(user.id)).toContainEqual(
      expect.objectContaining({
        action: "auth.sign_in",
        outcome: "success",
        details: { method: "password+totp" },
      }),
    );
  });

  /** Password, then the code, on the shared app; the answer to the code. */
  async function signInWithCode(email: string, code: string) {
    const res = await login(t, email);
    return t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie: cookieOf(res)! },
      payload: { code },
    });
  }

  it("stores the secret sealed under the key outside the database; plain ones are sealed at start", async () => {
    const user = await buildUser(t.db);
    const secret = await enrol(t, (await signIn(t, user.email)).cookie);
    const stored = async () =>
      (await t.pool.query("SELECT totp_secret FROM platform.users WHERE id = $1", [user.id]))
        .rows[0].totp_secret as string;
    expect(await stored()).toMatch(/^v1\./);
    expect(await stored()).not.toContain(secret);

    // As written by versions before sealing: plain text. The start seals it; codes still work.
    await t.pool.query("UPDATE platform.users SET totp_secret = $2 WHERE id = $1", [
      user.id,
      secret,
    ]);
    const secrets = new SecretBox(Buffer.from(TEST_SECRET_KEY, "base64"));
    expect((await sealTotpSecrets({ db: t.db, secrets })).sealed).toBeGreaterThanOrEqual(1);
    expect(await stored()).toMatch(/^v1\./);
    expect(secrets.open(await stored())).toBe(secret);
    const mfa = await signInWithCode(user.email, await freshCode(secret));
    expect(mfa.statusCode).toBe(200);
  });

  it("moves every seed to a new key at start after a rotation", async () => {
    await withOwnDatabase(async ({ db, pool }) => {
      const user = await buildUser(db);
      const oldKey = Buffer.from(TEST_SECRET_KEY, "base64");
      const plainSecret = "JBSWY3DPEHPK3PXP";
      await pool.query("UPDATE platform.users SET totp_secret = $2 WHERE id = $1", [
        user.id,
        new SecretBox(oldKey).seal(plainSecret),
      ]);
      const newKey = randomBytes(32);
      const rotated = new SecretBox(newKey, [oldKey]);
      expect(await sealTotpSecrets({ db, secrets: rotated })).toEqual({ sealed: 1, unknown: 0 });
      const stored = await pool.query("SELECT totp_secret FROM platform.users WHERE id = $1", [
        user.id,
      ]);
      expect(new SecretBox(newKey).open(stored.rows[0].totp_secret)).toBe(plainSecret);
      // A second start finds nothing left to do; a seed under an unknown key is counted, not lost.
      expect(await sealTotpSecrets({ db, secrets: rotated })).toEqual({ sealed: 0, unknown: 0 });
      const unknown = new SecretBox(randomBytes(32)).seal(plainSecret);
      await pool.query("UPDATE platform.users SET totp_secret = $2 WHERE id = $1", [
        user.id,
        unknown,
      ]);
      expect(await sealTotpSecrets({ db, secrets: rotated })).toEqual({ sealed: 0, unknown: 1 });
      const kept = await pool.query("SELECT totp_secret FROM platform.users WHERE id = $1", [
        user.id,
      ]);
      expect(kept.rows[0].totp_secret).toBe(unknown);
    });
  });

  it("refuses every code when the secret was sealed under another key", async () => {
    const user = await buildUser(t.db);
    const secret = await enrol(t, (await signIn(t, user.email)).cookie);
    const other = new SecretBox(Buffer.alloc(32, 7));
    await t.pool.query("UPDATE platform.users SET totp_secret = $2 WHERE id = $1", [
      user.id,
      other.seal(secret),
    ]);
    const mfa = await signInWithCode(user.email, await freshCode(secret));
    expect(mfa.statusCode).toBe(400);
  });

  it("accepts each code once, also when two requests race with it", async () => {
    const user = await buildUser(t.db);
    const secret = await enrol(t, (await signIn(t, user.email)).cookie);
    const halfSignedIn = async () => {
      const res = await login(t, user.email);
      expect(res.json()).toEqual({ status: "mfa_required" });
      return cookieOf(res)!;
    };
    const mfa = (cookie: string, code: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/mfa",
        headers: { cookie },
        payload: { code },
      });

    // The code that enabled two-factor does not also sign in.
    const reused = await mfa(await halfSignedIn(), lastFreshCode(secret));
    expect(reused.statusCode).toBe(400);
    expect(await auditRows(user.id)).toContainEqual(
      expect.objectContaining({ outcome: "failure", details: { reason: "wrong_totp" } }),
    );

    // Two sign-ins racing with one fresh code: exactly one gets in.
    const [first, second] = [await halfSignedIn(), await halfSignedIn()];
    const code = await freshCode(secret);
    const answers = await Promise.all([mfa(first, code), mfa(second, code)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    // Seen by another sign-in later: still refused.
    expect((await mfa(await halfSignedIn(), code)).statusCode).toBe(400);
  });

  it("locks the account after LOGIN_MAX_FAILURES wrong codes, even for the right code", async () => {
    const strict = await buildTestApp({ LOGIN_MAX_FAILURES: "3" });
    try {
      const user = await buildUser(strict.db);
      const first = await signIn(strict, user.email);
      const secret = await enrol(strict, first.cookie);
      const res = await login(strict, user.email);
      expect(res.json()).toEqual({ status: "mfa_required" });
      const cookie = cookieOf(res)!;
      const mfa = async (code: string) =>
        strict.app.inject({
          method: "POST",
          url: "/api/auth/mfa",
          headers: { cookie },
          payload: { code },
        });
      for (let i = 0; i < 3; i++) expect((await mfa(await wrongCode(secret))).statusCode).toBe(400);
      const locked = await mfa(await freshCode(secret));
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe("locked");
      expect((await me(strict, cookie)).json().error.code).toBe("mfa_required");
      expect((await login(strict, user.email)).statusCode).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it("disables TOTP only with a valid code", async () => {
    const user = await buildUser(t.db);
    const { cookie } = await signIn(t, user.email);
    const secret = await enrol(t, cookie);
    const disable = (code: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/totp/disable",
        headers: { cookie },
        payload: { code },
      });
    expect((await disable(await wrongCode(secret))).statusCode).toBe(400);
    expect((await disable(await freshCode(secret))).statusCode).toBe(200);
    expect((await login(t, user.email)).json()).toEqual({ status: "signed_in" });
    expect((await auditRows(user.id)).map((r) => r.action)).toEqual(
      expect.arrayContaining([
        "auth.totp_enrolment_started",
        "auth.totp_enabled",
        "auth.totp_disabled",
      ]),
    );
  });

  // Security settings are platform-wide, so this runs in its own database to leave the shared one
  // (and every other test's roles) alone.
  it("when required for a role, sends an unenrolled user to enrolment first", async () => {
    await withOwnDatabase(async ({ url }) => {
      const app = await buildTestApp({ DATABASE_URL: url });
      try {
        const sysadmin = await actorWith(app, "system_admin", null);
        const municipality = await buildMunicipality(app.db);
        const practitioner = await actorWith(app, "practitioner", municipality.id);
        const put = await app.app.inject({
          method: "PUT",
          url: "/api/settings/security",
          headers: sysadmin.headers,
          payload: { requireMfaForRoles: ["practitioner", "practitioner"] },
        });
        expect(put.statusCode).toBe(200);
        expect(put.json()).toEqual({ requireMfaForRoles: ["practitioner"] });
        const audited = await app.pool.query(
          "SELECT actor_id FROM platform.audit_log WHERE action = 'settings.security_update'",
        );
        expect(audited.rows).toEqual([{ actor_id: sysadmin.user.id }]);

        const cookie = practitioner.headers.cookie;
        const blocked = await app.app.inject({ url: "/api/organisations", headers: { cookie } });
        expect(blocked.statusCode).toBe(403);
        expect(blocked.json().error.code).toBe("mfa_enrolment_required");
        const meRes = await me(app, cookie);
        expect(meRes.statusCode).toBe(200);
        expect(meRes.json().mfaEnrolmentRequired).toBe(true);
        // Roles not listed are untouched.
        expect(
          (await app.app.inject({ url: "/api/organisations", headers: sysadmin.headers }))
            .statusCode,
        ).toBe(200);

        const secret = await enrol(app, cookie);
        expect(
          (await app.app.inject({ url: "/api/organisations", headers: { cookie } })).statusCode,
        ).toBe(200);
        // Required TOTP cannot be turned off.
        const off = await app.app.inject({
          method: "POST",
          url: "/api/auth/totp/disable",
          headers: { cookie },
          payload: { code: await freshCode(secret) },
        });
        expect(off.statusCode).toBe(403);
        expect(off.json().error.code).toBe("totp_required");
      } finally {
        await app.close();
      }
    });
  });
});
