import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMaintenance } from "../src/server/platform/maintenance.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildUser } from "./helpers/factories.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

async function session(
  userId: string,
  times: { lastSeen: Date; expires: Date; revoked?: Date },
): Promise<string> {
  const id = randomUUID();
  await t.pool.query(
    `INSERT INTO platform.sessions (id, user_id, auth_method, last_seen_at, expires_at, revoked_at)
     VALUES ($1, $2, 'password', $3, $4, $5)`,
    [id, userId, times.lastSeen, times.expires, times.revoked ?? null],
  );
  return id;
}

describe("maintenance", () => {
  it("deletes sessions that ended more than a day ago and keeps the rest", async () => {
    const user = await buildUser(t.db);
    const live = await session(user.id, { lastSeen: hoursAgo(0.1), expires: hoursAgo(-5) });
    const endedToday = await session(user.id, {
      lastSeen: hoursAgo(3),
      expires: hoursAgo(-5),
      revoked: hoursAgo(2),
    });
    await session(user.id, {
      lastSeen: hoursAgo(30),
      expires: hoursAgo(-1),
      revoked: hoursAgo(30),
    });
    await session(user.id, {
      lastSeen: hoursAgo(40),
      expires: hoursAgo(28),
    });
    // Never revoked and not past its absolute end, but idle for two days.
    await session(user.id, { lastSeen: hoursAgo(48), expires: hoursAgo(-1) });

    const result = await runMaintenance(t.db, { idleMinutes: 30 });
    expect(result.ran).toBe(true);
    expect(result.sessionsDeleted).toBeGreaterThanOrEqual(3);
    const left = await t.pool.query<{ id: string }>(
      "SELECT id FROM platform.sessions WHERE user_id = $1",
      [user.id],
    );
    expect(left.rows.map((r) => r.id).sort()).toEqual([live, endedToday].sort());
  });

  it("skips a run while another instance holds the maintenance lock", async () => {
    const other = await t.pool.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(7351002)");
      expect(await runMaintenance(t.db, { idleMinutes: 30 })).toEqual({
        ran: false,
        sessionsDeleted: 0,
      });
      await other.query("COMMIT");
      expect((await runMaintenance(t.db, { idleMinutes: 30 })).ran).toBe(true);
    } finally {
      other.release();
    }
  });
});
