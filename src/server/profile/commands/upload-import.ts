import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import { type AuditContext, recordStandaloneAudit } from "../../../db/audit.ts";
import type { Db } from "../../../db/database.ts";
import { storeUploadChunks } from "../../../db/profile-uploads.ts";
import { profileImports } from "../../../db/schema/profile.ts";
import type { Instrument } from "../../../domain/profile/instrument.ts";
import { suggestMapping } from "../../../domain/profile/mapping.ts";
import type { SurveyFormat } from "../../../domain/profile/schemas.ts";
import { openSurveyFile, SurveyFileError } from "../../../lib/survey-files/index.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import type { WaveRow } from "../queries.ts";

/** The largest survey file accepted: a million rows of a long questionnaire fit well inside. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const SAMPLE_ROWS = 5;

export function formatOf(fileName: string): SurveyFormat {
  const ending = path.extname(fileName).toLowerCase();
  if (ending === ".csv" || ending === ".txt") return "csv";
  if (ending === ".xlsx") return "xlsx";
  if (ending === ".sav") return "sav";
  throw new BadRequestError("Uppgifterna är inte giltiga.", [
    { path: "fileName", message: "Filen ska vara .csv, .xlsx eller .sav." },
  ]);
}

/**
 * Streams the request body into the database in chunks (never whole into memory), so that a
 * job worker on any instance can read it, reads its columns and their .sav metadata from a
 * temporary copy on this instance, and proposes a mapping. Nothing is validated yet.
 */
export async function uploadImport(
  db: Db,
  audit: AuditContext,
  input: {
    wave: WaveRow;
    instrument: Instrument;
    areas: { id: string; name: string }[];
    fileName: string;
    body: NodeJS.ReadableStream;
  },
) {
  const format = formatOf(input.fileName);
  const [created] = await db
    .insert(profileImports)
    .values({
      waveId: input.wave.id,
      fileName: input.fileName,
      format,
      createdBy: audit.actorId,
    })
    .returning({ id: profileImports.id });
  const importId = created!.id;
  const dir = await mkdtemp(path.join(tmpdir(), "paraply-upload-"));
  const filePath = path.join(dir, `upload.${format}`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) done(new BadRequestError("Filen är för stor (högst 2 GB)."));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(
      input.body,
      limit,
      storeUploadChunks(db, importId),
      createWriteStream(filePath, { mode: 0o600 }),
    );
    if (bytes === 0) throw new BadRequestError("Filen är tom.");
    const samples: string[][] = [];
    let columnsRead: Awaited<ReturnType<typeof openSurveyFile>>["columns"];
    try {
      const survey = await openSurveyFile(filePath, format);
      columnsRead = survey.columns;
      try {
        for await (const row of survey.rows) {
          samples.push([...row.values]);
          if (samples.length >= SAMPLE_ROWS) break;
        }
      } finally {
        await survey.close();
      }
    } catch (error) {
      if (error instanceof SurveyFileError) {
        throw new BadRequestError(`Filen kunde inte läsas: ${error.message}`);
      }
      throw error;
    }
    const columns = columnsRead.map(({ missingRange: _, ...column }, i) => ({
      ...column,
      sample: samples.map((row) => row[i] ?? ""),
    }));
    const [row] = await db
      .update(profileImports)
      .set({
        columns,
        suggestedMapping: suggestMapping(columns, input.instrument, input.areas),
        updatedAt: new Date(),
      })
      .where(eq(profileImports.id, importId))
      .returning();
    await recordStandaloneAudit(db, audit, {
      action: "profile.import.upload",
      subjectType: "profile_import",
      subjectId: importId,
      organisationId: input.wave.organisationId,
      details: { fileName: input.fileName, format, bytes },
    });
    return row!;
  } catch (error) {
    // The row goes with its chunks: a file that could not be read was never an import.
    await db.delete(profileImports).where(eq(profileImports.id, importId));
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
