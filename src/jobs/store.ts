import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/database.ts";
import { jobs } from "../db/schema/jobs.ts";
import type { JobMessage, JobStatus } from "../domain/platform/jobs.ts";
import type { JobSummary } from "./define.ts";

// Reads and writes of platform.jobs: what people and other instances see of a job.

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(
  tx: DbOrTx,
  values: { id: string; kind: string; requestedBy: string | null; organisationId: string | null },
): Promise<void> {
  await tx.insert(jobs).values(values);
}

export async function readJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/**
 * Marks a job running for one more attempt, or refuses when it was cancelled or has finished.
 * A scheduled job arrives without a row and gets one here. Returns the attempt number, which
 * every later write of this run must match: a run that lost the job cannot overwrite the next.
 */
export async function claimJob(
  db: Db,
  values: { id: string; kind: string; requestedBy: string | null },
): Promise<{ attempt: number; checkpoint: unknown } | null> {
  const result = await db.execute<{ attempt: number; checkpoint: unknown }>(sql`
    INSERT INTO platform.jobs (id, kind, requested_by, state, attempt, started_at, heartbeat_at)
    VALUES (${values.id}, ${values.kind}, ${values.requestedBy}, 'running', 1, now(), now())
    ON CONFLICT (id) DO UPDATE SET
      state = 'running',
      attempt = platform.jobs.attempt + 1,
      started_at = coalesce(platform.jobs.started_at, now()),
      heartbeat_at = now(),
      message = NULL
    WHERE platform.jobs.state IN ('queued', 'running')
      AND platform.jobs.cancel_requested_at IS NULL
    RETURNING attempt, checkpoint`);
  return result.rows[0] ?? null;
}

/** Renews a running job's heartbeat; null when this run no longer holds the job. */
export async function beat(
  db: Db,
  id: string,
  attempt: number,
): Promise<{ cancelRequested: boolean } | null> {
  const [row] = await db
    .update(jobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.attempt, attempt), eq(jobs.state, "running")))
    .returning({ cancelRequestedAt: jobs.cancelRequestedAt });
  return row ? { cancelRequested: row.cancelRequestedAt !== null } : null;
}

export async function saveProgress(
  db: Db,
  id: string,
  attempt: number,
  progress: { share: number; message: JobMessage | null; checkpoint?: unknown },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      progress: progress.share,
      message: progress.message,
      heartbeatAt: sql`now()`,
      ...(progress.checkpoint === undefined ? {} : { checkpoint: progress.checkpoint }),
    })
    .where(and(eq(jobs.id, id), eq(jobs.attempt, attempt), eq(jobs.state, "running")));
}

/** Ends a run in a final state; false when this run no longer held the job. */
export async function finishJob(
  tx: DbOrTx,
  id: string,
  attempt: number,
  end: { state: "done" | "failed" | "cancelled"; result?: JobSummary; error?: string },
): Promise<boolean> {
  const rows = await tx
    .update(jobs)
    .set({
      state: end.state,
      finishedAt: sql`now()`,
      heartbeatAt: null,
      ...(end.state === "done" ? { progress: 1 } : {}),
      ...(end.result ? { result: end.result } : {}),
      ...(end.error ? { error: end.error.slice(0, 2000) } : {}),
    })
    .where(and(eq(jobs.id, id), eq(jobs.attempt, attempt), eq(jobs.state, "running")))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** A run that failed (or whose worker is gone) waits for pg-boss to hand it out again. */
export async function requeueJob(
  db: Db,
  id: string,
  attempt: number,
  message: JobMessage,
): Promise<void> {
  await db
    .update(jobs)
    .set({ state: "queued", heartbeatAt: null, message })
    .where(and(eq(jobs.id, id), eq(jobs.attempt, attempt), eq(jobs.state, "running")));
}

/**
 * Records a cancellation. A queued job is cancelled at once; a running one is asked to stop and
 * its worker ends it. Returns the row as it now is, or undefined when there is none.
 */
export async function requestCancel(tx: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await tx
    .update(jobs)
    .set({
      cancelRequestedAt: sql`coalesce(${jobs.cancelRequestedAt}, now())`,
      state: sql`CASE WHEN ${jobs.state} = 'queued' THEN 'cancelled' ELSE ${jobs.state} END`,
      finishedAt: sql`CASE WHEN ${jobs.state} = 'queued' THEN now() ELSE ${jobs.finishedAt} END`,
    })
    .where(and(eq(jobs.id, id), inArray(jobs.state, ["queued", "running"])))
    .returning();
  return row;
}

/**
 * Takes back running jobs whose worker stopped renewing the heartbeat (a crashed or killed
 * instance). One statement, so only one instance takes each. A job someone asked to cancel ends
 * cancelled here; the others wait for pg-boss to hand them out again.
 */
export async function takeStaleJobs(
  db: Db,
  staleAfterMs: number,
): Promise<{ id: string; kind: string; attempt: number; state: string }[]> {
  const result = await db.execute<{ id: string; kind: string; attempt: number; state: string }>(sql`
    UPDATE platform.jobs SET
      state = CASE WHEN cancel_requested_at IS NULL THEN 'queued' ELSE 'cancelled' END,
      finished_at = CASE WHEN cancel_requested_at IS NULL THEN NULL ELSE now() END,
      heartbeat_at = NULL,
      message = ${JSON.stringify({ key: "workerLost", params: {} })}::jsonb
    WHERE state = 'running'
      AND heartbeat_at < now() - make_interval(secs => ${staleAfterMs / 1000})
    RETURNING id, kind, attempt, state`);
  return result.rows;
}

/** Marks a job that pg-boss gave up on as failed (only if it is not already finished). */
export async function markGivenUp(tx: DbOrTx, id: string, error: string): Promise<boolean> {
  const rows = await tx
    .update(jobs)
    .set({ state: "failed", finishedAt: sql`now()`, error })
    .where(
      and(eq(jobs.id, id), inArray(jobs.state, ["queued", "running"]), isNull(jobs.finishedAt)),
    )
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export function presentJob(row: JobRow): JobStatus {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: row.progress,
    message: row.message ?? null,
    result: row.result ?? null,
    cancelRequested: row.cancelRequestedAt !== null,
    attempt: row.attempt,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
