import { and, eq, sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { concernReports } from "../../../db/schema/support-records.ts";
import { ConflictError } from "../../plugins/errors.ts";

/** The intake unit's feedback to the reporter, which meets the tracked deadline. */
export async function giveConcernFeedback(
  tx: Tx,
  audit: AuditContext,
  report: { id: string; municipalityId: string },
  feedback: string,
): Promise<void> {
  const updated = await tx
    .update(concernReports)
    .set({ status: "feedback_given", feedback, feedbackAt: sql`now()`, feedbackBy: audit.actorId })
    .where(and(eq(concernReports.id, report.id), eq(concernReports.status, "received")))
    .returning({ id: concernReports.id, late: sql<boolean>`feedback_due_at < now()` });
  if (updated.length === 0) {
    throw new ConflictError(
      "Registrera först att anmälan är mottagen; återkoppling kan ges en gång.",
    );
  }
  await recordAudit(tx, audit, {
    action: "support.concern.feedback",
    subjectType: "support_concern_report",
    subjectId: report.id,
    organisationId: report.municipalityId,
    personalData: true,
    details: { late: updated[0]!.late },
  });
}
