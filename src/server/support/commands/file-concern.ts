import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { concernReports } from "../../../db/schema/support-records.ts";
import type { ConcernReportCreateBodySchema } from "../../../domain/support/records-schemas.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { intakeUnitFor } from "../records-queries.ts";
import { addChronologyEvent } from "./chronology-event.ts";

export interface FileConcernDeps {
  /** The case it is linked to: only when the reporter is on that case, else it goes unlinked. */
  linkedCaseId: string | null;
  today: string;
}

/**
 * Files a report of concern with social services. Needs no consent and no access to any case:
 * the only thing that can stop it is a municipality that does not exist. It goes to the intake
 * unit the municipality named, or to the municipality itself when it named none.
 */
export async function fileConcern(
  tx: Tx,
  audit: AuditContext,
  deps: FileConcernDeps,
  body: z.output<typeof ConcernReportCreateBodySchema>,
): Promise<string> {
  const intakeUnitId = await intakeUnitFor(tx, body.municipalityId);
  if (intakeUnitId === null) {
    throw new BadRequestError("Välj barnets kommun.", [
      { path: "municipalityId", message: "Kommunen finns inte." },
    ]);
  }
  const id = crypto.randomUUID();
  const reporterId = audit.actorId!;
  // No RETURNING needed; the reporter reads it back through concern_read (reporter_id).
  await tx.insert(concernReports).values({
    id,
    municipalityId: body.municipalityId,
    intakeUnitId,
    caseId: deps.linkedCaseId,
    childPersonalNumber: body.childPersonalNumber,
    childName: body.childName,
    unbornChild: body.unbornChild,
    reporterId,
    reporterRole: body.reporterRole,
    reporterOrganisation: body.reporterOrganisation,
    reporterPhone: body.reporterPhone,
    observation: body.observation,
    childTold: body.childTold,
    guardiansTold: body.guardiansTold,
    notToldReason: body.childTold && body.guardiansTold ? null : body.notToldReason,
    interpreterNeeded: body.interpreterNeeded,
    interpreterLanguage: body.interpreterNeeded ? body.interpreterLanguage : "",
    otherServices: body.otherServices,
  });
  if (deps.linkedCaseId !== null) {
    await addChronologyEvent(tx, {
      caseId: deps.linkedCaseId,
      occurredOn: deps.today,
      kind: "concern_reported",
      category: "concern",
      text: "Orosanmälan skickad till socialtjänsten",
      sourceId: id,
      recordedBy: reporterId,
    });
  }
  await recordAudit(tx, audit, {
    action: "support.concern.create",
    subjectType: "support_concern_report",
    subjectId: id,
    organisationId: body.municipalityId,
    personalData: true,
    details: { intakeUnitId, ...(deps.linkedCaseId ? { caseId: deps.linkedCaseId } : {}) },
  });
  return id;
}
