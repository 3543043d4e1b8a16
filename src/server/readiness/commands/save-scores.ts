import { and, eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx, Tx } from "../../../db/database.ts";
import {
  readinessInterviews,
  readinessScoreSubmissions,
  readinessScores,
} from "../../../db/schema/readiness.ts";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../../domain/readiness/dimensions.ts";
import { BadRequestError, ConflictError } from "../../plugins/errors.ts";
import type { AssessmentRow } from "../queries.ts";
import { assertScores } from "./validate-score.ts";

interface Target {
  assessment: AssessmentRow;
  interviewId: string;
  scorerId: string;
}

/** Locks the interview for the scorer's change and refuses a sheet already submitted. */
async function lockOpenSheet(tx: Tx, target: Target) {
  await tx
    .select({ id: readinessInterviews.id })
    .from(readinessInterviews)
    .where(eq(readinessInterviews.id, target.interviewId))
    .for("update");
  const [submitted] = await tx
    .select()
    .from(readinessScoreSubmissions)
    .where(
      and(
        eq(readinessScoreSubmissions.interviewId, target.interviewId),
        eq(readinessScoreSubmissions.scorerId, target.scorerId),
      ),
    );
  if (submitted) {
    throw new ConflictError(
      "Du har redan lämnat in dina poäng för den här intervjun; de kan inte ändras.",
      "locked",
    );
  }
}

/** A draft: the scorer's scores replace the previous draft for this interview. */
export async function saveScores(
  db: DbOrTx,
  audit: AuditContext,
  target: Target,
  scores: Partial<Record<DimensionLetter, number>>,
): Promise<void> {
  assertScores(scores, target.assessment.scoreGrid, "scores");
  await db.transaction(async (tx) => {
    await lockOpenSheet(tx, target);
    const mine = and(
      eq(readinessScores.interviewId, target.interviewId),
      eq(readinessScores.scorerId, target.scorerId),
    );
    await tx.delete(readinessScores).where(mine);
    const rows = Object.entries(scores).map(([dimension, score]) => ({
      interviewId: target.interviewId,
      scorerId: target.scorerId,
      dimension: dimension as DimensionLetter,
      score: String(score),
    }));
    if (rows.length > 0) await tx.insert(readinessScores).values(rows);
    await recordAudit(tx, audit, {
      action: "readiness.scores.save",
      subjectType: "readiness_interview",
      subjectId: target.interviewId,
      organisationId: target.assessment.organisationId,
      details: { assessmentId: target.assessment.id, dimensions: Object.keys(scores) },
    });
  });
}

/** After submitting, the sheet is locked and the other scorers' submitted sheets open up. */
export async function submitScores(db: DbOrTx, audit: AuditContext, target: Target): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOpenSheet(tx, target);
    const saved = await tx
      .select({ dimension: readinessScores.dimension })
      .from(readinessScores)
      .where(
        and(
          eq(readinessScores.interviewId, target.interviewId),
          eq(readinessScores.scorerId, target.scorerId),
        ),
      );
    const have = new Set(saved.map((s) => s.dimension));
    const missing = DIMENSION_LETTERS.filter((letter) => !have.has(letter));
    if (missing.length > 0) {
      throw new BadRequestError(
        `Poäng saknas för ${missing.join(", ")}: alla sex dimensioner behöver poäng innan du lämnar in.`,
        missing.map((letter) => ({ path: `scores.${letter}`, message: "Poäng saknas." })),
      );
    }
    await tx
      .insert(readinessScoreSubmissions)
      .values({ interviewId: target.interviewId, scorerId: target.scorerId });
    await recordAudit(tx, audit, {
      action: "readiness.scores.submit",
      subjectType: "readiness_interview",
      subjectId: target.interviewId,
      organisationId: target.assessment.organisationId,
      details: { assessmentId: target.assessment.id },
    });
  });
}
