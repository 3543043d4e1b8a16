import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import type { Actor } from "../../plugins/actor.ts";
import { revokeSession } from "../sessions.ts";

/** Ends the session in use. */
export async function signOut(db: DbOrTx, actor: Actor, audit: AuditContext): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId);
    await recordAudit(tx, audit, {
      action: "auth.sign_out",
      subjectType: "user",
      subjectId: actor.userId,
    });
  });
}
