import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Instrument } from "../../domain/profile/instrument.ts";
import {
  ImportConfirmBodySchema,
  ImportMappingBodySchema,
  ImportSchema,
  ImportUploadQuerySchema,
  ProfileIdParamsSchema,
} from "../../domain/profile/schemas.ts";
import type { ModuleDeps } from "../module.ts";
import { type RouteInput, route } from "../plugins/route.ts";
import { cancelImport } from "./commands/cancel-import.ts";
import { confirmImport } from "./commands/confirm-import.ts";
import { mapImport } from "./commands/map-import.ts";
import { uploadImport } from "./commands/upload-import.ts";
import { PREFIX, tags } from "./instrument-routes.ts";
import { presentImport } from "./presenters.ts";
import { areasOf, findImportTarget, findInstrument, listImports } from "./queries.ts";
import { waveTarget } from "./wave-routes.ts";

const importTarget = {
  load: ({ db, params }: RouteInput<{ params: typeof ProfileIdParamsSchema }>) =>
    findImportTarget(db, params.id),
  notFound: "Importen finns inte.",
};

/**
 * Imports of a wave: upload (the raw file as the body), mapping (starts the validating job),
 * confirm (the swap) and cancel. Imports show file values in their problems, so they are for
 * those who may import, not every reader.
 */
export function registerImportRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  // The file is streamed into the database by the route, not parsed (its name's ending picks the reader):
  // the body limit does not apply.
  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/waves/:id/imports`,
    summary: "Upload a survey file to a wave",
    description:
      "The file (.csv, .xlsx or .sav) is the raw request body. Answers with its columns and a proposed mapping; nothing is validated or stored yet.",
    access: { permission: "profile.import" },
    status: 201,
    schema: {
      tags,
      params: ProfileIdParamsSchema,
      querystring: ImportUploadQuerySchema,
      response: { 201: ImportSchema },
    },
    ...waveTarget,
    authorize: { action: "profile.wave.import" },
    run: async ({ db, audit, request, query, target }) => {
      const instrument = (await findInstrument(db, target.instrument.id))!;
      const row = await uploadImport(deps.db, audit, {
        wave: target,
        instrument: instrument.definition as Instrument,
        areas: await areasOf(db, target.organisationId),
        fileName: query.fileName,
        body: request.body as NodeJS.ReadableStream,
      });
      return presentImport(row);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves/:id/imports`,
    summary: "List a wave's imports",
    access: { permission: "profile.import" },
    schema: { tags, params: ProfileIdParamsSchema, response: { 200: z.array(ImportSchema) } },
    ...waveTarget,
    authorize: { action: "profile.wave.import" },
    run: async ({ db, target }) => (await listImports(db, target.id)).map(presentImport),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/imports/:id`,
    summary: "Read an import",
    description: "Its state, columns, mapping and validation problems by line and column.",
    access: { permission: "profile.import" },
    schema: { tags, params: ProfileIdParamsSchema, response: { 200: ImportSchema } },
    ...importTarget,
    authorize: { action: "profile.wave.import" },
    run: async ({ target }) => presentImport(target),
  });

  route(app, deps, {
    method: "PUT",
    url: `${PREFIX}/imports/:id/mapping`,
    summary: "Map an import's columns and validate it",
    description:
      "Saves the mapping and starts the background job that reads, validates, scores and stages every row; follow it at /api/jobs/{jobId}.",
    access: { permission: "profile.import" },
    schema: {
      tags,
      params: ProfileIdParamsSchema,
      body: ImportMappingBodySchema,
      response: { 200: ImportSchema },
    },
    ...importTarget,
    authorize: { action: "profile.wave.import" },
    run: async ({ db, audit, target, body }) => {
      await mapImport(deps.db, deps.jobs, audit, target, body.mapping);
      return presentImport((await findImportTarget(db, target.id))!);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/imports/:id/confirm`,
    summary: "Confirm an import",
    description:
      "Makes the validated rows, less those excluded, the wave's data in one transaction. Every line with a problem must be excluded.",
    access: { permission: "profile.import" },
    schema: {
      tags,
      params: ProfileIdParamsSchema,
      body: ImportConfirmBodySchema,
      response: { 200: ImportSchema },
    },
    ...importTarget,
    authorize: { action: "profile.wave.import" },
    run: async ({ db, audit, target, body }) => {
      await confirmImport(deps.db, audit, target, body.excludeRows);
      return presentImport((await findImportTarget(db, target.id))!);
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/imports/:id/cancel`,
    summary: "Cancel an import",
    description: "Stops its job and removes what it staged; the wave keeps its data.",
    access: { permission: "profile.import" },
    schema: { tags, params: ProfileIdParamsSchema, response: { 200: ImportSchema } },
    ...importTarget,
    authorize: { action: "profile.wave.import" },
    run: async ({ db, audit, target }) => {
      await cancelImport(deps.db, deps.jobs, audit, target);
      return presentImport((await findImportTarget(db, target.id))!);
    },
  });
}
