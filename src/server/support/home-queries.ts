import { sql } from "drizzle-orm";
import { withActor } from "../../db/actor.ts";
import { type DbOrTx, pageClause } from "../../db/database.ts";
import { HOME_LIST_LIMIT } from "../../domain/platform/home.ts";

export interface SupportHomeRows {
  /** Live cases where the caller is the child contact and the needs are not yet assessed. */
  toAssess: { total: number; caseId: string; openedAt: string }[];
  /** Reports of concern in the caller's intake unit still waiting for feedback to the reporter. */
  awaitingFeedback: { total: number; sentAt: string; feedbackDueAt: string | null }[];
}

/**
 * Read as the caller under row-level security, through the same live-access function as every
 * case list (support.live_access_rows), so the home page never points at a case a click would
 * refuse; and it names no child, so it reads no more than that a case exists.
 */
export async function supportHomeRows(db: DbOrTx, userId: string): Promise<SupportHomeRows> {
  return withActor(db, userId, async (tx) => {
    const toAssess = await tx.execute<{ total: number; case_id: string; opened_at: string }>(sql`
      SELECT count(*) OVER ()::int AS total, c.id AS case_id, c.opened_at
        FROM support.cases c
       WHERE c.id IN (SELECT l.case_id FROM support.live_access_rows(${userId}) l
                       WHERE l.role = 'child_contact' AND 'wellbeing' = ANY (l.scopes))
         AND NOT EXISTS (SELECT 1 FROM support.compass_assessments a WHERE a.case_id = c.id)
       ORDER BY c.opened_at, c.id
       ${pageClause(HOME_LIST_LIMIT)}`);
    const awaiting = await tx.execute<{
      total: number;
      sent_at: string;
      feedback_due_at: string | null;
    }>(sql`
      SELECT count(*) OVER ()::int AS total, r.sent_at, r.feedback_due_at
        FROM support.concern_reports r
       WHERE support.is_intake_officer(${userId}, r.intake_unit_id)
         AND r.status <> 'feedback_given'
       ORDER BY r.feedback_due_at NULLS LAST, r.sent_at, r.id
       ${pageClause(HOME_LIST_LIMIT)}`);
    return {
      toAssess: toAssess.rows.map((r) => ({
        total: r.total,
        caseId: r.case_id,
        openedAt: new Date(r.opened_at).toISOString(),
      })),
      awaitingFeedback: awaiting.rows.map((r) => ({
        total: r.total,
        sentAt: new Date(r.sent_at).toISOString(),
        feedbackDueAt: r.feedback_due_at ? new Date(r.feedback_due_at).toISOString() : null,
      })),
    };
  });
}
