import { eq, sql } from "drizzle-orm";
import { type AuditContext, recordAudit, recordStandaloneAudit } from "../../../db/audit.ts";
import type { Db } from "../../../db/database.ts";
import { users } from "../../../db/schema/platform.ts";
import { burnPasswordCheck, verifyPassword } from "../../../lib/passwords.ts";
import { DomainError } from "../../plugins/errors.ts";
import { createSession, type SessionTimes } from "../sessions.ts";

export interface SignInDeps {
  db: Db;
  times: SessionTimes;
  maxFailures: number;
  lockoutMinutes: number;
}

// One answer for an unknown e-mail, a wrong password, a disabled account and a locked one, so
// that the answer does not tell which accounts exist. It names the lock as a possibility, so a
// person who is locked out learns why without the answer saying whose account is locked.
const WRONG = () =>
  new DomainError(
    401,
    "invalid_credentials",
    "Fel e-postadress eller lösenord. Efter flera misslyckade försök spärras kontot en stund.",
  );

export async function signIn(
  deps: SignInDeps,
  audit: AuditContext,
  input: { email: string; password: string },
): Promise<{ token: string; mfaRequired: boolean; wasLocked: boolean }> {
  const email = input.email.toLowerCase();
  const auditAs = { ...audit, actorLabel: email };
  const [user] = await deps.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  if (!user?.passwordHash) {
    await burnPasswordCheck(input.password);
    await recordStandaloneAudit(deps.db, auditAs, {
      action: "auth.sign_in",
      outcome: "failure",
      details: { reason: "unknown_account" },
    });
    throw WRONG();
  }
  const fail = async (reason: string) =>
    recordStandaloneAudit(
      deps.db,
      { ...auditAs, actorId: user.id },
      {
        action: "auth.sign_in",
        outcome: "failure",
        subjectType: "user",
        subjectId: user.id,
        details: { reason },
      },
    );
  // While locked, the password is not checked at all (the same work is spent, for the same
  // timing): answering differently for the right password would let guessing go on through
  // the lock, which is there to stop it.
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await burnPasswordCheck(input.password);
    await fail("locked");
    throw WRONG();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await registerFailure(deps, user.id);
    await fail("wrong_password");
    throw WRONG();
  }
  if (user.disabledAt) {
    await fail("disabled");
    throw WRONG();
  }
  const mfaRequired = user.totpEnabledAt !== null;
  return deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        failedLogins: 0,
        lockedUntil: null,
        ...(mfaRequired ? {} : { lastLoginAt: new Date() }),
      })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, {
      userId: user.id,
      authMethod: "password",
      mfaPending: mfaRequired,
      ip: audit.ip,
      userAgent: audit.userAgent,
      times: deps.times,
    });
    await recordAudit(
      tx,
      { ...auditAs, actorId: user.id },
      {
        action: mfaRequired ? "auth.password_accepted" : "auth.sign_in",
        subjectType: "user",
        subjectId: user.id,
        details: { method: "password" },
      },
    );
    // A lock is cleared only here, by a right password: one still set ran out since the last
    // sign-in. The person hears of it now, and not while it lasted (see above).
    return { token: session.token, mfaRequired, wasLocked: user.lockedUntil !== null };
  });
}

/** Counts a failed attempt; at the limit the account locks for a while and the count restarts. */
export async function registerFailure(deps: SignInDeps, userId: string): Promise<void> {
  await deps.db.execute(sql`
    UPDATE platform.users SET
      failed_logins = CASE WHEN failed_logins + 1 >= ${deps.maxFailures} THEN 0 ELSE failed_logins + 1 END,
      locked_until = CASE WHEN failed_logins + 1 >= ${deps.maxFailures}
                     THEN now() + make_interval(mins => ${deps.lockoutMinutes}) ELSE locked_until END
    WHERE id = ${userId}`);
}
