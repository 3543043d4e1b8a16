import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import {
  ProfileIdParamsSchema,
  WaveCreateBodySchema,
  WaveInvitedBodySchema,
  WaveListQuerySchema,
  WaveListSchema,
  WaveSchema,
} from "../../domain/profile/schemas.ts";
import { can } from "../plugins/access.ts";
import { BadRequestError } from "../plugins/errors.ts";
import { type RouteCall, type RouteInput, route } from "../plugins/route.ts";
import { createWave, setInvited } from "./commands/create-wave.ts";
import { PREFIX, tags } from "./instrument-routes.ts";
import { presentWave } from "./presenters.ts";
import { findInstrument, findWave, invitedOf, listWaves, type WaveRow } from "./queries.ts";

/** How every route on one wave loads its target: 404 when there is none. */
export const waveTarget = {
  load: ({ db, params }: RouteInput<{ params: typeof ProfileIdParamsSchema }>) =>
    findWave(db, params.id),
  notFound: "Undersökningen finns inte.",
};

async function waveDetail(call: Pick<RouteCall<unknown, unknown>, "db" | "ctx">, wave: WaveRow) {
  const target = { organisationId: wave.organisationId };
  return presentWave(wave, await invitedOf(call.db, wave.id), {
    canImport: await can(call.ctx, "profile.wave.import", target),
    canPrioritise: await can(call.ctx, "profile.prioritise", target),
  });
}

/** Survey waves of a municipality and their invited counts. */
export function registerWaveRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves`,
    summary: "List survey waves",
    description: "The readable municipalities' waves, newest year first.",
    access: { permission: "community.read" },
    schema: { tags, querystring: WaveListQuerySchema, response: { 200: WaveListSchema } },
    run: async ({ db, ctx, query }) => {
      const rows = await listWaves(db, await ctx.lineage("community.read"), query);
      return Promise.all(
        rows.map(async (row) => {
          const { invited: _, ...wave } = await waveDetail({ db, ctx }, row);
          return wave;
        }),
      );
    },
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/waves`,
    summary: "Create a survey wave",
    description: "An empty wave of a municipality with the instrument version it uses.",
    access: { permission: "profile.import" },
    status: 201,
    schema: { tags, body: WaveCreateBodySchema, response: { 201: WaveSchema } },
    authorize: {
      action: "profile.wave.import",
      target: ({ body }) => ({ organisationId: body.organisationId }),
    },
    run: async ({ db, ctx, audit, body }) => {
      const instrument = await findInstrument(db, body.instrumentId);
      if (
        !instrument ||
        (instrument.organisationId !== null && instrument.organisationId !== body.organisationId)
      ) {
        throw new BadRequestError("Uppgifterna är inte giltiga.", [
          { path: "instrumentId", message: "Välj ett instrument som kommunen har." },
        ]);
      }
      const id = await createWave(db, audit, body);
      return waveDetail({ db, ctx }, (await findWave(db, id))!);
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves/:id`,
    summary: "Read a survey wave",
    access: { permission: "community.read" },
    schema: { tags, params: ProfileIdParamsSchema, response: { 200: WaveSchema } },
    ...waveTarget,
    authorize: { action: "profile.wave.read" },
    run: ({ db, ctx, target }) => waveDetail({ db, ctx }, target),
  });

  route(app, deps, {
    method: "PUT",
    url: `${PREFIX}/waves/:id/invited`,
    summary: "Set a wave's invited counts",
    description: "How many were invited per school and grade; replaces the earlier list.",
    access: { permission: "profile.import" },
    schema: {
      tags,
      params: ProfileIdParamsSchema,
      body: WaveInvitedBodySchema,
      response: { 200: WaveSchema },
    },
    ...waveTarget,
    authorize: { action: "profile.wave.import" },
    run: async ({ db, ctx, audit, target, body }) => {
      await setInvited(db, audit, target, body.invited);
      return waveDetail({ db, ctx }, target);
    },
  });
}
