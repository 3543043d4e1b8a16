import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import type { CaseScope } from "../../domain/support/access.ts";

/**
 * The one definition of "may this person see this part of this case now": a live access record
 * (started, not ended, not past its end date) on an open case. Detail checks and list filters
 * both use it, so a list can never show a case the detail view would refuse.
 */
function liveAccess(userId: string, scope: CaseScope) {
  return sql`
    SELECT a.case_id FROM support.case_access a JOIN support.cases c ON c.id = a.case_id
    WHERE a.user_id = ${userId} AND ${scope} = ANY(a.scopes)
      AND a.valid_from <= now() AND (a.valid_until IS NULL OR a.valid_until > now())
      AND a.ended_at IS NULL AND c.status = 'open'`;
}

export async function hasCaseAccess(
  db: DbOrTx,
  userId: string,
  caseId: string,
  scope: CaseScope,
): Promise<boolean> {
  const result = await db.execute(
    sql`SELECT 1 FROM (${liveAccess(userId, scope)}) x WHERE x.case_id = ${caseId} LIMIT 1`,
  );
  return result.rows.length > 0;
}

export async function accessibleCaseIds(
  db: DbOrTx,
  userId: string,
  scope: CaseScope,
): Promise<string[]> {
  const result = await db.execute<{ case_id: string }>(
    sql`SELECT DISTINCT case_id FROM (${liveAccess(userId, scope)}) x`,
  );
  return result.rows.map((r) => r.case_id);
}
