import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import { type Db, type Tx, uuidArray } from "../../../db/database.ts";
import {
  areaGroupMembers,
  areaGroupSets,
  areaGroups,
  organisations,
} from "../../../db/schema/platform.ts";
import type {
  AreaGroupCreateSchema,
  AreaGroupSetCreateSchema,
  AreaGroupSetUpdateSchema,
  AreaGroupUpdateSchema,
} from "../../../domain/platform/area-groups.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../plugins/errors.ts";

const STALE_SET = "Någon annan har ändrat indelningen. Ladda om och försök igen.";
const STALE_GROUP = "Någon annan har ändrat gruppen. Ladda om och försök igen.";

/** The set, locked: changes to one set's groups and members run one at a time. */
async function lockSet(tx: Tx, id: string) {
  const [set] = await tx.select().from(areaGroupSets).where(eq(areaGroupSets.id, id)).for("update");
  if (!set) throw new NotFoundError("Indelningen finns inte.");
  return set;
}

async function lockGroup(tx: Tx, id: string) {
  const [group] = await tx.select().from(areaGroups).where(eq(areaGroups.id, id));
  if (!group) throw new NotFoundError("Gruppen finns inte.");
  const set = await lockSet(tx, group.groupSetId);
  const [locked] = await tx.select().from(areaGroups).where(eq(areaGroups.id, id)).for("update");
  if (!locked) throw new NotFoundError("Gruppen finns inte.");
  return { group: locked, set };
}

async function assertSetNameFree(tx: Tx, municipalityId: string, name: string, except?: string) {
  const [taken] = await tx
    .select({ id: areaGroupSets.id })
    .from(areaGroupSets)
    .where(
      and(
        eq(areaGroupSets.municipalityId, municipalityId),
        sql`lower(${areaGroupSets.name}) = lower(${name})`,
        except ? ne(areaGroupSets.id, except) : undefined,
      ),
    );
  if (taken)
    throw new ConflictError(`Kommunen har redan en indelning som heter ${name}.`, "duplicate");
}

async function assertGroupNameFree(tx: Tx, setId: string, name: string, except?: string) {
  const [taken] = await tx
    .select({ id: areaGroups.id })
    .from(areaGroups)
    .where(
      and(
        eq(areaGroups.groupSetId, setId),
        sql`lower(${areaGroups.name}) = lower(${name})`,
        except ? ne(areaGroups.id, except) : undefined,
      ),
    );
  if (taken)
    throw new ConflictError(`Indelningen har redan en grupp som heter ${name}.`, "duplicate");
}

export async function createAreaGroupSet(
  db: Db,
  audit: AuditContext,
  municipalityId: string,
  input: z.infer<typeof AreaGroupSetCreateSchema>,
) {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, municipalityId));
    if (!org) throw new NotFoundError("Organisationen finns inte.");
    if (org.kind !== "municipality") {
      throw new BadRequestError("Områdesindelningar hör till en kommun.", [
        { path: "params.id", message: "Ange en kommun." },
      ]);
    }
    await assertSetNameFree(tx, municipalityId, input.name);
    const [created] = await tx
      .insert(areaGroupSets)
      .values({
        municipalityId,
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: "areaGroupSet.create",
      subjectType: "area_group_set",
      subjectId: created!.id,
      organisationId: municipalityId,
      details: { name: created!.name, kind: created!.kind },
    });
    return created!;
  });
}

export async function updateAreaGroupSet(
  db: Db,
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

export async function deleteAreaGroupSet(db: Db, audit: AuditContext, id: string, version: number) {
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

export async function createAreaGroup(
  db: Db,
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

export async function updateAreaGroup(
  db: Db,
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

export async function deleteAreaGroup(db: Db, audit: AuditContext, id: string, version: number) {
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

/**
 * Replaces a group's areas. Each must be an area under the set's municipality (400, naming the
 * field), and none may already be in another group of the same set (409).
 */
export async function setAreaGroupMembers(
  db: Db,
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
