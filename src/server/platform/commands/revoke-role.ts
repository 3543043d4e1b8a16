import { and, eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { roleAssignments } from "../../../db/schema/platform.ts";
import { NotFoundError } from "../../plugins/errors.ts";

export async function revokeRole(db: DbOrTx, audit: AuditContext, userId: string, grantId: string) {
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.id, grantId), eq(roleAssignments.userId, userId)))
      .returning();
    if (!removed) throw new NotFoundError();
    await recordAudit(tx, audit, {
      action: "role.revoke",
      subjectType: "user",
      subjectId: userId,
      organisationId: removed.organisationId,
      details: { role: removed.role, grantId },
    });
  });
}
