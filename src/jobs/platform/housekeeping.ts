import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database.ts";

// The scheduled job runs on one instance at a time; the lock also keeps a run started by hand
// from overlapping it.
const MAINTENANCE_LOCK = 7_351_002;
/** Ended sessions are kept this long for troubleshooting, then deleted. */
const KEEP_ENDED_SESSIONS = "1 day";
/** Finished background jobs stay readable this long (their audit rows stay for good). */
const KEEP_FINISHED_JOBS = "30 days";
/** An import nobody touched this long is abandoned: its file goes, its row stays. */
const KEEP_ABANDONED_UPLOADS = "1 day";
/** Rows deleted per statement, so that one run never holds many locks or sends a flood. */
const BATCH = 1_000;
const UPLOAD_CHUNK_BATCH = 50;

export interface MaintenanceResult {
  ran: boolean;
  sessionsDeleted: number;
  jobsDeleted: number;
  uploadChunksDeleted: number;
}

async function deleteInBatches(
  tx: Tx,
  statement: ReturnType<typeof sql>,
  batch = BATCH,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await tx.execute(statement);
    deleted += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < batch) return deleted;
  }
}

/**
 * Deletes sessions that can no longer be used (revoked, past their absolute end, or idle past
 * the limit) and ended more than a day ago, the status rows of jobs finished a month ago, and
 * the uploaded files of profile imports abandoned for a day (no job reading them).
 * The audit log keeps every sign-in, sign-out and job; these rows are only current state.
 */
export async function runMaintenance(
  db: Db,
  options: { idleMinutes: number },
  onStep: (share: number, step: "sessions" | "jobs" | "uploads") => Promise<void> = async () => {},
): Promise<MaintenanceResult> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${MAINTENANCE_LOCK}) AS locked`,
    );
    if (!lock.rows[0]?.locked)
      return { ran: false, sessionsDeleted: 0, jobsDeleted: 0, uploadChunksDeleted: 0 };
    await onStep(0, "sessions");
    const sessionsDeleted = await deleteInBatches(
      tx,
      sql`
        DELETE FROM platform.sessions WHERE id IN (
          SELECT id FROM platform.sessions
          WHERE least(
                  coalesce(revoked_at, 'infinity'),
                  expires_at,
                  last_seen_at + make_interval(mins => ${options.idleMinutes}::int)
                ) < now() - ${KEEP_ENDED_SESSIONS}::interval
          LIMIT ${BATCH})`,
    );
    await onStep(0.4, "jobs");
    const jobsDeleted = await deleteInBatches(
      tx,
      sql`
        DELETE FROM platform.jobs WHERE id IN (
          SELECT id FROM platform.jobs
          WHERE finished_at < now() - ${KEEP_FINISHED_JOBS}::interval
          LIMIT ${BATCH})`,
    );
    await onStep(0.7, "uploads");
    // A chunk holds megabytes: fewer of them per statement.
    const uploadChunksDeleted = await deleteInBatches(
      tx,
      sql`
        DELETE FROM community.profile_upload_chunks WHERE (import_id, seq) IN (
          SELECT c.import_id, c.seq
            FROM community.profile_upload_chunks c
            JOIN community.profile_imports i ON i.id = c.import_id
           WHERE i.state NOT IN ('validating', 'importing')
             AND i.updated_at < now() - ${KEEP_ABANDONED_UPLOADS}::interval
           LIMIT ${UPLOAD_CHUNK_BATCH})`,
      UPLOAD_CHUNK_BATCH,
    );
    return { ran: true, sessionsDeleted, jobsDeleted, uploadChunksDeleted };
  });
}
