import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { readinessInterviews } from "../../../db/schema/readiness.ts";
import type { InterviewSaveBodySchema } from "../../../domain/readiness/api.ts";
import type { GuideQuestion } from "../../../domain/readiness/guide.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../plugins/errors.ts";
import type { AssessmentRow, GuideRow } from "../queries.ts";

/**
 * The autosave target. The answers sent replace the stored ones; the version the edit started
 * from must still be current, so two tabs never silently overwrite each other.
 */
export async function saveInterview(
  db: DbOrTx,
  audit: AuditContext,
  target: { assessment: AssessmentRow; guide: GuideRow; interviewId: string },
  input: z.infer<typeof InterviewSaveBodySchema>,
): Promise<void> {
  const known = new Set((target.guide.questions as GuideQuestion[]).map((q) => q.id));
  const unknown = Object.keys(input.answers ?? {}).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new BadRequestError(
      "Uppgifterna är inte giltiga.",
      unknown.map((id) => ({
        path: `answers.${id}`,
        message: "Frågan finns inte i mätningens intervjuguide.",
      })),
    );
  }
  await db.transaction(async (tx) => {
    const where = and(
      eq(readinessInterviews.id, target.interviewId),
      eq(readinessInterviews.assessmentId, target.assessment.id),
    );
    const [current] = await tx.select().from(readinessInterviews).where(where).for("update");
    if (!current) throw new NotFoundError("Intervjun finns inte.");
    if (current.version !== input.version) {
      throw new ConflictError(
        "Intervjun har sparats från en annan flik eller av någon annan sedan du började. Ladda om för att se den senaste versionen; kopiera gärna din text först.",
        "stale_version",
      );
    }
    await tx
      .update(readinessInterviews)
      .set({
        heldOn: input.heldOn ?? current.heldOn,
        durationMinutes: input.durationMinutes ?? current.durationMinutes,
        answers: input.answers ?? current.answers,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(where);
    await recordAudit(tx, audit, {
      action: "readiness.interview.save",
      subjectType: "readiness_interview",
      subjectId: target.interviewId,
      organisationId: target.assessment.organisationId,
      details: {
        assessmentId: target.assessment.id,
        version: current.version + 1,
        answered: input.answers ? Object.keys(input.answers) : undefined,
      },
    });
  });
}
