import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { planMeasures } from "../../../db/schema/support-records.ts";
import type { MeasureUpdateBodySchema } from "../../../domain/support/records-schemas.ts";
import { ConflictError } from "../../plugins/errors.ts";
import type { RecordCase } from "../records-context.ts";
import { addChronologyEvent } from "./chronology-event.ts";

/**
 * Follows up a measure: done or not done, with what came of it. Optimistic locking: two people
 * evaluating at once do not overwrite each other.
 */
export async function updateMeasure(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase & { measureId: string; what: string },
  body: z.output<typeof MeasureUpdateBodySchema>,
  today: string,
): Promise<void> {
  const updated = await tx
    .update(planMeasures)
    .set({
      status: body.status,
      evaluation: body.evaluation,
      version: sql`${planMeasures.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(planMeasures.id, deps.measureId),
        eq(planMeasures.caseId, deps.caseId),
        eq(planMeasures.version, body.version),
      ),
    )
    .returning({ id: planMeasures.id });
  if (updated.length === 0) {
    throw new ConflictError("Insatsen har ändrats av någon annan. Ladda om sidan och försök igen.");
  }
  if (body.status !== "planned") {
    await addChronologyEvent(tx, {
      caseId: deps.caseId,
      occurredOn: today,
      kind: "measure_evaluated",
      category: body.status === "done" ? "strength" : "support",
      text: `${deps.what}: ${body.status === "done" ? "genomförd" : "inte genomförd"}${body.evaluation ? ` – ${body.evaluation}` : ""}`,
      sourceId: deps.measureId,
      recordedBy: audit.actorId!,
    });
  }
  await recordAudit(tx, audit, {
    action: "support.measure.update",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { measureId: deps.measureId, status: body.status, accessId: deps.accessId },
  });
}
