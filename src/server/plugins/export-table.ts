import type { FastifyReply } from "fastify";
import writeXlsxFile, { type Cell, type Row as SheetRow } from "write-excel-file/node";
import { z } from "zod";
import { type CsvCell, toCsv } from "./csv.ts";

/**
 * One definition of an exported table, written as CSV or XLSX. Both carry the same columns in
 * the same order with the same headers, so a file opens the same way whichever a person picks.
 */
export type ColumnType = "text" | "number" | "date" | "datetime";
export type ExportLocale = "sv" | "en";
export type ExportValue = string | number | Date | null | undefined;

export interface ExportColumn<Row> {
  key: string;
  sv: string;
  en: string;
  type: ColumnType;
  value: (row: Row) => ExportValue;
}

export type ExportTable<Row> = readonly ExportColumn<Row>[];

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ExportFormatQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default("csv").describe("csv (Swedish convention) or xlsx"),
});

/**
 * Exports are read in Sweden: times are shown as the wall clock in Stockholm, in both formats,
 * because neither a CSV cell nor an Excel date carries a time zone.
 */
const TIME_ZONE = "Europe/Stockholm";
const wallClock = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function asDate(value: ExportValue): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-11-30 18:05:09", the Stockholm wall clock of an instant. */
function stockholmDateTime(date: Date): string {
  const part = Object.fromEntries(wallClock.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** The Stockholm wall clock as a UTC instant: Excel shows a date's UTC fields as they are. */
function stockholmAsUtc(date: Date): Date {
  const [d, t] = stockholmDateTime(date).split(" ") as [string, string];
  return new Date(`${d}T${t}.000Z`);
}

function asNumber(value: ExportValue): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A cell as Swedish Excel reads it: decimal comma, ISO dates; text left to the CSV writer. */
function csvCell(type: ColumnType, value: ExportValue): CsvCell {
  if (type === "number") {
    const n = asNumber(value);
    return n === null ? null : { formatted: String(n).replace(".", ",") };
  }
  if (type === "date" || type === "datetime") {
    if (type === "date" && typeof value === "string" && DATE_ONLY.test(value)) {
      return { formatted: value };
    }
    const date = asDate(value);
    if (!date) return null;
    const full = stockholmDateTime(date);
    return { formatted: type === "date" ? full.slice(0, 10) : full };
  }
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

export function headersOf<Row>(table: ExportTable<Row>, locale: ExportLocale): string[] {
  return table.map((c) => c[locale]);
}

/**
 * CSV in the Swedish convention: semicolons between cells (the comma is the decimal sign),
 * decimal commas, UTF-8 with a byte-order mark so that Excel does not read it as Windows-1252,
 * and headers in the reader's language. Text that a spreadsheet would run is neutralised by the
 * one CSV writer (csv.ts).
 */
export function tableToCsv<Row>(
  table: ExportTable<Row>,
  rows: readonly Row[],
  locale: ExportLocale,
): string {
  const cells = rows.map((row) => table.map((c) => csvCell(c.type, c.value(row))));
  return `\uFEFF${toCsv(headersOf(table, locale), cells, ";")}`;
}

const DATE_FORMAT = "yyyy-mm-dd";
const DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

function xlsxCell(type: ColumnType, value: ExportValue): Cell {
  if (type === "number") {
    const n = asNumber(value);
    return n === null ? null : { type: Number, value: n };
  }
  if (type === "date" || type === "datetime") {
    const date = asDate(value);
    if (!date) return null;
    // A calendar date has no time zone: "2026-11-30" is that day wherever it is read.
    const calendar = type === "date" && typeof value === "string" && DATE_ONLY.test(value);
    return {
      type: Date,
      value: calendar ? date : stockholmAsUtc(date),
      format: type === "date" ? DATE_FORMAT : DATETIME_FORMAT,
    };
  }
  if (value === null || value === undefined || value === "") return null;
  // A string cell is stored as text, never as a formula, so nothing needs neutralising here.
  return { type: String, value: value instanceof Date ? value.toISOString() : String(value) };
}

/** An XLSX workbook of one sheet: a bold header row, numbers as numbers, dates as dates. */
export async function tableToXlsx<Row>(
  table: ExportTable<Row>,
  rows: readonly Row[],
  locale: ExportLocale,
  sheet: string,
): Promise<Buffer> {
  const header: SheetRow = headersOf(table, locale).map((value) => ({
    type: String,
    value,
    fontWeight: "bold" as const,
  }));
  const data: SheetRow[] = rows.map((row) => table.map((c) => xlsxCell(c.type, c.value(row))));
  const file = writeXlsxFile([header, ...data], {
    sheet,
    stickyRowsCount: 1,
    columns: table.map((c) => ({
      width: c.type === "datetime" ? 20 : c.type === "text" ? 28 : 12,
    })),
  });
  return file.toBuffer();
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The table as a download in the asked-for format: sets the headers and returns the body, which
 * the route returns in turn, so that nothing leaves before its request transaction and audit
 * row commit. `basename` is the file name without its extension.
 */
export async function tableDownload<Row>(
  reply: FastifyReply,
  options: {
    table: ExportTable<Row>;
    rows: readonly Row[];
    locale: ExportLocale;
    format: ExportFormat;
    basename: string;
    sheet: string;
  },
): Promise<string | Buffer> {
  const { table, rows, locale, format, basename, sheet } = options;
  reply
    .header("content-type", CONTENT_TYPES[format])
    .header("content-disposition", `attachment; filename="${basename}.${format}"`);
  return format === "xlsx"
    ? tableToXlsx(table, rows, locale, sheet)
    : tableToCsv(table, rows, locale);
}
