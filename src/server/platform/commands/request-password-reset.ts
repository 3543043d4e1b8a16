import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { type AuditContext, recordAudit, recordStandaloneAudit } from "../../../db/audit.ts";
import type { Db } from "../../../db/database.ts";
import { passwordResetTokens, users } from "../../../db/schema/platform.ts";
import type { MailMessage } from "../mailer.ts";
import { passwordResetMail } from "../password-reset-mail.ts";
import { hashToken } from "../sessions.ts";

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
    await recordStandaloneAudit(deps.db, user ? { ...auditAs, actorId: user.id } : auditAs, {
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
