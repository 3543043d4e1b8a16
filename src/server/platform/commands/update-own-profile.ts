import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { users } from "../../../db/schema/platform.ts";
import type { MeUpdateSchema } from "../../../domain/platform/schemas.ts";
import type { Actor } from "../../plugins/actor.ts";

/** A person's own name or language. */
export async function updateOwnProfile(
  db: DbOrTx,
  actor: Actor,
  audit: AuditContext,
  input: z.output<typeof MeUpdateSchema>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, audit, {
      action: "user.update_own",
      subjectType: "user",
      subjectId: actor.userId,
      details: { fields: Object.keys(input) },
    });
  });
}
