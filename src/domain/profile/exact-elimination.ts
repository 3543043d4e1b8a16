/**
 * Exact Gauss–Jordan elimination of integer matrices, for the disclosure check of suppression.
 * Rows are combined fraction-free and divided by their gcd, so entries stay small integers on
 * additivity tables and doubles hold them exactly; should an entry ever leave the safe-integer
 * range, the same elimination is redone on bigint, so the answer is always exact.
 */

type Row<T> = T[];

interface Reduced<T> {
  /** Rows in reduced echelon form: each pivot column is zero in every other row. */
  readonly rows: Row<T>[];
  readonly pivotColumns: number[];
}

export type EliminationResult =
  | { readonly exact: "number"; readonly reduced: Reduced<number> }
  | { readonly exact: "bigint"; readonly reduced: Reduced<bigint> };

class Overflow extends Error {}

const LIMIT = Number.MAX_SAFE_INTEGER;

function gcdNumber(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function normaliseNumber(row: Row<number>, from: number): void {
  let g = 0;
  for (let j = from; j < row.length && g !== 1; j++) if (row[j] !== 0) g = gcdNumber(g, row[j]!);
  if (g > 1) for (let j = from; j < row.length; j++) row[j] = row[j]! / g;
}

function normaliseBig(row: Row<bigint>, from: number): void {
  let g = 0n;
  for (let j = from; j < row.length && g !== 1n; j++) if (row[j] !== 0n) g = gcdBig(g, row[j]!);
  if (g > 1n) for (let j = from; j < row.length; j++) row[j] = row[j]! / g;
}

/** row := row·a − pivot·b from column `from` on; throws Overflow when a double would round. */
function combineNumber(row: Row<number>, pivot: Row<number>, a: number, b: number, from: number) {
  for (let j = from; j < row.length; j++) {
    const left = row[j]! * a;
    const right = pivot[j]! * b;
    const value = left - right;
    if (Math.abs(left) > LIMIT || Math.abs(right) > LIMIT || Math.abs(value) > LIMIT) {
      throw new Overflow();
    }
    row[j] = value;
  }
  normaliseNumber(row, from);
}

function combineBig(row: Row<bigint>, pivot: Row<bigint>, a: bigint, b: bigint, from: number) {
  for (let j = from; j < row.length; j++) row[j] = row[j]! * a - pivot[j]! * b;
  normaliseBig(row, from);
}

function eliminateNumber(matrix: readonly number[][], width: number): Reduced<number> {
  const rows = matrix.map((row) => row.slice());
  const pivotColumns: number[] = [];
  let rank = 0;
  for (let c = 0; c < width && rank < rows.length; c++) {
    let p = -1;
    for (let r = rank; r < rows.length; r++) {
      const v = rows[r]![c]!;
      if (v !== 0 && (p === -1 || Math.abs(v) < Math.abs(rows[p]![c]!))) {
        p = r;
        if (Math.abs(v) === 1) break;
      }
    }
    if (p === -1) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    const a = pivot[c]!;
    for (let r = 0; r < rows.length; r++) {
      const b = rows[r]![c]!;
      // Columns left of c are zero in the pivot row, so the combination starts at c.
      if (r !== rank && b !== 0) combineNumber(rows[r]!, pivot, a, b, r < rank ? 0 : c);
    }
    pivotColumns.push(c);
    rank++;
  }
  return { rows: rows.slice(0, rank), pivotColumns };
}

function eliminateBig(matrix: readonly number[][], width: number): Reduced<bigint> {
  const rows = matrix.map((row) => row.map((v) => BigInt(v)));
  const pivotColumns: number[] = [];
  let rank = 0;
  for (let c = 0; c < width && rank < rows.length; c++) {
    const p = rows.findIndex((row, r) => r >= rank && row[c] !== 0n);
    if (p === -1) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    const a = pivot[c]!;
    for (let r = 0; r < rows.length; r++) {
      const b = rows[r]![c]!;
      if (r !== rank && b !== 0n) combineBig(rows[r]!, pivot, a, b, r < rank ? 0 : c);
    }
    pivotColumns.push(c);
    rank++;
  }
  return { rows: rows.slice(0, rank), pivotColumns };
}

/** Reduces a matrix of integers (rows of `width` entries) to reduced echelon form, exactly. */
export function eliminate(matrix: readonly number[][], width: number): EliminationResult {
  try {
    return { exact: "number", reduced: eliminateNumber(matrix, width) };
  } catch (error) {
    if (!(error instanceof Overflow)) throw error;
    return { exact: "bigint", reduced: eliminateBig(matrix, width) };
  }
}

/** Whether `row` is a linear combination of the reduced rows. */
export function reducesToZero(result: EliminationResult, row: readonly number[]): boolean {
  if (result.exact === "number") {
    try {
      const phi = row.slice();
      const { rows, pivotColumns } = result.reduced;
      rows.forEach((pivot, i) => {
        const c = pivotColumns[i]!;
        if (phi[c] !== 0) combineNumber(phi, pivot, pivot[c]!, phi[c]!, 0);
      });
      return phi.every((v) => v === 0);
    } catch (error) {
      if (!(error instanceof Overflow)) throw error;
    }
  }
  const big =
    result.exact === "bigint"
      ? result.reduced
      : {
          rows: result.reduced.rows.map((r) => r.map((v) => BigInt(v))),
          pivotColumns: result.reduced.pivotColumns,
        };
  const phi = row.map((v) => BigInt(v));
  big.rows.forEach((pivot, i) => {
    const c = big.pivotColumns[i]!;
    if (phi[c] !== 0n) combineBig(phi, pivot, pivot[c]!, phi[c]!, 0);
  });
  return phi.every((v) => v === 0n);
}
