// sav-reader ships its typings but its package.json "exports" has no "types" condition, so
// NodeNext resolution cannot find them. This declares the part Paraply uses.
declare module "sav-reader" {
  export interface SavVariable {
    /** 0 numeric, 1 string. */
    type: number;
    name: string;
    label: string | null;
    missing: unknown;
  }
  export interface SavValueLabel {
    val: number | string;
    label: string;
  }
  export class SavFileReader {
    constructor(filename: string);
    meta: {
      header: { n_cases?: number; encoding?: string } | null;
      sysvars: SavVariable[];
      getValueLabels(name: string): SavValueLabel[] | null;
    };
    open(): Promise<void>;
    readNextRow(includeNulls?: boolean): Promise<Record<string, unknown> | null>;
  }
}
