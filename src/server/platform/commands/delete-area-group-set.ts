import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { areaGroupSets } from "../../../db/schema/platform.ts";
import { ConflictError } from "../../plugins/errors.ts";
import { lockSet, STALE_SET } from "./area-group-guards.ts";

export async function deleteAreaGroupSet(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
  version: number,
) {
  return db.transaction(async (tx) => {
    const current = await lockSet(tx, id);
    if (current.version !== version) throw new ConflictError(STALE_SET, "stale_version");
    // Groups and their members go with the set (ON DELETE CASCADE).
    await tx.delete(areaGroupSets).where(eq(areaGroupSets.id, id));
    await recordAudit(tx, audit, {
      action: "areaGroupSet.delete",
      subjectType: "area_group_set",
      subjectId: id,
      organisationId: current.municipalityId,
      details: { name: current.name, kind: current.kind },
    });
  });
}
