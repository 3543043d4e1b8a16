/**
 * Register indicators in Kolada's layout: one value per KPI, municipality, period and gender
 * (T total, K women, M men), with the number of units behind it and Kolada's status.
 *
 * Two sources: a CSV file (comma or semicolon, Swedish decimal comma or point, UTF-8, optional
 * BOM) with the columns kpi, municipality, period, gender, value, count, status (Swedish column
 * names are accepted too), and the JSON of Kolada's API (v2 and v3 answer
 * `{ "values": [ { kpi, municipality, period, values: [ { gender, value, count, status } ] } ] }`).
 * Parsing is all-or-nothing: either every row is valid or the answer lists every problem by row
 * and column, so an import never stores half a file.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { isStorableText, MAX_YEAR, MIN_YEAR } from "../shared/schemas.ts";

export const KOLADA_GENDERS = ["T", "K", "M"] as const;
export type KoladaGender = (typeof KOLADA_GENDERS)[number];

export const KoladaValueSchema = z.object({
  kpi: z.string().regex(/^[A-Z0-9_.-]{1,32}$/, "Ange ett nyckeltals-id som N00945."),
  municipality: z.string().regex(/^\d{4}$/, "Ange en kommunkod med fyra siffror, t.ex. 1438."),
  period: z.int().min(MIN_YEAR).max(MAX_YEAR),
  gender: z.enum(KOLADA_GENDERS),
  /** null where Kolada has no value (status tells why). */
  value: z.number().finite().nullable(),
  count: z.int().min(0).nullable(),
  status: z.string().max(50).refine(isStorableText),
});
export type KoladaValue = z.infer<typeof KoladaValueSchema>;

export interface KoladaProblem {
  /** The file's line (CSV, header = 1) or the 1-based entry of `values` (JSON). */
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export type KoladaParseResult =
  | { readonly ok: true; readonly values: KoladaValue[] }
  | { readonly ok: false; readonly problems: KoladaProblem[] };

/** Beyond this many problems a file is plainly of the wrong kind; the list stops there. */
const MAX_PROBLEMS = 200;
const MAX_ROWS = 500_000;

const COLUMN_NAMES: Record<string, keyof KoladaValue> = {
  kpi: "kpi",
  kpi_id: "kpi",
  nyckeltal: "kpi",
  municipality: "municipality",
  municipality_id: "municipality",
  kommun: "municipality",
  kommunkod: "municipality",
  period: "period",
  year: "period",
  år: "period",
  gender: "gender",
  kön: "gender",
  value: "value",
  värde: "value",
  count: "count",
  antal: "count",
  status: "status",
};
const REQUIRED: (keyof KoladaValue)[] = ["kpi", "municipality", "period", "gender", "value"];

class Problems {
  readonly list: KoladaProblem[] = [];
  // An entry's own field is checked once per gender value; it is one problem, listed once.
  private readonly seen = new Set<string>();
  add(row: number, column: string, message: string): void {
    const key = `${row}\u0000${column}\u0000${message}`;
    if (this.seen.has(key) || this.list.length >= MAX_PROBLEMS) return;
    this.seen.add(key);
    this.list.push({ row, column, message });
  }
}

/** A decimal with comma or point; spaces (also no-break) may group thousands. */
function parseDecimal(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(/^\u2212/, "-");
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(",", "."));
}

function parseCount(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  return /^\d{1,9}$/.test(compact) ? Number(compact) : undefined;
}

/** Spreadsheets drop the leading zero of Stockholm county's codes (0180 becomes 180). */
function municipalityCode(text: string): string {
  return /^\d{3}$/.test(text) ? `0${text}` : text;
}

function checkValue(
  candidate: Record<string, unknown>,
  row: number,
  columnName: (field: string) => string,
  problems: Problems,
  seen: Map<string, number>,
): KoladaValue | undefined {
  const result = KoladaValueSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      problems.add(row, columnName(field), messageFor(field, issue.message));
    }
    return undefined;
  }
  const value = result.data;
  const key = `${value.kpi}|${value.municipality}|${value.period}|${value.gender}`;
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    problems.add(
      row,
      columnName("kpi"),
      `Samma nyckeltal, kommun, period och kön finns redan på rad ${earlier}.`,
    );
    return undefined;
  }
  seen.set(key, row);
  return value;
}

function messageFor(field: string, fallback: string): string {
  switch (field) {
    case "period":
      return `Ange ett årtal mellan ${MIN_YEAR} och ${MAX_YEAR}.`;
    case "gender":
      return "Kön ska vara T (totalt), K (kvinnor) eller M (män).";
    case "value":
      return "Värdet ska vara ett tal (decimalkomma eller decimalpunkt) eller tomt.";
    case "count":
      return "Antalet ska vara ett heltal ≥ 0 eller tomt.";
    case "status":
      return "Statusen får vara högst 50 tecken.";
    default:
      return fallback;
  }
}

/** Parses Kolada's layout from CSV text. */
export function parseKoladaCsv(text: string): KoladaParseResult {
  const body = text.replace(/^\ufeff/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  if (firstLine.trim() === "") {
    return { ok: false, problems: [{ row: 1, column: "", message: "Filen saknar rubrikrad." }] };
  }
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      to: MAX_ROWS + 1,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      ok: false,
      problems: [
        {
          row: line,
          column: "",
          message: "Filen kan inte läsas som CSV (citattecken som inte avslutas?).",
        },
      ],
    };
  }
  const header = records[0] ?? [];
  const fieldAt = new Map<keyof KoladaValue, number>();
  const problems = new Problems();
  header.forEach((name, i) => {
    const field = COLUMN_NAMES[name.toLowerCase()];
    if (!field) return;
    if (fieldAt.has(field)) problems.add(1, name, `Kolumnen ${name} finns två gånger.`);
    else fieldAt.set(field, i);
  });
  for (const field of REQUIRED) {
    if (!fieldAt.has(field)) problems.add(1, field, `Kolumnen ${field} saknas.`);
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  const columnName = (field: string): string => {
    const at = fieldAt.get(field as keyof KoladaValue);
    return at === undefined ? field : header[at]!;
  };

  const values: KoladaValue[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const line = r + 1;
    const cell = (field: keyof KoladaValue): string => {
      const at = fieldAt.get(field);
      return at === undefined ? "" : (record[at] ?? "");
    };
    if (record.length !== header.length) {
      problems.add(line, "", `Raden har ${record.length} fält men rubriken ${header.length}.`);
      continue;
    }
    const rawValue = cell("value");
    const rawCount = cell("count");
    const rawPeriod = cell("period");
    const candidate: Record<string, unknown> = {
      kpi: cell("kpi").toUpperCase(),
      municipality: municipalityCode(cell("municipality")),
      period: /^\d{4}$/.test(rawPeriod) ? Number(rawPeriod) : rawPeriod,
      gender: cell("gender").toUpperCase(),
      value: rawValue === "" ? null : (parseDecimal(rawValue) ?? rawValue),
      count: rawCount === "" ? null : (parseCount(rawCount) ?? rawCount),
      status: cell("status"),
    };
    const value = checkValue(candidate, line, columnName, problems, seen);
    if (value) values.push(value);
  }
  if (records.length > MAX_ROWS) {
    problems.add(MAX_ROWS + 1, "", `Filen har fler än ${MAX_ROWS} rader.`);
  }
  if (records.length < 2 && problems.list.length === 0) {
    problems.add(2, "", "Filen har inga värden.");
  }
  return problems.list.length > 0 ? { ok: false, problems: problems.list } : { ok: true, values };
}

const ApiEntrySchema = z.object({
  kpi: z.unknown(),
  municipality: z.unknown(),
  period: z.unknown(),
  values: z.array(z.record(z.string(), z.unknown())),
});

/** Parses the JSON of Kolada's API (text or an already parsed value). */
export function parseKoladaJson(input: string | unknown): KoladaParseResult {
  let document: unknown = input;
  if (typeof input === "string") {
    try {
      document = JSON.parse(input.replace(/^\ufeff/, ""));
    } catch {
      return {
        ok: false,
        problems: [{ row: 0, column: "", message: "Filen är inte giltig JSON." }],
      };
    }
  }
  const entries = Array.isArray(document)
    ? document
    : document !== null &&
        typeof document === "object" &&
        Array.isArray((document as { values?: unknown }).values)
      ? (document as { values: unknown[] }).values
      : undefined;
  if (!entries) {
    return {
      ok: false,
      problems: [
        { row: 0, column: "values", message: 'JSON-filen saknar Koladas lista "values".' },
      ],
    };
  }
  if (entries.length === 0) {
    return {
      ok: false,
      problems: [{ row: 0, column: "values", message: "Filen har inga värden." }],
    };
  }
  const problems = new Problems();
  const values: KoladaValue[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  entries.forEach((raw, i) => {
    const row = i + 1;
    const entry = ApiEntrySchema.safeParse(raw);
    if (!entry.success) {
      problems.add(row, "values", "Posten ska ha kpi, municipality, period och en lista values.");
      return;
    }
    entry.data.values.forEach((inner, j) => {
      total++;
      if (inner.isdeleted === true) return;
      const candidate = {
        kpi: typeof entry.data.kpi === "string" ? entry.data.kpi.toUpperCase() : entry.data.kpi,
        municipality: entry.data.municipality,
        period: entry.data.period,
        gender: inner.gender,
        value: inner.value ?? null,
        count: inner.count ?? null,
        status: inner.status ?? "",
      };
      const columnName = (field: string): string =>
        ["kpi", "municipality", "period"].includes(field) ? field : `values[${j}].${field}`;
      const value = checkValue(candidate, row, columnName, problems, seen);
      if (value) values.push(value);
    });
  });
  if (total > MAX_ROWS) problems.add(0, "values", `Filen har fler än ${MAX_ROWS} värden.`);
  return problems.list.length > 0 ? { ok: false, problems: problems.list } : { ok: true, values };
}
