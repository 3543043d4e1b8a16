import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import type { AuditAnchor } from "../../domain/platform/audit-anchor.ts";

export interface AnchorProblem {
  line: number;
  anchoredAt: string;
  chain: number;
  chainSeq: number;
  seq: number;
  problem: "anchored_row_missing" | "anchored_row_changed";
}

/**
 * Checks that every anchored head is still in its chain with the hash it had. Together with
 * `verifyAuditChain` (each row links to the one before it) this proves every row up to each
 * anchored head is as it was when the anchor was taken.
 */
export async function verifyAuditAnchors(
  db: DbOrTx,
  anchors: { line: number; anchor: AuditAnchor }[],
): Promise<{ checked: number; problems: AnchorProblem[] }> {
  const heads = anchors.flatMap(({ line, anchor }) =>
    anchor.heads.map((h) => ({ ...h, line, anchoredAt: anchor.anchoredAt })),
  );
  if (heads.length === 0) return { checked: 0, problems: [] };
  const found = await db.execute<{ i: number; hash: string | null; seq: string | null }>(sql`
    SELECT w.i, a.hash, a.seq::text AS seq
      FROM unnest(${`{${heads.map((h) => h.chain).join(",")}}`}::int[],
                  ${`{${heads.map((h) => h.chainSeq).join(",")}}`}::bigint[])
           WITH ORDINALITY AS w(chain, chain_seq, i)
      LEFT JOIN platform.audit_log a ON a.chain = w.chain AND a.chain_seq = w.chain_seq
     ORDER BY w.i`);
  const problems: AnchorProblem[] = [];
  for (const row of found.rows) {
    const head = heads[Number(row.i) - 1]!;
    const problem =
      row.hash === null
        ? "anchored_row_missing"
        : row.hash !== head.hash || Number(row.seq) !== head.seq
          ? "anchored_row_changed"
          : null;
    if (problem)
      problems.push({
        line: head.line,
        anchoredAt: head.anchoredAt,
        chain: head.chain,
        chainSeq: head.chainSeq,
        seq: head.seq,
        problem,
      });
  }
  return { checked: heads.length, problems };
}
