import { sql } from "drizzle-orm";
import { withActor } from "../../db/actor.ts";
import type { DbOrTx } from "../../db/database.ts";
import { readLists } from "../../db/lists.ts";
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
  const rows = await withActor(db, userId, (tx) =>
    readLists<{
      toAssess: { total: number; caseId: string; openedAt: string }[];
      awaitingFeedback: { total: number; sentAt: string; feedbackDueAt: string | null }[];
    }>(tx, {
      toAssess: {
        columns: sql`c.id AS "caseId", c.opened_at AS "openedAt"`,
        from: sql`support.cases c
          WHERE c.id IN (SELECT l.case_id FROM support.live_access_rows(${userId}) l
                          WHERE l.role = 'child_contact' AND 'wellbeing' = ANY (l.scopes))
            AND NOT EXISTS (SELECT 1 FROM support.compass_assessments a WHERE a.case_id = c.id)`,
        orderBy: sql`c.opened_at, c.id`,
        limit: HOME_LIST_LIMIT,
      },
      awaitingFeedback: {
        columns: sql`r.sent_at AS "sentAt", r.feedback_due_at AS "feedbackDueAt"`,
        from: sql`support.concern_reports r
          WHERE support.is_intake_officer(${userId}, r.intake_unit_id)
            AND r.status <> 'feedback_given'`,
        orderBy: sql`r.feedback_due_at NULLS LAST, r.sent_at, r.id`,
        limit: HOME_LIST_LIMIT,
      },
    }),
  );
  return {
    toAssess: rows.toAssess.map((r) => ({ ...r, openedAt: new Date(r.openedAt).toISOString() })),
    awaitingFeedback: rows.awaitingFeedback.map((r) => ({
      ...r,
      sentAt: new Date(r.sentAt).toISOString(),
      feedbackDueAt: r.feedbackDueAt ? new Date(r.feedbackDueAt).toISOString() : null,
    })),
  };
}
