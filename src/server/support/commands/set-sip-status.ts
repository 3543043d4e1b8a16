import { and, eq, sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { sips } from "../../../db/schema/support-records.ts";
import { type SipContent, type SipStatus, sipMissing } from "../../../domain/support/sip.ts";
import { BadRequestError, ConflictError } from "../../plugins/errors.ts";
import type { RecordCase } from "../records-context.ts";

const MISSING_TEXT = {
  interventions: "vilka insatser som behövs",
  principal_responsibility: "vilka insatser kommunen eller regionen ansvarar för",
  overall_responsibility: "vem som har det övergripande ansvaret (kommunen eller regionen)",
  meeting: "mötesdatum och deltagare",
  follow_up: "datum för uppföljning efter mötet",
} as const;

/** Agrees a SIP (only when it has what the law requires) or marks it followed up. */
export async function setSipStatus(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase & { sipId: string; content: SipContent },
  status: SipStatus,
  version: number,
): Promise<void> {
  const missing = sipMissing(deps.content);
  if (status !== "draft" && missing.length > 0) {
    throw new BadRequestError(
      `Planen saknar: ${missing.map((m) => MISSING_TEXT[m]).join("; ")}.`,
      missing.map((m) => ({ path: m, message: MISSING_TEXT[m] })),
    );
  }
  const updated = await tx
    .update(sips)
    .set({ status, version: sql`${sips.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(sips.id, deps.sipId), eq(sips.caseId, deps.caseId), eq(sips.version, version)))
    .returning({ id: sips.id });
  if (updated.length === 0) {
    throw new ConflictError("Planen har ändrats av någon annan. Ladda om sidan och försök igen.");
  }
  await recordAudit(tx, audit, {
    action: "support.sip.update",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { sipId: deps.sipId, status, accessId: deps.accessId },
  });
}
