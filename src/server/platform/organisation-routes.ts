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
import { createOrganisation } from "./commands/create-organisation.ts";
import { updateOrganisation } from "./commands/update-organisation.ts";
import { presentOrganisation } from "./presenters.ts";
import {
  inSet,
  type OrgIdSet,
  organisationReader,
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
    const version = cache.version;
    const fresh = await readOrganisationSnapshot(db);
    cache.setOrganisations(fresh, version);
    return fresh;
  }

  async function loadOrganisation(request: FastifyRequest, id: string) {
    const org = (await snapshot(request))?.get(id) ?? (await readOrganisation(id));
    if (!org) throw new NotFoundError("Organisationen finns inte.");
    return org;
  }

  async function listOrganisations(request: FastifyRequest, visible: OrgIdSet) {
    return (await snapshot(request))?.within(visible) ?? readOrganisations(db, visible);
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
    run: ({ db, query }) => searchMunicipalityRefs(db, query.q),
  });

  route(app, deps, {
    method: "GET",
    url: "/api/organisations",
    summary: "List organisations",
    description: "The organisations the caller may see.",
    access: { permission: "organisation.read" },
    schema: { tags, response: { 200: z.array(OrganisationSchema) } },
    run: async ({ request, ctx }) =>
      (await listOrganisations(request, await ctx.lineage("organisation.read"))).map((org) =>
        presentOrganisation(org),
      ),
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
