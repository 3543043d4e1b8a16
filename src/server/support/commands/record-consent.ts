import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { consents } from "../../../db/schema/support.ts";
import type { ConsentCreate } from "../../../domain/support/schemas.ts";

/** Records a consent with who gave it, its scope (who shares what with whom), purpose and period. */
export async function recordConsent(
  tx: Tx,
  audit: AuditContext,
  target: { caseId: string; municipalityId: string },
  input: ConsentCreate,
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(consents).values({
    id,
    caseId: target.caseId,
    kind: input.kind,
    givenBy: input.givenBy,
    giverName: input.giverName,
    purpose: input.purpose,
    sharingOrganisationIds: input.sharingOrganisationIds,
    recipientOrganisationIds: input.recipientOrganisationIds,
    scopes: [...new Set(input.scopes)],
    validFrom: new Date(input.validFrom),
    validUntil: input.validUntil === null ? null : new Date(input.validUntil),
    recordedBy: audit.actorId,
  });
  await recordAudit(tx, audit, {
    action: "consent.record",
    subjectType: "support_case",
    subjectId: target.caseId,
    organisationId: target.municipalityId,
    personalData: true,
    details: { consentId: id, kind: input.kind, givenBy: input.givenBy, scopes: input.scopes },
  });
  return id;
}
