import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/database.ts";
import { processCycles, processItems } from "../../../db/schema/process.ts";

/**
 * Locks one item for the rest of the transaction and reads whether its cycle is closed. Two
 * statements: PostgreSQL's FOR UPDATE OF cannot name the schema-qualified table of a join.
 */
export async function lockItem(tx: Tx, itemId: string) {
  const [item] = await tx
    .select()
    .from(processItems)
    .where(eq(processItems.id, itemId))
    .for("update");
  if (!item) throw new Error(`item ${itemId} vanished under its lock`);
  const [cycle] = await tx
    .select({ closedOn: processCycles.closedOn })
    .from(processCycles)
    .where(eq(processCycles.id, item.cycleId));
  return { item, closedOn: cycle!.closedOn };
}
