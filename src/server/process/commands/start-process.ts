import type { z } from "zod";
import type { AuditContext } from "../../../db/audit.ts";
import { recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processCycles, processProcesses } from "../../../db/schema/process.ts";
import { cyclePhases } from "../../../domain/process/phases.ts";
import type { ProcessCreateBodySchema } from "../../../domain/process/schemas.ts";
import type { ChecklistRow } from "../queries.ts";
import { checklistItems, copyItems, createPhases } from "./checklist-items.ts";

/** Starts a community's process: the process, its first cycle in phase 1, and its checklist. */
export async function startProcess(
  db: DbOrTx,
  deps: { audit: AuditContext; actorId: string },
  input: z.infer<typeof ProcessCreateBodySchema> & { name: string },
  checklist: ChecklistRow | null,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [process] = await tx
      .insert(processProcesses)
      .values({
        organisationId: input.organisationId,
        collaborationId: input.collaborationId ?? null,
        name: input.name,
        vision: input.vision,
        actors: input.actors,
        keyLeaders: input.keyLeaders,
        board: input.board,
        promotive: input.promotive,
        checklistId: checklist?.id ?? null,
        createdBy: deps.actorId,
      })
      .returning({ id: processProcesses.id });
    const [cycle] = await tx
      .insert(processCycles)
      .values({
        processId: process!.id,
        number: 1,
        startedOn: input.startedOn,
        checklistId: checklist?.id ?? null,
        createdBy: deps.actorId,
      })
      .returning({ id: processCycles.id });
    const phases = cyclePhases(1);
    await createPhases(tx, cycle!.id, phases, input.startedOn);
    await copyItems(tx, cycle!.id, checklistItems(checklist), phases);
    await recordAudit(tx, deps.audit, {
      action: "process.process.create",
      subjectType: "process",
      subjectId: process!.id,
      organisationId: input.organisationId,
      details: { checklistId: checklist?.id ?? null, startedOn: input.startedOn },
    });
    return process!.id;
  });
}
