import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import {
  CandidatesSchema,
  CompareBodySchema,
  ComparisonSchema,
  PrioritisationCreateBodySchema,
  PrioritisationListSchema,
  PrioritisationSchema,
  ProfileExportQuerySchema,
  ProfileIdParamsSchema,
  ProfileQuerySchema,
  ProfileSchema,
  TrendSchema,
} from "../../domain/profile/schemas.ts";
import { tableDownload } from "../plugins/export-table.ts";
import { route } from "../plugins/route.ts";
import { createPrioritisation } from "./commands/create-prioritisation.ts";
import { candidatesOf, compareProfile } from "./compare-data.ts";
import { PREFIX, tags } from "./instrument-routes.ts";
import { presentPrioritisation } from "./presenters.ts";
import { instrumentOf, loadProfile } from "./profile-data.ts";
import { profileExportTable } from "./profile-export.ts";
import { findCell } from "./profile-table.ts";
import { listPrioritisations, listWaves } from "./queries.ts";
import { waveTarget } from "./wave-routes.ts";

/** A wave's profile, its export and trend, and the prioritisations made on it. */
export function registerProfileTableRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves/:id/profile`,
    summary: "Read a wave's area profile",
    description:
      "Share flagged per factor by area (or area group), grade and gender with all margins, 95 % Wilson intervals, suppressed for small numbers and against recomputation.",
    access: { permission: "community.read" },
    schema: {
      tags,
      params: ProfileIdParamsSchema,
      querystring: ProfileQuerySchema,
      response: { 200: ProfileSchema },
    },
    ...waveTarget,
    authorize: { action: "profile.wave.read" },
    run: ({ db, target, query }) => loadProfile(db, target, query),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves/:id/profile.csv`,
    summary: "Export a wave's area profile",
    description:
      "The suppressed, aggregated table as CSV (Swedish convention) or, with ?format=xlsx, as a workbook. Respondent data is never exported.",
    produces: { file: "text/csv", description: "The profile table" },
    access: { permission: "community.read" },
    schema: { tags, params: ProfileIdParamsSchema, querystring: ProfileExportQuerySchema },
    ...waveTarget,
    authorize: { action: "profile.wave.read" },
    run: async ({ db, ctx, target, query, reply, record }) => {
      const profile = await loadProfile(db, target, query);
      await record({
        action: "profile.table.export",
        subjectType: "profile_wave",
        subjectId: target.id,
        organisationId: target.organisationId,
        details: { format: query.format, cells: profile.cells.length },
      });
      const locale = ctx.actor.locale;
      return tableDownload(reply, {
        table: profileExportTable(profile, locale),
        rows: profile.cells,
        locale,
        format: query.format,
        basename: `${locale === "en" ? "area-profile" : "omradesprofil"}-${target.year}-${target.id}`,
        sheet: locale === "en" ? "Profile" : "Profil",
      });
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves/:id/trend`,
    summary: "Read the trend of a wave's factors",
    description:
      "The municipality's waves of the same instrument up to this one, oldest first, with each factor's share (whole municipality), suppressed as in each wave's profile.",
    access: { permission: "community.read" },
    schema: { tags, params: ProfileIdParamsSchema, response: { 200: TrendSchema } },
    ...waveTarget,
    authorize: { action: "profile.wave.read" },
    run: async ({ db, ctx, target }) => {
      const waves = (
        await listWaves(db, await ctx.lineage("community.read"), {
          organisationId: target.organisationId,
          instrumentKey: target.instrument.key,
        })
      )
        .filter((w) => w.year <= target.year && w.currentImportId !== null)
        .reverse();
      const profiles = await Promise.all(waves.map((w) => loadProfile(db, w)));
      const instrument = await instrumentOf(db, target);
      return {
        waves: waves.map((w) => ({ id: w.id, name: w.name, year: w.year })),
        rows: instrument.factors.map((factor) => ({
          factor: factor.id,
          values: profiles.map((p) => {
            const cell = findCell(p.cells, factor.id, { area: null, grade: null, gender: null });
            return {
              waveId: p.wave.id,
              n: cell?.n ?? null,
              percent: cell?.percent ?? null,
              suppressed: cell?.suppressed ?? true,
            };
          }),
        })),
      };
    },
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves/:id/prioritisations`,
    summary: "List a wave's prioritisations",
    description: "The work group's recorded choices of factors, newest first.",
    access: { permission: "community.read" },
    schema: { tags, params: ProfileIdParamsSchema, response: { 200: PrioritisationListSchema } },
    ...waveTarget,
    authorize: { action: "profile.wave.read" },
    run: async ({ db, target }) =>
      (await listPrioritisations(db, target.id)).map(presentPrioritisation),
  });

  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/waves/:id/prioritisations`,
    summary: "Record a prioritisation",
    description: "2–5 risk factors and 2–5 protective factors of the wave, each with a reason.",
    access: { permission: "community.edit" },
    status: 201,
    schema: {
      tags,
      params: ProfileIdParamsSchema,
      body: PrioritisationCreateBodySchema,
      response: { 201: PrioritisationSchema },
    },
    ...waveTarget,
    authorize: { action: "profile.prioritise" },
    run: async ({ db, audit, target, body }) => {
      const id = await createPrioritisation(
        db,
        audit,
        target,
        await instrumentOf(db, target),
        body,
      );
      const rows = await listPrioritisations(db, target.id);
      return presentPrioritisation(rows.find((r) => r.row.id === id)!);
    },
  });
}

/** Comparisons with a chosen reference, and the prioritisation candidates. */
export function registerCompareRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "POST",
    url: `${PREFIX}/waves/:id/compare`,
    summary: "Compare a wave's profile with a reference",
    description:
      "One area, grade and gender against the municipality, the collaboration, chosen municipalities' waves, an earlier wave or a norm; each difference tested at 95 % (the test is named). Suppressed cells are never compared.",
    access: { permission: "community.read" },
    schema: {
      tags,
      params: ProfileIdParamsSchema,
      body: CompareBodySchema,
      response: { 200: ComparisonSchema },
    },
    ...waveTarget,
    authorize: { action: "profile.wave.read" },
    run: ({ db, ctx, target, body }) => compareProfile(db, ctx, target, body),
  });

  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves/:id/candidates`,
    summary: "List a wave's prioritisation candidates",
    description:
      "Factors with the highest risk or lowest protection, a significant unfavourable gap to the collaboration, or a significant worsening since the previous wave.",
    access: { permission: "community.read" },
    schema: { tags, params: ProfileIdParamsSchema, response: { 200: CandidatesSchema } },
    ...waveTarget,
    authorize: { action: "profile.wave.read" },
    run: ({ db, ctx, target }) => candidatesOf(db, ctx, target),
  });
}
