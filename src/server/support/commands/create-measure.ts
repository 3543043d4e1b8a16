import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { planMeasures } from "../../../db/schema/support-records.ts";
import type { MeasureCreateBodySchema } from "../../../domain/support/records-schemas.ts";
import type { RecordCase } from "../records-context.ts";
import { addChronologyEvent } from "./chronology-event.ts";

/** Adds a measure to the child's plan: what, a named owner, by when, evaluated when. */
export async function createMeasure(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase,
  body: z.output<typeof MeasureCreateBodySchema>,
  today: string,
): Promise<string> {
  const id = crypto.randomUUID();
  const actorId = audit.actorId!;
  await tx.insert(planMeasures).values({ id, caseId: deps.caseId, ...body, createdBy: actorId });
  await addChronologyEvent(tx, {
    caseId: deps.caseId,
    occurredOn: today,
    kind: "measure",
    category: "support",
    text: `${body.what} (${body.ownerName}, senast ${body.dueOn})`,
    sourceId: id,
    recordedBy: actorId,
  });
  await recordAudit(tx, audit, {
    action: "support.measure.create",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { measureId: id, accessId: deps.accessId },
  });
  return id;
}
