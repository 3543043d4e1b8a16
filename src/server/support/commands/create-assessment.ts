import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { compassAssessments, compassRatings } from "../../../db/schema/support-records.ts";
import { type CompassNeed, compassProblems } from "../../../domain/support/compass.ts";
import type { AssessmentCreateBodySchema } from "../../../domain/support/records-schemas.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import type { RecordCase } from "../records-context.ts";
import { addChronologyEvent } from "./chronology-event.ts";

const PROBLEM_TEXT = {
  "unknown need": "finns inte i behovskompassen",
  "rated twice": "är bedömt två gånger",
  "rating out of range": "bedömningen ligger utanför skalan",
  "no reason": "skäl saknas",
  "not rated": "är inte bedömt",
} as const;

/** Records a needs-compass assessment: every need of the municipality's compass rated once, with its reasons. */
export async function createAssessment(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase,
  body: z.output<typeof AssessmentCreateBodySchema>,
  needs: readonly CompassNeed[],
): Promise<string> {
  const problems = compassProblems(body, needs);
  if (problems.length > 0) {
    throw new BadRequestError(
      "Bedöm varje behov i behovskompassen en gång, med ett skäl för varje.",
      problems.map((p) => {
        const [code, need] = p.split(": ") as [keyof typeof PROBLEM_TEXT, string];
        return { path: "ratings", message: `${need}: ${PROBLEM_TEXT[code]}` };
      }),
    );
  }
  const id = crypto.randomUUID();
  const actorId = audit.actorId!;
  // No RETURNING: the row is read back through the wellbeing part by the route.
  await tx.insert(compassAssessments).values({
    id,
    caseId: deps.caseId,
    assessedOn: body.assessedOn,
    childView: body.childView,
    guardiansView: body.guardiansView,
    summary: body.summary,
    assessedBy: actorId,
  });
  await tx.insert(compassRatings).values(
    body.ratings.map((r) => ({
      assessmentId: id,
      caseId: deps.caseId,
      need: r.need,
      rating: r.rating,
      reason: r.reason,
    })),
  );
  await addChronologyEvent(tx, {
    caseId: deps.caseId,
    occurredOn: body.assessedOn,
    kind: "assessment",
    category: "support",
    text: body.summary,
    sourceId: id,
    recordedBy: actorId,
  });
  await recordAudit(tx, audit, {
    action: "support.assessment.create",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { assessmentId: id, accessId: deps.accessId },
  });
  return id;
}
