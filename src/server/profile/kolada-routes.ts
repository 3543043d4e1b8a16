import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import {
  IndicatorListSchema,
  KoladaImportedSchema,
  KoladaImportQuerySchema,
  KoladaListQuerySchema,
} from "../../domain/profile/schemas.ts";
import { BadRequestError } from "../plugins/errors.ts";
import { route } from "../plugins/route.ts";
import { importKolada } from "./commands/import-kolada.ts";
import { PREFIX, tags } from "./instrument-routes.ts";
import { listIndicators } from "./queries.ts";
import { bodyText } from "./raw-body.ts";

/** A Kolada download is small: a few indicators over years, genders and municipalities. */
const KOLADA_BODY_LIMIT = 20 * 1024 * 1024;

/** Register indicators (Kolada's layout) kept per municipality, shown beside the factors. */
export function registerKoladaRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/kolada`,
    summary: "List a municipality's register indicators",
    description:
      "Values in Kolada's layout (kpi, municipality, period, gender T/K/M, value, count, status).",
    access: { permission: "community.read" },
    schema: { tags, querystring: KoladaListQuerySchema, response: { 200: IndicatorListSchema } },
    authorize: {
      action: "profile.indicator.read",
      target: ({ query }) => ({ organisationId: query.organisationId }),
    },
    run: async ({ db, query }) =>
      (await listIndicators(db, query.organisationId)).map((row) => ({
        kpi: row.kpi,
        title: row.title,
        municipality: row.municipality,
        period: row.period,
        gender: row.gender,
        value: row.value === null ? null : Number(row.value),
        count: row.count === null ? null : Number(row.count),
        status: row.status,
        source: row.source,
      })),
  });

  // The body is the downloaded file (application/octet-stream), or Kolada's JSON as JSON.
  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/kolada`,
    summary: "Import register indicators from Kolada",
    description:
      "The body is a Kolada CSV (comma or semicolon, decimal comma) or API JSON (`values` layout). All or nothing: any problem stores nothing and is named by row and column.",
    access: { permission: "profile.import" },
    schema: {
      tags,
      querystring: KoladaImportQuerySchema,
      response: { 200: KoladaImportedSchema },
    },
    authorize: {
      action: "profile.indicator.import",
      target: ({ query }) => ({ organisationId: query.organisationId }),
    },
    run: async ({ db, audit, query, request }) => {
      const text = await bodyText(request.body, KOLADA_BODY_LIMIT);
      if (text === null) throw new BadRequestError("Filen är för stor (högst 20 MB).");
      if (text.trim() === "") throw new BadRequestError("Filen är tom.");
      return {
        imported: await importKolada(db, audit, query.organisationId, query.format, text),
      };
    },
  });
}
