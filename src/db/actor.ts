import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "./database.ts";

/**
 * The acting user for row-level security. The policies on the `support` schema
 * (migration 0008) show a row only through a live access record of the user named by the
 * transaction-local setting `paraply.actor_id`; without it they show nothing.
 *
 * setActingUser(tx, actorId): call it first in every transaction that reads or writes
 * individual-level data on behalf of a person (the request-transaction helper does, once per
 * request). The setting is local to the transaction (set_config(…, true)), so a pooled
 * connection never carries it into the next one. `null` clears it: system work (jobs, the CLI)
 * then sees no individual-level rows as the runtime role.
 */
export async function setActingUser(tx: Tx, actorId: string | null): Promise<void> {
  await tx.execute(sql`SELECT set_config('paraply.actor_id', ${actorId ?? ""}, true)`);
}

/**
 * Runs `fn` in a transaction (a savepoint inside one already open) with `actorId` as the acting
 * user: withActor(db, actor.userId, (tx) => …).
 */
export function withActor<T>(
  db: DbOrTx,
  actorId: string | null,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await setActingUser(tx, actorId);
    return fn(tx);
  });
}
