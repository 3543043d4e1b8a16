import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AuditContext, systemAuditContext } from "../src/db/audit.ts";
import { parseAnchorFile } from "../src/domain/platform/audit-anchor.ts";
import type { JobStatus } from "../src/domain/platform/jobs.ts";
import { auditAnchorJob } from "../src/jobs/platform/audit-anchor.ts";
import { selftestJob } from "../src/jobs/platform/selftest.ts";
import { JobQueue } from "../src/jobs/queue.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith } from "./helpers/factories.ts";
import { auditRowsFor, call } from "./helpers/http.ts";
import { TEST_JOB_OPTIONS, waitFor } from "./helpers/jobs.ts";

let t: TestApp;
/** Enqueues and cancels like any app instance, but runs nothing. */
let sender: JobQueue;
/** The worker of this process, started once the killed worker's job has been taken over. */
let worker: JobQueue | undefined;
let child: ChildProcess | undefined;

beforeAll(async () => {
  t = await buildTestApp();
  sender = new JobQueue({ db: t.db, config: t.config, jobs: [selftestJob] });
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await worker?.stop();
  await t.close();
});

async function startWorker(): Promise<JobQueue> {
  if (!worker) {
    worker = new JobQueue({
      db: t.db,
      config: t.config,
      jobs: [selftestJob],
      options: TEST_JOB_OPTIONS,
    });
    await worker.start();
  }
  return worker;
}

const auditOf = (user: { id: string; email: string }): AuditContext => ({
  actorId: user.id,
  actorLabel: user.email,
  ip: null,
  userAgent: null,
  requestId: null,
});

function statusOf(id: string, headers: object) {
  return async (): Promise<JobStatus> => {
    const res = await call(t, "GET", `/api/jobs/${id}`, headers);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
}

async function stopWorker(): Promise<void> {
  await worker?.stop();
  worker = undefined;
}

/** A worker process of its own, resolved once it polls for work. */
function startWorkerProcess(): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", "test/helpers/job-worker.ts", t.config.DATABASE_URL!],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    proc.once("error", reject);
    proc.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
    proc.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(proc);
    });
  });
}

describe("background jobs", () => {
  it("a job whose worker was killed mid-way is finished by another worker, from its checkpoint", async () => {
    const { user, headers } = await actorWith(t, "analyst");
    const id = await sender.enqueue(
      "platform.selftest",
      { steps: 16, delayMs: 200 },
      auditOf(user),
    );
    child = await startWorkerProcess();
    const before = await waitFor(statusOf(id, headers), (s) => s.progress >= 0.25);
    expect(before.state).toBe("running");
    child.kill("SIGKILL");
    child = undefined;

    await startWorker();
    const after = await waitFor(statusOf(id, headers), (s) => s.state === "done", 20_000);
    expect(after.attempt).toBe(2);
    expect(after.progress).toBe(1);
    // Resumed where the killed worker's last checkpoint was, not from the start.
    expect(after.result?.resumedAt).toBeGreaterThanOrEqual(4);
    expect(after.result?.resumedAt).toBeLessThan(16);
    const rows = await auditRowsFor(t, id, "action, actor_id");
    expect(rows).toEqual([
      { action: "job.enqueued", actor_id: user.id },
      { action: "job.finished", actor_id: user.id },
    ]);
  });

  it("a job whose worker was stopped mid-way waits, then another worker finishes it", async () => {
    // Only the worker to be stopped may take the job.
    await stopWorker();
    const { user, headers } = await actorWith(t, "practitioner");
    const first = new JobQueue({
      db: t.db,
      config: t.config,
      jobs: [selftestJob],
      options: TEST_JOB_OPTIONS,
    });
    await first.start();
    const id = await sender.enqueue(
      "platform.selftest",
      { steps: 16, delayMs: 100 },
      auditOf(user),
    );
    await waitFor(statusOf(id, headers), (s) => s.progress >= 0.25);
    await first.stop();
    const paused = await statusOf(id, headers)();
    expect(paused).toMatchObject({ state: "queued", attempt: 1, message: { key: "interrupted" } });
    expect(paused.progress).toBeLessThan(1);

    await startWorker();
    const done = await waitFor(statusOf(id, headers), (s) => s.state === "done");
    expect(done.attempt).toBe(2);
    expect(done.result?.resumedAt).toBeGreaterThanOrEqual(4);
  });

  it("a run wrongly judged dead gives way to the run that took over, without a third", async () => {
    await stopWorker();
    // A slow heartbeat and rare progress writes: taken back, it notices only seconds later.
    const slow = new JobQueue({
      db: t.db,
      config: t.config,
      jobs: [selftestJob],
      options: { ...TEST_JOB_OPTIONS, heartbeatMs: 3_000, progressEveryMs: 60_000 },
    });
    await slow.start();
    try {
      const { user, headers } = await actorWith(t, "analyst");
      const id = await sender.enqueue(
        "platform.selftest",
        { steps: 40, delayMs: 100 },
        auditOf(user),
      );
      await waitFor(statusOf(id, headers), (s) => s.progress > 0);
      await t.pool.query(
        "UPDATE platform.jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = $1",
        [id],
      );
      expect(await sender.recoverLostJobs()).toBe(1);
      await startWorker();
      const done = await waitFor(statusOf(id, headers), (s) => s.state === "done", 20_000);
      expect(done.attempt).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await statusOf(id, headers)()).toMatchObject({ state: "done", attempt: 2 });
      expect((await auditRowsFor(t, id, "action")).map((r) => r.action)).toEqual([
        "job.enqueued",
        "job.finished",
      ]);
    } finally {
      await slow.stop();
    }
  });

  it("reports progress and a message that any instance reads, then the result", async () => {
    await startWorker();
    const { user, headers } = await actorWith(t, "system_admin");
    const started = await call(t, "POST", "/api/system/jobs", headers, {
      kind: "platform.selftest",
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    const midway = await waitFor(statusOf(id, headers), (s) => s.progress > 0 && s.progress < 1);
    expect(midway.state).toBe("running");
    expect(midway.message?.key).toBe("selftest.step");
    expect(midway.message?.params.steps).toBe(20);
    expect(midway.message?.params.done).toBe(Math.round(midway.progress * 20));
    const done = await waitFor(statusOf(id, headers), (s) => s.state === "done");
    expect(done).toMatchObject({
      kind: "platform.selftest",
      progress: 1,
      attempt: 1,
      result: { steps: 20, resumedAt: 0 },
      cancelRequested: false,
    });
    expect(done.finishedAt).not.toBeNull();
    const rows = await auditRowsFor(t, id, "action, actor_id, details");
    expect(rows.map((r) => [r.action, r.actor_id])).toEqual([
      ["job.enqueued", user.id],
      ["job.finished", user.id],
    ]);
    expect(rows[1].details).toMatchObject({ kind: "platform.selftest", result: { steps: 20 } });
  });

  it("stops a running job when the person who started it cancels it", async () => {
    await startWorker();
    const { user, headers } = await actorWith(t, "coordinator");
    const id = await sender.enqueue(
      "platform.selftest",
      { steps: 100, delayMs: 100 },
      auditOf(user),
    );
    await waitFor(statusOf(id, headers), (s) => s.progress > 0);
    const res = await call(t, "POST", `/api/jobs/${id}/cancel`, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().cancelRequested).toBe(true);
    const cancelled = await waitFor(statusOf(id, headers), (s) => s.state === "cancelled", 5_000);
    // It stopped: no further steps after it ended.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = await statusOf(id, headers)();
    expect(later.progress).toBe(cancelled.progress);
    expect(later.progress).toBeLessThan(0.5);
    expect((await auditRowsFor(t, id, "action, actor_id")).map((r) => r.action)).toEqual([
      "job.enqueued",
      "job.cancelled",
    ]);
  });

  it("never starts a queued job that was cancelled", async () => {
    await startWorker();
    const { user, headers } = await actorWith(t, "reader");
    const id = await sender.enqueue("platform.selftest", { steps: 2, delayMs: 10 }, auditOf(user), {
      startAfterSeconds: 2,
    });
    const res = await call(t, "POST", `/api/jobs/${id}/cancel`, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: "cancelled", attempt: 0, startedAt: null });
    // Past the time it would have started, a worker polling all along has not touched it.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await statusOf(id, headers)()).toMatchObject({ state: "cancelled", attempt: 0 });
    expect(await sender.status(id)).toMatchObject({ state: "cancelled", startedAt: null });
    const queued = await t.pool.query("SELECT state FROM pgboss.job WHERE id = $1", [id]);
    expect(queued.rows[0]?.state).toBe("cancelled");
    const audit = await auditRowsFor(t, id, "action, actor_id, details");
    expect(audit.map((r) => [r.action, r.actor_id])).toEqual([
      ["job.enqueued", user.id],
      ["job.cancelled", user.id],
    ]);
    expect(audit[1].details).toMatchObject({ wasRunning: false });
  });

  it("cancels many jobs at once on the app's pool of 5: each cancel stays in its request's transaction", async () => {
    const { user, headers } = await actorWith(t, "coordinator");
    const ids = await Promise.all(
      Array.from({ length: 12 }, () =>
        sender.enqueue("platform.selftest", { steps: 1, delayMs: 0 }, auditOf(user), {
          startAfterSeconds: 60,
        }),
      ),
    );
    const statuses = await Promise.all(
      ids.map(async (id) => (await call(t, "POST", `/api/jobs/${id}/cancel`, headers)).statusCode),
    );
    expect(statuses).toEqual(Array(12).fill(200));
    for (const id of ids) expect(await sender.status(id)).toMatchObject({ state: "cancelled" });
  }, 20_000);

  it("shows a job only to the person who started it and to a system administrator", async () => {
    const owner = await actorWith(t, "org_admin");
    const other = await actorWith(t, "org_admin", owner.user.organisationId);
    const admin = await actorWith(t, "system_admin");
    const id = await sender.enqueue(
      "platform.selftest",
      { steps: 1, delayMs: 0 },
      auditOf(owner.user),
      { startAfterSeconds: 3600 },
    );
    expect((await call(t, "GET", `/api/jobs/${id}`, other.headers)).statusCode).toBe(404);
    expect((await call(t, "POST", `/api/jobs/${id}/cancel`, other.headers)).statusCode).toBe(404);
    expect((await call(t, "GET", `/api/jobs/${id}`, {})).statusCode).toBe(401);
    expect((await call(t, "GET", `/api/jobs/${id}`, admin.headers)).statusCode).toBe(200);
    expect((await call(t, "GET", "/api/jobs/not-a-uuid", owner.headers)).statusCode).toBe(400);
    const bad = await call(t, "POST", "/api/system/jobs", admin.headers, { kind: "rm -rf" });
    expect(bad.statusCode).toBe(400);
    const cancelled = await call(t, "POST", `/api/jobs/${id}/cancel`, admin.headers);
    expect(cancelled.json().state).toBe("cancelled");
  });

  it("runs as the app's runtime role, which may use the queue's rows but not create in its schema", async () => {
    // Every test here runs the queue on the app's pool, which connects as the runtime role; this
    // one checks that the role got rows through grantJobQueue and nothing more.
    const role = await t.pool.query<{ current_user: string }>("SELECT current_user");
    expect(role.rows[0]?.current_user).toBe(inject("runtimeRole"));
    await expect(t.pool.query("CREATE TABLE pgboss.not_allowed (id int)")).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.pool.query("SELECT count(*) FROM pgboss.job")).resolves.toBeDefined();
  });

  it("ends a lost job that has no tries left as failed (audited), and a lost one being cancelled as cancelled", async () => {
    const { user, headers } = await actorWith(t, "coordinator");
    const spent = await sender.enqueue(
      "platform.selftest",
      { steps: 1, delayMs: 0 },
      auditOf(user),
      {
        startAfterSeconds: 3600,
      },
    );
    const cancelling = await sender.enqueue(
      "platform.selftest",
      { steps: 1, delayMs: 0 },
      auditOf(user),
      { startAfterSeconds: 3600 },
    );
    // As a worker leaves them when it dies mid-run: active in pg-boss, running with an old
    // heartbeat here; the first on its last try, the second asked to cancel.
    await t.pool.query(
      `UPDATE pgboss.job SET state = 'active', started_on = now(), retry_limit = 0
       WHERE id = ANY($1::uuid[])`,
      [[spent, cancelling]],
    );
    await t.pool.query(
      `UPDATE platform.jobs SET state = 'running', attempt = 1, started_at = now(),
         heartbeat_at = now() - interval '10 minutes',
         cancel_requested_at = CASE WHEN id = $2 THEN now() END
       WHERE id = ANY($1::uuid[])`,
      [[spent, cancelling], cancelling],
    );
    await sender.recoverLostJobs();
    expect(await statusOf(spent, headers)()).toMatchObject({ state: "failed" });
    expect(await statusOf(cancelling, headers)()).toMatchObject({ state: "cancelled" });
    const failed = await auditRowsFor(t, spent, "action, outcome, details");
    expect(failed.map((r) => [r.action, r.outcome])).toEqual([
      ["job.enqueued", "success"],
      ["job.failed", "failure"],
    ]);
    expect(failed[1].details).toMatchObject({ error: "worker stopped" });
  });
});

describe("the audit-anchor job", () => {
  const scheduled = async () =>
    (await t.pool.query("SELECT cron FROM pgboss.schedule WHERE name = 'platform.audit-anchor'"))
      .rows;

  it("is scheduled from the configuration and appends one anchor line per run", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "paraply-anchor-job-"));
    const file = path.join(dir, "anchors.jsonl");
    // Weekly, so that the schedule itself sends no run while the test counts lines.
    const config = { ...t.config, AUDIT_ANCHOR_FILE: file, AUDIT_ANCHOR_MINUTES: 7 * 24 * 60 };
    const queue = new JobQueue({
      db: t.db,
      config,
      jobs: [auditAnchorJob],
      options: TEST_JOB_OPTIONS,
    });
    const run = async () => {
      const id = await queue.enqueue("platform.audit-anchor", {}, systemAuditContext("test"));
      const done = await waitFor(
        () => queue.status(id),
        (s) => s?.state === "done",
      );
      return { id, result: done?.result };
    };
    const anchors = async () => {
      const parsed = parseAnchorFile(await fs.readFile(file, "utf8"));
      expect(parsed.problems).toEqual([]);
      return parsed.anchors.map((a) => a.anchor);
    };
    const newest = (heads: { seq: number }[]) => Math.max(...heads.map((h) => h.seq));
    try {
      await queue.start();
      expect(await scheduled()).toEqual([{ cron: "0 0 */7 * *" }]);

      const first = await run();
      const [one] = await anchors();
      expect(await anchors()).toHaveLength(1);
      expect(first.result).toEqual({
        ran: true,
        chains: one!.heads.length,
        anchoredAt: one!.anchoredAt,
      });
      const audit = await auditRowsFor(t, first.id, "action, details");
      expect(audit.map((r) => r.action)).toEqual(["job.enqueued", "job.finished"]);
      expect(audit[1].details).toMatchObject({
        kind: "platform.audit-anchor",
        result: first.result,
      });

      const second = await run();
      const both = await anchors();
      expect(both).toHaveLength(2);
      expect(both[0]).toEqual(one);
      expect(second.result).toMatchObject({ ran: true, anchoredAt: both[1]!.anchoredAt });
      // The first run's audit rows came after its anchor, so the second anchor reaches further.
      expect(newest(both[1]!.heads)).toBeGreaterThan(newest(one!.heads));
    } finally {
      await queue.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("is not scheduled without AUDIT_ANCHOR_FILE, and an earlier schedule is removed", async () => {
    const config = { ...t.config, AUDIT_ANCHOR_FILE: "anchors.jsonl", AUDIT_ANCHOR_MINUTES: 30 };
    const withFile = new JobQueue({ db: t.db, config, jobs: [auditAnchorJob] });
    await withFile.start();
    await withFile.stop();
    expect(await scheduled()).toEqual([{ cron: "*/30 * * * *" }]);
    expect(t.config.AUDIT_ANCHOR_FILE).toBeUndefined();
    const without = new JobQueue({ db: t.db, config: t.config, jobs: [auditAnchorJob] });
    await without.start();
    await without.stop();
    expect(await scheduled()).toEqual([]);
  });
});
