import { and, eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processDocuments, processEvidence, processItems } from "../../../db/schema/process.ts";
import { checkCycleOpen } from "../../../domain/process/rules.ts";
import { NotFoundError } from "../../plugins/errors.ts";
import { lockItem } from "./lock-item.ts";
import { refused, staleVersion } from "./refusal.ts";

/**
 * Deletes an uploaded document with its evidence row, from an item of the open cycle; closed
 * cycles keep theirs, as they keep their links.
 */
export async function deleteDocument(
  db: DbOrTx,
  deps: { audit: AuditContext; actorId: string; organisationId: string },
  itemId: string,
  documentId: string,
  version: number,
): Promise<void> {
  return db.transaction(async (tx) => {
    const row = await lockItem(tx, itemId);
    const [document] = await tx
      .select({ evidenceId: processDocuments.evidenceId, sha256: processDocuments.sha256 })
      .from(processDocuments)
      .where(and(eq(processDocuments.id, documentId), eq(processDocuments.itemId, itemId)));
    if (!document) throw new NotFoundError("Dokumentet finns inte.");
    const open = checkCycleOpen(row);
    if (!open.ok) throw refused(open);
    if (row.item.version !== version) throw staleVersion("punkten");
    // The document goes with its evidence row (ON DELETE CASCADE).
    await tx.delete(processEvidence).where(eq(processEvidence.id, document.evidenceId));
    await tx
      .update(processItems)
      .set({ version: row.item.version + 1, updatedBy: deps.actorId, updatedAt: new Date() })
      .where(eq(processItems.id, itemId));
    await recordAudit(tx, deps.audit, {
      action: "process.document.delete",
      subjectType: "process_item",
      subjectId: itemId,
      organisationId: deps.organisationId,
      details: { documentId, evidenceId: document.evidenceId, sha256: document.sha256 },
    });
  });
}
