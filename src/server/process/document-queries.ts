import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { processDocuments } from "../../db/schema/process.ts";

/** One uploaded document of one item of one process, bytes included. */
export async function findDocument(
  db: DbOrTx,
  ids: { processId: string; itemId: string; documentId: string },
) {
  const [row] = await db
    .select()
    .from(processDocuments)
    .where(
      and(
        eq(processDocuments.id, ids.documentId),
        eq(processDocuments.itemId, ids.itemId),
        eq(processDocuments.processId, ids.processId),
      ),
    );
  return row;
}
