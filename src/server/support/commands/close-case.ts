import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import type { CaseClose } from "../../../domain/support/schemas.ts";

/**
 * Closes a case with its outcome and reason, and ends every access to it. One statement does
 * both: the closer's own access, which lets the statement see the case, is judged at its start.
 */
export async function closeCase(
  tx: Tx,
  audit: AuditContext,
  target: { caseId: string; municipalityId: string },
  input: CaseClose,
): Promise<number> {
  const result = await tx.execute<{ id: string }>(sql`
    WITH closed AS (
      UPDATE support.cases SET status = 'closed', closed_at = now(), closed_by = ${audit.actorId},
             outcome = ${input.outcome}, closure_reason = ${input.reason}
       WHERE id = ${target.caseId} AND status = 'open'
      RETURNING id)
    UPDATE support.case_access a SET ended_at = now(), ended_reason = 'case_closed',
           ended_by = ${audit.actorId}
      FROM closed WHERE a.case_id = closed.id AND a.ended_at IS NULL
    RETURNING a.id`);
  const ended = result.rows.map((r) => r.id);
  await recordAudit(tx, audit, {
    action: "case.close",
    subjectType: "support_case",
    subjectId: target.caseId,
    organisationId: target.municipalityId,
    personalData: true,
    reason: input.reason,
    details: { outcome: input.outcome, endedAccess: ended.length },
  });
  await recordAudit(tx, audit, {
    action: "case.access_end",
    subjectType: "support_case",
    subjectId: target.caseId,
    organisationId: target.municipalityId,
    personalData: true,
    details: { reason: "case_closed", accessIds: ended },
  });
  return ended.length;
}
