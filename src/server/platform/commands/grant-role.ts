import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { roleAssignments } from "../../../db/schema/platform.ts";
import type { Role } from "../../../domain/platform/roles.ts";
import { assertOrganisation } from "./user-guards.ts";

export async function grantRole(
  db: DbOrTx,
  audit: AuditContext,
  userId: string,
  input: { role: Role; organisationId: string | null },
) {
  await assertOrganisation(db, input.organisationId);
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .insert(roleAssignments)
      .values({
        userId,
        role: input.role,
        organisationId: input.organisationId,
        createdBy: audit.actorId,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: "role.grant",
      subjectType: "user",
      subjectId: userId,
      organisationId: input.organisationId,
      details: { role: input.role, grantId: grant!.id },
    });
    return grant!;
  });
}
