import { asc, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import {
  areaGroupMembers,
  areaGroupSets,
  areaGroups,
  organisations,
} from "../../db/schema/platform.ts";
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
import { accessContextOf, authorize, can } from "../plugins/access.ts";
import { auditContextOf } from "../plugins/audit.ts";
import { BadRequestError, NotFoundError } from "../plugins/errors.ts";
import {
  createAreaGroup,
  createAreaGroupSet,
  deleteAreaGroup,
  deleteAreaGroupSet,
  setAreaGroupMembers,
  updateAreaGroup,
  updateAreaGroupSet,
} from "./commands/save-area-groups.ts";
import { presentAreaGroup, presentAreaGroupSet } from "./presenters.ts";

const tags = ["area groups"];
const Ok = z.object({ ok: z.literal(true) });
const manage = { access: { permission: "organisation.manage" as const } };

/** Group sets of a municipality (or the one set asked for), each with its groups and areas. */
async function loadSets(db: Db, where: { municipalityId: string } | { setId: string }) {
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
  return sets.map((set) =>
    presentAreaGroupSet(
      set,
      groups
        .filter((g) => g.groupSetId === set.id)
        .map((g) =>
          presentAreaGroup(
            g,
            members.filter((m) => m.groupId === g.id).map((m) => m.areaId),
          ),
        ),
    ),
  );
}

export function registerAreaGroupRoutes(fastify: FastifyInstance, deps: { db: Db }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  async function setTarget(id: string) {
    const [set] = await db
      .select({ municipalityId: areaGroupSets.municipalityId })
      .from(areaGroupSets)
      .where(eq(areaGroupSets.id, id));
    if (!set) throw new NotFoundError("Indelningen finns inte.");
    return set;
  }

  async function groupTarget(id: string) {
    const [group] = await db
      .select({ municipalityId: areaGroupSets.municipalityId, groupSetId: areaGroups.groupSetId })
      .from(areaGroups)
      .innerJoin(areaGroupSets, eq(areaGroupSets.id, areaGroups.groupSetId))
      .where(eq(areaGroups.id, id));
    if (!group) throw new NotFoundError("Gruppen finns inte.");
    return group;
  }

  async function oneSet(id: string) {
    const [set] = await loadSets(db, { setId: id });
    if (!set) throw new NotFoundError("Indelningen finns inte.");
    return set;
  }

  async function oneGroup(id: string, setId: string) {
    const group = (await oneSet(setId)).groups.find((g) => g.id === id);
    if (!group) throw new NotFoundError("Gruppen finns inte.");
    return group;
  }

  app.get(
    "/api/organisations/:id/area-group-sets",
    {
      config: { access: { permission: "organisation.read" } },
      schema: { tags, params: IdParamsSchema, response: { 200: AreaGroupSetListSchema } },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      const municipalityId = request.params.id;
      await authorize(ctx, "areaGroup.read", { municipalityId });
      const [org] = await db
        .select({ kind: organisations.kind })
        .from(organisations)
        .where(eq(organisations.id, municipalityId));
      if (!org) throw new NotFoundError("Organisationen finns inte.");
      if (org.kind !== "municipality") {
        throw new BadRequestError("Områdesindelningar hör till en kommun.", [
          { path: "params.id", message: "Ange en kommun." },
        ]);
      }
      return {
        sets: await loadSets(db, { municipalityId }),
        abilities: { manage: await can(ctx, "areaGroup.manage", { municipalityId }) },
      };
    },
  );

  app.post(
    "/api/organisations/:id/area-group-sets",
    {
      config: manage,
      schema: {
        tags,
        params: IdParamsSchema,
        body: AreaGroupSetCreateSchema,
        response: { 201: AreaGroupSetSchema },
      },
    },
    async (request, reply) => {
      const municipalityId = request.params.id;
      await authorize(accessContextOf(request, db), "areaGroup.manage", { municipalityId });
      const created = await createAreaGroupSet(
        db,
        auditContextOf(request),
        municipalityId,
        request.body,
      );
      return reply.status(201).send(await oneSet(created.id));
    },
  );

  app.patch(
    "/api/area-group-sets/:id",
    {
      config: manage,
      schema: {
        tags,
        params: IdParamsSchema,
        body: AreaGroupSetUpdateSchema,
        response: { 200: AreaGroupSetSchema },
      },
    },
    async (request) => {
      const target = await setTarget(request.params.id);
      await authorize(accessContextOf(request, db), "areaGroup.manage", target);
      await updateAreaGroupSet(db, auditContextOf(request), request.params.id, request.body);
      return oneSet(request.params.id);
    },
  );

  app.delete(
    "/api/area-group-sets/:id",
    {
      config: manage,
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const target = await setTarget(request.params.id);
      await authorize(accessContextOf(request, db), "areaGroup.manage", target);
      await deleteAreaGroupSet(
        db,
        auditContextOf(request),
        request.params.id,
        request.query.version,
      );
      return { ok: true as const };
    },
  );

  app.post(
    "/api/area-group-sets/:id/groups",
    {
      config: manage,
      schema: {
        tags,
        params: IdParamsSchema,
        body: AreaGroupCreateSchema,
        response: { 201: AreaGroupSchema },
      },
    },
    async (request, reply) => {
      const target = await setTarget(request.params.id);
      await authorize(accessContextOf(request, db), "areaGroup.manage", target);
      const created = await createAreaGroup(
        db,
        auditContextOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(presentAreaGroup(created, []));
    },
  );

  app.patch(
    "/api/area-groups/:id",
    {
      config: manage,
      schema: {
        tags,
        params: IdParamsSchema,
        body: AreaGroupUpdateSchema,
        response: { 200: AreaGroupSchema },
      },
    },
    async (request) => {
      const target = await groupTarget(request.params.id);
      await authorize(accessContextOf(request, db), "areaGroup.manage", target);
      await updateAreaGroup(db, auditContextOf(request), request.params.id, request.body);
      return oneGroup(request.params.id, target.groupSetId);
    },
  );

  app.delete(
    "/api/area-groups/:id",
    {
      config: manage,
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const target = await groupTarget(request.params.id);
      await authorize(accessContextOf(request, db), "areaGroup.manage", target);
      await deleteAreaGroup(db, auditContextOf(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );

  app.put(
    "/api/area-groups/:id/members",
    {
      config: manage,
      schema: {
        tags,
        params: IdParamsSchema,
        body: AreaGroupMembersSchema,
        response: { 200: AreaGroupSchema },
      },
    },
    async (request) => {
      const target = await groupTarget(request.params.id);
      await authorize(accessContextOf(request, db), "areaGroup.manage", target);
      await setAreaGroupMembers(
        db,
        auditContextOf(request),
        request.params.id,
        request.body.areaIds,
      );
      return oneGroup(request.params.id, target.groupSetId);
    },
  );
}
