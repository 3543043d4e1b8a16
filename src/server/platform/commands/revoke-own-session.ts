import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import type { Actor } from "../../plugins/actor.ts";
import { DomainError, NotFoundError } from "../../plugins/errors.ts";
import { readLiveSessions, revokeSession, type SessionTimes } from "../sessions.ts";

/**
 * Ends one of the caller's other sessions (a device left signed in). Another person's session,
 * or one already ended, is not found; the session in use ends by signing out.
 */
export async function revokeOwnSession(
  db: DbOrTx,
  actor: Actor,
  audit: AuditContext,
  publicId: string,
  times: SessionTimes,
) {
  await db.transaction(async (tx) => {
    const live = await readLiveSessions(tx, actor.userId, times);
    const target = live.find((s) => s.publicId === publicId);
    if (!target) throw new NotFoundError("Sessionen finns inte eller har redan avslutats.");
    if (target.id === actor.sessionId) {
      throw new DomainError(
        409,
        "current_session",
        "Det är den här sessionen. Använd Logga ut för att avsluta den.",
      );
    }
    await revokeSession(tx, target.id);
    await recordAudit(tx, audit, {
      action: "auth.session_revoked",
      subjectType: "user",
      subjectId: actor.userId,
      details: { session: publicId },
    });
  });
}
