import { stringify } from "csv-stringify/sync";
import type { FastifyReply } from "fastify";

/**
 * The one CSV writer of every export. Spreadsheets run a cell that begins with = + - @ (or a tab
 * or carriage return before one) as a formula, so text a person typed, or an attacker sent as a
 * sign-in name, could call out to the network when an administrator opens the file. Such text
 * cells get a leading apostrophe, as OWASP advises ("CSV injection"); numbers and booleans are
 * written as they are, so they stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

export function neutraliseCell(value: CsvCell): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV document with a header row; every text cell neutralised. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    { header: true, columns: [...columns] },
  );
}

/**
 * A CSV document as a download: sets the headers and returns the body, which the route returns
 * in turn, so that nothing leaves before the request transaction and its audit row commit. The
 * byte-order mark makes Excel read it as UTF-8.
 */
export function csvDownload(
  reply: FastifyReply,
  filename: string,
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`);
  return `\uFEFF${toCsv(columns, rows)}`;
}
