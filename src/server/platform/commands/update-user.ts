import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { users } from "../../../db/schema/platform.ts";
import type { UserUpdateSchema } from "../../../domain/platform/schemas.ts";
import { ConflictError, NotFoundError } from "../../plugins/errors.ts";
import { revokeUserSessions } from "../sessions.ts";

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
