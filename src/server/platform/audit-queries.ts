import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type ChainHead, chainHeads } from "../../db/audit-chain.ts";
import { type DbOrTx, fixedStatement, opaqueUuidArray, pageClause } from "../../db/database.ts";
import { likeLiteral } from "../../db/like.ts";
import type { auditLog } from "../../db/schema/platform.ts";
import type { AuditQuerySchema } from "../../domain/platform/schemas.ts";
import type { OrgIdSet } from "./queries.ts";

/**
 * Rows an administrator of `scope` may see: those tied to an organisation in scope, and account
 * events (sign-ins, password and two-factor changes, which have no organisation) of people who
 * hold a role in scope.
 */
function inScope(scope: Set<string>) {
  const ids = opaqueUuidArray(scope);
  const people = sql`SELECT user_id FROM platform.role_assignments WHERE organisation_id = ANY(${ids})`;
  return sql`(a.organisation_id = ANY(${ids}) OR (a.organisation_id IS NULL AND (
    a.actor_id IN (${people})
    OR (a.subject_type = 'user' AND a.subject_id IN (SELECT user_id::text FROM (${people}) p)))))`;
}

type AuditOutcome = (typeof auditLog.$inferSelect)["outcome"];

export interface AuditEntryRow {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  outcome: AuditOutcome;
  subjectType: string | null;
  subjectId: string | null;
  organisationId: string | null;
  personalData: boolean;
  reason: string | null;
  ip: string | null;
  details: unknown;
}

/** A row as the statement gives it: the sequence number as text, the time as text. */
type AuditEntrySql = Omit<AuditEntryRow, "seq" | "occurredAt"> & {
  seq: string;
  occurredAt: string;
};

/**
 * Audit entries matching the filter, newest first, limited to what the scope may see. What an
 * entry shows: not the chain's fields (hashes, places) nor the request's trace, which are read
 * by `paraply audit verify` and by operators in the database.
 *
 * Written out, with the scope's ids hidden from the planner and the limit a literal, so that a
 * connection plans each form of the search once: with the ids in view PostgreSQL estimated each
 * of them against the column statistics and, with the limit a parameter, judged a plan kept for
 * any limit dearer than a new one (`pageClause`), so it planned every search anew (0.76 ms,
 * more than the search itself).
 */
export async function searchAudit(
  db: DbOrTx,
  scope: OrgIdSet,
  query: z.infer<typeof AuditQuerySchema>,
  limit = query.limit,
): Promise<AuditEntryRow[]> {
  if (scope !== null && scope.size === 0) return [];
  const conditions = [
    scope === null ? undefined : inScope(scope),
    query.from
      ? sql`a.occurred_at >= ${new Date(query.from).toISOString()}::timestamptz`
      : undefined,
    query.to ? sql`a.occurred_at <= ${new Date(query.to).toISOString()}::timestamptz` : undefined,
    query.actor ? sql`a.actor_label ILIKE ${`%${likeLiteral(query.actor)}%`}` : undefined,
    query.action ? sql`a.action LIKE ${`${likeLiteral(query.action)}%`}` : undefined,
    query.subjectId ? sql`a.subject_id = ${query.subjectId}` : undefined,
    query.organisationId ? sql`a.organisation_id = ${query.organisationId}::uuid` : undefined,
    query.before ? sql`a.seq < ${query.before}` : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const result = await db.execute<AuditEntrySql>(
    fixedStatement(sql`
    SELECT a.seq, a.occurred_at AS "occurredAt", a.actor_id AS "actorId",
           a.actor_label AS "actorLabel", a.action, a.outcome, a.subject_type AS "subjectType",
           a.subject_id AS "subjectId", a.organisation_id AS "organisationId",
           a.personal_data AS "personalData", a.reason, a.ip, a.details
      FROM platform.audit_log a ${where}
     ORDER BY a.seq DESC ${pageClause(limit)}`),
  );
  return result.rows.map((r) => ({
    ...r,
    seq: Number(r.seq),
    occurredAt: new Date(r.occurredAt),
  }));
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** The newest row overall (by seq). */
  headSeq: number;
  headHash: string;
  heads: ChainHead[];
  problems: {
    seq: number;
    chain: number;
    problem: "hash_mismatch" | "broken_link" | "missing_rows";
  }[];
}

/**
 * Recomputes every row's hash in the database and checks, chain by chain, that each row points
 * at the one before it with no gap in its place numbers. A removed tail of a chain, or a chain
 * hashed anew, is only caught against heads recorded elsewhere: see `verifyAnchors`.
 */
export async function verifyAuditChain(db: DbOrTx): Promise<AuditVerification> {
  const problems = await db.execute<{
    seq: string;
    chain: number;
    problem: AuditVerification["problems"][number]["problem"];
  }>(sql`
    WITH chain AS (
      SELECT a.seq, a.chain, a.chain_seq, a.hash, a.prev_hash, platform.audit_row_hash(a) AS expected,
             lag(a.chain_seq) OVER w AS prev_chain_seq, lag(a.hash) OVER w AS prev_actual
      FROM platform.audit_log a
      WINDOW w AS (PARTITION BY a.chain ORDER BY a.chain_seq)
    )
    SELECT seq, chain, 'hash_mismatch' AS problem FROM chain WHERE hash <> expected
    UNION ALL
    SELECT seq, chain, 'missing_rows' FROM chain WHERE chain_seq <> coalesce(prev_chain_seq, 0) + 1
    UNION ALL
    SELECT seq, chain, 'broken_link' FROM chain WHERE prev_hash <> coalesce(prev_actual, '')
    ORDER BY seq, problem LIMIT 1000`);
  const head = await db.execute<{ rows: string; seq: string | null; hash: string | null }>(sql`
    SELECT (SELECT count(*) FROM platform.audit_log) AS rows,
           (SELECT seq FROM platform.audit_log ORDER BY seq DESC LIMIT 1) AS seq,
           (SELECT hash FROM platform.audit_log ORDER BY seq DESC LIMIT 1) AS hash`);
  const h = head.rows[0]!;
  return {
    ok: problems.rows.length === 0,
    rows: Number(h.rows),
    headSeq: Number(h.seq ?? 0),
    headHash: h.hash ?? "",
    heads: await chainHeads(db),
    problems: problems.rows.map((p) => ({
      seq: Number(p.seq),
      chain: Number(p.chain),
      problem: p.problem,
    })),
  };
}
