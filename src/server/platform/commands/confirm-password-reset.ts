import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type AuditContext, recordAudit, recordStandaloneAudit } from "../../../db/audit.ts";
import type { Db } from "../../../db/database.ts";
import { passwordResetTokens, users } from "../../../db/schema/platform.ts";
import { hashPassword } from "../../../lib/passwords.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { hashToken, revokeUserSessions } from "../sessions.ts";

const INVALID = () =>
  new BadRequestError(
    "Länken fungerar inte längre: den är redan använd, för gammal eller ersatt av en nyare. Be om en ny länk.",
  );

/**
 * Sets a new password with a token from an e-mailed link: the token counts once, every session
 * of the person ends, and a lockout from failed sign-ins is lifted.
 */
export async function confirmPasswordReset(
  db: Db,
  audit: AuditContext,
  input: { token: string; password: string },
): Promise<void> {
  // Hashed before the token is looked at, so a valid and an invalid token take the same time.
  const passwordHash = await hashPassword(input.password);
  const id = hashToken(input.token);
  const userId = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ userId: users.id, email: users.email })
      .from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId))
      .where(
        and(
          eq(passwordResetTokens.id, id),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, sql`now()`),
          isNull(users.disabledAt),
        ),
      )
      .for("update");
    if (!row) return null;
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, row.userId), isNull(passwordResetTokens.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, row.userId));
    const sessionsEnded = await revokeUserSessions(tx, row.userId);
    await recordAudit(
      tx,
      { ...audit, actorId: row.userId, actorLabel: row.email },
      {
        action: "auth.password_reset",
        subjectType: "user",
        subjectId: row.userId,
        details: { sessionsEnded },
      },
    );
    return row.userId;
  });
  if (!userId) {
    await recordStandaloneAudit(db, audit, {
      action: "auth.password_reset",
      outcome: "failure",
      details: { reason: "invalid_token" },
    });
    throw INVALID();
  }
}
