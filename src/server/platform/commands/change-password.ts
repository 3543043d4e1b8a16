import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { users } from "../../../db/schema/platform.ts";
import { hashPassword, verifyPassword } from "../../../lib/passwords.ts";
import type { Actor } from "../../plugins/actor.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { revokeUserSessions } from "../sessions.ts";

/**
 * A person changes their own password, proving the current one; every other session of theirs
 * ends, so a device someone else holds is signed out.
 */
export async function changePassword(
  db: DbOrTx,
  actor: Actor,
  audit: AuditContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new BadRequestError("Nuvarande lösenord stämmer inte.", [
      { path: "currentPassword", message: "Lösenordet stämmer inte." },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await revokeUserSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, audit, {
      action: "auth.password_changed",
      subjectType: "user",
      subjectId: actor.userId,
    });
  });
}
