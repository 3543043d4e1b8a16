import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import { ProfileReportQuerySchema } from "../../domain/profile/report.ts";
import { ProfileIdParamsSchema } from "../../domain/profile/schemas.ts";
import { route } from "../plugins/route.ts";
import { contentDisposition } from "../reports/index.ts";
import { compareProfile } from "./compare-data.ts";
import { PREFIX, tags } from "./instrument-routes.ts";
import { presentPrioritisation, presentWave } from "./presenters.ts";
import { loadProfile } from "./profile-data.ts";
import { invitedOf, listIndicators, listPrioritisations, listWaves } from "./queries.ts";
import { profileReportInput } from "./report-input.ts";
import { profileReportFileName, renderProfileReport } from "./report-pdf.ts";
import { waveTarget } from "./wave-routes.ts";

/** The board report of a wave's profile as a tagged PDF, from the same suppressed table. */
export function registerProfileReportRoutes(app: FastifyInstance, deps: { db: Db }): void {
  route(app, deps, {
    method: "GET",
    url: `${PREFIX}/waves/:id/report.pdf`,
    summary: "Download a wave's area profile report as PDF",
    description:
      "A tagged, accessible Swedish PDF for a board: the suppressed profile of the whole wave or of one area, grade and gender, the comparison with the latest earlier wave of the same survey, the register indicators and the newest prioritisation. The query fills in author, unit and reference number.",
    produces: { file: "application/pdf", description: "The report as a tagged PDF" },
    access: { permission: "community.read" },
    schema: { tags, params: ProfileIdParamsSchema, querystring: ProfileReportQuerySchema },
    ...waveTarget,
    authorize: { action: "profile.wave.read" },
    run: async ({ db, ctx, query, target, reply, record }) => {
      const selection = {
        area: query.area ?? null,
        grade: query.grade ?? null,
        gender: query.gender ?? null,
      };
      const [profile, invited, decisions, indicators, waves] = await Promise.all([
        loadProfile(db, target, { groupSetId: query.groupSetId }),
        invitedOf(db, target.id),
        listPrioritisations(db, target.id),
        listIndicators(db, target.organisationId),
        listWaves(db, await ctx.lineage("community.read"), {
          organisationId: target.organisationId,
          instrumentKey: target.instrument.key,
        }),
      ]);
      // The board wants to know what changed: the latest earlier wave of the same survey, when
      // the report is by area (comparisons are made per area, not per group of a grouping).
      const earlier = waves.find((w) => w.year < target.year && w.respondents > 0);
      const comparison =
        earlier && !query.groupSetId
          ? await compareProfile(db, ctx, target, {
              ...selection,
              reference: { kind: "wave", waveId: earlier.id },
            })
          : null;
      const generatedAt = new Date();
      const input = profileReportInput({
        wave: presentWave(target, invited, { canImport: false, canPrioritise: false }),
        profile,
        selection,
        comparison,
        prioritisation: decisions[0] ? presentPrioritisation(decisions[0]) : null,
        indicators: indicators.map((i) => ({
          kpi: i.kpi,
          title: i.title,
          period: i.period,
          gender: i.gender,
          value: i.value === null ? null : Number(i.value),
          source: i.source,
        })),
        generatedAt,
        author: query.author,
        unit: query.unit,
        reference: query.reference,
      });
      const { pdf } = await renderProfileReport(input);
      await record({
        action: "profile.report.export",
        subjectType: "profile_wave",
        subjectId: target.id,
        organisationId: target.organisationId,
      });
      reply
        .header("content-type", "application/pdf")
        .header(
          "content-disposition",
          contentDisposition(profileReportFileName(input, generatedAt)),
        );
      return pdf;
    },
  });
}
