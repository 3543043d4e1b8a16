import { sql } from "drizzle-orm";
import type { DbOrTx } from "./database.ts";

/** The newest row of one chain: what an anchor records and later looks for. */
export interface ChainHead {
  chain: number;
  chainSeq: number;
  seq: number;
  hash: string;
  occurredAt: string;
}

/** The newest row of every chain, found through the (chain, chain_seq) index. */
export async function chainHeads(db: DbOrTx): Promise<ChainHead[]> {
  const heads = await db.execute<{
    chain: number;
    chain_seq: string;
    seq: string;
    hash: string;
    occurred_at: string;
  }>(sql`
    WITH RECURSIVE chains AS (
      (SELECT chain FROM platform.audit_log ORDER BY chain LIMIT 1)
      UNION ALL
      SELECT (SELECT a.chain FROM platform.audit_log a WHERE a.chain > c.chain ORDER BY a.chain LIMIT 1)
        FROM chains c WHERE c.chain IS NOT NULL
    )
    SELECT h.chain, h.chain_seq, h.seq, h.hash,
           to_char(h.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at
      FROM chains c
      CROSS JOIN LATERAL (
        SELECT a.chain, a.chain_seq, a.seq, a.hash, a.occurred_at FROM platform.audit_log a
         WHERE a.chain = c.chain ORDER BY a.chain_seq DESC LIMIT 1) h
     ORDER BY h.chain`);
  return heads.rows.map((h) => ({
    chain: Number(h.chain),
    chainSeq: Number(h.chain_seq),
    seq: Number(h.seq),
    hash: h.hash,
    occurredAt: h.occurred_at,
  }));
}
