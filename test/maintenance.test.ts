import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemAuditContext } from "../src/db/audit.ts";
import { runMaintenance } from "../src/jobs/platform/housekeeping.ts";
import { maintenanceJob } from "../src/jobs/platform/maintenance.ts";
import { JobQueue } from "../src/jobs/queue.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildUser } from "./helpers/factories.ts";
import { auditRowsFor } from "./helpers/http.ts";
import { TEST_JOB_OPTIONS, waitFor } from "./helpers/jobs.ts";

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
        jobsDeleted: 0,
        uploadChunksDeleted: 0,
      });
      await other.query("COMMIT");
      expect((await runMaintenance(t.db, { idleMinutes: 30 })).ran).toBe(true);
    } finally {
      other.release();
    }
  });

  it("deletes the status of jobs finished over a month ago, not of newer ones", async () => {
    const old = randomUUID();
    const recent = randomUUID();
    await t.pool.query(
      `INSERT INTO platform.jobs (id, kind, state, finished_at)
       VALUES ($1, 'platform.selftest', 'done', now() - interval '31 days'),
              ($2, 'platform.selftest', 'done', now() - interval '29 days')`,
      [old, recent],
    );
    const result = await runMaintenance(t.db, { idleMinutes: 30 });
    expect(result.jobsDeleted).toBeGreaterThanOrEqual(1);
    const left = await t.pool.query<{ id: string }>(
      "SELECT id FROM platform.jobs WHERE id = ANY($1::uuid[])",
      [[old, recent]],
    );
    expect(left.rows.map((r) => r.id)).toEqual([recent]);
  });

  it("runs as a scheduled job on the queue, which also runs it on demand", async () => {
    const queue = new JobQueue({
      db: t.db,
      config: t.config,
      jobs: [maintenanceJob],
      options: TEST_JOB_OPTIONS,
    });
    await queue.start();
    try {
      const schedule = await t.pool.query(
        "SELECT cron FROM pgboss.schedule WHERE name = 'platform.maintenance'",
      );
      expect(schedule.rows).toEqual([{ cron: "*/15 * * * *" }]);
      const id = await queue.enqueue("platform.maintenance", {}, systemAuditContext("test"));
      const row = await waitFor(
        async () =>
          (await t.pool.query("SELECT state, result FROM platform.jobs WHERE id = $1", [id]))
            .rows[0],
        (r) => r.state === "done",
      );
      expect(row.result).toMatchObject({ ran: true });
      expect((await auditRowsFor(t, id, "action")).map((r) => r.action)).toEqual([
        "job.enqueued",
        "job.finished",
      ]);
    } finally {
      await queue.stop();
    }
  });
});
