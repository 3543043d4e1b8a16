import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildUser, signIn, TEST_PASSWORD } from "./helpers/factories.ts";
import { auditRowsFor, call } from "./helpers/http.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type OwnSession = { id: string; current: boolean; userAgent: string | null; authMethod: string };

async function signInFrom(email: string, userAgent: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "user-agent": userAgent },
    payload: { email, password: TEST_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === "paraply_session");
  return { cookie: `paraply_session=${cookie!.value}` };
}

const list = async (headers: object) =>
  (await call(t, "GET", "/api/auth/sessions", headers)).json() as OwnSession[];

describe("a person's own sessions", () => {
  it("refuses without a session", async () => {
    expect((await call(t, "GET", "/api/auth/sessions", {})).statusCode).toBe(401);
    expect((await call(t, "POST", "/api/auth/sessions/revoke-others", {})).statusCode).toBe(401);
    expect((await call(t, "DELETE", `/api/auth/sessions/${randomUUID()}`, {})).statusCode).toBe(
      401,
    );
  });

  it("lists the live ones with the current one marked, never the token or its hash", async () => {
    const user = await buildUser(t.db);
    const laptop = await signIn(t, user.email);
    const phone = await signInFrom(user.email, "Mozilla/5.0 (Android 15; Mobile) Firefox/140.0");
    const ended = await signIn(t, user.email);
    await call(t, "POST", "/api/auth/logout", ended);
    const sessions = await list(laptop);
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.find((s) => !s.current)?.userAgent).toContain("Android");
    expect(sessions.every((s) => s.authMethod === "password")).toBe(true);
    const raw = await call(t, "GET", "/api/auth/sessions", laptop);
    for (const { cookie } of [laptop, phone]) {
      expect(raw.body).not.toContain(cookie.split("=")[1]);
    }
    const hashes = await t.pool.query("SELECT id FROM platform.sessions WHERE user_id = $1", [
      user.id,
    ]);
    for (const row of hashes.rows) expect(raw.body).not.toContain(row.id);
    // Another person sees none of them.
    const other = await signIn(t, (await buildUser(t.db)).email);
    expect(await list(other)).toHaveLength(1);
  });

  it("ends another of one's sessions, audited; not the one in use, not someone else's", async () => {
    const user = await buildUser(t.db);
    const here = await signIn(t, user.email);
    const there = await signIn(t, user.email);
    const sessions = await list(here);
    const current = sessions.find((s) => s.current)!;
    const elsewhere = sessions.find((s) => !s.current)!;

    const self = await call(t, "DELETE", `/api/auth/sessions/${current.id}`, here);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe("current_session");

    const stranger = await signIn(t, (await buildUser(t.db)).email);
    expect(
      (await call(t, "DELETE", `/api/auth/sessions/${elsewhere.id}`, stranger)).statusCode,
    ).toBe(404);
    expect((await call(t, "GET", "/api/auth/me", there)).statusCode).toBe(200);

    const ended = await call(t, "DELETE", `/api/auth/sessions/${elsewhere.id}`, here);
    expect(ended.statusCode).toBe(200);
    expect((await call(t, "GET", "/api/auth/me", there)).statusCode).toBe(401);
    expect((await call(t, "DELETE", `/api/auth/sessions/${elsewhere.id}`, here)).statusCode).toBe(
      404,
    );
    expect(await auditRowsFor(t, user.id)).toContainEqual(
      expect.objectContaining({
        action: "auth.session_revoked",
        actor_id: user.id,
        details: { session: elsewhere.id },
      }),
    );
    const bad = await call(t, "DELETE", "/api/auth/sessions/not-a-uuid", here);
    expect(bad.statusCode).toBe(400);
  });

  it("signs out everywhere else and keeps the session in use", async () => {
    const user = await buildUser(t.db);
    const here = await signIn(t, user.email);
    const others = [await signIn(t, user.email), await signIn(t, user.email)];
    const res = await call(t, "POST", "/api/auth/sessions/revoke-others", here);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: 2 });
    for (const other of others) {
      expect((await call(t, "GET", "/api/auth/me", other)).statusCode).toBe(401);
    }
    expect((await call(t, "GET", "/api/auth/me", here)).statusCode).toBe(200);
    expect((await list(here)).map((s) => s.current)).toEqual([true]);
    expect(await auditRowsFor(t, user.id)).toContainEqual(
      expect.objectContaining({ action: "auth.other_sessions_revoked", details: { count: 2 } }),
    );
  });
});
