import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processCycles, processProcesses } from "../../../db/schema/process.ts";
import { cyclePhases } from "../../../domain/process/phases.ts";
import { checkStartCycle } from "../../../domain/process/rules.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import type { ChecklistRow } from "../queries.ts";
import { checklistItems, copyItems, createPhases } from "./checklist-items.ts";
import { refused } from "./refusal.ts";

/**
 * Starts the next cycle at phase 2, with the process's current checklist version. Refused
 * while a cycle is open; the process row is locked so two coordinators cannot both start one.
 */
export async function startCycle(
  db: DbOrTx,
  deps: { audit: AuditContext; actorId: string; organisationId: string },
  processId: string,
  input: { startedOn: string; note: string },
  checklist: ChecklistRow | null,
): Promise<string> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: processProcesses.id })
      .from(processProcesses)
      .where(eq(processProcesses.id, processId))
      .for("update");
    const cycles = await tx
      .select()
      .from(processCycles)
      .where(eq(processCycles.processId, processId));
    const outcome = checkStartCycle(cycles);
    if (!outcome.ok) throw refused(outcome);
    const lastClosed = cycles.reduce<string | null>(
      (latest, c) => (c.closedOn && (!latest || c.closedOn > latest) ? c.closedOn : latest),
      null,
    );
    if (lastClosed && input.startedOn < lastClosed) {
      throw new BadRequestError("Uppgifterna är inte giltiga.", [
        {
          path: "startedOn",
          message: `En ny cykel kan inte starta före förra cykelns slut (${lastClosed}).`,
        },
      ]);
    }
    const { number } = outcome.value;
    const [cycle] = await tx
      .insert(processCycles)
      .values({
        processId,
        number,
        startedOn: input.startedOn,
        note: input.note,
        checklistId: checklist?.id ?? null,
        createdBy: deps.actorId,
      })
      .returning({ id: processCycles.id });
    const phases = cyclePhases(number);
    await createPhases(tx, cycle!.id, phases, input.startedOn);
    await copyItems(tx, cycle!.id, checklistItems(checklist), phases);
    await recordAudit(tx, deps.audit, {
      action: "process.cycle.create",
      subjectType: "process_cycle",
      subjectId: cycle!.id,
      organisationId: deps.organisationId,
      details: { number, startedOn: input.startedOn },
    });
    return cycle!.id;
  });
}
