import { eq, sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import { type DbOrTx, uuidArray } from "../../../db/database.ts";
import { areaGroupMembers } from "../../../db/schema/platform.ts";
import { BadRequestError, ConflictError } from "../../plugins/errors.ts";
import { lockGroup } from "./area-group-guards.ts";

/**
 * Replaces a group's areas. Each must be an area under the set's municipality (400, naming the
 * field), and none may already be in another group of the same set (409).
 */
export async function setAreaGroupMembers(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
  areaIds: string[],
) {
  return db.transaction(async (tx) => {
    const { group, set } = await lockGroup(tx, id);
    const inMunicipality = await tx.execute<{ id: string }>(sql`
      WITH RECURSIVE tree AS (
        SELECT id, kind FROM platform.organisations WHERE parent_id = ${set.municipalityId}
        UNION
        SELECT o.id, o.kind FROM platform.organisations o JOIN tree t ON o.parent_id = t.id
      ) SELECT id FROM tree WHERE kind = 'area' AND id = ANY(${uuidArray(areaIds)})`);
    const valid = new Set(inMunicipality.rows.map((r) => r.id));
    const outside = areaIds.flatMap((areaId, i) =>
      valid.has(areaId)
        ? []
        : [{ path: `areaIds.${i}`, message: "Inget område i indelningens kommun." }],
    );
    if (outside.length > 0) {
      throw new BadRequestError("Bara områden i kommunen kan ingå i en grupp.", outside);
    }
    const taken = await tx.execute<{ area: string; group: string }>(sql`
      SELECT o.name AS area, g.name AS group
      FROM platform.area_group_members m
      JOIN platform.area_groups g ON g.id = m.group_id
      JOIN platform.organisations o ON o.id = m.area_id
      WHERE m.group_set_id = ${set.id} AND m.group_id <> ${id}
        AND m.area_id = ANY(${uuidArray(areaIds)})
      ORDER BY o.name`);
    if (taken.rows.length > 0) {
      const list = taken.rows.map((r) => `${r.area} (${r.group})`).join(", ");
      throw new ConflictError(
        `Ett område kan bara ingå i en grupp per indelning. Redan i en annan grupp i ${set.name}: ${list}.`,
        "area_in_other_group",
      );
    }
    const before = await tx
      .select({ areaId: areaGroupMembers.areaId })
      .from(areaGroupMembers)
      .where(eq(areaGroupMembers.groupId, id));
    const previous = new Set(before.map((r) => r.areaId));
    const next = new Set(areaIds);
    await tx.delete(areaGroupMembers).where(eq(areaGroupMembers.groupId, id));
    if (areaIds.length > 0) {
      await tx
        .insert(areaGroupMembers)
        .values(areaIds.map((areaId) => ({ groupId: id, groupSetId: set.id, areaId })));
    }
    await recordAudit(tx, audit, {
      action: "areaGroup.members",
      subjectType: "area_group",
      subjectId: id,
      organisationId: set.municipalityId,
      details: {
        name: group.name,
        groupSetId: set.id,
        added: areaIds.filter((a) => !previous.has(a)),
        removed: [...previous].filter((a) => !next.has(a)),
      },
    });
  });
}
