import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { ConflictError, NotFoundError } from "../../plugins/errors.ts";
import { endCaseAccess } from "./grant-access.ts";

/**
 * Withdraws a consent. It takes effect at once for every reader: live access already requires a
 * consent not withdrawn (support.live_access_rows); the access records resting on it are also
 * ended here, so that their end and its reason stand in the record and the log.
 */
export async function withdrawConsent(
  tx: Tx,
  audit: AuditContext,
  target: { caseId: string; municipalityId: string; consentId: string },
  note: string,
): Promise<number> {
  const result = await tx.execute<{ id: string; was: string | null }>(sql`
    UPDATE support.consents k SET withdrawn_at = coalesce(k.withdrawn_at, now()),
           withdrawn_by = coalesce(k.withdrawn_by, ${audit.actorId})
      FROM (SELECT id, withdrawn_at FROM support.consents WHERE id = ${target.consentId}) old
     WHERE k.id = old.id AND k.case_id = ${target.caseId}
    RETURNING k.id, old.withdrawn_at AS was`);
  const row = result.rows[0];
  if (!row) throw new NotFoundError("Samtycket finns inte i ärendet.");
  if (row.was !== null) throw new ConflictError("Samtycket är redan återkallat.");
  const ended = await endCaseAccess(tx, audit, target, "consent_withdrawn");
  await recordAudit(tx, audit, {
    action: "consent.withdraw",
    subjectType: "support_case",
    subjectId: target.caseId,
    organisationId: target.municipalityId,
    personalData: true,
    reason: note || null,
    details: { consentId: target.consentId, endedAccess: ended },
  });
  return ended;
}
