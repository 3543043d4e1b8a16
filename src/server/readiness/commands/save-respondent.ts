import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { readinessRespondents } from "../../../db/schema/readiness.ts";
import type {
  RespondentBodySchema,
  RespondentUpdateBodySchema,
} from "../../../domain/readiness/api.ts";
import { NotFoundError } from "../../plugins/errors.ts";
import type { AssessmentRow } from "../queries.ts";

// Identity fields are personal data: the audit row says that they changed, never what they say.
export async function createRespondent(
  db: DbOrTx,
  audit: AuditContext,
  assessment: AssessmentRow,
  input: z.infer<typeof RespondentBodySchema>,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(readinessRespondents)
      .values({
        assessmentId: assessment.id,
        role: input.role,
        sector: input.sector,
        name: input.name ?? null,
        contact: input.contact ?? null,
      })
      .returning({ id: readinessRespondents.id });
    await recordAudit(tx, audit, {
      action: "readiness.respondent.create",
      subjectType: "readiness_respondent",
      subjectId: row!.id,
      organisationId: assessment.organisationId,
      personalData: Boolean(input.name || input.contact),
      details: { assessmentId: assessment.id, role: input.role, sector: input.sector },
    });
    return row!.id;
  });
}

export async function updateRespondent(
  db: DbOrTx,
  audit: AuditContext,
  assessment: AssessmentRow,
  respondentId: string,
  input: z.infer<typeof RespondentUpdateBodySchema>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(readinessRespondents)
      .set({ ...input, role: input.role ?? sql`${readinessRespondents.role}` })
      .where(
        and(
          eq(readinessRespondents.id, respondentId),
          eq(readinessRespondents.assessmentId, assessment.id),
        ),
      )
      .returning({ id: readinessRespondents.id });
    if (updated.length === 0) throw new NotFoundError("Respondenten finns inte.");
    await recordAudit(tx, audit, {
      action: "readiness.respondent.update",
      subjectType: "readiness_respondent",
      subjectId: respondentId,
      organisationId: assessment.organisationId,
      personalData: input.name !== undefined || input.contact !== undefined,
      details: { assessmentId: assessment.id, fields: Object.keys(input) },
    });
  });
}
