import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processDocuments, processEvidence, processItems } from "../../../db/schema/process.ts";
import { DOCUMENT_TYPES, type DocumentType } from "../../../domain/process/documents.ts";
import { checkCycleOpen } from "../../../domain/process/rules.ts";
import { lockItem } from "./lock-item.ts";
import { refused, staleVersion } from "./refusal.ts";

export interface UploadedDocument {
  fileName: string;
  type: DocumentType;
  bytes: Uint8Array;
  /** The item's version the upload was made from. */
  version: number;
}

/** The address a stored document is downloaded from, which its evidence row links to. */
export const documentPath = (processId: string, itemId: string, documentId: string) =>
  `/api/process/processes/${processId}/items/${itemId}/documents/${documentId}`;

/**
 * Stores an uploaded file as a milestone's evidence: the file, and an evidence row of kind
 * document linking to its download, so it lists with the item's other evidence. The item's
 * version moves on, so a coordinator working from an older view learns of it.
 */
export async function uploadDocument(
  db: DbOrTx,
  deps: { audit: AuditContext; actorId: string; organisationId: string; processId: string },
  itemId: string,
  file: UploadedDocument,
): Promise<string> {
  return db.transaction(async (tx) => {
    const row = await lockItem(tx, itemId);
    const open = checkCycleOpen(row);
    if (!open.ok) throw refused(open);
    if (row.item.version !== file.version) throw staleVersion("punkten");
    const documentId = crypto.randomUUID();
    const [evidence] = await tx
      .insert(processEvidence)
      .values({
        itemId,
        kind: "document",
        url: documentPath(deps.processId, itemId, documentId),
        title: file.fileName,
        createdBy: deps.actorId,
      })
      .returning({ id: processEvidence.id });
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    await tx.insert(processDocuments).values({
      id: documentId,
      processId: deps.processId,
      itemId,
      evidenceId: evidence!.id,
      fileName: file.fileName,
      contentType: DOCUMENT_TYPES[file.type],
      size: file.bytes.length,
      bytes: Buffer.from(file.bytes),
      sha256,
      uploadedBy: deps.actorId,
    });
    await tx
      .update(processItems)
      .set({ version: row.item.version + 1, updatedBy: deps.actorId, updatedAt: new Date() })
      .where(eq(processItems.id, itemId));
    await recordAudit(tx, deps.audit, {
      action: "process.document.upload",
      subjectType: "process_item",
      subjectId: itemId,
      organisationId: deps.organisationId,
      details: {
        documentId,
        evidenceId: evidence!.id,
        type: file.type,
        size: file.bytes.length,
        sha256,
      },
    });
    return documentId;
  });
}
