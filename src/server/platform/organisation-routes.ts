import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import {
  IdParamsSchema,
  MunicipalityRefQuerySchema,
  MunicipalityRefSchema,
  OrganisationCreateSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
} from "../../domain/platform/schemas.ts";
import { can } from "../plugins/access.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { route } from "../plugins/route.ts";
import { type CachedJson, cachedJson, sendCachedJson } from "./cached-json.ts";
import { createOrganisation } from "./commands/create-organisation.ts";
import { updateOrganisation } from "./commands/update-organisation.ts";
import { presentOrganisation } from "./presenters.ts";
import {
  inSet,
  type OrganisationSnapshot,
  type OrgIdSet,
  organisationReader,
  readMunicipalityRefs,
  readOrganisationSnapshot,
  readOrganisations,
  searchMunicipalityRefs,
} from "./queries.ts";

const tags = ["organisations"];

export function registerOrganisationRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const readOrganisation = organisationReader(db);

  // With the cache on, organisations are read from the in-memory snapshot: the tree is small,
  // read on nearly every page and changed rarely, and the snapshot is dropped on every change.
  async function snapshot(request: FastifyRequest) {
    const cache = request.server.authCache;
    if (!cache?.active) return undefined;
    const cached = cache.getOrganisations();
    if (cached) return cached;
    return cache.coalesce("organisations", async () => {
      const version = cache.version;
      const fresh = await readOrganisationSnapshot(db);
      cache.setOrganisations(fresh, version);
      return fresh;
    });
  }

  async function loadOrganisation(request: FastifyRequest, id: string) {
    const org = (await snapshot(request))?.get(id) ?? (await readOrganisation(id));
    if (!org) throw new NotFoundError("Organisationen finns inte.");
    return org;
  }

  // SCB's municipalities come with the migrations and the runtime role cannot change them: read
  // once, then searched and sent from memory.
  const MunicipalityRefList = z.array(MunicipalityRefSchema);
  let refs: Promise<{ all: z.infer<typeof MunicipalityRefSchema>[]; json: CachedJson }> | undefined;
  function municipalityRefs() {
    refs ??= readMunicipalityRefs(db).then((all) => ({
      all,
      json: cachedJson(MunicipalityRefList, all),
    }));
    // A failed read is tried again by the next request.
    refs.catch(() => {
      refs = undefined;
    });
    return refs;
  }

  // The list as sent, per snapshot and scope: a scope is one Set object for as long as the cache
  // holds it, and the system administrator's (null) is everyone's.
  const OrganisationList = z.array(OrganisationSchema);
  const ALL = {};
  const lists = new WeakMap<object, { from: OrganisationSnapshot; json: CachedJson }>();
  function listJson(from: OrganisationSnapshot, visible: OrgIdSet): CachedJson {
    const key = visible ?? ALL;
    const hit = lists.get(key);
    if (hit?.from === from) return hit.json;
    const json = cachedJson(
      OrganisationList,
      from.within(visible).map((org) => presentOrganisation(org)),
    );
    lists.set(key, { from, json });
    return json;
  }

  route(app, deps, {
    method: "GET",
    url: "/api/municipality-refs",
    summary: "Search Swedish municipalities",
    description: "Municipality and county codes and names, for naming an organisation's area.",
    access: "session",
    schema: {
      tags,
      querystring: MunicipalityRefQuerySchema,
      response: { 200: z.array(MunicipalityRefSchema) },
    },
    run: async ({ request, reply, query }) => {
      const { all, json } = await municipalityRefs();
      if (!query.q) return sendCachedJson(request, reply, json, "private, max-age=86400");
      return searchMunicipalityRefs(all, query.q);
    },
  });

  route(app, deps, {
    method: "GET",
    url: "/api/organisations",
    summary: "List organisations",
    description: "The organisations the caller may see.",
    access: { permission: "organisation.read" },
    schema: { tags, response: { 200: z.array(OrganisationSchema) } },
    run: async ({ request, reply, ctx }) => {
      const visible = await ctx.lineage("organisation.read");
      const cached = await snapshot(request);
      if (!cached)
        return (await readOrganisations(db, visible)).map((org) => presentOrganisation(org));
      return sendCachedJson(request, reply, listJson(cached, visible), "private, no-cache");
    },
  });

  // Authorized before it is loaded: an id outside the caller's lineage is refused (403) whether
  // or not it exists.
  route(app, deps, {
    method: "GET",
    url: "/api/organisations/:id",
    summary: "Read an organisation",
    description: "With what the caller may do with it.",
    access: { permission: "organisation.read" },
    schema: { tags, params: IdParamsSchema, response: { 200: OrganisationSchema } },
    authorize: { action: "organisation.read", target: ({ params }) => ({ id: params.id }) },
    run: async ({ request, ctx, params }) => {
      const org = await loadOrganisation(request, params.id);
      const abilities = {
        update: await can(ctx, "organisation.update", { id: org.id }),
        createChild: await can(ctx, "organisation.create", { parentId: org.id }),
        // The user list answers an empty list outside the caller's user.read tree, so ask the tree.
        readUsers: inSet(await ctx.subtree("user.read"), org.id),
        readAudit: await can(ctx, "audit.read", { organisationId: org.id }),
      };
      return presentOrganisation(org, { abilities });
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/organisations",
    summary: "Create an organisation",
    access: { permission: "organisation.manage" },
    schema: { tags, body: OrganisationCreateSchema, response: { 201: OrganisationSchema } },
    status: 201,
    authorize: {
      action: "organisation.create",
      target: ({ body }) => ({ parentId: body.parentId }),
    },
    run: async ({ request, db, audit, body }) => {
      const created = await createOrganisation(db, audit, body);
      request.server.authCache?.organisationsChanged();
      return presentOrganisation(await loadOrganisation(request, created.id));
    },
  });

  route(app, deps, {
    method: "PATCH",
    url: "/api/organisations/:id",
    summary: "Change an organisation",
    access: { permission: "organisation.manage" },
    schema: {
      tags,
      params: IdParamsSchema,
      body: OrganisationUpdateSchema,
      response: { 200: OrganisationSchema },
    },
    authorize: { action: "organisation.update", target: ({ params }) => ({ id: params.id }) },
    run: async ({ request, db, audit, params, body }) => {
      await updateOrganisation(db, audit, params.id, body);
      request.server.authCache?.organisationsChanged();
      return presentOrganisation(await loadOrganisation(request, params.id));
    },
  });
}
