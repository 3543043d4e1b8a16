import { sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";

// Any instance may run the housekeeping; the lock makes one do it at a time.
const MAINTENANCE_LOCK = 7_351_002;
/** Ended sessions are kept this long for troubleshooting, then deleted. */
const KEEP_ENDED_SESSIONS = "1 day";
/** Rows deleted per statement, so that one run never holds many locks or sends a flood. */
const BATCH = 1_000;

export interface MaintenanceResult {
  ran: boolean;
  sessionsDeleted: number;
}

/**
 * Deletes sessions that can no longer be used (revoked, past their absolute end, or idle past
 * the limit) and ended more than a day ago. The audit log keeps every sign-in and sign-out; the
 * session rows themselves are only the state of who is signed in now.
 */
export async function runMaintenance(
  db: Db,
  options: { idleMinutes: number },
): Promise<MaintenanceResult> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${MAINTENANCE_LOCK}) AS locked`,
    );
    if (!lock.rows[0]?.locked) return { ran: false, sessionsDeleted: 0 };
    let sessionsDeleted = 0;
    for (;;) {
      const deleted = await tx.execute(sql`
        DELETE FROM platform.sessions WHERE id IN (
          SELECT id FROM platform.sessions
          WHERE least(
                  coalesce(revoked_at, 'infinity'),
                  expires_at,
                  last_seen_at + make_interval(mins => ${options.idleMinutes}::int)
                ) < now() - ${KEEP_ENDED_SESSIONS}::interval
          LIMIT ${BATCH})`);
      sessionsDeleted += deleted.rowCount ?? 0;
      if ((deleted.rowCount ?? 0) < BATCH) break;
    }
    return { ran: true, sessionsDeleted };
  });
}

interface Logger {
  info: (o: object, msg: string) => void;
  warn: (o: object, msg: string) => void;
}

/** Runs maintenance a minute after start and then every `everyMs`; returns a stop function. */
export function scheduleMaintenance(
  db: Db,
  options: { idleMinutes: number; everyMs?: number },
  log: Logger,
): () => void {
  const run = () =>
    runMaintenance(db, options).then(
      (result) => {
        if (result.sessionsDeleted > 0) log.info(result, "maintenance: ended sessions deleted");
      },
      (error: unknown) => log.warn({ err: error }, "maintenance failed; it runs again later"),
    );
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, options.everyMs ?? 15 * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
