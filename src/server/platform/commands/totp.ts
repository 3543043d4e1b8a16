import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import { type AuditContext, recordAudit, recordStandaloneAudit } from "../../../db/audit.ts";
import type { Db, DbOrTx } from "../../../db/database.ts";
import { users } from "../../../db/schema/platform.ts";
import type { Actor } from "../../plugins/actor.ts";
import { BadRequestError, DomainError } from "../../plugins/errors.ts";
import { SecretBox } from "../secret-box.ts";
import { completeMfa } from "../sessions.ts";
import { registerFailure, type SignInDeps } from "./sign-in.ts";

export interface TotpDeps {
  db: Db;
  secrets: SecretBox;
}

/**
 * The time step a code belongs to, if it is the current code or the one before or after it (for
 * clocks that drift) and newer than the last code this person used (RFC 6238 §5.2: a code is
 * accepted once).
 */
export async function totpStep(
  secret: string,
  code: string,
  lastStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => null);
  return result?.valid && "timeStep" in result ? result.timeStep : null;
}

/**
 * Records that a code of `step` was used. Conditional, so that of two requests racing with one
 * code only one succeeds; false means the code was used already.
 */
async function claimStep(tx: DbOrTx, userId: string, step: number): Promise<boolean> {
  const claimed = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/** Checks a code and uses it up; false when it is wrong or was used already. */
async function acceptCode(
  tx: DbOrTx,
  userId: string,
  row: { secret: string | null; lastStep: number | null } | undefined,
  code: string,
): Promise<boolean> {
  if (!row?.secret) return false;
  const step = await totpStep(row.secret, code, row.lastStep);
  return step !== null && (await claimStep(tx, userId, step));
}

async function secretOf(deps: TotpDeps, userId: string) {
  const [row] = await deps.db
    .select({
      secret: users.totpSecret,
      lastStep: users.totpLastStep,
      enabledAt: users.totpEnabledAt,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return undefined;
  // A seed sealed under another key (a backup restored elsewhere) opens to nothing: every code
  // is then wrong, and an administrator turns two-factor off for the person to enrol again.
  return { ...row, secret: row.secret === null ? null : deps.secrets.open(row.secret) };
}

/**
 * Brings every stored TOTP seed under the current key: seeds in plain text (versions before
 * sealing) and seeds sealed under PARAPLY_SECRET_KEY_PREVIOUS are sealed anew. Run at start; a
 * seed under no known key is left as it is (its owner's codes fail until two-factor is reset).
 * Takes no locks: each rewrite only applies if the seed is still the one read, so instances
 * starting together, or a person enrolling meanwhile, are never overwritten.
 */
export async function sealTotpSecrets(
  deps: TotpDeps,
): Promise<{ sealed: number; unknown: number }> {
  const stored = await deps.db
    .select({ id: users.id, secret: users.totpSecret })
    .from(users)
    .where(isNotNull(users.totpSecret));
  let sealed = 0;
  let unknown = 0;
  for (const { id, secret } of stored as { id: string; secret: string }[]) {
    if (SecretBox.isSealed(secret) && deps.secrets.isCurrent(secret)) continue;
    const plain = SecretBox.isSealed(secret) ? deps.secrets.open(secret) : secret;
    if (plain === null) {
      unknown++;
      continue;
    }
    const rewritten = await deps.db
      .update(users)
      .set({ totpSecret: deps.secrets.seal(plain) })
      .where(and(eq(users.id, id), eq(users.totpSecret, secret)))
      .returning({ id: users.id });
    sealed += rewritten.length;
  }
  return { sealed, unknown };
}

export async function beginTotpEnrolment(deps: TotpDeps, actor: Actor, audit: AuditContext) {
  if (actor.totpEnabled)
    throw new DomainError(409, "totp_enabled", "Tvåstegsverifiering är redan aktiverad.");
  const secret = generateSecret();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: deps.secrets.seal(secret) })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, audit, {
      action: "auth.totp_enrolment_started",
      subjectType: "user",
      subjectId: actor.userId,
    });
  });
  return { secret, otpauthUri: generateURI({ issuer: "Paraply", label: actor.email, secret }) };
}

export async function enableTotp(deps: TotpDeps, actor: Actor, audit: AuditContext, code: string) {
  const row = await secretOf(deps, actor.userId);
  if (!row?.secret || row.enabledAt) {
    throw new DomainError(409, "totp_not_started", "Starta aktiveringen först.");
  }
  await deps.db.transaction(async (tx) => {
    if (!(await acceptCode(tx, actor.userId, row, code))) {
      throw new BadRequestError(
        "Koden stämmer inte. Kontrollera klockan i telefonen och försök igen.",
        [{ path: "code", message: "Koden stämmer inte." }],
      );
    }
    await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, actor.userId));
    await recordAudit(tx, audit, {
      action: "auth.totp_enabled",
      subjectType: "user",
      subjectId: actor.userId,
    });
  });
}

export async function disableTotp(
  deps: TotpDeps,
  actor: Actor,
  audit: AuditContext,
  code: string,
  required: boolean,
) {
  if (required) {
    throw new DomainError(
      403,
      "totp_required",
      "Din roll kräver tvåstegsverifiering; den kan inte stängas av.",
    );
  }
  const row = await secretOf(deps, actor.userId);
  if (!row?.secret || !row.enabledAt)
    throw new DomainError(409, "totp_not_enabled", "Tvåstegsverifiering är inte aktiverad.");
  await deps.db.transaction(async (tx) => {
    if (!(await acceptCode(tx, actor.userId, row, code))) {
      throw new BadRequestError("Koden stämmer inte.", [
        { path: "code", message: "Koden stämmer inte." },
      ]);
    }
    await tx
      .update(users)
      .set({ totpEnabledAt: null, totpSecret: null })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, audit, {
      action: "auth.totp_disabled",
      subjectType: "user",
      subjectId: actor.userId,
    });
  });
}

/** The second step of a password sign-in. Wrong codes count towards the lockout. */
export async function verifySecondFactor(
  deps: SignInDeps & TotpDeps,
  actor: Actor,
  audit: AuditContext,
  code: string,
) {
  if (!actor.mfaPending)
    throw new DomainError(409, "mfa_not_pending", "Inloggningen är redan klar.");
  const row = await secretOf(deps, actor.userId);
  // Wrong codes lock the account like wrong passwords, so the lock must hold at this step too.
  if (row?.lockedUntil && row.lockedUntil > new Date()) {
    await recordStandaloneAudit(deps.db, audit, {
      action: "auth.sign_in",
      outcome: "failure",
      subjectType: "user",
      subjectId: actor.userId,
      details: { reason: "locked" },
    });
    throw new DomainError(
      429,
      "locked",
      "För många misslyckade försök. Kontot är låst en stund; försök igen senare.",
    );
  }
  if (!(await acceptCode(deps.db, actor.userId, row, code))) {
    await registerFailure(deps, actor.userId);
    await recordStandaloneAudit(deps.db, audit, {
      action: "auth.sign_in",
      outcome: "failure",
      subjectType: "user",
      subjectId: actor.userId,
      details: { reason: "wrong_totp" },
    });
    throw new BadRequestError("Koden stämmer inte.", [
      { path: "code", message: "Koden stämmer inte." },
    ]);
  }
  await deps.db.transaction(async (tx) => {
    await completeMfa(tx, actor.sessionId);
    await tx
      .update(users)
      .set({ lastLoginAt: new Date(), failedLogins: 0 })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, audit, {
      action: "auth.sign_in",
      subjectType: "user",
      subjectId: actor.userId,
      details: { method: "password+totp" },
    });
  });
}
