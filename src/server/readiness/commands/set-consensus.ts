import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import {
  readinessConsensus,
  readinessInterviews,
  readinessScoreSubmissions,
  readinessTeam,
} from "../../../db/schema/readiness.ts";
import type { ConsensusBodySchema } from "../../../domain/readiness/api.ts";
import { BadRequestError, ConflictError } from "../../plugins/errors.ts";
import type { AssessmentRow } from "../queries.ts";
import { assertScores } from "./validate-score.ts";

/** The agreed score, once every scorer of the team has submitted that interview. */
export async function setConsensus(
  db: DbOrTx,
  audit: AuditContext,
  assessment: AssessmentRow,
  input: z.infer<typeof ConsensusBodySchema>,
): Promise<void> {
  assertScores({ score: input.score }, assessment.scoreGrid, "");
  await db.transaction(async (tx) => {
    const [interview] = await tx
      .select({ id: readinessInterviews.id })
      .from(readinessInterviews)
      .where(
        and(
          eq(readinessInterviews.id, input.interviewId),
          eq(readinessInterviews.assessmentId, assessment.id),
        ),
      )
      .for("update");
    if (!interview) {
      throw new BadRequestError("Uppgifterna är inte giltiga.", [
        { path: "interviewId", message: "Intervjun hör inte till den här mätningen." },
      ]);
    }
    const waiting = await tx
      .select({ userId: readinessTeam.userId })
      .from(readinessTeam)
      .where(
        and(
          eq(readinessTeam.assessmentId, assessment.id),
          eq(readinessTeam.role, "scorer"),
          sql`NOT EXISTS (SELECT 1 FROM ${readinessScoreSubmissions} s
                          WHERE s.interview_id = ${input.interviewId} AND s.scorer_id = ${readinessTeam.userId})`,
        ),
      );
    const [scorers] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(readinessTeam)
      .where(and(eq(readinessTeam.assessmentId, assessment.id), eq(readinessTeam.role, "scorer")));
    if (waiting.length > 0 || (scorers?.n ?? 0) === 0) {
      throw new ConflictError(
        "Alla bedömare i teamet har inte lämnat in sina poäng för intervjun än.",
        "not_ready",
      );
    }
    const values = {
      score: String(input.score),
      comment: input.comment || null,
      decidedBy: audit.actorId,
      decidedAt: new Date(),
    };
    await tx
      .insert(readinessConsensus)
      .values({ interviewId: input.interviewId, dimension: input.dimension, ...values })
      .onConflictDoUpdate({
        target: [readinessConsensus.interviewId, readinessConsensus.dimension],
        set: values,
      });
    await recordAudit(tx, audit, {
      action: "readiness.consensus.set",
      subjectType: "readiness_interview",
      subjectId: input.interviewId,
      organisationId: assessment.organisationId,
      details: { assessmentId: assessment.id, dimension: input.dimension, score: input.score },
    });
  });
}
