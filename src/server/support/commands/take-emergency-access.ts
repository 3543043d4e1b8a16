import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { EMERGENCY_MAX_HOURS } from "../../../domain/support/access.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { grantCaseAccess } from "./grant-access.ts";

/**
 * Breaks the glass: access to a case without a role, for a stated reason, until a stated time no
 * more than EMERGENCY_MAX_HOURS ahead. It is flagged for review (the review list shows every one).
 */
export async function takeEmergencyAccess(
  tx: Tx,
  audit: AuditContext,
  input: {
    caseId: string;
    municipalityId: string;
    userId: string;
    reason: string;
    validUntil: Date;
  },
  now: Date = new Date(),
): Promise<string> {
  const hours = (input.validUntil.getTime() - now.getTime()) / 3_600_000;
  if (hours <= 0 || hours > EMERGENCY_MAX_HOURS) {
    throw new BadRequestError(`Nödåtkomsten ska sluta inom ${EMERGENCY_MAX_HOURS} timmar.`, [
      { path: "validUntil", message: `Välj en tid inom ${EMERGENCY_MAX_HOURS} timmar från nu.` },
    ]);
  }
  const accessId = await grantCaseAccess(tx, audit, {
    caseId: input.caseId,
    userId: input.userId,
    role: "emergency",
    basis: "emergency",
    reason: input.reason,
    validFrom: now,
    validUntil: input.validUntil,
    municipalityId: input.municipalityId,
  });
  await recordAudit(tx, audit, {
    action: "case.emergency",
    subjectType: "support_case",
    subjectId: input.caseId,
    organisationId: input.municipalityId,
    personalData: true,
    reason: input.reason,
    details: { accessId, validUntil: input.validUntil.toISOString(), review: "pending" },
  });
  return accessId;
}
