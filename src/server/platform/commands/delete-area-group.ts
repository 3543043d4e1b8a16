import { eq } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { areaGroups } from "../../../db/schema/platform.ts";
import { ConflictError } from "../../plugins/errors.ts";
import { lockGroup, STALE_GROUP } from "./area-group-guards.ts";

export async function deleteAreaGroup(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
  version: number,
) {
  return db.transaction(async (tx) => {
    const { group, set } = await lockGroup(tx, id);
    if (group.version !== version) throw new ConflictError(STALE_GROUP, "stale_version");
    await tx.delete(areaGroups).where(eq(areaGroups.id, id));
    await recordAudit(tx, audit, {
      action: "areaGroup.delete",
      subjectType: "area_group",
      subjectId: id,
      organisationId: set.municipalityId,
      details: { name: group.name, groupSetId: set.id },
    });
  });
}
