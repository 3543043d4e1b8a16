import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { readinessTeam } from "../../../db/schema/readiness.ts";
import type { TeamBodySchema } from "../../../domain/readiness/api.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { type AssessmentRow, type TeamRole, teamCandidates } from "../queries.ts";

/** Replaces the whole team. Members must work in the lineage of the measured community. */
export async function setTeam(
  db: DbOrTx,
  audit: AuditContext,
  assessment: AssessmentRow,
  input: z.infer<typeof TeamBodySchema>,
): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  const candidates = new Set(
    (await teamCandidates(db, assessment.organisationId)).map((c) => c.userId),
  );
  const roles = new Map<string, Set<TeamRole>>();
  input.members.forEach((member, i) => {
    if (!candidates.has(member.userId)) {
      issues.push({
        path: `members.${i}.userId`,
        message: "Personen har ingen roll i den organisation som mäts.",
      });
    }
    const held = roles.get(member.userId) ?? new Set();
    for (const role of member.roles) held.add(role);
    roles.set(member.userId, held);
  });
  if (![...roles.values()].some((held) => held.has("lead"))) {
    issues.push({ path: "members", message: "Teamet behöver minst en ansvarig (lead)." });
  }
  if (issues.length > 0) throw new BadRequestError("Uppgifterna är inte giltiga.", issues);

  await db.transaction(async (tx) => {
    await tx.delete(readinessTeam).where(eq(readinessTeam.assessmentId, assessment.id));
    await tx
      .insert(readinessTeam)
      .values(
        [...roles].flatMap(([userId, held]) =>
          [...held].map((role) => ({ assessmentId: assessment.id, userId, role })),
        ),
      );
    await recordAudit(tx, audit, {
      action: "readiness.team.set",
      subjectType: "readiness_assessment",
      subjectId: assessment.id,
      organisationId: assessment.organisationId,
      details: { members: [...roles].map(([userId, held]) => ({ userId, roles: [...held] })) },
    });
  });
}
