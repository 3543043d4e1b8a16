import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { readinessAssessments } from "../../../db/schema/readiness.ts";
import type { AssessmentUpdateBodySchema } from "../../../domain/readiness/api.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../plugins/errors.ts";

export async function updateAssessment(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
  input: z.infer<typeof AssessmentUpdateBodySchema>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(readinessAssessments)
      .where(eq(readinessAssessments.id, id))
      .for("update");
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) {
      throw new ConflictError(
        "Någon annan har ändrat mätningen. Ladda om och försök igen.",
        "stale_version",
      );
    }
    const periodStart = input.periodStart ?? current.periodStart;
    const periodEnd = input.periodEnd ?? current.periodEnd;
    if (periodEnd < periodStart) {
      throw new BadRequestError("Uppgifterna är inte giltiga.", [
        { path: "periodEnd", message: "Slutdatum får inte vara före startdatum." },
      ]);
    }
    await tx
      .update(readinessAssessments)
      .set({
        topic: input.topic ?? current.topic,
        periodStart,
        periodEnd,
        targetInterviews: input.targetInterviews ?? current.targetInterviews,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(readinessAssessments.id, id));
    const { version: _version, ...changes } = input;
    await recordAudit(tx, audit, {
      action: "readiness.assessment.update",
      subjectType: "readiness_assessment",
      subjectId: id,
      organisationId: current.organisationId,
      details: { changes },
    });
  });
}
