import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Db } from "../../../db/database.ts";
import { profileImports } from "../../../db/schema/profile.ts";
import type { Mapping } from "../../../domain/profile/schemas.ts";
import type { JobQueue } from "../../../jobs/queue.ts";
import { ConflictError } from "../../plugins/errors.ts";
import type { ImportRow } from "../queries.ts";

/**
 * Saves the mapping and starts the job that reads, validates and stages the whole file. A new
 * mapping after a validation starts over; a running validation must be cancelled first.
 */
export async function mapImport(
  db: Db,
  jobs: JobQueue,
  audit: AuditContext,
  target: ImportRow & { organisationId: string },
  mapping: Mapping,
): Promise<void> {
  if (target.state !== "uploaded" && target.state !== "validated") {
    throw new ConflictError("Importen kan inte kopplas om nu.");
  }
  await db.transaction(async (tx) => {
    await tx
      .update(profileImports)
      .set({ mapping, state: "validating", jobId: null, updatedAt: new Date() })
      .where(eq(profileImports.id, target.id));
    await recordAudit(tx, audit, {
      action: "profile.import.map",
      subjectType: "profile_import",
      subjectId: target.id,
      organisationId: target.organisationId,
    });
  });
  const jobId = await jobs.enqueue("profile.import", { importId: target.id }, audit, {
    organisationId: target.organisationId,
  });
  await db.update(profileImports).set({ jobId }).where(eq(profileImports.id, target.id));
}
