import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "../../../db/database.ts";
import { areaGroupSets, areaGroups } from "../../../db/schema/platform.ts";
import { ConflictError, NotFoundError } from "../../plugins/errors.ts";

/** Locks and name checks shared by the area-group commands. */
export const STALE_SET = "Någon annan har ändrat indelningen. Ladda om och försök igen.";
export const STALE_GROUP = "Någon annan har ändrat gruppen. Ladda om och försök igen.";

/** The set, locked: changes to one set's groups and members run one at a time. */
export async function lockSet(tx: Tx, id: string) {
  const [set] = await tx.select().from(areaGroupSets).where(eq(areaGroupSets.id, id)).for("update");
  if (!set) throw new NotFoundError("Indelningen finns inte.");
  return set;
}

export async function lockGroup(tx: Tx, id: string) {
  const [group] = await tx.select().from(areaGroups).where(eq(areaGroups.id, id));
  if (!group) throw new NotFoundError("Gruppen finns inte.");
  const set = await lockSet(tx, group.groupSetId);
  const [locked] = await tx.select().from(areaGroups).where(eq(areaGroups.id, id)).for("update");
  if (!locked) throw new NotFoundError("Gruppen finns inte.");
  return { group: locked, set };
}

export async function assertSetNameFree(
  tx: Tx,
  municipalityId: string,
  name: string,
  except?: string,
) {
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

export async function assertGroupNameFree(tx: Tx, setId: string, name: string, except?: string) {
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
