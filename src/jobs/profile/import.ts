import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { clearStaged, stageImport } from "../../db/profile-staging.ts";
import {
  deleteUpload,
  readUploadChunks,
  uploadSize,
  withUploadFile,
} from "../../db/profile-uploads.ts";
import { profileImports, profileInstruments, profileWaves } from "../../db/schema/profile.ts";
import type { Instrument } from "../../domain/profile/instrument.ts";
import { openCsvStream } from "../../lib/survey-files/csv.ts";
import { openSurveyFile, type SurveyFile, SurveyFileError } from "../../lib/survey-files/index.ts";
import { defineJob, type JobSummary } from "../define.ts";

const ImportJobSchema = z.strictObject({ importId: z.uuid() });

/** The areas under a municipality (any depth): the values a file's area column may name. */
export async function areasUnder(db: Db, municipalityId: string) {
  const result = await db.execute<{ id: string; name: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT id, kind, name FROM platform.organisations WHERE id = ${municipalityId}
      UNION ALL
      SELECT o.id, o.kind, o.name FROM platform.organisations o JOIN tree ON o.parent_id = tree.id
    )
    SELECT id, name FROM tree WHERE kind = 'area' ORDER BY name`);
  return result.rows;
}

/**
 * Reads, validates, scores and stages an uploaded survey file as mapped. Nothing becomes
 * visible here: the staged rows wait under the import's id until a person confirms the import
 * (one short transaction, confirm-import.ts). Cancelled, failed or interrupted, it leaves the
 * wave as it was; a retried run starts over.
 */
export const profileImportJob = defineJob({
  name: "profile.import",
  schema: ImportJobSchema,
  expireInSeconds: 3600,
  retryLimit: 2,
  retryDelaySeconds: 1,
  run: async (ctx, { importId }): Promise<JobSummary> => {
    const [row] = await ctx.db
      .select({
        import: profileImports,
        organisationId: profileWaves.organisationId,
        instrument: profileInstruments.definition,
      })
      .from(profileImports)
      .innerJoin(profileWaves, eq(profileWaves.id, profileImports.waveId))
      .innerJoin(profileInstruments, eq(profileInstruments.id, profileWaves.instrumentId))
      .where(eq(profileImports.id, importId));
    if (row?.import.state !== "validating" || !row.import.mapping) return { skipped: true };
    const mapping = row.import.mapping;
    const finish = (values: Partial<typeof profileImports.$inferInsert>) =>
      ctx.db
        .update(profileImports)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(profileImports.id, importId));
    const size = await uploadSize(ctx.db, importId);
    if (size === 0) {
      // Housekeeping removed the file of an import left alone for a day.
      await finish({ state: "failed", error: "Filen finns inte längre; ladda upp den igen." });
      return { missingFile: true };
    }
    try {
      const areas = await areasUnder(ctx.db, row.organisationId);
      const stage = async (survey: SurveyFile) => {
        try {
          return await stageImport(ctx.db, {
            importId,
            instrument: row.instrument as Instrument,
            mapping,
            header: survey.header,
            areas,
            batches: survey.batches,
            signal: ctx.signal,
            onRows: (rows) =>
              ctx.progress(Math.min(0.99, survey.share()), {
                key: "profile.import.rows",
                params: { rows },
              }),
          });
        } finally {
          await survey.close();
        }
      };
      // CSV streams straight from the stored chunks; the others are read from a copy.
      const result =
        row.import.format === "csv"
          ? await stage(await openCsvStream(readUploadChunks(ctx.db, importId), size))
          : await withUploadFile(ctx.db, importId, row.import.format, async (filePath) =>
              stage(await openSurveyFile(filePath, row.import.format)),
            );
      await finish({
        state: "validated",
        rows: result.rows,
        problemRows: result.problemLines.length,
        problemCount: result.problemCount,
        problems: result.problems,
        problemLines: result.problemLines,
        screenedOut: result.screenedOut,
      });
      return {
        rows: result.rows,
        stored: result.stored,
        problems: result.problemCount,
        screenedOut: result.screenedOut,
      };
    } catch (error) {
      await clearStaged(ctx.db, importId);
      if (ctx.signal.aborted) {
        // A shutdown hands the job back to be run again; only a person's cancel ends it.
        const cancelled = (ctx.signal.reason as Error | undefined)?.message === "cancelled";
        if (cancelled) {
          await finish({ state: "cancelled" });
          await deleteUpload(ctx.db, importId);
        }
        throw error;
      }
      if (error instanceof SurveyFileError) {
        await finish({
          state: "validated",
          rows: 0,
          problemRows: 0,
          problemCount: 1,
          problems: [
            {
              line: error.line,
              column: error.column,
              code: "unreadable",
              value: null,
              message: `Filen kunde inte läsas: ${error.problem}`,
            },
          ],
          problemLines: [],
        });
        return { unreadable: true };
      }
      await finish({ state: "failed", error: "Importen misslyckades; försök igen." });
      await deleteUpload(ctx.db, importId);
      throw error;
    }
  },
});
