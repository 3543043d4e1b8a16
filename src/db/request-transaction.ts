import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { markActingUser } from "./actor.ts";
import { deferAuditRows, takeDeferredAuditRows } from "./audit.ts";
import type { Db, Tx } from "./database.ts";

// drizzle's database object keeps what a transaction needs under names its type does not show.
interface DrizzleInternals {
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  session: {
    client: pg.Pool;
    schema: ConstructorParameters<typeof NodePgSession>[2];
    options: ConstructorParameters<typeof NodePgSession>[3];
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A request's transaction in the fewest round trips. BEGIN goes with the acting user's name
 * (row-level security), and the audit rows the request recorded go with COMMIT: one message each,
 * where drizzle's transaction sends BEGIN, the setting, each audit row and COMMIT apart. The rows
 * are still written inside the transaction, before it commits; if writing them fails nothing
 * commits and the request fails. A transaction's own later reads do not see its deferred rows.
 */
export async function runRequestTransaction<T>(
  db: Db,
  actorId: string | null,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (actorId !== null && !UUID.test(actorId)) throw new Error("the acting user is not a uuid");
  const internals = db as unknown as DrizzleInternals;
  const client = await internals.session.client.connect();
  const session = new NodePgSession(
    client,
    internals.dialect,
    internals.session.schema,
    internals.session.options,
  );
  const tx = new NodePgTransaction(internals.dialect, session, internals.session.schema) as Tx;
  let broken: Error | undefined;
  try {
    // A simple query (no parameters) may hold two statements; the uuid was checked above.
    await client
      .query(
        actorId === null
          ? "BEGIN"
          : `BEGIN; SELECT set_config('paraply.actor_id', '${actorId}', true)`,
      )
      .catch((error: Error) => {
        broken = error;
        throw error;
      });
    markActingUser(tx, actorId);
    deferAuditRows(tx);
    try {
      const result = await work(tx);
      const rows = takeDeferredAuditRows(tx);
      // If the insert fails, PostgreSQL skips the COMMIT after it and the transaction is rolled
      // back below.
      await client.query(rows ? `${rows}; COMMIT` : "COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    // A connection that could not roll back is not given to the next request.
    client.release(broken);
  }
}
