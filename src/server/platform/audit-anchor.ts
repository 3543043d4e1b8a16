import fs from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/database.ts";
import type { AuditAnchor } from "../../domain/platform/audit-anchor.ts";
import { chainHeads } from "./audit-queries.ts";

/**
 * Appends every chain's current head to `file` as one JSON line and flushes it to disk. Kept
 * outside the database (another disk, a write-once store, a printout), it is what shows that a
 * chain was later hashed anew from an edited row onwards or cut short.
 */
export async function appendAuditAnchor(db: DbOrTx, file: string): Promise<AuditAnchor> {
  const anchor: AuditAnchor = {
    anchoredAt: new Date().toISOString(),
    heads: await chainHeads(db),
  };
  const handle = await fs.open(file, "a", 0o600);
  try {
    await handle.appendFile(`${JSON.stringify(anchor)}\n`, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  return anchor;
}

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

// Any instance may anchor; the lock makes one do it at a time.
export const ANCHOR_LOCK = 7_351_003;

interface Logger {
  info: (o: object, msg: string) => void;
  warn: (o: object, msg: string) => void;
}

/** One scheduled anchoring: null when another instance is anchoring at this moment. */
export function anchorUnderLock(db: Db, file: string): Promise<AuditAnchor | null> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${ANCHOR_LOCK}) AS locked`,
    );
    if (!lock.rows[0]?.locked) return null;
    return appendAuditAnchor(tx, file);
  });
}

/**
 * Anchors the audit log to `file` a minute after start and then every `everyMs`. A plain timer
 * for now; it belongs on the job queue once there is one (one run per interval across instances).
 */
export function scheduleAuditAnchors(
  db: Db,
  options: { file: string; everyMs: number },
  log: Logger,
): () => void {
  const run = () =>
    anchorUnderLock(db, options.file).then(
      (anchor) => {
        if (anchor) log.info({ file: options.file, chains: anchor.heads.length }, "audit anchored");
      },
      (error: unknown) =>
        log.warn({ err: error, file: options.file }, "audit anchoring failed; it runs again later"),
    );
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, options.everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
