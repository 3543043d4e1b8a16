import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import type { SurveyRow } from "../../db/profile-staging.ts";
import type { SurveyFormat } from "../../domain/profile/schemas.ts";

export interface SurveyColumn {
  name: string;
  label: string | null;
  valueLabels: { value: string; label: string }[];
  missing: string[];
}

export interface OpenedSurvey {
  columns: SurveyColumn[];
  header: string[];
  rows: AsyncIterable<SurveyRow>;
  /** The share of the file read so far, 0..1, for the progress bar. */
  share: () => number;
}

export class SurveyReadError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/** UTF-8 when the start of the file decodes as UTF-8, else Windows-1252 (older Excel exports). */
async function sniff(
  path: string,
): Promise<{ encoding: "utf-8" | "windows-1252"; delimiter: string }> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead === 0) throw new SurveyReadError("Filen är tom.");
    let sample = buffer.subarray(0, bytesRead);
    // A multi-byte character cut at the end of the sample is not an encoding error.
    while (sample.length > 0 && bytesRead === buffer.length && (sample.at(-1)! & 0xc0) === 0x80) {
      sample = sample.subarray(0, -1);
    }
    if (bytesRead === buffer.length && sample.length > 0 && sample.at(-1)! >= 0xc0) {
      sample = sample.subarray(0, -1);
    }
    let encoding: "utf-8" | "windows-1252" = "utf-8";
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(sample);
    } catch {
      encoding = "windows-1252";
    }
    const text = new TextDecoder(encoding).decode(sample);
    const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
    const semicolons = firstLine.split(";").length;
    const commas = firstLine.split(",").length;
    return { encoding, delimiter: semicolons > commas ? ";" : "," };
  } finally {
    await handle.close();
  }
}

async function openCsv(path: string): Promise<OpenedSurvey> {
  const { encoding, delimiter } = await sniff(path);
  const size = (await stat(path)).size;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const parser = file
    .pipe(new TransformStreamDecoder(encoding))
    .pipe(
      parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
    );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[];
    info: { lines: number };
  }>;
  const first = await iterator.next();
  if (first.done) throw new SurveyReadError("Filen saknar rubrikrad.");
  const header = first.value.record.map((h) => h.trim());
  const columns = header.map((name) => ({ name, label: null, valueLabels: [], missing: [] }));
  async function* rows(): AsyncGenerator<SurveyRow> {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield { line: next.value.info.lines, values: next.value.record };
      }
    } catch (error) {
      throw new SurveyReadError(
        `Filen kunde inte läsas: ${(error as Error).message}`,
        parser.info.lines,
      );
    }
  }
  return { columns, header, rows: rows(), share: () => (size > 0 ? file.bytesRead / size : 1) };
}

/** Bytes in a given encoding to UTF-8 text, a chunk at a time. */
class TransformStreamDecoder extends Transform {
  private readonly decoder: TextDecoder;
  constructor(encoding: string) {
    super({ decodeStrings: false });
    this.decoder = new TextDecoder(encoding);
  }
  override _transform(
    chunk: Buffer,
    _: BufferEncoding,
    done: (error?: Error | null, data?: string) => void,
  ) {
    done(null, this.decoder.decode(chunk, { stream: true }));
  }
  override _flush(done: (error?: Error | null, data?: string) => void) {
    done(null, this.decoder.decode());
  }
}

/** Opens an uploaded survey file for reading: its columns (with .sav metadata) and its rows. */
export async function openSurvey(path: string, format: SurveyFormat): Promise<OpenedSurvey> {
  if (format === "csv") return openCsv(path);
  throw new SurveyReadError("Formatet kan inte läsas ännu.");
}
