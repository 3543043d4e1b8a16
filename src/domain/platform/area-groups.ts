import { z } from "zod";
import { nameText, noteText, PG_INT_MAX, VersionSchema } from "../shared/schemas.ts";
import { AREA_TYPES } from "./organisations.ts";

/**
 * Area group sets: ways of grouping a municipality's areas, several at once (districts, school
 * catchments, DeSO/RegSO), as DHIS2's organisation-unit group sets do. An area is in at most one
 * group per set; aggregates are reported per set.
 */

/** A set's kind says how it cuts the areas: the same list as an area's type. */
export const AREA_GROUP_SET_KINDS = AREA_TYPES;

const name = nameText(200);

export const AreaGroupSetCreateSchema = z.strictObject({
  name: name.describe("Name of the grouping, e.g. Skolupptagningsområden"),
  kind: z.enum(AREA_GROUP_SET_KINDS).describe("How the grouping cuts the areas"),
  description: noteText(2000).optional().describe("What the grouping is used for"),
});

export const AreaGroupSetUpdateSchema = z.strictObject({
  name: name.optional(),
  kind: z.enum(AREA_GROUP_SET_KINDS).optional(),
  description: noteText(2000).nullable().optional(),
  version: VersionSchema,
});

export const AreaGroupCreateSchema = z.strictObject({
  name: name.describe("Name of the group within its set, e.g. Norra upptagningsområdet"),
});

export const AreaGroupUpdateSchema = z.strictObject({
  name: name.optional(),
  version: VersionSchema,
});

export const VersionQuerySchema = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(PG_INT_MAX)
    .describe("The version the deletion was decided from (optimistic locking)"),
});

export const AreaGroupMembersSchema = z.strictObject({
  areaIds: z
    .array(z.uuid())
    .max(2000)
    .refine((ids) => new Set(ids).size === ids.length, "Samma område får bara anges en gång.")
    .describe("Every area of the group: areas under the set's municipality, replacing the list"),
});

export const AreaGroupSchema = z.object({
  id: z.uuid(),
  groupSetId: z.uuid(),
  name: z.string(),
  version: z.number().int(),
  areaIds: z.array(z.uuid()).describe("The group's member areas"),
});

export const AreaGroupSetSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid().describe("The municipality whose areas the set groups"),
  name: z.string(),
  kind: z.enum(AREA_GROUP_SET_KINDS),
  description: z.string().nullable(),
  version: z.number().int(),
  groups: z.array(AreaGroupSchema).describe("Groups of the set, by name"),
});

export const AreaGroupSetListSchema = z.object({
  sets: z.array(AreaGroupSetSchema).describe("The municipality's group sets, by name"),
  abilities: z
    .object({ manage: z.boolean() })
    .describe("Whether the caller may create and change the municipality's group sets"),
});

export type AreaGroupSet = z.infer<typeof AreaGroupSetSchema>;
export type AreaGroup = z.infer<typeof AreaGroupSchema>;
