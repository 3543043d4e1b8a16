import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { readinessAssessments, readinessTeam } from "../../../db/schema/readiness.ts";
import type { AssessmentCreateBodySchema } from "../../../domain/readiness/api.ts";

/** The creator leads, interviews and scores until the team is changed. */
export async function createAssessment(
  db: DbOrTx,
  audit: AuditContext & { actorId: string },
  input: z.output<typeof AssessmentCreateBodySchema> & { guideId: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(readinessAssessments)
      .values({
        organisationId: input.organisationId,
        topic: input.topic,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        guideId: input.guideId,
        targetInterviews: input.targetInterviews,
        scoreGrid: input.scoreGrid,
        createdBy: audit.actorId,
      })
      .returning({ id: readinessAssessments.id });
    const id = row!.id;
    await tx.insert(readinessTeam).values(
      (["lead", "interviewer", "scorer"] as const).map((role) => ({
        assessmentId: id,
        userId: audit.actorId,
        role,
      })),
    );
    await recordAudit(tx, audit, {
      action: "readiness.assessment.create",
      subjectType: "readiness_assessment",
      subjectId: id,
      organisationId: input.organisationId,
      details: { topic: input.topic, guideId: input.guideId, scoreGrid: input.scoreGrid },
    });
    return id;
  });
}
