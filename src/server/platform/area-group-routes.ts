import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/database.ts";
import {
  AreaGroupCreateSchema,
  AreaGroupMembersSchema,
  AreaGroupSchema,
  AreaGroupSetCreateSchema,
  AreaGroupSetListSchema,
  AreaGroupSetSchema,
  AreaGroupSetUpdateSchema,
  AreaGroupUpdateSchema,
  VersionQuerySchema,
} from "../../domain/platform/area-groups.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import { can } from "../plugins/access.ts";
import { BadRequestError, NotFoundError } from "../plugins/errors.ts";
import { type RouteInput, route } from "../plugins/route.ts";
import {
  findAreaGroupSetTarget,
  findAreaGroupTarget,
  organisationKind,
  readAreaGroupSets,
} from "./area-group-queries.ts";
import { createAreaGroup } from "./commands/create-area-group.ts";
import { createAreaGroupSet } from "./commands/create-area-group-set.ts";
import { deleteAreaGroup } from "./commands/delete-area-group.ts";
import { deleteAreaGroupSet } from "./commands/delete-area-group-set.ts";
import { setAreaGroupMembers } from "./commands/set-area-group-members.ts";
import { updateAreaGroup } from "./commands/update-area-group.ts";
import { updateAreaGroupSet } from "./commands/update-area-group-set.ts";
import { presentAreaGroup, presentAreaGroupSet } from "./presenters.ts";

const tags = ["area groups"];
const Ok = z.object({ ok: z.literal(true) });
const manage = { permission: "organisation.manage" as const };
type IdInput = RouteInput<{ params: typeof IdParamsSchema }>;

async function presentedSets(db: DbOrTx, where: { municipalityId: string } | { setId: string }) {
  return (await readAreaGroupSets(db, where)).map(({ set, groups }) =>
    presentAreaGroupSet(
      set,
      groups.map(({ group, areaIds }) => presentAreaGroup(group, areaIds)),
    ),
  );
}

async function oneSet(db: DbOrTx, id: string) {
  const [set] = await presentedSets(db, { setId: id });
  if (!set) throw new NotFoundError("Indelningen finns inte.");
  return set;
}

async function oneGroup(db: DbOrTx, id: string, setId: string) {
  const group = (await oneSet(db, setId)).groups.find((g) => g.id === id);
  if (!group) throw new NotFoundError("Gruppen finns inte.");
  return group;
}

/** A set, by the municipality whose areas it groups (404 when there is none). */
const setTarget = {
  load: ({ db, params }: IdInput) => findAreaGroupSetTarget(db, params.id),
  notFound: "Indelningen finns inte.",
  authorize: { action: "areaGroup.manage" as const },
};

/** A group, by its set's municipality (404 when there is none). */
const groupTarget = {
  load: ({ db, params }: IdInput) => findAreaGroupTarget(db, params.id),
  notFound: "Gruppen finns inte.",
  authorize: { action: "areaGroup.manage" as const },
};

export function registerAreaGroupRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: "/api/organisations/:id/area-group-sets",
    summary: "List an organisation's area group sets",
    description:
      "The ways an organisation divides its area into groups (e.g. school districts), with their groups and members.",
    access: { permission: "organisation.read" },
    schema: { tags, params: IdParamsSchema, response: { 200: AreaGroupSetListSchema } },
    authorize: {
      action: "areaGroup.read",
      target: ({ params }) => ({ municipalityId: params.id }),
    },
    run: async ({ db, ctx, params }) => {
      const municipalityId = params.id;
      const kind = await organisationKind(db, municipalityId);
      if (!kind) throw new NotFoundError("Organisationen finns inte.");
      if (kind !== "municipality") {
        throw new BadRequestError("Områdesindelningar hör till en kommun.", [
          { path: "params.id", message: "Ange en kommun." },
        ]);
      }
      return {
        sets: await presentedSets(db, { municipalityId }),
        abilities: { manage: await can(ctx, "areaGroup.manage", { municipalityId }) },
      };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/organisations/:id/area-group-sets",
    summary: "Create an area group set",
    access: manage,
    schema: {
      tags,
      params: IdParamsSchema,
      body: AreaGroupSetCreateSchema,
      response: { 201: AreaGroupSetSchema },
    },
    status: 201,
    authorize: {
      action: "areaGroup.manage",
      target: ({ params }) => ({ municipalityId: params.id }),
    },
    run: async ({ db, audit, params, body }) => {
      const created = await createAreaGroupSet(db, audit, params.id, body);
      return oneSet(db, created.id);
    },
  });

  route(app, deps, {
    method: "PATCH",
    url: "/api/area-group-sets/:id",
    summary: "Rename or describe an area group set",
    access: manage,
    schema: {
      tags,
      params: IdParamsSchema,
      body: AreaGroupSetUpdateSchema,
      response: { 200: AreaGroupSetSchema },
    },
    ...setTarget,
    run: async ({ db, audit, params, body }) => {
      await updateAreaGroupSet(db, audit, params.id, body);
      return oneSet(db, params.id);
    },
  });

  route(app, deps, {
    method: "DELETE",
    url: "/api/area-group-sets/:id",
    summary: "Delete an area group set",
    description: "Deletes the set with its groups.",
    access: manage,
    schema: {
      tags,
      params: IdParamsSchema,
      querystring: VersionQuerySchema,
      response: { 200: Ok },
    },
    ...setTarget,
    run: async ({ db, audit, params, query }) => {
      await deleteAreaGroupSet(db, audit, params.id, query.version);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/area-group-sets/:id/groups",
    summary: "Add a group to an area group set",
    access: manage,
    schema: {
      tags,
      params: IdParamsSchema,
      body: AreaGroupCreateSchema,
      response: { 201: AreaGroupSchema },
    },
    status: 201,
    ...setTarget,
    run: async ({ db, audit, params, body }) =>
      presentAreaGroup(await createAreaGroup(db, audit, params.id, body), []),
  });

  route(app, deps, {
    method: "PATCH",
    url: "/api/area-groups/:id",
    summary: "Rename an area group",
    access: manage,
    schema: {
      tags,
      params: IdParamsSchema,
      body: AreaGroupUpdateSchema,
      response: { 200: AreaGroupSchema },
    },
    ...groupTarget,
    run: async ({ db, audit, params, body, target }) => {
      await updateAreaGroup(db, audit, params.id, body);
      return oneGroup(db, params.id, target.groupSetId);
    },
  });

  route(app, deps, {
    method: "DELETE",
    url: "/api/area-groups/:id",
    summary: "Delete an area group",
    access: manage,
    schema: {
      tags,
      params: IdParamsSchema,
      querystring: VersionQuerySchema,
      response: { 200: Ok },
    },
    ...groupTarget,
    run: async ({ db, audit, params, query }) => {
      await deleteAreaGroup(db, audit, params.id, query.version);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: "PUT",
    url: "/api/area-groups/:id/members",
    summary: "Set an area group's members",
    description: "Replaces the group's members with the ones given.",
    access: manage,
    schema: {
      tags,
      params: IdParamsSchema,
      body: AreaGroupMembersSchema,
      response: { 200: AreaGroupSchema },
    },
    ...groupTarget,
    run: async ({ db, audit, params, body, target }) => {
      await setAreaGroupMembers(db, audit, params.id, body.areaIds);
      return oneGroup(db, params.id, target.groupSetId);
    },
  });
}
