import { DEFAULT_INSTRUMENT } from "../../domain/profile/default-instrument.ts";
import type { DbOrTx } from "../database.ts";
import { profileInstruments } from "../schema/profile.ts";

/**
 * The built-in CTC-type instrument (no organisation). Idempotent and safe when several
 * instances start at once: the unique index on (organisation, key, version) makes a second
 * insert a no-op.
 */
export async function ensureProfileReferenceData(db: DbOrTx): Promise<void> {
  await db
    .insert(profileInstruments)
    .values({
      organisationId: null,
      key: DEFAULT_INSTRUMENT.id,
      version: DEFAULT_INSTRUMENT.version,
      name: DEFAULT_INSTRUMENT.name,
      definition: DEFAULT_INSTRUMENT,
    })
    .onConflictDoNothing();
}
