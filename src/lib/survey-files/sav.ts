import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import type { SurveyColumn, SurveyFile, SurveyRow } from "./types.ts";
import { SurveyFileError } from "./types.ts";

/**
 * SPSS .sav through sav-reader: records are read one at a time, and the variables' labels, value
 * labels and user-missing values are exposed as column metadata so the mapping step can show
 * what the codes mean. Numbers become their shortest decimal text ("3", "2.5"); system-missing
 * becomes an empty cell, as an empty CSV cell would.
 */

// sav-reader's package.json exports it for require() only, so ESM cannot import it by name.
const { SavFileReader } = createRequire(import.meta.url)(
  "sav-reader",
) as typeof import("sav-reader");

type SavMissing =
  | null
  | undefined
  | number
  | number[]
  | { min: number; max: number; value?: number };

function missingOf(missing: SavMissing): Pick<SurveyColumn, "missing" | "missingRange"> {
  if (missing === null || missing === undefined) return { missing: [], missingRange: null };
  if (typeof missing === "number") return { missing: [String(missing)], missingRange: null };
  if (Array.isArray(missing)) return { missing: missing.map(String), missingRange: null };
  return {
    missing: missing.value === undefined ? [] : [String(missing.value)],
    missingRange: { low: missing.min, high: missing.max },
  };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return String(value).trimEnd();
}

export async function openSavFile(path: string): Promise<SurveyFile> {
  const size = (await stat(path)).size;
  if (size === 0) throw new SurveyFileError("the file is empty");
  const reader = new SavFileReader(path);
  try {
    await reader.open();
  } catch (error) {
    throw new SurveyFileError(`not a readable SPSS .sav file (${(error as Error).message})`);
  }
  const variables = reader.meta.sysvars;
  const header = variables.map((variable) => variable.name);
  const columns: SurveyColumn[] = variables.map((variable) => ({
    name: variable.name,
    label: variable.label || null,
    valueLabels: (reader.meta.getValueLabels(variable.name) ?? []).map((entry) => ({
      value: cellText(entry.val),
      label: entry.label,
    })),
    ...missingOf(variable.missing as SavMissing),
  }));
  const cases = Number(reader.meta.header?.n_cases) || 0;
  let read = 0;

  async function* rows(): AsyncGenerator<SurveyRow> {
    for (;;) {
      let record: Record<string, unknown> | null;
      try {
        record = await reader.readNextRow(true);
      } catch (error) {
        throw new SurveyFileError(`the file is damaged (${(error as Error).message})`, read + 2);
      }
      if (record === null) return;
      read++;
      // Line numbers as a spreadsheet would show the case: the variable names are row 1.
      yield { line: read + 1, values: header.map((name) => cellText(record[name])) };
    }
  }

  return {
    format: "sav",
    encoding: null,
    delimiter: null,
    header,
    columns,
    rows: rows(),
    share: () => (cases > 0 ? Math.min(1, read / cases) : 0),
    close: async () => {
      // sav-reader exposes no close; the stream ends when the rows are read or collected.
    },
  };
}
