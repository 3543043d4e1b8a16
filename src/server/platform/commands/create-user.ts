import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { roleAssignments, users } from "../../../db/schema/platform.ts";
import type { UserCreateSchema } from "../../../domain/platform/schemas.ts";
import { hashPassword } from "../../../lib/passwords.ts";
import { ConflictError } from "../../plugins/errors.ts";
import { assertOrganisation } from "./user-guards.ts";

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
