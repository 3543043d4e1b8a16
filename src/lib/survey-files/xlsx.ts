import { stat } from "node:fs/promises";
import { readSheet } from "read-excel-file/node";
import { checkHeader } from "./csv.ts";
import { plainColumn, type SurveyFile, SurveyFileError, type SurveyRow } from "./types.ts";

/**
 * The first sheet of an .xlsx workbook. read-excel-file unzips and parses the sheet as a whole
 * (an .xlsx is a zip of XML, and Excel's own limit is 1,048,576 rows), then rows are handed out
 * one at a time like the other formats. Numbers keep the text Excel stored ("3", not 3.0000001),
 * dates become YYYY-MM-DD, and the row numbers are the sheet's.
 */

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value).trim();
}

export async function openXlsxFile(path: string): Promise<SurveyFile> {
  const size = (await stat(path)).size;
  if (size === 0) throw new SurveyFileError("the file is empty");
  let data: unknown[][];
  try {
    data = (await readSheet(path, 1, { parseNumber: (text: string) => text })) as unknown[][];
  } catch (error) {
    throw new SurveyFileError(`not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const first = data.findIndex((row) => row.some((cell) => cellText(cell) !== ""));
  if (first === -1) throw new SurveyFileError("the first sheet is empty");
  const header = checkHeader((data[first] as unknown[]).map(cellText), first + 1);
  let read = first + 1;

  async function* rows(): AsyncGenerator<SurveyRow> {
    for (; read < data.length; read++) {
      const row = data[read] as unknown[];
      const values = row.map(cellText);
      // Trailing empty cells past the header are formatting, not data.
      while (values.length > header.length && values.at(-1) === "") values.pop();
      // A sheet leaves out empty cells at the end of a row; they are empty answers.
      while (values.length < header.length) values.push("");
      if (values.every((value) => value === "")) continue;
      yield { line: read + 1, values };
    }
  }

  return {
    format: "xlsx",
    encoding: null,
    delimiter: null,
    header,
    columns: header.map(plainColumn),
    rows: rows(),
    share: () => (data.length > 0 ? Math.min(1, read / data.length) : 1),
    close: async () => {
      data = [];
    },
  };
}
