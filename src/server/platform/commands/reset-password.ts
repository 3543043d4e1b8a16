import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { users } from "../../../db/schema/platform.ts";
import { hashPassword } from "../../../lib/passwords.ts";
import { NotFoundError } from "../../plugins/errors.ts";
import { revokeUserSessions } from "../sessions.ts";

export async function resetPassword(db: DbOrTx, audit: AuditContext, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (updated.length === 0) throw new NotFoundError();
    await revokeUserSessions(tx, id);
    await recordAudit(tx, audit, {
      action: "user.reset_password",
      subjectType: "user",
      subjectId: id,
    });
  });
}
