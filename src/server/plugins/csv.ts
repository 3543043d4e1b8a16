import { stringify } from "csv-stringify/sync";

/**
 * The one CSV writer of every export. Spreadsheets run a cell that begins with = + - @ (or a tab
 * or carriage return before one) as a formula, so text a person typed, or an attacker sent as a
 * sign-in name, could call out to the network when an administrator opens the file. Such text
 * cells get a leading apostrophe, as OWASP advises ("CSV injection"); numbers and booleans are
 * written as they are, so they stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A number or date the export itself wrote in the reader's convention ("-4,5", "2026-11-30"):
 * no text a person typed, so written as it is, and a negative number stays a number.
 */
export interface FormattedCell {
  formatted: string;
}

export type CsvCell = string | number | boolean | null | undefined | FormattedCell;

export function neutraliseCell(value: CsvCell): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return value.formatted;
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV document with a header row; every text cell neutralised. Swedish Excel reads `;` as
 * the separator, since the comma is its decimal sign.
 */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  delimiter: "," | ";" = ",",
): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    { header: true, columns: [...columns], delimiter },
  );
}
