import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { revokeUserSessions } from "../sessions.ts";

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
