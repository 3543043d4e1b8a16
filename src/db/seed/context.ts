import type { Tx } from "../database.ts";

/**
 * What one context's demo seed gets besides the seed's transaction. Seeds run in list order
 * (src/db/seed/demo.ts), so a later context reads what an earlier one put here.
 */
export interface DemoSeedContext {
  /** Demo organisation key (see demo-organisations.ts) → id; the platform seed fills it. */
  readonly orgIds: Map<string, string>;
}

/** One context's demo data, written in the transaction of the whole demo seed. */
export type DemoSeed = (tx: Tx, ctx: DemoSeedContext) => Promise<void>;
