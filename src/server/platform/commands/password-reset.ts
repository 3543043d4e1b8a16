import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../../db/database.ts";
import { passwordResetTokens, users } from "../../../db/schema/platform.ts";
import { hashPassword } from "../../../lib/passwords.ts";
import { type AuditContext, recordAudit } from "../../plugins/audit.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import type { MailMessage } from "../mailer.ts";
import { passwordResetMail } from "../password-reset-mail.ts";
import { hashToken, revokeUserSessions } from "../sessions.ts";

/** How long an e-mailed link works. */
export const RESET_TOKEN_MINUTES = 30;

export interface PasswordResetDeps {
  db: Db;
  /** Where the links point: PARAPLY_PUBLIC_URL. */
  publicUrl: string;
  /** Links sent to one account per hour; more requests are answered alike and send nothing. */
  perAccountPerHour: number;
}

/**
 * Prepares a reset link for a local, enabled account and returns the e-mail to send; for any
 * other address (unknown, disabled, signs in only through OIDC, too many requests) it returns
 * null. The caller answers both alike, so the answer never tells whether an account exists.
 */
export async function requestPasswordReset(
  deps: PasswordResetDeps,
  audit: AuditContext,
  email: string,
): Promise<MailMessage | null> {
  const auditAs = { ...audit, actorLabel: email };
  const [user] = await deps.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const refuse = async (reason: string) => {
    await recordAudit(deps.db, user ? { ...auditAs, actorId: user.id } : auditAs, {
      action: "auth.password_reset_requested",
      outcome: "failure",
      ...(user ? { subjectType: "user", subjectId: user.id } : {}),
      details: { reason },
    });
    return null;
  };
  if (!user) return refuse("unknown_account");
  if (user.disabledAt) return refuse("disabled");
  if (!user.passwordHash) return refuse("no_local_password");

  const token = randomBytes(32).toString("base64url");
  const sent = await deps.db.transaction(async (tx) => {
    // Serialises requests for one account, so that the count below cannot be raced past.
    await tx.execute(sql`SELECT 1 FROM platform.users WHERE id = ${user.id} FOR UPDATE`);
    const recent = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userId, user.id),
          gt(passwordResetTokens.createdAt, sql`now() - interval '1 hour'`),
        ),
      );
    if ((recent[0]?.n ?? 0) >= deps.perAccountPerHour) return false;
    // Only the newest link works; rows a day old have no use left.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx
      .delete(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userId, user.id),
          lt(passwordResetTokens.createdAt, sql`now() - interval '1 day'`),
        ),
      );
    await tx.insert(passwordResetTokens).values({
      id: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000),
      ip: audit.ip,
    });
    await recordAudit(
      tx,
      { ...auditAs, actorId: user.id },
      { action: "auth.password_reset_requested", subjectType: "user", subjectId: user.id },
    );
    return true;
  });
  if (!sent) return refuse("rate_limited");

  const link = new URL("/password-reset/confirm", deps.publicUrl);
  // In the fragment, the token never reaches a server log or a Referer header.
  link.hash = `token=${token}`;
  return passwordResetMail({
    to: user.email,
    name: user.displayName,
    locale: user.locale,
    link: link.toString(),
    minutes: RESET_TOKEN_MINUTES,
  });
}

const INVALID = () =>
  new BadRequestError(
    "Länken fungerar inte längre: den är redan använd, för gammal eller ersatt av en nyare. Be om en ny länk.",
  );

/**
 * Sets a new password with a token from an e-mailed link: the token counts once, every session
 * of the person ends, and a lockout from failed sign-ins is lifted.
 */
export async function confirmPasswordReset(
  deps: { db: Db },
  audit: AuditContext,
  input: { token: string; password: string },
): Promise<void> {
  // Hashed before the token is looked at, so a valid and an invalid token take the same time.
  const passwordHash = await hashPassword(input.password);
  const id = hashToken(input.token);
  const userId = await deps.db.transaction(async (tx) => {
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
    await recordAudit(deps.db, audit, {
      action: "auth.password_reset",
      outcome: "failure",
      details: { reason: "invalid_token" },
    });
    throw INVALID();
  }
}
