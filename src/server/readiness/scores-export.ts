import {
  DIMENSION_LETTERS,
  DIMENSIONS,
  type DimensionLetter,
} from "../../domain/readiness/dimensions.ts";
import type { ExportTable } from "../plugins/export-table.ts";

/** One row of the scores export: one scorer's sheet for one interview, or its consensus. */
export interface ScoreRow {
  interview: number;
  /** The scorer's name; null on the consensus row. */
  scorer: string | null;
  scores: Partial<Record<DimensionLetter, number>>;
}

/**
 * The scores export, one definition for CSV and XLSX: a row per submitted score sheet and one
 * consensus row per interview, a column per dimension headed by its letter and name.
 */
export function scoresExportTable(locale: "sv" | "en"): ExportTable<ScoreRow> {
  const consensus = locale === "en" ? "Consensus" : "Konsensus";
  return [
    {
      key: "interview",
      sv: "Intervju",
      en: "Interview",
      type: "number",
      value: (r) => r.interview,
    },
    {
      key: "scorer",
      sv: "Bedömare",
      en: "Scorer",
      type: "text",
      value: (r) => r.scorer ?? consensus,
    },
    ...DIMENSION_LETTERS.map((letter) => ({
      key: letter,
      sv: `${letter} ${DIMENSIONS[letter].name.sv}`,
      en: `${letter} ${DIMENSIONS[letter].name.en}`,
      type: "number" as const,
      value: (r: ScoreRow) => r.scores[letter],
    })),
  ];
}
