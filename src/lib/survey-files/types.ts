/**
 * What every survey file reader gives: the header, per-column metadata (labels, value labels
 * and user-missing codes where the format has them, i.e. .sav), and the rows as text cells, a row
 * at a time so a million-row file never sits in memory as objects.
 */

export const SURVEY_FILE_FORMATS = ["csv", "xlsx", "sav"] as const;
export type SurveyFileFormat = (typeof SURVEY_FILE_FORMATS)[number];

export interface SurveyColumn {
  name: string;
  /** The variable label (.sav), or null. */
  label: string | null;
  /** Value labels (.sav): the code as text, e.g. { value: "1", label: "Flicka" }. */
  valueLabels: { value: string; label: string }[];
  /** User-missing codes (.sav) as text; a range is listed by its ends only in `missingRange`. */
  missing: string[];
  missingRange: { low: number; high: number } | null;
}

export interface SurveyRow {
  /** Where the row is in the file: the line of a CSV (header = 1), the row of a sheet. */
  line: number;
  /** Cells as text in header order; an empty or system-missing cell is "". */
  values: readonly string[];
}

export interface SurveyFile {
  format: SurveyFileFormat;
  /** For CSV: the detected text encoding and delimiter. */
  encoding: "utf-8" | "windows-1252" | null;
  delimiter: "," | ";" | "\t" | null;
  header: string[];
  columns: SurveyColumn[];
  rows: AsyncIterable<SurveyRow>;
  /** The share of the file read so far, 0..1, for a progress bar. */
  share: () => number;
  /** Releases the file when a reader stops before the end. */
  close: () => Promise<void>;
}

/** A file that cannot be read as a survey, with where: a line (row) and a column when known. */
export class SurveyFileError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number | null = null,
    readonly column: string | null = null,
  ) {
    super(
      [line === null ? null : `line ${line}`, column === null ? null : `column ${column}`]
        .filter(Boolean)
        .join(", ")
        .concat(line === null && column === null ? problem : `: ${problem}`),
    );
  }
}

export function plainColumn(name: string): SurveyColumn {
  return { name, label: null, valueLabels: [], missing: [], missingRange: null };
}
