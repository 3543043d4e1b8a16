import { sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../db/audit.ts";
import type { DbOrTx } from "../../db/database.ts";
import {
  DEFAULT_RETENTION,
  type KeepReason,
  RECORD_TYPES,
  type RecordType,
  retentionDecision,
} from "../../domain/support/retention.ts";
import { defineJob, type JobSummary } from "../define.ts";

/** The record type of the platform's own coordination cases. */
const CASE_RECORD_TYPE: RecordType = "coordination";

export interface RetentionItem {
  caseId: string;
  municipalityId: string;
  closedAt: Date;
  dueAt: Date | null;
  thin: boolean;
  reason: KeepReason | null;
  law: string;
}

/**
 * Closed cases whose shortest retention has passed, each with its decision: thin now, or keep
 * and why. What the job does and what its dry run shows.
 */
export async function planRetention(
  db: DbOrTx,
  municipalityIds: string[] | null,
  now: Date = new Date(),
): Promise<RetentionItem[]> {
  const shortest = Math.min(...RECORD_TYPES.map((t) => DEFAULT_RETENTION[t].years));
  const before = new Date(now.getTime());
  before.setUTCFullYear(before.getUTCFullYear() - shortest);
  const ids =
    municipalityIds === null ? sql`NULL` : sql`${`{${municipalityIds.join(",")}}`}::uuid[]`;
  const result = await db.execute<{
    case_id: string;
    municipality_id: string;
    closed_at: string | Date;
    birth_date: string | null;
  }>(sql`SELECT case_id, municipality_id, closed_at, birth_date::text AS birth_date
           FROM support.closed_cases_before(${before}, ${ids})`);
  return result.rows.map((r) => {
    const closedAt = new Date(r.closed_at);
    const decision = retentionDecision(
      { recordType: CASE_RECORD_TYPE, lastEntryAt: closedAt, birthDate: r.birth_date },
      now,
    );
    return {
      caseId: r.case_id,
      municipalityId: r.municipality_id,
      closedAt,
      dueAt: decision.dueAt,
      thin: decision.thin,
      reason: decision.thin ? null : decision.reason,
      law: decision.law,
    };
  });
}

/**
 * Thins closed cases whose retention has run out, daily; each thinning is its own transaction
 * with its audit row. With `dryRun` it only counts.
 */
export const supportRetentionJob = defineJob({
  name: "support.retention",
  schema: z.strictObject({ dryRun: z.boolean().default(false) }),
  expireInSeconds: 60 * 60,
  retryLimit: 2,
  schedule: { cron: "30 2 * * *", input: { dryRun: false } },
  run: async (ctx, input): Promise<JobSummary> => {
    const plan = await planRetention(ctx.db, null);
    const due = plan.filter((p) => p.thin);
    if (input.dryRun) return { dryRun: true, due: due.length, kept: plan.length - due.length };
    let thinned = 0;
    for (const item of due) {
      if (ctx.signal.aborted) break;
      await ctx.db.transaction(async (tx) => {
        const rows = await tx.execute<{ n: number }>(
          sql`SELECT support.thin_case(${item.caseId}) AS n`,
        );
        await recordAudit(tx, ctx.audit, {
          action: "case.thin",
          subjectType: "support_case",
          subjectId: item.caseId,
          organisationId: item.municipalityId,
          details: {
            law: item.law,
            closedAt: item.closedAt.toISOString(),
            rows: Number(rows.rows[0]?.n ?? 0),
          },
        });
      });
      thinned++;
      await ctx.progress(thinned / due.length);
    }
    return { dryRun: false, thinned, kept: plan.length - due.length };
  },
});
