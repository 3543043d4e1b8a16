import { parseArgs } from "node:util";
import {
  markToTenths,
  type OrsNorm,
  orsNormForAge,
  scoreOrs,
} from "../../domain/evaluation/ors.ts";
import {
  OrsScoreSchema,
  type SdqImpact,
  type SdqScoreInput,
  SdqScoreSchema,
  type SdqVersion,
  SdqVersionSchema,
} from "../../domain/evaluation/schemas.ts";
import { scoreSdq } from "../../domain/evaluation/sdq.ts";
import { SDQ_IMPACT_ITEMS } from "../../domain/evaluation/sdq-impact.ts";
import {
  DEFAULT_SDQ_NORMS,
  findSdqNorms,
  SDQ_NORM_SETS,
  type SdqNormSet,
  unverifiedSdqScales,
} from "../../domain/evaluation/sdq-norms.ts";
import { type CliCommand, type CliIo, EXIT } from "../io.ts";
import { type CsvRow, InputError, parseCsvTable, readUtf8 } from "./input-file.ts";

const USAGE = `Usage:
  paraply score sdq FILE.csv --version parent|teacher|self [--norms NAME]
  paraply score ors FILE.csv

sdq: header id,q1,…,q25 (answers as ticked: 0 not true, 1 somewhat true, 2 certainly true;
     empty = not answered), optionally impact_overall (0–3) and the version's impact items
     impact_distress, impact_home, impact_friendships, impact_classroom, impact_leisure
     (teacher: impact_distress, impact_peers, impact_classroom), each 0–3 as ticked.
     Norm sets: ${SDQ_NORM_SETS.map((set) => set.name).join(", ")} (default ${DEFAULT_SDQ_NORMS.name}).
ors: header id,age,individually,interpersonally,socially,overall (marks 0–10, one decimal).
`;

const SDQ_ITEMS = Array.from({ length: 25 }, (_, i) => `q${i + 1}`);
const ORS_LINES = ["individually", "interpersonally", "socially", "overall"] as const;

const impactColumns = (version: SdqVersion) => [
  "impact_overall",
  ...SDQ_IMPACT_ITEMS[version].map((item) => `impact_${item}`),
];

function rowId(row: CsvRow, seen: Set<string>, problems: string[]): string {
  const id = row.cells.id ?? "";
  if (id === "") problems.push(`row ${row.row}, column id: empty`);
  else if (seen.has(id)) problems.push(`row ${row.row}, column id: '${id}' appears twice`);
  seen.add(id);
  return id;
}

function code<T extends number>(
  row: CsvRow,
  column: string,
  allowed: readonly T[],
  meaning: string,
  problems: string[],
): T | null {
  const value = row.cells[column] ?? "";
  if (value === "") return null;
  const answer = allowed.find((a) => String(a) === value);
  if (answer === undefined) {
    problems.push(`row ${row.row}, column ${column}: '${value}' is not an answer (${meaning})`);
    return null;
  }
  return answer;
}

const ITEM_MEANING = "0 not true, 1 somewhat true, 2 certainly true; empty when not answered";
const IMPACT_MEANING = "0 not at all, 1 only a little, 2 quite a lot, 3 a great deal; or empty";
const OVERALL_MEANING = "0 no, 1 minor, 2 definite, 3 severe difficulties; or empty";

function sdqInput(row: CsvRow, version: SdqVersion, problems: string[]): SdqScoreInput {
  const items = SDQ_ITEMS.map((item) =>
    code(row, item, [0, 1, 2] as const, ITEM_MEANING, problems),
  );
  if (!("impact_overall" in row.cells)) return { version, items };
  const impact: SdqImpact = {
    overall: code(row, "impact_overall", [0, 1, 2, 3] as const, OVERALL_MEANING, problems),
    distress: null,
    classroom: null,
  };
  for (const item of SDQ_IMPACT_ITEMS[version]) {
    impact[item] = code(row, `impact_${item}`, [0, 1, 2, 3] as const, IMPACT_MEANING, problems);
  }
  return { version, items, impact };
}

async function scoreSdqFile(file: string, version: SdqVersion, norms: SdqNormSet, io: CliIo) {
  const table = parseCsvTable(file, await readUtf8(file), {
    required: ["id", ...SDQ_ITEMS],
    optional: impactColumns(version),
    together: impactColumns(version),
  });
  const problems: string[] = [];
  const seen = new Set<string>();
  const forms = table.map((row) => ({
    id: rowId(row, seen, problems),
    input: sdqInput(row, version, problems),
  }));
  if (problems.length > 0) throw new InputError(file, problems);

  const unverified = unverifiedSdqScales(norms, version);
  if (unverified.length > 0) {
    io.stderr(
      `note: norm set ${norms.name}, ${version} version: the bands for ${unverified.join(", ")} ` +
        `are not verified against a source (${norms.source})\n`,
    );
  }
  return forms.map(({ id, input }) => ({ id, ...scoreSdq(SdqScoreSchema.parse(input), norms) }));
}

async function scoreOrsFile(file: string, io: CliIo) {
  const table = parseCsvTable(file, await readUtf8(file), {
    required: ["id", "age", ...ORS_LINES],
  });
  const problems: string[] = [];
  const seen = new Set<string>();
  const administrations = table.map((row) => {
    const id = rowId(row, seen, problems);
    const ageText = row.cells.age ?? "";
    const age = /^\d{1,3}$/.test(ageText) && Number(ageText) <= 130 ? Number(ageText) : null;
    if (age === null) {
      problems.push(`row ${row.row}, column age: '${ageText}' is not an age in whole years`);
    } else if (!orsNormForAge(age)) {
      problems.push(
        `row ${row.row}, column age: no ORS or CORS cut-off for age ${age} (CORS starts at 6)`,
      );
    }
    const marks = ORS_LINES.map((line) => {
      const value = row.cells[line] ?? "";
      if (value === "") return null;
      if (markToTenths(value) === null) {
        problems.push(
          `row ${row.row}, column ${line}: '${value}' is not a mark 0–10 with at most one decimal`,
        );
      }
      return value;
    });
    return { id, age: age ?? 0, marks };
  });
  if (problems.length > 0) throw new InputError(file, problems);

  const unverified = new Set<OrsNorm>();
  const results = administrations.map(({ id, age, marks }) => {
    const [individually, interpersonally, socially, overall] = marks;
    const result = scoreOrs(
      OrsScoreSchema.parse({ age, individually, interpersonally, socially, overall }),
    );
    if (!result.norm.cutoffVerified) unverified.add(result.norm);
    return {
      id,
      version: result.version,
      total: result.total,
      cutoff: result.cutoff,
      clinical: result.clinical,
    };
  });
  for (const norm of unverified) {
    io.stderr(
      `note: the ${norm.version} cut-off ${norm.cutoff} for ages ${norm.ageMin}–${norm.ageMax ?? ""} ` +
        `is not verified (${norm.source})\n`,
    );
  }
  return results;
}

export const scoreCommand: CliCommand = async (args, io) => {
  let options: { version?: string; norms?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values: options, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        version: { type: "string" },
        norms: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    io.stderr(`paraply score: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (options.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const [instrument, file, ...extra] = positionals;
  const usageError = (message: string) => {
    io.stderr(`paraply score: ${message}\n\n${USAGE}`);
    return EXIT.usage;
  };
  if (!file || extra.length > 0) return usageError("give one instrument and one FILE.csv");

  try {
    if (instrument === "sdq") {
      const version = SdqVersionSchema.safeParse(options.version);
      if (!version.success) {
        return usageError(
          `--version must be parent, teacher or self, not '${options.version ?? ""}'`,
        );
      }
      const norms = options.norms === undefined ? DEFAULT_SDQ_NORMS : findSdqNorms(options.norms);
      if (!norms) return usageError(`unknown norm set '${options.norms}'`);
      io.stdout(`${JSON.stringify(await scoreSdqFile(file, version.data, norms, io), null, 2)}\n`);
      return EXIT.ok;
    }
    if (instrument === "ors") {
      if (options.version !== undefined || options.norms !== undefined) {
        return usageError("ors takes no --version or --norms: the age chooses the version");
      }
      io.stdout(`${JSON.stringify(await scoreOrsFile(file, io), null, 2)}\n`);
      return EXIT.ok;
    }
    return usageError(`unknown instrument '${instrument}' (sdq or ors)`);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.message}\n`);
    return EXIT.failure;
  }
};
