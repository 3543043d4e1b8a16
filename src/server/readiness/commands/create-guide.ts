import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { readinessGuides } from "../../../db/schema/readiness.ts";
import type { GuideCreateBodySchema } from "../../../domain/readiness/api.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { type GuideRow, latestGuideVersion } from "../queries.ts";

/**
 * An organisation's edited copy of a guide is a new row with the next version for that
 * organisation and key; the base guide and the assessments that used it stay as they were.
 */
export async function createGuide(
  db: DbOrTx,
  audit: AuditContext,
  base: GuideRow,
  input: z.infer<typeof GuideCreateBodySchema>,
): Promise<GuideRow> {
  const questions = input.questions ?? (base.questions as NonNullable<typeof input.questions>);
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) {
      throw new BadRequestError("Uppgifterna är inte giltiga.", [
        { path: `questions.${i}.id`, message: "Frågans id används redan i guiden." },
      ]);
    }
    seen.add(q.id);
  });
  return db.transaction(async (tx) => {
    const version = (await latestGuideVersion(tx, input.organisationId, base.key)) + 1;
    const [row] = await tx
      .insert(readinessGuides)
      .values({
        organisationId: input.organisationId,
        key: base.key,
        version,
        title: input.title ?? base.title,
        questions,
        createdBy: audit.actorId,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: "readiness.guide.create",
      subjectType: "readiness_guide",
      subjectId: row!.id,
      organisationId: input.organisationId,
      details: { baseGuideId: base.id, key: base.key, version },
    });
    return row!;
  });
}
