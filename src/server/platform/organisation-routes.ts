import { asc, ilike, or } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { municipalityRefs } from "../../db/schema/platform.ts";
import {
  IdParamsSchema,
  MunicipalityRefQuerySchema,
  MunicipalityRefSchema,
  OrganisationCreateSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
} from "../../domain/platform/schemas.ts";
import { accessContextOf, authorize, can } from "../plugins/access.ts";
import { auditContextOf } from "../plugins/audit.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { createOrganisation, updateOrganisation } from "./commands/save-organisation.ts";
import { presentOrganisation } from "./presenters.ts";
import {
  inSet,
  type OrgIdSet,
  organisationReader,
  readOrganisationSnapshot,
  readOrganisations,
} from "./queries.ts";

const tags = ["organisations"];

export function registerOrganisationRoutes(fastify: FastifyInstance, deps: { db: Db }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
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

  app.get(
    "/api/municipality-refs",
    {
      config: { access: "session" },
      schema: {
        tags,
        querystring: MunicipalityRefQuerySchema,
        response: { 200: z.array(MunicipalityRefSchema) },
      },
    },
    async (request) => {
      const q = request.query.q;
      return db
        .select()
        .from(municipalityRefs)
        .where(
          q
            ? or(ilike(municipalityRefs.name, `%${q}%`), ilike(municipalityRefs.code, `${q}%`))
            : undefined,
        )
        .orderBy(asc(municipalityRefs.name));
    },
  );

  app.get(
    "/api/organisations",
    {
      config: { access: { permission: "organisation.read" } },
      schema: { tags, response: { 200: z.array(OrganisationSchema) } },
    },
    async (request) => {
      const visible = await accessContextOf(request, db).lineage("organisation.read");
      return (await listOrganisations(request, visible)).map((org) => presentOrganisation(org));
    },
  );

  app.get(
    "/api/organisations/:id",
    {
      config: { access: { permission: "organisation.read" } },
      schema: { tags, params: IdParamsSchema, response: { 200: OrganisationSchema } },
    },
    async (request) => {
      const ctx = accessContextOf(request, db);
      await authorize(ctx, "organisation.read", { id: request.params.id });
      const org = await loadOrganisation(request, request.params.id);
      const abilities = {
        update: await can(ctx, "organisation.update", { id: org.id }),
        createChild: await can(ctx, "organisation.create", { parentId: org.id }),
        // The user list answers an empty list outside the caller's user.read tree, so ask the tree.
        readUsers: inSet(await ctx.subtree("user.read"), org.id),
        readAudit: await can(ctx, "audit.read", { organisationId: org.id }),
      };
      return presentOrganisation(org, { abilities });
    },
  );

  app.post(
    "/api/organisations",
    {
      config: { access: { permission: "organisation.manage" } },
      schema: { tags, body: OrganisationCreateSchema, response: { 201: OrganisationSchema } },
    },
    async (request, reply) => {
      await authorize(accessContextOf(request, db), "organisation.create", {
        parentId: request.body.parentId,
      });
      const created = await createOrganisation(db, auditContextOf(request), request.body);
      request.server.authCache?.organisationsChanged();
      return reply
        .status(201)
        .send(presentOrganisation(await loadOrganisation(request, created.id)));
    },
  );

  app.patch(
    "/api/organisations/:id",
    {
      config: { access: { permission: "organisation.manage" } },
      schema: {
        tags,
        params: IdParamsSchema,
        body: OrganisationUpdateSchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => {
      await authorize(accessContextOf(request, db), "organisation.update", {
        id: request.params.id,
      });
      await updateOrganisation(db, auditContextOf(request), request.params.id, request.body);
      request.server.authCache?.organisationsChanged();
      return presentOrganisation(await loadOrganisation(request, request.params.id));
    },
  );
}
