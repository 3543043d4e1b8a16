import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processItems } from "../../../db/schema/process.ts";
import { checkCycleOpen, checkItemStatus } from "../../../domain/process/rules.ts";
import type { ItemUpdateBodySchema } from "../../../domain/process/schemas.ts";
import { lockItem } from "./lock-item.ts";
import { refused, staleVersion } from "./refusal.ts";

/**
 * Changes one milestone: status, who is responsible, when it is due, notes. Locked and
 * versioned, so two coordinators editing the same item never overwrite each other unseen.
 */
export async function updateItem(
  db: DbOrTx,
  deps: { audit: AuditContext; actorId: string; organisationId: string },
  itemId: string,
  input: z.infer<typeof ItemUpdateBodySchema>,
): Promise<void> {
  return db.transaction(async (tx) => {
    const row = await lockItem(tx, itemId);
    const open = checkCycleOpen(row);
    if (!open.ok) throw refused(open);
    if (row.item.version !== input.version) throw staleVersion("punkten");

    const status = input.status ?? row.item.status;
    // A reason belongs to "not applicable" only; any other status drops it.
    const naReason =
      status === "not_applicable"
        ? input.naReason !== undefined
          ? (input.naReason?.trim() ?? null)
          : row.item.naReason
        : null;
    const valid = checkItemStatus(status, naReason);
    if (!valid.ok) throw refused(valid);

    await tx
      .update(processItems)
      .set({
        status,
        naReason: naReason || null,
        ...(input.responsibleId !== undefined ? { responsibleId: input.responsibleId } : {}),
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        version: row.item.version + 1,
        updatedBy: deps.actorId,
        updatedAt: new Date(),
      })
      .where(eq(processItems.id, itemId));
    const { version: _version, notes, ...changes } = input;
    await recordAudit(tx, deps.audit, {
      action: "process.item.update",
      subjectType: "process_item",
      subjectId: itemId,
      organisationId: deps.organisationId,
      // Notes may be long: the row records that they changed, not what they say.
      details: { changes, ...(notes !== undefined ? { notesChanged: true } : {}) },
    });
  });
}
