/**
 * Helpers for the suppression tests: tables with margins built from finest-grain counts, and an
 * independent disclosure solver over the full additivity system in exact rationals.
 */
import type { CountCell } from "./suppression.ts";

export interface FineCell {
  key: string[];
  n: number;
  flagged: number;
}

/** Every combination of values and "all" (null) with n > 0, summed from the finest cells. */
export function withMargins(fine: readonly FineCell[], dims: number): CountCell[] {
  const sums = new Map<string, { key: (string | null)[]; n: number; flagged: number }>();
  for (const cell of fine) {
    for (let mask = 0; mask < 1 << dims; mask++) {
      const key = cell.key.map((value, d) => (mask & (1 << d) ? null : value));
      const id = JSON.stringify(key);
      const sum = sums.get(id) ?? { key, n: 0, flagged: 0 };
      sum.n += cell.n;
      sum.flagged += cell.flagged;
      sums.set(id, sum);
    }
  }
  return [...sums.values()].filter((cell) => cell.n > 0);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The suppressed cells that the published ones fix, found by writing down every additivity
 * equation of the table (each cell with "all" in a column equals the sum of its children along
 * that column, empty cells known to be 0) and testing, by Gaussian elimination over the
 * rationals, whether the unit vector of each unknown lies in the row space of the equations.
 */
export function solveDisclosures(
  cells: readonly CountCell[],
  dims: number,
  suppressed: readonly boolean[],
): number[] {
  const index = new Map(cells.map((cell, i) => [JSON.stringify(cell.key), i]));
  const values: string[][] = Array.from({ length: dims }, (_, d) => [
    ...new Set(cells.map((c) => c.key[d]).filter((v): v is string => v !== null)),
  ]);
  const unknowns = cells.flatMap((_, i) => (suppressed[i] ? [i] : []));
  const column = new Map(unknowns.map((cell, j) => [cell, j]));
  const rows: bigint[][] = [];
  const addEquation = (parent: (string | null)[], d: number) => {
    const row = new Array<bigint>(unknowns.length).fill(0n);
    const touch = (key: (string | null)[], sign: bigint) => {
      const i = index.get(JSON.stringify(key));
      if (i !== undefined && suppressed[i]) row[column.get(i)!]! += sign;
    };
    touch(parent, 1n);
    for (const value of values[d]!)
      touch(
        parent.map((v, e) => (e === d ? value : v)),
        -1n,
      );
    if (row.some((v) => v !== 0n)) rows.push(row);
  };
  // Every key of the full table, present or empty.
  const keys: (string | null)[][] = [[]];
  for (let d = 0; d < dims; d++) {
    const next: (string | null)[][] = [];
    for (const key of keys) for (const v of [null, ...values[d]!]) next.push([...key, v]);
    keys.splice(0, keys.length, ...next);
  }
  for (const key of keys) {
    key.forEach((v, d) => {
      if (v === null) addEquation(key, d);
    });
  }

  // Reduced echelon form over the rationals (rows scaled to integers).
  const pivots: number[] = [];
  let rank = 0;
  for (let c = 0; c < unknowns.length && rank < rows.length; c++) {
    const p = rows.findIndex((row, r) => r >= rank && row[c] !== 0n);
    if (p === -1) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    rows.forEach((row, r) => {
      if (r === rank || row[c] === 0n) return;
      const a = pivot[c]!;
      const b = row[c]!;
      let g = 0n;
      for (let j = 0; j < row.length; j++) {
        row[j] = row[j]! * a - pivot[j]! * b;
        g = gcd(g, row[j]!);
      }
      if (g > 1n) for (let j = 0; j < row.length; j++) row[j] = row[j]! / g;
    });
    pivots.push(c);
    rank++;
  }
  const disclosed: number[] = [];
  pivots.forEach((c, r) => {
    if (rows[r]!.every((v, j) => j === c || v === 0n)) disclosed.push(unknowns[c]!);
  });
  return disclosed.sort((a, b) => a - b);
}

/** A deterministic pseudo-random generator, so that benchmarks and examples repeat. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
