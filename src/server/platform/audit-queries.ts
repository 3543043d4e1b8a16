import { and, desc, eq, gte, ilike, like, lt, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import { type ChainHead, chainHeads } from "../../db/audit-chain.ts";
import { type DbOrTx, uuidArray } from "../../db/database.ts";
import { likeLiteral } from "../../db/like.ts";
import { auditLog } from "../../db/schema/platform.ts";
import type { AuditQuerySchema } from "../../domain/platform/schemas.ts";
import type { OrgIdSet } from "./queries.ts";

/**
 * Rows an administrator of `scope` may see: those tied to an organisation in scope, and account
 * events (sign-ins, password and two-factor changes, which have no organisation) of people who
 * hold a role in scope.
 */
function inScope(scope: Set<string>) {
  const ids = uuidArray(scope);
  const people = sql`SELECT user_id FROM platform.role_assignments WHERE organisation_id = ANY(${ids})`;
  return sql`(${auditLog.organisationId} = ANY(${ids}) OR (${auditLog.organisationId} IS NULL AND (
    ${auditLog.actorId} IN (${people})
    OR (${auditLog.subjectType} = 'user' AND ${auditLog.subjectId} IN (SELECT user_id::text FROM (${people}) p)))))`;
}

// What an entry shows: not the chain's fields (hashes, places) nor the request's trace, which
// are read by `paraply audit verify` and by operators in the database.
const ENTRY_COLUMNS = {
  seq: auditLog.seq,
  occurredAt: auditLog.occurredAt,
  actorId: auditLog.actorId,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  outcome: auditLog.outcome,
  subjectType: auditLog.subjectType,
  subjectId: auditLog.subjectId,
  organisationId: auditLog.organisationId,
  personalData: auditLog.personalData,
  reason: auditLog.reason,
  ip: auditLog.ip,
  details: auditLog.details,
};

export type AuditEntryRow = {
  [K in keyof typeof ENTRY_COLUMNS]: (typeof auditLog.$inferSelect)[K];
};

/** Audit entries matching the filter, newest first, limited to what the scope may see. */
export async function searchAudit(
  db: DbOrTx,
  scope: OrgIdSet,
  query: z.infer<typeof AuditQuerySchema>,
  limit = query.limit,
): Promise<AuditEntryRow[]> {
  if (scope !== null && scope.size === 0) return [];
  return db
    .select(ENTRY_COLUMNS)
    .from(auditLog)
    .where(
      and(
        scope === null ? undefined : inScope(scope),
        query.from ? gte(auditLog.occurredAt, new Date(query.from)) : undefined,
        query.to ? lte(auditLog.occurredAt, new Date(query.to)) : undefined,
        query.actor ? ilike(auditLog.actorLabel, `%${likeLiteral(query.actor)}%`) : undefined,
        query.action ? like(auditLog.action, `${likeLiteral(query.action)}%`) : undefined,
        query.subjectId ? eq(auditLog.subjectId, query.subjectId) : undefined,
        query.organisationId ? eq(auditLog.organisationId, query.organisationId) : undefined,
        query.before ? lt(auditLog.seq, query.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(limit);
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
