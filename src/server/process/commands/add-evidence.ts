import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processEvidence } from "../../../db/schema/process.ts";
import { checkCycleOpen } from "../../../domain/process/rules.ts";
import type { EvidenceCreateBodySchema } from "../../../domain/process/schemas.ts";
import { lockItem } from "./lock-item.ts";
import { refused } from "./refusal.ts";

/** Links evidence to a milestone: a Paraply record or a document's address. */
export async function addEvidence(
  db: DbOrTx,
  deps: { audit: AuditContext; actorId: string; organisationId: string },
  itemId: string,
  input: z.infer<typeof EvidenceCreateBodySchema>,
): Promise<string> {
  return db.transaction(async (tx) => {
    const row = await lockItem(tx, itemId);
    const open = checkCycleOpen(row);
    if (!open.ok) throw refused(open);
    const [evidence] = await tx
      .insert(processEvidence)
      .values({
        itemId,
        kind: input.kind,
        recordId: input.kind === "document" ? null : input.recordId,
        url: input.kind === "document" ? input.url : null,
        title: input.title ?? null,
        createdBy: deps.actorId,
      })
      .returning({ id: processEvidence.id });
    await recordAudit(tx, deps.audit, {
      action: "process.evidence.create",
      subjectType: "process_item",
      subjectId: itemId,
      organisationId: deps.organisationId,
      details: {
        evidenceId: evidence!.id,
        kind: input.kind,
        ...(input.kind === "document" ? {} : { recordId: input.recordId }),
      },
    });
    return evidence!.id;
  });
}
