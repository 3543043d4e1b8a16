import { DEFAULT_GUIDE } from "../../domain/readiness/guide.ts";
import type { DbOrTx } from "../database.ts";
import { readinessGuides } from "../schema/readiness.ts";

/**
 * The built-in interview guide (no organisation). Idempotent and safe when several instances
 * start at once: the unique index on (organisation, key, version) turns a second insert into a
 * no-op instead of an error.
 */
export async function ensureReadinessReferenceData(db: DbOrTx): Promise<void> {
  await db
    .insert(readinessGuides)
    .values({
      organisationId: null,
      key: DEFAULT_GUIDE.key,
      version: DEFAULT_GUIDE.version,
      title: DEFAULT_GUIDE.title,
      questions: DEFAULT_GUIDE.questions,
    })
    .onConflictDoNothing();
}
