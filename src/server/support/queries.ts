import { sql } from "drizzle-orm";
import { withActor } from "../../db/actor.ts";
import type { DbOrTx } from "../../db/database.ts";
import type { CaseScope } from "../../domain/support/access.ts";

/*
 * "May this person see this part of this case now" has one definition, in SQL:
 * support.live_case_ids / support.live_access (migration 0008): a live access record (started,
 * not ended, not past its end) on an open case. The row-level-security policies use the same
 * functions, and these reads run as the acting user, so each answer is checked twice: by the
 * explicit condition here and by the policies.
 */

export async function hasCaseAccess(
  db: DbOrTx,
  userId: string,
  caseId: string,
  scope: CaseScope,
): Promise<boolean> {
  return withActor(db, userId, async (tx) => {
    const result = await tx.execute(
      sql`SELECT 1 FROM support.cases c
           WHERE c.id = ${caseId} AND support.live_access(c.id, ${userId}, ${scope})`,
    );
    return result.rows.length > 0;
  });
}

export async function accessibleCaseIds(
  db: DbOrTx,
  userId: string,
  scope: CaseScope,
): Promise<string[]> {
  return withActor(db, userId, async (tx) => {
    const result = await tx.execute<{ id: string }>(
      sql`SELECT c.id FROM support.cases c
           WHERE c.id IN (SELECT support.live_case_ids(${userId}, ${scope})) ORDER BY c.id`,
    );
    return result.rows.map((r) => r.id);
  });
}
