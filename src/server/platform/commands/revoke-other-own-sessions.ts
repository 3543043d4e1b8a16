import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import type { Actor } from "../../plugins/actor.ts";
import { revokeUserSessions } from "../sessions.ts";

/** Ends every session of the caller's but the one in use ("sign out everywhere else"). */
export async function revokeOtherOwnSessions(
  db: DbOrTx,
  actor: Actor,
  audit: AuditContext,
): Promise<number> {
  return db.transaction(async (tx) => {
    const count = await revokeUserSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, audit, {
      action: "auth.other_sessions_revoked",
      subjectType: "user",
      subjectId: actor.userId,
      details: { count },
    });
    return count;
  });
}
