import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import {
  InstrumentCreateBodySchema,
  InstrumentDetailSchema,
  InstrumentListQuerySchema,
  InstrumentListSchema,
  ProfileIdParamsSchema,
} from "../../domain/profile/schemas.ts";
import { can } from "../plugins/access.ts";
import { type RouteInput, route } from "../plugins/route.ts";
import { contentDisposition } from "../reports/index.ts";
import { createInstrument } from "./commands/create-instrument.ts";
import { presentInstrument, presentInstrumentDetail } from "./presenters.ts";
import { findInstrument, listInstruments } from "./queries.ts";

export const PREFIX = "/api/profile";
export const tags = ["profile"];

const instrumentTarget = {
  load: ({ db, params }: RouteInput<{ params: typeof ProfileIdParamsSchema }>) =>
    findInstrument(db, params.id),
  notFound: "Instrumentet finns inte.",
};

/** Instruments: the built-in one and each municipality's versions, importable and exportable. */
export function registerInstrumentRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/instruments`,
    summary: "List survey instruments",
    description:
      "The built-in instruments and the readable municipalities' versions, newest first.",
    access: { permission: "community.read" },
    schema: {
      tags,
      querystring: InstrumentListQuerySchema,
      response: { 200: InstrumentListSchema },
    },
    run: async ({ db, ctx, query }) =>
      (await listInstruments(db, await ctx.lineage("community.read"), query.organisationId)).map(
        presentInstrument,
      ),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/instruments/:id`,
    summary: "Read a survey instrument",
    access: { permission: "community.read" },
    schema: { tags, params: ProfileIdParamsSchema, response: { 200: InstrumentDetailSchema } },
    ...instrumentTarget,
    authorize: { action: "profile.instrument.read" },
    run: async ({ ctx, target }) =>
      presentInstrumentDetail(
        target,
        target.organisationId !== null &&
          (await can(ctx, "profile.instrument.create", { organisationId: target.organisationId })),
      ),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/instruments/:id/export`,
    summary: "Export a survey instrument as JSON",
    description: "The instrument in the documented JSON format, to import elsewhere or edit.",
    produces: { file: "application/json", description: "The instrument JSON" },
    access: { permission: "community.read" },
    schema: { tags, params: ProfileIdParamsSchema },
    ...instrumentTarget,
    authorize: { action: "profile.instrument.read" },
    run: async ({ target, reply }) => {
      reply.header(
        "content-disposition",
        contentDisposition(`${target.key}-v${target.version}.json`),
      );
      reply.type("application/json; charset=utf-8");
      return `${JSON.stringify(target.definition, null, 2)}\n`;
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/instruments`,
    summary: "Import a survey instrument",
    description:
      "Stores the instrument JSON; an id the municipality already has becomes its next version.",
    access: { permission: "community.edit" },
    status: 201,
    schema: { tags, body: InstrumentCreateBodySchema, response: { 201: InstrumentDetailSchema } },
    authorize: {
      action: "profile.instrument.create",
      target: ({ body }) => ({ organisationId: body.organisationId }),
    },
    run: async ({ db, audit, body }) =>
      presentInstrumentDetail(
        await createInstrument(db, audit, body.organisationId, body.instrument),
        true,
      ),
  });
}
