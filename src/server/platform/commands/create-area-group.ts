import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { areaGroups } from "../../../db/schema/platform.ts";
import type { AreaGroupCreateSchema } from "../../../domain/platform/area-groups.ts";
import { assertGroupNameFree, lockSet } from "./area-group-guards.ts";

export async function createAreaGroup(
  db: DbOrTx,
  audit: AuditContext,
  setId: string,
  input: z.infer<typeof AreaGroupCreateSchema>,
) {
  return db.transaction(async (tx) => {
    const set = await lockSet(tx, setId);
    await assertGroupNameFree(tx, setId, input.name);
    const [created] = await tx
      .insert(areaGroups)
      .values({ groupSetId: setId, name: input.name })
      .returning();
    await recordAudit(tx, audit, {
      action: "areaGroup.create",
      subjectType: "area_group",
      subjectId: created!.id,
      organisationId: set.municipalityId,
      details: { name: created!.name, groupSetId: setId },
    });
    return created!;
  });
}
