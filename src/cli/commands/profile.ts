import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { z } from "zod";
import {
  computeProfile,
  minNProblem,
  ProfileCounter,
  RESERVED_COLUMNS,
} from "../../domain/profile/compute.ts";
import { DEFAULT_INSTRUMENT_INPUT } from "../../domain/profile/default-instrument.ts";
import { type Instrument, InstrumentSchema } from "../../domain/profile/instrument.ts";
import { answerProblem, compileInstrument, parseAnswer } from "../../domain/profile/scoring.ts";
import { DEFAULT_MIN_N } from "../../domain/profile/suppression.ts";
import { openSurveyFile, SurveyFileError } from "../../lib/survey-files/index.ts";
import { type CliCommand, type CliIo, EXIT } from "../io.ts";

const USAGE = `Usage:
  paraply profile compute --instrument FILE.json --data FILE(.csv|.xlsx|.sav) [--by COLUMNS] [--min-n N]
  paraply profile instrument        print the default instrument (ctc-sv) as JSON

compute: scores every respondent by the instrument and prints the area profile as JSON: for each
factor, every combination of the --by columns (comma-separated, e.g. area,grade,gender) and all
their margins, with n, percent flagged and its 95 % Wilson interval, small cells suppressed
(--min-n, default ${DEFAULT_MIN_N}, at least 5). The rules are in docs/profile-cli.md.
Bad input exits with 1 and names the line and column of every problem.
`;

// Enough to fix a file without drowning the terminal in a million identical lines.
const MAX_PROBLEMS = 50;

/** "factors[0].items[2]": a JSON path a person can find in the file. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    "",
  );
}

const issueText = (issue: z.core.$ZodIssue): string =>
  `${jsonPath(issue.path) || "(top level)"}: ${issue.message}`;

async function readInstrument(file: string): Promise<Instrument | string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return [`cannot read the file (${(error as NodeJS.ErrnoException).code})`];
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [`not valid JSON: ${(error as Error).message}`];
  }
  const parsed = InstrumentSchema.safeParse(json);
  return parsed.success ? parsed.data : parsed.error.issues.map(issueText);
}

function parseBy(text: string | undefined): string[] | string {
  if (text === undefined || text.trim() === "") return [];
  const columns = text.split(",").map((column) => column.trim());
  if (columns.some((column) => column === "")) return "--by has an empty column name";
  if (new Set(columns).size !== columns.length) return "--by names a column twice";
  const reserved = columns.find((column) =>
    (RESERVED_COLUMNS as readonly string[]).includes(column),
  );
  if (reserved) return `--by cannot use '${reserved}': the output uses that name itself`;
  return columns;
}

interface ComputeOptions {
  instrument: string;
  data: string;
  by: string[];
  minN: number;
}

async function compute(options: ComputeOptions, io: CliIo): Promise<number> {
  const instrument = await readInstrument(options.instrument);
  if (Array.isArray(instrument)) {
    for (const problem of instrument) io.stderr(`${options.instrument}: ${problem}\n`);
    return EXIT.failure;
  }
  const compiled = compileInstrument(instrument);
  const problems: string[] = [];
  let more = 0;
  const problem = (text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
    else more++;
  };
  const counter = new ProfileCounter(compiled);
  try {
    const file = await openSurveyFile(options.data);
    const position = new Map(file.header.map((name, i) => [name, i]));
    const missing = [...compiled.itemIds, ...options.by].filter((name) => !position.has(name));
    if (missing.length > 0) {
      await file.close();
      for (const name of missing) {
        io.stderr(`${options.data}: line 1, column ${name}: the header has no such column\n`);
      }
      return EXIT.failure;
    }
    const itemColumns = compiled.itemIds.map((id) => position.get(id) as number);
    const byColumns = options.by.map((name) => position.get(name) as number);
    const answers = new Float64Array(itemColumns.length);
    const group: string[] = new Array(byColumns.length).fill("");
    for await (const row of file.rows) {
      if (row.values.length !== file.header.length) {
        problem(
          `line ${row.line}: ${row.values.length} values where the header has ${file.header.length} columns`,
        );
        continue;
      }
      let valid = true;
      for (let i = 0; i < itemColumns.length; i++) {
        const text = row.values[itemColumns[i] as number] as string;
        const value = parseAnswer(text);
        const trouble =
          value === null ? `'${text}' is not a whole number` : answerProblem(compiled, i, value);
        if (trouble !== null) {
          problem(`line ${row.line}, column ${compiled.itemIds[i]}: ${trouble}`);
          valid = false;
        }
        answers[i] = value ?? Number.NaN;
      }
      if (!valid || problems.length > 0) continue;
      for (let d = 0; d < byColumns.length; d++) {
        group[d] = (row.values[byColumns[d] as number] as string).trim();
      }
      counter.add(group, answers);
    }
  } catch (error) {
    if (!(error instanceof SurveyFileError)) throw error;
    io.stderr(`${options.data}: ${error.message}\n`);
    return EXIT.failure;
  }
  if (problems.length > 0) {
    for (const text of problems) io.stderr(`${options.data}: ${text}\n`);
    if (more > 0) io.stderr(`${options.data}: … and ${more} more problems\n`);
    return EXIT.failure;
  }
  const output = computeProfile(counter, options.by, options.minN);
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return EXIT.ok;
}

export const profileCommand: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === "instrument" && rest.length === 0) {
    io.stdout(`${JSON.stringify(DEFAULT_INSTRUMENT_INPUT, null, 2)}\n`);
    return EXIT.ok;
  }
  if (sub !== "compute") {
    if (sub === "--help" || sub === "-h") {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    io.stderr(
      `paraply profile: ${sub ? `unknown subcommand '${sub}'` : "what to do?"}\n\n${USAGE}`,
    );
    return EXIT.usage;
  }
  let values: { instrument?: string; data?: string; by?: string; "min-n"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        instrument: { type: "string" },
        data: { type: "string" },
        by: { type: "string" },
        "min-n": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    io.stderr(`paraply profile compute: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (!values.instrument || !values.data) {
    io.stderr(`paraply profile compute: --instrument and --data are needed\n\n${USAGE}`);
    return EXIT.usage;
  }
  const by = parseBy(values.by);
  if (typeof by === "string") {
    io.stderr(`paraply profile compute: ${by}\n`);
    return EXIT.usage;
  }
  const minNText = values["min-n"] ?? String(DEFAULT_MIN_N);
  const minN = /^\d+$/.test(minNText) ? Number(minNText) : Number.NaN;
  const minNTrouble = minNProblem(minN);
  if (minNTrouble) {
    io.stderr(`paraply profile compute: --min-n ${minNText}: ${minNTrouble}\n`);
    return EXIT.failure;
  }
  return compute({ instrument: values.instrument, data: values.data, by, minN }, io);
};
