import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { plainColumn, rowsOf, type SurveyFile, SurveyFileError, type SurveyRow } from "./types.ts";

/**
 * A streaming CSV reader for survey exports: UTF-8 (with or without BOM) or Windows-1252 (older
 * Excel on Windows), comma, semicolon (Swedish Excel) or tab, LF or CRLF, RFC 4180 quoting.
 * Hand-written rather than csv-parse because a survey of a million rows has a hundred million
 * cells and the import budget is a few seconds; the parser slices cells out of each decoded
 * chunk and only builds strings for quoted cells with escapes.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SAMPLE_BYTES = 64 * 1024;
// A survey row is a few hundred characters; a longer one means a runaway quote or a wrong file,
// and waiting for its end would hold the whole file in memory.
const MAX_RECORD_CHARS = 4_000_000;

export interface CsvDialect {
  encoding: "utf-8" | "windows-1252";
  delimiter: "," | ";" | "\t";
  bom: boolean;
}

/** Valid UTF-8 apart from a character cut off at the end of the sample. */
function isUtf8(sample: Uint8Array, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // Drop an incomplete trailing sequence: back up over continuation bytes to its lead byte.
    let i = end - 1;
    while (i >= 0 && i > end - 4 && ((sample[i] as number) & 0xc0) === 0x80) i--;
    if (i >= 0 && (sample[i] as number) >= 0xc0) end = i;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The delimiter that splits the header line most, counting only outside quotes. */
function detectDelimiter(firstLine: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

export function detectDialect(sample: Uint8Array, complete: boolean): CsvDialect {
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  const encoding = bom || isUtf8(sample, complete) ? "utf-8" : "windows-1252";
  const text = new TextDecoder(encoding).decode(sample.subarray(bom ? 3 : 0));
  const firstLine = text.split("\n", 1)[0] ?? "";
  return { encoding, delimiter: detectDelimiter(firstLine), bom };
}

/** Counts line feeds in s[from, to). */
function countLines(s: string, from: number, to: number): number {
  let lines = 0;
  for (let i = s.indexOf("\n", from); i !== -1 && i < to; i = s.indexOf("\n", i + 1)) lines++;
  return lines;
}

/**
 * Parses CSV text fed in pieces. `push` returns the complete records in a piece; an incomplete
 * last record waits for the next piece (or `end`).
 */
export class CsvParser {
  private rest = "";
  private line = 1;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string, emit: (values: string[], line: number) => void): void {
    this.parse(this.rest + text, false, emit);
  }

  end(emit: (values: string[], line: number) => void): void {
    this.parse(this.rest, true, emit);
    this.rest = "";
  }

  private parse(s: string, final: boolean, emit: (values: string[], line: number) => void): void {
    const length = s.length;
    const delimiter = this.delimiter;
    let pos = 0;
    let recordStart = 0;
    const separator = String.fromCharCode(delimiter);
    let quote = s.indexOf('"');
    records: while (pos < length) {
      recordStart = pos;
      const recordLine = this.line;
      // Fast path: a line without quotes is split natively.
      let lineEnd = s.indexOf("\n", pos);
      if (lineEnd === -1) {
        if (!final) break;
        lineEnd = length;
      }
      if (quote !== -1 && quote < pos) quote = s.indexOf('"', pos);
      if (quote === -1 || quote > lineEnd) {
        const contentEnd =
          lineEnd > pos && s.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        this.line++;
        if (contentEnd > pos) emit(s.slice(pos, contentEnd).split(separator), recordLine);
        pos = lineEnd + 1;
        recordStart = pos;
        continue;
      }
      let extraLines = 0;
      const values: string[] = [];
      for (;;) {
        let value: string;
        if (s.charCodeAt(pos) === QUOTE) {
          let from = pos + 1;
          value = "";
          for (;;) {
            const close = s.indexOf('"', from);
            if (close === -1 || (close === length - 1 && !final)) {
              if (!final) break records;
              throw new SurveyFileError("a quoted value is never closed", recordLine);
            }
            value += s.slice(from, close);
            if (s.charCodeAt(close + 1) === QUOTE) {
              value += '"';
              from = close + 2;
              continue;
            }
            extraLines += countLines(s, pos, close);
            pos = close + 1;
            break;
          }
          const next = s.charCodeAt(pos);
          if (pos < length && next !== delimiter && next !== LF && next !== CR) {
            throw new SurveyFileError(
              "text after a closing quote (a quote inside a value must be doubled)",
              recordLine,
            );
          }
        } else {
          let end = pos;
          let code = s.charCodeAt(end);
          while (end < length && code !== delimiter && code !== LF && code !== CR) {
            code = s.charCodeAt(++end);
          }
          if (end === length && !final) break records;
          value = s.slice(pos, end);
          pos = end;
        }
        values.push(value);
        const code = s.charCodeAt(pos);
        if (code === delimiter) {
          pos++;
          continue;
        }
        if (code === CR) {
          if (pos + 1 >= length && !final) break records;
          pos += s.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else if (code === LF) {
          pos++;
        }
        // A record ends here (line end, or the end of the text when final).
        this.line += 1 + extraLines;
        const blank = values.length === 1 && values[0] === "";
        if (!blank) emit(values, recordLine);
        recordStart = pos;
        continue records;
      }
    }
    // Whatever follows the last complete record waits for more text.
    this.rest = final ? "" : s.slice(recordStart);
    if (this.rest.length > MAX_RECORD_CHARS) {
      throw new SurveyFileError(
        "a row is longer than 4 million characters (is a quote left open, or is this not a CSV file?)",
        this.line,
      );
    }
  }
}

/** The line (1-based) of the first bytes that are not UTF-8 in a chunk starting at `line`. */
function badUtf8Line(bytes: Uint8Array, line: number): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  let current = line;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === LF) {
      try {
        decoder.decode(bytes.subarray(start, i), { stream: i === bytes.length });
      } catch {
        return current;
      }
      start = i + 1;
      current++;
    }
  }
  return current;
}

/** Header names: trimmed, none empty, none twice. */
export function checkHeader(header: readonly string[], line = 1): string[] {
  const names = header.map((name) => name.trim());
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (name === "") throw new SurveyFileError(`column ${i + 1} has no name`, line);
    if (seen.has(name)) throw new SurveyFileError("the column name appears twice", line, name);
    seen.add(name);
  }
  return names;
}

export async function openCsvFile(path: string): Promise<SurveyFile> {
  const size = (await stat(path)).size;
  if (size === 0) throw new SurveyFileError("the file is empty");
  return openCsvStream(createReadStream(path, { highWaterMark: 1 << 20 }), size);
}

/**
 * Reads CSV from a byte stream of `size` bytes (a file, or an upload's chunks in the database):
 * the dialect from its first bytes, then the records as the stream goes.
 */
export async function openCsvStream(source: Readable, size: number): Promise<SurveyFile> {
  const input = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SAMPLE_BYTES) {
    const next = await input.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  if (headBytes === 0) {
    source.destroy();
    throw new SurveyFileError("the file is empty");
  }
  const start = Buffer.concat(head, headBytes);
  const sample = start.subarray(0, SAMPLE_BYTES);
  // Excel's "Unicode text" is UTF-16; decoding it as either supported encoding gives garbage.
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    source.destroy();
    throw new SurveyFileError("the file is UTF-16; save it as CSV (UTF-8) instead", 1);
  }
  const dialect = detectDialect(sample, ended && headBytes <= SAMPLE_BYTES);
  let bytesRead = 0;
  // The bytes read for the sample first (without a BOM), then the rest of the stream.
  async function* bytes(): AsyncGenerator<Buffer> {
    const first = start.subarray(dialect.bom ? 3 : 0);
    bytesRead += headBytes;
    if (first.length > 0) yield first;
    for (;;) {
      const next = await input.next();
      if (next.done) return;
      bytesRead += next.value.length;
      yield next.value;
    }
  }
  const parser = new CsvParser(dialect.delimiter);
  const decoder = new TextDecoder(dialect.encoding, { fatal: dialect.encoding === "utf-8" });
  const pending: SurveyRow[] = [];
  const emit = (values: string[], line: number) => {
    pending.push({ line, values });
  };
  const chunks = bytes();
  let linesSoFar = 1;
  let done = false;

  // Reads until at least one record is complete (or the file ends).
  async function fill(): Promise<void> {
    while (pending.length === 0 && !done) {
      const next = await chunks.next();
      if (next.done) {
        let tail = "";
        try {
          tail = decoder.decode();
        } catch {
          throw new SurveyFileError("the file ends inside a character (not valid UTF-8)");
        }
        parser.push(tail, emit);
        parser.end(emit);
        done = true;
        return;
      }
      let text: string;
      try {
        text = decoder.decode(next.value, { stream: true });
      } catch {
        throw new SurveyFileError(
          "not valid UTF-8 (save the file as UTF-8 or Windows-1252 throughout)",
          badUtf8Line(next.value, linesSoFar),
        );
      }
      for (let i = next.value.indexOf(LF); i !== -1; i = next.value.indexOf(LF, i + 1)) {
        linesSoFar++;
      }
      parser.push(text, emit);
    }
  }

  await fill();
  const first = pending.shift();
  if (!first) throw new SurveyFileError("the file has no header row");
  const header = checkHeader(first.values, first.line);

  async function* batches(): AsyncGenerator<SurveyRow[]> {
    try {
      for (;;) {
        if (pending.length === 0) await fill();
        if (pending.length === 0) return;
        // Hand out what is parsed, then parse on.
        yield pending.splice(0, pending.length);
      }
    } finally {
      source.destroy();
    }
  }
  const stream$ = batches();

  return {
    format: "csv",
    encoding: dialect.encoding,
    delimiter: dialect.delimiter,
    header,
    columns: header.map(plainColumn),
    rows: rowsOf(stream$),
    batches: stream$,
    share: () => (size > 0 ? Math.min(1, bytesRead / size) : 1),
    close: async () => {
      source.destroy();
    },
  };
}
