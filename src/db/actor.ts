import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
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
  markActingUser(tx, actorId);
}

/** Records that `tx` already names `actorId` (set by the request transaction's BEGIN). */
export function markActingUser(tx: Tx, actorId: string | null): void {
  actingUsers.set(tx, actorId);
}

// Who each open transaction already names, so that a query inside the request transaction does
// not set the same user again (a round trip on every support read).
const actingUsers = new WeakMap<Tx, string | null>();

/**
 * Runs `fn` as `actorId`: withActor(db, actor.userId, (tx) => …). Given the pool it opens a
 * transaction; given an open transaction it sets the actor for the rest of it (a request
 * transaction has one actor) without a savepoint, which would cost two more round trips.
 */
export async function withActor<T>(
  db: DbOrTx,
  actorId: string | null,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (db instanceof PgTransaction) {
    if (actingUsers.get(db) !== actorId) await setActingUser(db, actorId);
    return fn(db);
  }
  return db.transaction(async (tx) => {
    await setActingUser(tx, actorId);
    return fn(tx);
  });
}
