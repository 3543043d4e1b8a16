import { and, eq, sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { concernReports } from "../../../db/schema/support-records.ts";
import { DEFAULT_FEEDBACK_DAYS } from "../../../domain/support/concern.ts";
import { ConflictError } from "../../plugins/errors.ts";

/**
 * The intake unit registers a report as received: the reporter's receipt gets its time, and the
 * feedback deadline starts.
 */
export async function receiveConcern(
  tx: Tx,
  audit: AuditContext,
  report: { id: string; municipalityId: string },
): Promise<void> {
  const updated = await tx
    .update(concernReports)
    .set({
      status: "received",
      receivedAt: sql`now()`,
      receivedBy: audit.actorId,
      feedbackDueAt: sql`now() + make_interval(days => ${DEFAULT_FEEDBACK_DAYS})`,
    })
    .where(and(eq(concernReports.id, report.id), eq(concernReports.status, "sent")))
    .returning({ id: concernReports.id });
  if (updated.length === 0) throw new ConflictError("Anmälan är redan mottagen.");
  await recordAudit(tx, audit, {
    action: "support.concern.receive",
    subjectType: "support_concern_report",
    subjectId: report.id,
    organisationId: report.municipalityId,
    personalData: true,
  });
}
