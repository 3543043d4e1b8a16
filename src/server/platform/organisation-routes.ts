import { asc, eq, ilike, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Db, uuidArray } from "../../db/database.ts";
import { municipalityRefs, organisations } from "../../db/schema/platform.ts";
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

const tags = ["organisations"];

export function registerOrganisationRoutes(fastify: FastifyInstance, deps: { db: Db }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  // Prepared once per connection: the detail read is the context's hottest query.
  const organisationById = db
    .select({ org: organisations, countyName: municipalityRefs.countyName })
    .from(organisations)
    .leftJoin(municipalityRefs, eq(municipalityRefs.code, organisations.municipalityCode))
    .where(eq(organisations.id, sql.placeholder("id")))
    .prepare("paraply_organisation_by_id");

  async function loadOrganisation(id: string) {
    const [row] = await organisationById.execute({ id });
    if (!row) throw new NotFoundError("Organisationen finns inte.");
    return { ...row.org, countyName: row.countyName };
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
      const rows = await db
        .select({ org: organisations, countyName: municipalityRefs.countyName })
        .from(organisations)
        .leftJoin(municipalityRefs, eq(municipalityRefs.code, organisations.municipalityCode))
        .where(visible === null ? undefined : sql`${organisations.id} = ANY(${uuidArray(visible)})`)
        .orderBy(asc(organisations.name));
      return rows.map((r) => presentOrganisation({ ...r.org, countyName: r.countyName }));
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
      const org = await loadOrganisation(request.params.id);
      const abilities = {
        update: await can(ctx, "organisation.update", { id: org.id }),
        createChild: await can(ctx, "organisation.create", { parentId: org.id }),
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
      return reply.status(201).send(presentOrganisation(await loadOrganisation(created.id)));
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
      return presentOrganisation(await loadOrganisation(request.params.id));
    },
  );
}
