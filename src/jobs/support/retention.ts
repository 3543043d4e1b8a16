import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../db/audit.ts";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { parseIdentityNumber } from "../../domain/support/personnummer.ts";
import {
  DEFAULT_RETENTION,
  type KeepReason,
  RECORD_TYPES,
  retentionDecision,
  type ThinnedRecordType,
} from "../../domain/support/retention.ts";
import { defineJob, type JobSummary } from "../define.ts";

export interface RetentionItem {
  recordType: ThinnedRecordType;
  recordId: string;
  municipalityId: string;
  /** A case's closure; a report's latest sending, receipt or feedback. */
  lastEntryAt: Date;
  dueAt: Date | null;
  thin: boolean;
  reason: KeepReason | null;
  law: string;
}

interface Candidate {
  recordType: ThinnedRecordType;
  recordId: string;
  municipalityId: string;
  lastEntryAt: Date;
  birthDate: string | null;
}

async function closedCases(db: DbOrTx, before: Date, ids: SQL): Promise<Candidate[]> {
  const result = await db.execute<{
    case_id: string;
    municipality_id: string;
    closed_at: string | Date;
    birth_date: string | null;
  }>(sql`SELECT case_id, municipality_id, closed_at, birth_date::text AS birth_date
           FROM support.closed_cases_before(${before}, ${ids})`);
  return result.rows.map((r) => ({
    recordType: "coordination",
    recordId: r.case_id,
    municipalityId: r.municipality_id,
    lastEntryAt: new Date(r.closed_at),
    birthDate: r.birth_date,
  }));
}

async function concernReports(db: DbOrTx, before: Date, ids: SQL): Promise<Candidate[]> {
  const result = await db.execute<{
    report_id: string;
    municipality_id: string;
    last_entry_at: string | Date;
    child_personal_number: string | null;
  }>(sql`SELECT report_id, municipality_id, last_entry_at, child_personal_number
           FROM support.concern_reports_before(${before}, ${ids})`);
  return result.rows.map((r) => {
    // A report without a (valid) number names no birth day, so no research exception applies.
    const parsed = r.child_personal_number ? parseIdentityNumber(r.child_personal_number) : null;
    return {
      recordType: "social_services",
      recordId: r.report_id,
      municipalityId: r.municipality_id,
      lastEntryAt: new Date(r.last_entry_at),
      birthDate: parsed?.ok ? parsed.value.birthDate : null,
    };
  });
}

/**
 * Closed cases and reports of concern whose shortest retention has passed, each with its
 * decision: thin now, or keep and why. What the job does and what its dry run shows.
 */
export async function planRetention(
  db: DbOrTx,
  municipalityIds: string[] | null,
  now: Date = new Date(),
): Promise<RetentionItem[]> {
  const shortest = Math.min(...RECORD_TYPES.map((t) => DEFAULT_RETENTION[t].years));
  const before = new Date(now.getTime());
  before.setUTCFullYear(before.getUTCFullYear() - shortest);
  const ids = municipalityIds === null ? sql`NULL` : uuidArray(municipalityIds);
  const candidates = [
    ...(await closedCases(db, before, ids)),
    ...(await concernReports(db, before, ids)),
  ];
  return candidates.map(({ birthDate, ...c }) => {
    const decision = retentionDecision(
      { recordType: c.recordType, lastEntryAt: c.lastEntryAt, birthDate },
      now,
    );
    return {
      ...c,
      dueAt: decision.dueAt,
      thin: decision.thin,
      reason: decision.thin ? null : decision.reason,
      law: decision.law,
    };
  });
}

const THINNING = {
  coordination: {
    thin: (id: string) => sql`SELECT support.thin_case(${id}) AS n`,
    action: "case.thin",
    subjectType: "support_case",
  },
  social_services: {
    thin: (id: string) => sql`SELECT support.thin_concern_report(${id}) AS n`,
    action: "support.concern.thin",
    subjectType: "support_concern_report",
  },
} as const satisfies Record<ThinnedRecordType, unknown>;

/**
 * Thins closed cases and reports of concern whose retention has run out, daily; each thinning is
 * its own transaction with its audit row. With `dryRun` it only counts.
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
      const how = THINNING[item.recordType];
      await ctx.db.transaction(async (tx) => {
        const rows = await tx.execute<{ n: number }>(how.thin(item.recordId));
        await recordAudit(tx, ctx.audit, {
          action: how.action,
          subjectType: how.subjectType,
          subjectId: item.recordId,
          organisationId: item.municipalityId,
          details: {
            law: item.law,
            lastEntryAt: item.lastEntryAt.toISOString(),
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
