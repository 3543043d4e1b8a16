import type { z } from "zod";
import type { Instrument } from "../../domain/profile/instrument.ts";
import type {
  ImportSchema,
  InstrumentDetail,
  InstrumentSummary,
  Invited,
  Prioritisation,
  Wave,
} from "../../domain/profile/schemas.ts";
import type { ImportRow, InstrumentRow, WaveRow } from "./queries.ts";

/** Problems shown in the import's answer; the rest are counted. */
export const PROBLEMS_SHOWN = 500;

export function presentInstrument(row: InstrumentRow): InstrumentSummary {
  const definition = row.definition as Instrument;
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    organisationId: row.organisationId,
    builtIn: row.organisationId === null,
    items: definition.items.length,
    factors: definition.factors.length,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentInstrumentDetail(row: InstrumentRow, canEdit: boolean): InstrumentDetail {
  return { ...presentInstrument(row), instrument: row.definition as Instrument, canEdit };
}

export function presentWave(
  row: WaveRow,
  invited: Invited[],
  abilities: { canImport: boolean; canPrioritise: boolean },
): Wave {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    name: row.name,
    year: row.year,
    instrument: row.instrument,
    respondents: row.respondents,
    excluded: row.excluded,
    importedAt: row.importedAt?.toISOString() ?? null,
    invited,
    ...abilities,
  };
}

export function presentImport(row: ImportRow): z.input<typeof ImportSchema> {
  return {
    id: row.id,
    waveId: row.waveId,
    fileName: row.fileName,
    format: row.format,
    state: row.state,
    jobId: row.jobId,
    columns: row.columns,
    suggestedMapping: row.suggestedMapping,
    mapping: row.mapping,
    rows: row.rows,
    problemRows: row.problemRows,
    problems: row.problems.slice(0, PROBLEMS_SHOWN),
    problemCount: row.problemCount,
    excludedRows: row.excludedRows,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentPrioritisation(row: {
  row: {
    id: string;
    waveId: string;
    decidedBy: string | null;
    decidedAt: Date;
    basis: string;
    factors: Prioritisation["factors"];
  };
  decidedByName: string | null;
}): Prioritisation {
  return {
    id: row.row.id,
    waveId: row.row.waveId,
    decidedBy: { id: row.row.decidedBy, name: row.decidedByName ?? "" },
    decidedAt: row.row.decidedAt.toISOString(),
    basis: row.row.basis,
    factors: row.row.factors,
  };
}
