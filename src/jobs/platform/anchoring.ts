import fs from "node:fs/promises";
import { sql } from "drizzle-orm";
import { chainHeads } from "../../db/audit-chain.ts";
import type { Db, DbOrTx } from "../../db/database.ts";
import type { AuditAnchor } from "../../domain/platform/audit-anchor.ts";

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

// Any instance may anchor; the lock makes one do it at a time.
export const ANCHOR_LOCK = 7_351_003;

/** One scheduled anchoring (the audit-anchor job): null when another run holds the lock. */
export function anchorUnderLock(db: Db, file: string): Promise<AuditAnchor | null> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${ANCHOR_LOCK}) AS locked`,
    );
    if (!lock.rows[0]?.locked) return null;
    return appendAuditAnchor(tx, file);
  });
}
