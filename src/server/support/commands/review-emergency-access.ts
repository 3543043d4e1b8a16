import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import type { EMERGENCY_VERDICTS } from "../../../domain/support/access.ts";
import { NotFoundError } from "../../plugins/errors.ts";

/**
 * Records a reviewer's verdict on one emergency access within the reviewer's municipalities
 * (null: all). Nobody reviews their own.
 */
export async function reviewEmergencyAccess(
  tx: Tx,
  audit: AuditContext,
  input: {
    accessId: string;
    municipalityIds: string[] | null;
    verdict: (typeof EMERGENCY_VERDICTS)[number];
    note: string;
  },
): Promise<void> {
  const ids =
    input.municipalityIds === null
      ? sql`NULL`
      : sql`${`{${input.municipalityIds.join(",")}}`}::uuid[]`;
  const result = await tx.execute<{ ok: boolean }>(sql`
    SELECT support.review_emergency_access(${input.accessId}, ${ids}, ${input.verdict},
      ${input.note}) AS ok`);
  if (!result.rows[0]?.ok) throw new NotFoundError("Nödåtkomsten hittades inte.");
  await recordAudit(tx, audit, {
    action: "emergency.review",
    subjectType: "support_emergency_access",
    subjectId: input.accessId,
    personalData: true,
    reason: input.note || null,
    details: { verdict: input.verdict },
  });
}
