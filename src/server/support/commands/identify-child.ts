import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { parseIdentityNumber } from "../../../domain/support/personnummer.ts";
import type { CaseIdentify } from "../../../domain/support/schemas.ts";
import { BadRequestError, ConflictError } from "../../plugins/errors.ts";

/**
 * Names the child of a consultation (once there is consent to): the case becomes a child's case,
 * and the child is found or registered by number as when a concern is recorded.
 */
export async function identifyChild(
  tx: Tx,
  audit: AuditContext,
  target: { caseId: string; municipalityId: string },
  input: CaseIdentify,
): Promise<string> {
  const parsed = parseIdentityNumber(input.personalNumber);
  const birthDate = parsed.ok ? parsed.value.birthDate : null;
  if (!birthDate) {
    throw new BadRequestError("Personnumret saknar fullständigt födelsedatum.", [
      { path: "personalNumber", message: "Födelsedagen är okänd i samordningsnumret." },
    ]);
  }
  const child = await tx.execute<{ id: string }>(sql`
    SELECT support.child_for_number(${input.personalNumber}, ${target.municipalityId},
      ${input.givenName}, ${input.familyName}, ${birthDate}::date) AS id`);
  const childId = child.rows[0]!.id;
  const updated = await tx.execute(sql`
    UPDATE support.cases SET kind = 'child', child_id = ${childId}, label = NULL
     WHERE id = ${target.caseId} AND kind = 'consultation'`);
  if (updated.rowCount !== 1) throw new ConflictError("Ärendet gäller redan ett namngivet barn.");
  await recordAudit(tx, audit, {
    action: "case.identify",
    subjectType: "support_case",
    subjectId: target.caseId,
    organisationId: target.municipalityId,
    personalData: true,
    details: { childId },
  });
  return childId;
}
