import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../domain/readiness/dimensions.ts";
import {
  DEFAULT_SCORE_GRID,
  type InterviewScores,
  readinessResult,
  SCORE_GRIDS,
  type ScoreGrid,
  validateScore,
} from "../../domain/readiness/scoring.ts";
import { STAGES } from "../../domain/readiness/stages.ts";
import { type CliCommand, EXIT } from "../io.ts";
import { decodeUtf8 } from "./input-file.ts";

const HEADER = ["interview", ...DIMENSION_LETTERS] as const;
const USAGE = `Usage: paraply readiness score FILE [--grid ${SCORE_GRIDS.join("|")}]

Reads a score sheet (CSV with header ${HEADER.join(",")}, one row per interview with the
consensus scores) and prints the dimension means, the overall score and the stage as JSON.
`;

/** A problem in the sheet, located so the user can find the cell. */
class SheetError extends Error {
  constructor(row: number, column: string | null, message: string) {
    super(column ? `row ${row}, column ${column}: ${message}` : `row ${row}: ${message}`);
  }
}

/** Strict decoding, so a sheet saved as Latin-1 fails loudly instead of scoring garbled ids. */
function decode(bytes: Uint8Array): string {
  const decoded = decodeUtf8(bytes);
  if ("text" in decoded) return decoded.text;
  const line = new TextDecoder("utf-8").decode(bytes).split("\n")[decoded.badLine - 1] ?? "";
  const columnIndex = line.slice(0, line.indexOf("\uFFFD")).split(",").length - 1;
  throw new SheetError(decoded.badLine, HEADER[columnIndex] ?? null, "not valid UTF-8 text");
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function readRecords(text: string): CsvRecord[] {
  try {
    return parse(text, {
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new SheetError(line, null, `not valid CSV: ${(error as Error).message}`);
  }
}

function checkHeader(header: CsvRecord | undefined): void {
  if (!header) throw new SheetError(1, null, `the file is empty; expected ${HEADER.join(",")}`);
  HEADER.forEach((expected, index) => {
    const actual = header.record[index];
    if (actual !== expected) {
      throw new SheetError(1, String(index + 1), `expected "${expected}", got "${actual ?? ""}"`);
    }
  });
  if (header.record.length > HEADER.length) {
    throw new SheetError(1, String(HEADER.length + 1), "unexpected extra column");
  }
}

function readScore(text: string, row: number, column: string, grid: ScoreGrid): number {
  // Number() alone would accept "", "0x5" and " 4 "; only plain decimals are scores.
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new SheetError(row, column, `"${text}" is not a number (use a decimal point, e.g. 4.5)`);
  }
  const check = validateScore(Number(text), grid);
  if (!check.ok) throw new SheetError(row, column, `"${text}" ${check.message}`);
  return Number(text);
}

function readSheet(records: CsvRecord[], grid: ScoreGrid): InterviewScores[] {
  const firstRow = new Map<string, number>();
  return records.map(({ record, info }) => {
    const row = info.lines;
    if (record.length > HEADER.length) {
      throw new SheetError(row, String(HEADER.length + 1), "unexpected extra column");
    }
    const [interviewId = "", ...cells] = record;
    if (interviewId === "") throw new SheetError(row, "interview", "interview id is empty");
    const seen = firstRow.get(interviewId);
    if (seen !== undefined) {
      throw new SheetError(row, "interview", `duplicate interview "${interviewId}" (row ${seen})`);
    }
    firstRow.set(interviewId, row);
    const scores: Partial<Record<DimensionLetter, number>> = {};
    DIMENSION_LETTERS.forEach((letter, index) => {
      const cell = cells[index];
      if (cell === undefined) throw new SheetError(row, letter, "missing column");
      // An empty cell is an interview without consensus on that dimension, as in the app.
      if (cell !== "") scores[letter] = readScore(cell, row, letter, grid);
    });
    return { interviewId, scores };
  });
}

async function score(file: string, grid: ScoreGrid): Promise<string> {
  const [header, ...rows] = readRecords(decode(await readFile(file)));
  checkHeader(header);
  if (rows.length === 0) throw new SheetError(2, null, "no interview rows after the header");
  const result = readinessResult(readSheet(rows, grid), grid);
  if (!result.ok) throw new Error(result.message);
  const dimensions = Object.fromEntries(
    DIMENSION_LETTERS.map((letter) => [letter, result.dimensions[letter].score]),
  );
  const { stage } = result;
  return JSON.stringify({ dimensions, score: result.score, stage, stageName: STAGES[stage].name });
}

/** The file and grid from `score FILE [--grid G]`, or null when the arguments do not fit. */
function readArgs(args: string[]): { file: string; grid: ScoreGrid } | null {
  const { values, positionals } = parseArgs({
    args,
    options: { grid: { type: "string" } },
    allowPositionals: true,
  });
  const [subcommand, file, ...extra] = positionals;
  const grid = values.grid ?? DEFAULT_SCORE_GRID;
  if (subcommand !== "score" || !file || extra.length > 0 || !isGrid(grid)) return null;
  return { file, grid };
}

function isGrid(value: string): value is ScoreGrid {
  return (SCORE_GRIDS as readonly string[]).includes(value);
}

export const readinessCommand: CliCommand = async (args, io) => {
  let request: ReturnType<typeof readArgs>;
  try {
    request = readArgs(args);
  } catch (error) {
    io.stderr(`paraply readiness: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (!request) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  try {
    io.stdout(`${await score(request.file, request.grid)}\n`);
    return EXIT.ok;
  } catch (error) {
    io.stderr(`paraply readiness: ${request.file}: ${(error as Error).message}\n`);
    return EXIT.failure;
  }
};
