import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import {
  areaGroupMembers,
  areaGroupSets,
  areaGroups,
  organisations,
} from "../../db/schema/platform.ts";

/** Group sets of a municipality (or the one set asked for), each with its groups' areas. */
export async function readAreaGroupSets(
  db: DbOrTx,
  where: { municipalityId: string } | { setId: string },
) {
  const sets = await db
    .select()
    .from(areaGroupSets)
    .where(
      "setId" in where
        ? eq(areaGroupSets.id, where.setId)
        : eq(areaGroupSets.municipalityId, where.municipalityId),
    )
    .orderBy(asc(areaGroupSets.name));
  if (sets.length === 0) return [];
  const setIds = sets.map((s) => s.id);
  const groups = await db
    .select()
    .from(areaGroups)
    .where(inArray(areaGroups.groupSetId, setIds))
    .orderBy(asc(areaGroups.name));
  const members = await db
    .select({ groupId: areaGroupMembers.groupId, areaId: areaGroupMembers.areaId })
    .from(areaGroupMembers)
    .innerJoin(organisations, eq(organisations.id, areaGroupMembers.areaId))
    .where(inArray(areaGroupMembers.groupSetId, setIds))
    .orderBy(asc(organisations.name));
  return sets.map((set) => ({
    set,
    groups: groups
      .filter((g) => g.groupSetId === set.id)
      .map((group) => ({
        group,
        areaIds: members.filter((m) => m.groupId === group.id).map((m) => m.areaId),
      })),
  }));
}

/** The municipality a set belongs to: what the policy asks about. */
export async function findAreaGroupSetTarget(db: DbOrTx, id: string) {
  const [set] = await db
    .select({ municipalityId: areaGroupSets.municipalityId })
    .from(areaGroupSets)
    .where(eq(areaGroupSets.id, id));
  return set;
}

/** The municipality and set a group belongs to. */
export async function findAreaGroupTarget(db: DbOrTx, id: string) {
  const [group] = await db
    .select({ municipalityId: areaGroupSets.municipalityId, groupSetId: areaGroups.groupSetId })
    .from(areaGroups)
    .innerJoin(areaGroupSets, eq(areaGroupSets.id, areaGroups.groupSetId))
    .where(eq(areaGroups.id, id));
  return group;
}

export async function organisationKind(db: DbOrTx, id: string) {
  const [org] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, id));
  return org?.kind;
}
