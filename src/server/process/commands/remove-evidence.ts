import { and, eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processCycles, processEvidence, processItems } from "../../../db/schema/process.ts";
import { checkCycleOpen } from "../../../domain/process/rules.ts";
import { NotFoundError } from "../../plugins/errors.ts";
import { refused } from "./refusal.ts";

/** Removes a link from a milestone of the open cycle; closed cycles keep theirs. */
export async function removeEvidence(
  db: DbOrTx,
  deps: { audit: AuditContext; organisationId: string },
  itemId: string,
  evidenceId: string,
): Promise<void> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ closedOn: processCycles.closedOn, kind: processEvidence.kind })
      .from(processEvidence)
      .innerJoin(processItems, eq(processItems.id, processEvidence.itemId))
      .innerJoin(processCycles, eq(processCycles.id, processItems.cycleId))
      .where(and(eq(processEvidence.id, evidenceId), eq(processEvidence.itemId, itemId)));
    if (!row) throw new NotFoundError("Länken finns inte.");
    const open = checkCycleOpen(row);
    if (!open.ok) throw refused(open);
    await tx.delete(processEvidence).where(eq(processEvidence.id, evidenceId));
    await recordAudit(tx, deps.audit, {
      action: "process.evidence.delete",
      subjectType: "process_item",
      subjectId: itemId,
      organisationId: deps.organisationId,
      details: { evidenceId, kind: row.kind },
    });
  });
}
