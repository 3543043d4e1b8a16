import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Db } from "../../../db/database.ts";
import { clearStaged } from "../../../db/profile-staging.ts";
import { deleteUpload } from "../../../db/profile-uploads.ts";
import { profileImports } from "../../../db/schema/profile.ts";
import type { JobQueue } from "../../../jobs/queue.ts";
import { ConflictError } from "../../plugins/errors.ts";
import type { ImportRow } from "../queries.ts";

/**
 * Stops an import before it is confirmed: its job is cancelled, its staged rows and its file
 * removed. The wave keeps the data it had.
 */
export async function cancelImport(
  db: Db,
  jobs: JobQueue,
  audit: AuditContext,
  target: ImportRow & { organisationId: string },
): Promise<void> {
  if (target.state === "done" || target.state === "cancelled") {
    throw new ConflictError("Importen är redan avslutad.");
  }
  if (target.jobId && target.state === "validating") await jobs.cancel(target.jobId, audit);
  await db.transaction(async (tx) => {
    await tx
      .update(profileImports)
      .set({ state: "cancelled", updatedAt: new Date() })
      .where(eq(profileImports.id, target.id));
    await recordAudit(tx, audit, {
      action: "profile.import.cancel",
      subjectType: "profile_import",
      subjectId: target.id,
      organisationId: target.organisationId,
    });
  });
  await clearStaged(db, target.id);
  await deleteUpload(db, target.id);
}
