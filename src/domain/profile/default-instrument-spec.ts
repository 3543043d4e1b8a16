import type { InstrumentInput } from "./instrument.ts";

/**
 * The shape the default instrument's factors are written in (default-instrument-*.ts): a factor,
 * its rule and its items with their Swedish and English wording; default-instrument.ts turns
 * them into the instrument JSON.
 */

export const SCALES = {
  agree: { min: 1, max: 4 },
  wrong: { min: 1, max: 4 },
  easy: { min: 1, max: 4 },
  harm: { min: 1, max: 4 },
  yesno: { min: 0, max: 1 },
  often: { min: 0, max: 3 },
  friends: { min: 0, max: 4 },
} as const;

export const REVERSED = true;

type FactorInput = InstrumentInput["factors"][number];
export type ItemRow = [id: string, sv: string, en: string, reversed?: boolean];

export interface FactorSpec {
  id: string;
  kind: FactorInput["kind"];
  domain: FactorInput["domain"];
  name: { sv: string; en: string };
  rule: {
    scale: keyof typeof SCALES;
    cutPoint: number;
    compare: ">" | ">=";
    minAnswered: number;
  };
  rows: ItemRow[];
}

export function spec(
  id: string,
  kind: FactorSpec["kind"],
  domain: FactorSpec["domain"],
  name: FactorSpec["name"],
  rule: FactorSpec["rule"],
  rows: ItemRow[],
): FactorSpec {
  return { id, kind, domain, name, rule, rows };
}
