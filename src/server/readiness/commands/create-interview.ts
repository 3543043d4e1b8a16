import { and, eq, max } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import {
  readinessAssessments,
  readinessInterviews,
  readinessRespondents,
} from "../../../db/schema/readiness.ts";
import type { InterviewCreateBodySchema } from "../../../domain/readiness/api.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import type { AssessmentRow } from "../queries.ts";

export async function createInterview(
  db: DbOrTx,
  audit: AuditContext,
  assessment: AssessmentRow,
  input: z.infer<typeof InterviewCreateBodySchema>,
): Promise<string> {
  return db.transaction(async (tx) => {
    // Numbers are per assessment: lock it so that two interviewers never take the same number.
    await tx
      .select({ id: readinessAssessments.id })
      .from(readinessAssessments)
      .where(eq(readinessAssessments.id, assessment.id))
      .for("update");
    const [respondent] = await tx
      .select({ id: readinessRespondents.id })
      .from(readinessRespondents)
      .where(
        and(
          eq(readinessRespondents.id, input.respondentId),
          eq(readinessRespondents.assessmentId, assessment.id),
        ),
      );
    if (!respondent) {
      throw new BadRequestError("Uppgifterna är inte giltiga.", [
        { path: "respondentId", message: "Respondenten hör inte till den här mätningen." },
      ]);
    }
    const [last] = await tx
      .select({ n: max(readinessInterviews.number) })
      .from(readinessInterviews)
      .where(eq(readinessInterviews.assessmentId, assessment.id));
    const [row] = await tx
      .insert(readinessInterviews)
      .values({
        assessmentId: assessment.id,
        respondentId: input.respondentId,
        interviewerId: audit.actorId,
        number: (last?.n ?? 0) + 1,
        heldOn: input.heldOn,
        durationMinutes: input.durationMinutes,
      })
      .returning({ id: readinessInterviews.id });
    await recordAudit(tx, audit, {
      action: "readiness.interview.create",
      subjectType: "readiness_interview",
      subjectId: row!.id,
      organisationId: assessment.organisationId,
      details: { assessmentId: assessment.id, respondentId: input.respondentId },
    });
    return row!.id;
  });
}
