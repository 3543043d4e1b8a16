import { extname } from "node:path";
import { openCsvFile } from "./csv.ts";
import { openSavFile } from "./sav.ts";
import { type SurveyFile, SurveyFileError, type SurveyFileFormat } from "./types.ts";
import { openXlsxFile } from "./xlsx.ts";

export * from "./types.ts";

/** The format a file name says: .csv (and .txt), .xlsx or .sav; null when none of them. */
export function formatOfName(name: string): SurveyFileFormat | null {
  const extension = extname(name).toLowerCase();
  if (extension === ".csv" || extension === ".txt") return "csv";
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".sav") return "sav";
  return null;
}

/** Opens a survey file for reading: its header, column metadata and a stream of rows. */
export async function openSurveyFile(
  path: string,
  format: SurveyFileFormat | null = formatOfName(path),
): Promise<SurveyFile> {
  try {
    if (format === "csv") return await openCsvFile(path);
    if (format === "xlsx") return await openXlsxFile(path);
    if (format === "sav") return await openSavFile(path);
  } catch (error) {
    if (error instanceof SurveyFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new SurveyFileError("the file does not exist");
    if (code === "EISDIR") throw new SurveyFileError("that is a folder, not a file");
    if (code) throw new SurveyFileError(`the file cannot be read (${code})`);
    throw new SurveyFileError(`the file cannot be read as ${format}: ${(error as Error).message}`);
  }
  throw new SurveyFileError("unknown format: name the file .csv, .xlsx or .sav");
}
