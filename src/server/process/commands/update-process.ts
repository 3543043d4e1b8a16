import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import {
  processCycles,
  processItems,
  processPhases,
  processProcesses,
} from "../../../db/schema/process.ts";
import type { PhaseNumber } from "../../../domain/process/phases.ts";
import type { ProcessUpdateBodySchema } from "../../../domain/process/schemas.ts";
import type { ChecklistRow } from "../queries.ts";
import { checklistItems, copyItems } from "./checklist-items.ts";
import { staleVersion } from "./refusal.ts";

/**
 * Changes what a process records about its community. A new checklist version applies from the
 * next cycle, and to the phases of the open cycle that have not started yet: what is under way
 * or done keeps the items it was worked with.
 */
export async function updateProcess(
  db: DbOrTx,
  deps: { audit: AuditContext },
  id: string,
  input: z.infer<typeof ProcessUpdateBodySchema>,
  checklist: ChecklistRow | null | undefined,
): Promise<void> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(processProcesses)
      .where(eq(processProcesses.id, id))
      .for("update");
    if (!current) throw new Error(`process ${id} vanished under its lock`);
    if (current.version !== input.version) throw staleVersion("processen");
    const { version: _version, checklistId, ...changes } = input;
    await tx
      .update(processProcesses)
      .set({
        ...changes,
        ...(checklist !== undefined ? { checklistId: checklist?.id ?? null } : {}),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(processProcesses.id, id));

    let replacedPhases: PhaseNumber[] = [];
    if (checklist !== undefined && (checklist?.id ?? null) !== current.checklistId) {
      const [open] = await tx
        .select()
        .from(processCycles)
        .where(and(eq(processCycles.processId, id), isNull(processCycles.closedOn)));
      if (open) {
        const notStarted = await tx
          .select({ phase: processPhases.phase })
          .from(processPhases)
          .where(and(eq(processPhases.cycleId, open.id), isNull(processPhases.startedOn)));
        replacedPhases = notStarted.map((p) => p.phase as PhaseNumber);
        if (replacedPhases.length > 0) {
          await tx
            .delete(processItems)
            .where(
              and(eq(processItems.cycleId, open.id), inArray(processItems.phase, replacedPhases)),
            );
          await copyItems(tx, open.id, checklistItems(checklist), replacedPhases);
          await tx
            .update(processCycles)
            .set({ checklistId: checklist?.id ?? null, version: open.version + 1 })
            .where(eq(processCycles.id, open.id));
        }
      }
    }
    await recordAudit(tx, deps.audit, {
      action: "process.process.update",
      subjectType: "process",
      subjectId: id,
      organisationId: current.organisationId,
      details: {
        fields: Object.keys(changes),
        ...(checklistId !== undefined ? { checklistId, replacedPhases } : {}),
      },
    });
  });
}
