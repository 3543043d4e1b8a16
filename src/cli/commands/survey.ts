import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DEFAULT_INSTRUMENT } from "../../domain/profile/default-instrument.ts";
import { generateWave, WAVE_GROUPING_COLUMNS, waveColumns } from "../../domain/profile/generate.ts";
import { type Instrument, InstrumentSchema } from "../../domain/profile/instrument.ts";
import { type CliCommand, EXIT } from "../io.ts";

const USAGE = `Usage:
  paraply survey generate [--instrument FILE.json] --rows N --areas K --seed S [--out FILE.csv]

Writes a synthetic survey wave as CSV (UTF-8, comma, LF): one row per respondent with the
columns id, area, school, class, grade, gender and one per item of the instrument (default: the
built-in ctc-sv). The same seed gives the same file. Without --out the CSV goes to stdout.
`;

const MAX_ROWS = 10_000_000;
const MAX_AREAS = 10_000;

/** Quotes a CSV cell only when it needs it. */
function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function wholeNumber(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export const surveyCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub !== "generate") {
    if (sub === "--help" || sub === "-h") {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    io.stderr(`paraply survey: ${sub ? `unknown subcommand '${sub}'` : "what to do?"}\n\n${USAGE}`);
    return EXIT.usage;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        instrument: { type: "string" },
        rows: { type: "string" },
        areas: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    io.stderr(`paraply survey generate: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const rows = wholeNumber(values.rows as string | undefined, 1, MAX_ROWS);
  const areas = wholeNumber(values.areas as string | undefined, 1, MAX_AREAS);
  const seed = wholeNumber(values.seed as string | undefined, 0, 2 ** 32 - 1);
  if (rows === null || areas === null || seed === null) {
    io.stderr(
      `paraply survey generate: --rows (1–${MAX_ROWS}), --areas (1–${MAX_AREAS}) and --seed (0–4294967295) are needed as whole numbers\n\n${USAGE}`,
    );
    return EXIT.usage;
  }
  let instrument: Instrument = DEFAULT_INSTRUMENT;
  if (typeof values.instrument === "string") {
    const file = values.instrument;
    try {
      const parsed = InstrumentSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          io.stderr(`${file}: ${issue.path.join(".") || "(top level)"}: ${issue.message}\n`);
        }
        return EXIT.failure;
      }
      instrument = parsed.data;
    } catch (error) {
      io.stderr(`${file}: cannot read the instrument (${(error as Error).message})\n`);
      return EXIT.failure;
    }
  }

  const out = typeof values.out === "string" ? createWriteStream(values.out) : null;
  const write = async (text: string) => {
    if (out) {
      if (!out.write(text)) await once(out, "drain");
    } else {
      io.stdout(text);
    }
  };
  try {
    await write(`${waveColumns(instrument).map(csvCell).join(",")}\n`);
    let batch: string[] = [];
    for (const row of generateWave(instrument, { rows, areas, seed })) {
      // Only the grouping columns are text; answers are plain numbers or empty.
      for (let i = 0; i < WAVE_GROUPING_COLUMNS.length; i++) row[i] = csvCell(row[i] as string);
      batch.push(row.join(","));
      if (batch.length === 5000) {
        await write(`${batch.join("\n")}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) await write(`${batch.join("\n")}\n`);
    if (out) {
      out.end();
      await once(out, "finish");
    }
  } catch (error) {
    out?.destroy();
    io.stderr(`paraply survey generate: cannot write (${(error as Error).message})\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
};
