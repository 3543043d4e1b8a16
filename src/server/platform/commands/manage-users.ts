import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { organisations, roleAssignments, users } from "../../../db/schema/platform.ts";
import type { Role } from "../../../domain/platform/roles.ts";
import type { UserCreateSchema, UserUpdateSchema } from "../../../domain/platform/schemas.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../plugins/errors.ts";
import { hashPassword } from "../passwords.ts";
import { revokeUserSessions } from "../sessions.ts";

async function assertOrganisation(db: DbOrTx, organisationId: string | null) {
  if (!organisationId) return;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org)
    throw new BadRequestError("Organisationen finns inte.", [
      { path: "organisationId", message: "Finns inte." },
    ]);
}

export async function createUser(
  db: DbOrTx,
  audit: AuditContext,
  input: z.infer<typeof UserCreateSchema>,
) {
  await assertOrganisation(db, input.organisationId);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${input.email})`);
    // Refused as a known conflict, so that no caller (HTTP or CLI) sees the failed INSERT.
    if (taken)
      throw new ConflictError("Det finns redan ett konto med den e-postadressen.", "duplicate");
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        locale: input.locale,
      })
      .returning();
    const [grant] = await tx
      .insert(roleAssignments)
      .values({
        userId: user!.id,
        role: input.role,
        organisationId: input.organisationId,
        createdBy: audit.actorId,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: "user.create",
      subjectType: "user",
      subjectId: user!.id,
      organisationId: input.organisationId,
      details: { email: input.email, role: input.role, grantId: grant!.id },
    });
    return user!;
  });
}

export async function updateUser(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
  input: z.infer<typeof UserUpdateSchema>,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) {
      throw new ConflictError(
        "Någon annan har ändrat kontot. Ladda om och försök igen.",
        "stale_version",
      );
    }
    const disabledAt =
      input.disabled === undefined
        ? current.disabledAt
        : input.disabled
          ? (current.disabledAt ?? new Date())
          : null;
    await tx
      .update(users)
      .set({
        displayName: input.displayName ?? current.displayName,
        disabledAt,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    if (input.disabled) await revokeUserSessions(tx, id);
    await recordAudit(tx, audit, {
      action:
        input.disabled === true
          ? "user.disable"
          : input.disabled === false
            ? "user.enable"
            : "user.update",
      subjectType: "user",
      subjectId: id,
      details: { changes: { displayName: input.displayName, disabled: input.disabled } },
    });
  });
}

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

/**
 * Signs a person out everywhere (a lost or shared device), without changing their account. The
 * caller has found the person (the route through its access check).
 */
export async function endUserSessions(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const count = await revokeUserSessions(tx, id);
    await recordAudit(tx, audit, {
      action: "user.sessions_revoked",
      subjectType: "user",
      subjectId: id,
      details: { count },
    });
    return count;
  });
}

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
