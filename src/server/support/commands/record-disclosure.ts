import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { disclosures } from "../../../db/schema/support-records.ts";
import { disclosureBasisValid } from "../../../domain/support/disclosures.ts";
import type { DisclosureCreateBodySchema } from "../../../domain/support/records-schemas.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import type { RecordCase } from "../records-context.ts";
import { addChronologyEvent } from "./chronology-event.ts";

/**
 * Records a disclosure across a secrecy boundary with its legal basis. A consent must be one of
 * this case's (the database's trigger refuses another child's); a legal duty must be a named one.
 * Disclosures without consent are flagged in the audit row for log review.
 */
export async function recordDisclosure(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase,
  body: z.output<typeof DisclosureCreateBodySchema>,
): Promise<string> {
  if (!disclosureBasisValid(body)) {
    throw new BadRequestError("Ange en laglig grund för utlämnandet.", [
      { path: "legalDuty", message: "Välj en av de angivna skyldigheterna eller bestämmelserna." },
    ]);
  }
  const id = crypto.randomUUID();
  const actorId = audit.actorId!;
  // No RETURNING: one without the consents part records a disclosure but cannot list them.
  await tx.insert(disclosures).values({ id, caseId: deps.caseId, ...body, disclosedBy: actorId });
  await addChronologyEvent(tx, {
    caseId: deps.caseId,
    occurredOn: body.disclosedOn,
    kind: "disclosure",
    category: "other",
    text: `Uppgifter lämnade till ${body.recipient}`,
    sourceId: id,
    recordedBy: actorId,
  });
  await recordAudit(tx, audit, {
    action: "support.disclosure.create",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    reason: body.reason,
    details: {
      disclosureId: id,
      basis: body.basis,
      withoutConsent: body.basis !== "consent",
      ...(body.legalDuty ? { legalDuty: body.legalDuty } : {}),
      accessId: deps.accessId,
    },
  });
  return id;
}
