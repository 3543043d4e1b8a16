import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { areaGroupSets } from "../../../db/schema/platform.ts";
import type { AreaGroupSetUpdateSchema } from "../../../domain/platform/area-groups.ts";
import { ConflictError } from "../../plugins/errors.ts";
import { assertSetNameFree, lockSet, STALE_SET } from "./area-group-guards.ts";

export async function updateAreaGroupSet(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
  input: z.infer<typeof AreaGroupSetUpdateSchema>,
) {
  return db.transaction(async (tx) => {
    const current = await lockSet(tx, id);
    if (current.version !== input.version) throw new ConflictError(STALE_SET, "stale_version");
    if (input.name) await assertSetNameFree(tx, current.municipalityId, input.name, id);
    const { version: _version, ...fields } = input;
    const [updated] = await tx
      .update(areaGroupSets)
      .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
      .where(eq(areaGroupSets.id, id))
      .returning();
    await recordAudit(tx, audit, {
      action: "areaGroupSet.update",
      subjectType: "area_group_set",
      subjectId: id,
      organisationId: current.municipalityId,
      details: { changes: input },
    });
    return updated!;
  });
}
