import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { users } from "../../../db/schema/platform.ts";
import { NotFoundError } from "../../plugins/errors.ts";
import { revokeUserSessions } from "../sessions.ts";

/**
 * Turns a person's two-factor authentication off, for someone who lost their authenticator: they
 * sign in with their password again and, where their role requires it, are sent to enrol anew.
 * Their sessions end, so that the reset cannot be used from a session that is still open.
 */
export async function resetTwoFactor(db: DbOrTx, audit: AuditContext, id: string) {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (updated.length === 0) throw new NotFoundError();
    await revokeUserSessions(tx, id);
    await recordAudit(tx, audit, {
      action: "user.reset_totp",
      subjectType: "user",
      subjectId: id,
    });
  });
}
