import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { areaGroups } from "../../../db/schema/platform.ts";
import type { AreaGroupUpdateSchema } from "../../../domain/platform/area-groups.ts";
import { ConflictError } from "../../plugins/errors.ts";
import { assertGroupNameFree, lockGroup, STALE_GROUP } from "./area-group-guards.ts";

export async function updateAreaGroup(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
  input: z.infer<typeof AreaGroupUpdateSchema>,
) {
  return db.transaction(async (tx) => {
    const { group, set } = await lockGroup(tx, id);
    if (group.version !== input.version) throw new ConflictError(STALE_GROUP, "stale_version");
    if (input.name) await assertGroupNameFree(tx, set.id, input.name, id);
    const { version: _version, ...fields } = input;
    const [updated] = await tx
      .update(areaGroups)
      .set({ ...fields, version: group.version + 1, updatedAt: new Date() })
      .where(eq(areaGroups.id, id))
      .returning();
    await recordAudit(tx, audit, {
      action: "areaGroup.update",
      subjectType: "area_group",
      subjectId: id,
      organisationId: set.municipalityId,
      details: { changes: input, groupSetId: set.id },
    });
    return updated!;
  });
}
