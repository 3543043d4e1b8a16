import { readFile } from "node:fs/promises";
import { type InfoRecord, parse } from "csv-parse/sync";

/** Every problem found in an input file; the command prints them all and writes no result. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((problem) => `${file}: ${problem}`).join("\n"));
  }
}

/**
 * Reads a file as strict UTF-8. A file saved as Latin-1 would otherwise turn "å" into U+FFFD
 * and its ids would silently stop matching; the error names the first line with bad bytes.
 */
export async function readUtf8(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(file, [`cannot read the file (${(error as NodeJS.ErrnoException).code})`]);
  }
  if (bytes.length === 0) throw new InputError(file, ["the file is empty"]);
  const decoded = decodeUtf8(bytes);
  if ("badLine" in decoded) {
    throw new InputError(file, [`line ${decoded.badLine} is not valid UTF-8`]);
  }
  return decoded.text;
}

/** Strict UTF-8 decoding: the text, or the 1-based line holding the first bad bytes. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { badLine: firstBadLine(bytes) };
  }
}

function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return line;
}

export interface CsvRow {
  /** The file line the row ends on, as a spreadsheet numbers it (the header is row 1). */
  row: number;
  cells: Record<string, string>;
}

export interface CsvColumns {
  required: readonly string[];
  optional?: readonly string[];
  /** Columns that must be given together or not at all, such as an impact supplement. */
  together?: readonly string[];
}

/**
 * Parses a comma- or semicolon-separated table (Swedish spreadsheets save with semicolons),
 * checking the header against the expected columns and every row's length.
 */
export function parseCsvTable(file: string, text: string, columns: CsvColumns): CsvRow[] {
  const firstLine = text.split("\n", 1)[0] ?? "";
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let records: { record: string[]; info: InfoRecord }[];
  try {
    // With `info: true` each record comes with its line; the typings do not model that option.
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new InputError(file, [(error as Error).message]);
  }
  const [header, ...rows] = records;
  if (!header) throw new InputError(file, ["the file is empty"]);

  const names = header.record.map((name) => name.toLowerCase());
  const known = new Set([...columns.required, ...(columns.optional ?? [])]);
  if (!names.some((name) => known.has(name))) {
    throw new InputError(file, [
      `missing header: row ${header.info.lines} must name the columns ${columns.required.join(",")}`,
    ]);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name)) problems.push(`header: unknown column '${name}'`);
    else if (seen.has(name)) problems.push(`header: column '${name}' appears twice`);
    seen.add(name);
  }
  for (const name of columns.required) {
    if (!seen.has(name)) problems.push(`header: missing column '${name}'`);
  }
  const together = columns.together ?? [];
  if (together.some((name) => seen.has(name))) {
    for (const name of together) {
      if (!seen.has(name))
        problems.push(`header: missing column '${name}' (needed with the others)`);
    }
  }
  if (problems.length > 0) throw new InputError(file, problems);

  const table = rows.map(({ record, info }) => {
    if (record.length !== names.length) {
      problems.push(
        `row ${info.lines}: ${record.length} columns where the header has ${names.length}`,
      );
    }
    return {
      row: info.lines,
      cells: Object.fromEntries(names.map((name, i) => [name, record[i] ?? ""])),
    };
  });
  if (problems.length > 0) throw new InputError(file, problems);
  return table;
}
