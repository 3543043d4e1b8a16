import type pg from "pg";
import PgBoss from "pg-boss";
import { JOB_KINDS } from "../domain/platform/jobs.ts";

/** pg-boss keeps its tables here; it creates and migrates them itself. */
export const JOB_QUEUE_SCHEMA = "pgboss";
/** pg-boss's own queue through which cron schedules send their jobs. */
const CRON_QUEUE = "__pgboss__send-it";

/** pg-boss's database adapter over one client (so its statements run in that session). */
export function bossDb(client: Pick<pg.ClientBase, "query">): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

/**
 * Creates or migrates pg-boss's schema and one queue per job kind. Run at migration time by the
 * role that owns the schema: a queue is a partition table, so creating one at run time would
 * need the owner. Afterwards the app only reads and writes rows (see grantJobQueue).
 */
export async function installJobQueue(client: pg.ClientBase): Promise<void> {
  const boss = new PgBoss({
    db: bossDb(client),
    schema: JOB_QUEUE_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of [...JOB_KINDS, CRON_QUEUE]) {
      if (!existing.has(name)) await boss.createQueue(name);
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

/**
 * Everything a runtime role (not the owner) needs to use the queue: rows of pg-boss's tables and
 * its functions, never DDL. The one place to grant it, for the database-roles change.
 */
export async function grantJobQueue(client: pg.ClientBase, role: string): Promise<void> {
  const schema = client.escapeIdentifier(JOB_QUEUE_SCHEMA);
  const who = client.escapeIdentifier(role);
  await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${who}`);
  await client.query(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${who}`,
  );
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${who}`);
  await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${who}`);
  // Tables a later pg-boss migration adds (run by the owner, who runs this too).
  await client.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${who}`,
  );
}
