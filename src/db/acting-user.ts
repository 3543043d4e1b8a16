import { sql } from "drizzle-orm";
import type { Tx } from "./database.ts";

/**
 * Names the person a transaction acts for, for the row-level-security policies. `true` makes the
 * setting local to the transaction, so a pooled connection never carries it into the next request.
 */
export async function setActingUser(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`SELECT set_config('paraply.actor_id', ${userId}, true)`);
}
