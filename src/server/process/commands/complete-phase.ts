import { and, eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processCycles, processItems, processPhases } from "../../../db/schema/process.ts";
import { cyclePhases, type PhaseNumber } from "../../../domain/process/phases.ts";
import { checkCompletePhase } from "../../../domain/process/rules.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { refused, staleVersion } from "./refusal.ts";

/**
 * The explicit decision that a phase is done. Refused unless the phase is the open cycle's
 * current one and every required item is done or not applicable; the next phase starts on the
 * decision's date, and completing the last phase closes the cycle.
 */
export async function completePhase(
  db: DbOrTx,
  deps: { audit: AuditContext; actorId: string; organisationId: string },
  cycleId: string,
  phase: PhaseNumber,
  input: { decidedOn: string; note: string; version: number },
): Promise<{ closesCycle: boolean }> {
  return db.transaction(async (tx) => {
    const [cycle] = await tx
      .select()
      .from(processCycles)
      .where(eq(processCycles.id, cycleId))
      .for("update");
    if (!cycle) throw new Error(`cycle ${cycleId} vanished under its lock`);
    if (cycle.version !== input.version) throw staleVersion("cykeln");
    const phases = await tx.select().from(processPhases).where(eq(processPhases.cycleId, cycleId));
    const items = await tx
      .select({ required: processItems.required, status: processItems.status })
      .from(processItems)
      .where(and(eq(processItems.cycleId, cycleId), eq(processItems.phase, phase)));
    const outcome = checkCompletePhase(
      {
        number: cycle.number,
        closedOn: cycle.closedOn,
        completed: phases.filter((p) => p.completedOn).map((p) => p.phase as PhaseNumber),
      },
      phase,
      items,
    );
    if (!outcome.ok) throw refused(outcome);
    const startedOn = phases.find((p) => p.phase === phase)?.startedOn;
    if (startedOn && input.decidedOn < startedOn) {
      throw new BadRequestError("Uppgifterna är inte giltiga.", [
        { path: "decidedOn", message: `Beslutet kan inte vara före fasens start (${startedOn}).` },
      ]);
    }

    await tx
      .update(processPhases)
      .set({
        completedOn: input.decidedOn,
        completedBy: deps.actorId,
        decisionNote: input.note,
      })
      .where(and(eq(processPhases.cycleId, cycleId), eq(processPhases.phase, phase)));
    const { closesCycle } = outcome.value;
    if (!closesCycle) {
      const order = cyclePhases(cycle.number);
      const next = order[order.indexOf(phase) + 1]!;
      await tx
        .update(processPhases)
        .set({ startedOn: input.decidedOn })
        .where(and(eq(processPhases.cycleId, cycleId), eq(processPhases.phase, next)));
    }
    await tx
      .update(processCycles)
      .set({
        version: cycle.version + 1,
        ...(closesCycle ? { closedOn: input.decidedOn } : {}),
      })
      .where(eq(processCycles.id, cycleId));
    await recordAudit(tx, deps.audit, {
      action: "process.phase.complete",
      subjectType: "process_cycle",
      subjectId: cycleId,
      organisationId: deps.organisationId,
      details: { phase, decidedOn: input.decidedOn, closesCycle },
    });
    return { closesCycle };
  });
}
