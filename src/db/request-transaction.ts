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
 * (row-level security) in the same write as the request's first statement, without waiting for
 * its answer, and the audit rows the request recorded go with COMMIT; drizzle's transaction sends
 * BEGIN, the setting, each audit row and COMMIT apart, each waiting for the one before. The rows
 * are still written inside the transaction, before it commits; if writing them fails nothing
 * commits and the request fails. A transaction's own later reads do not see its deferred rows.
 * pg's pipeline mode, which sends without waiting for answers, stays on until the connection goes
 * back to the pool.
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
  // A simple query (no parameters) may hold two statements; the uuid was checked above.
  const beginText =
    actorId === null ? "BEGIN" : `BEGIN; SELECT set_config('paraply.actor_id', '${actorId}', true)`;
  const { begun, flush, restore } = beginWithBatchedWrites(client, beginText);
  begun.catch((error: Error) => {
    broken = error;
  });
  try {
    markActingUser(tx, actorId);
    deferAuditRows(tx);
    try {
      let result: T;
      try {
        result = await work(tx);
      } finally {
        flush();
      }
      await begun;
      const rows = takeDeferredAuditRows(tx);
      // One simple query, answered in one reply: as a prepared INSERT beside COMMIT, each with
      // its own Sync, PostgreSQL answered twice and woke the app twice (docs/decisions.md). If
      // the insert fails, PostgreSQL skips the COMMIT after it and the transaction is rolled
      // back below.
      await client.query(rows ? `${rows}; COMMIT` : "COMMIT");
      return result;
    } catch (error) {
      await begun.catch(() => {});
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    restore();
    (client as PipelinedClient).pipeline = false;
    // A connection that could not roll back is not given to the next request.
    client.release(broken);
  }
}

type PipelinedClient = pg.PoolClient & {
  pipeline: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
};

/**
 * Sends BEGIN without waiting for its answer (pg's pipeline mode), held in the socket to leave in
 * one write with the request's first statement; `flush` sends it at the latest. From then on, the
 * statements a request sends side by side (`Promise.all`) leave in one write too: each is held
 * until the current turn of the event loop's work is done. Nothing runs outside the transaction
 * when BEGIN fails: it fails on a broken connection or in an aborted transaction, and either fails
 * the statements after it too (a connection left inside a live transaction is not given back to
 * the pool; see `broken`). `restore` gives the client back its own `query`.
 */
function beginWithBatchedWrites(
  client: pg.PoolClient,
  beginText: string,
): { begun: Promise<unknown>; flush: () => void; restore: () => void } {
  const pipelined = client as PipelinedClient;
  pipelined.pipeline = true;
  const stream = pipelined.connection.stream;
  stream.cork();
  const begun = client.query(beginText);
  let held = true;
  let releasing = false;
  const flush = () => {
    if (!held) return;
    held = false;
    stream.uncork();
  };
  const query = client.query;
  client.query = function (this: pg.PoolClient, ...args: unknown[]) {
    if (!held) {
      stream.cork();
      held = true;
    }
    if (!releasing) {
      releasing = true;
      process.nextTick(() => {
        releasing = false;
        flush();
      });
    }
    return (query as (...a: unknown[]) => never).apply(this, args);
  } as typeof client.query;
  const restore = () => {
    flush();
    delete (client as Partial<pg.PoolClient>).query;
  };
  return { begun, flush, restore };
}
