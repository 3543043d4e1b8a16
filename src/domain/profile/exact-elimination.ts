/**
 * Exact null spaces of integer matrices, for the disclosure check of suppression. Rows are
 * combined fraction-free and divided by their gcd, so entries stay small integers on additivity
 * tables and doubles hold them exactly; should an entry ever leave the safe-integer range, the
 * work is redone on bigint, so the answer is always exact.
 */

export class Overflow extends Error {}

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

/** Divides a row of integers by the gcd of its entries. */
export function normalise(row: number[] | Float64Array): void {
  let g = 0;
  for (let j = 0; j < row.length && g !== 1; j++) if (row[j] !== 0) g = gcdNumber(g, row[j]!);
  if (g > 1) for (let j = 0; j < row.length; j++) row[j] = row[j]! / g;
}

function normaliseBig(row: bigint[]): void {
  let g = 0n;
  for (let j = 0; j < row.length && g !== 1n; j++) if (row[j] !== 0n) g = gcdBig(g, row[j]!);
  if (g > 1n) for (let j = 0; j < row.length; j++) row[j] = row[j]! / g;
}

/** Beyond this size a row is divided by its gcd; below it, the gcd is not worth its cost. */
const RENORMALISE = 2 ** 20;

/** row := row·a − pivot·b, exactly, or Overflow when a double would round. */
export function combine(
  row: number[] | Float64Array,
  pivot: ArrayLike<number>,
  a: number,
  b: number,
): void {
  let largest = 0;
  for (let j = 0; j < row.length; j++) {
    const right = pivot[j]!;
    const left = row[j]!;
    if (right === 0) {
      if (left === 0) continue;
      const value = left * a;
      if (Math.abs(value) > LIMIT) throw new Overflow();
      row[j] = value;
      largest = Math.max(largest, Math.abs(value));
      continue;
    }
    const l = left * a;
    const r = right * b;
    const value = l - r;
    if (Math.abs(l) > LIMIT || Math.abs(r) > LIMIT || Math.abs(value) > LIMIT) {
      throw new Overflow();
    }
    row[j] = value;
    largest = Math.max(largest, Math.abs(value));
  }
  if (largest > RENORMALISE || Math.abs(a) !== 1) normalise(row);
}

function combineBig(row: bigint[], pivot: readonly bigint[], a: bigint, b: bigint): void {
  for (let j = 0; j < row.length; j++) row[j] = row[j]! * a - pivot[j]! * b;
  normaliseBig(row);
}

interface Arithmetic<T> {
  zero: T;
  one: T;
  abs: (v: T) => T;
  less: (a: T, b: T) => boolean;
  combine: (row: T[], pivot: readonly T[], a: T, b: T) => void;
  normalise: (row: T[]) => void;
  negate: (v: T) => T;
  multiply: (a: T, b: T) => T;
  divide: (a: T, b: T) => T;
  lcm: (a: T, b: T) => T;
}

const checked = (v: number): number => {
  if (Math.abs(v) > LIMIT) throw new Overflow();
  return v;
};

const NUMBERS: Arithmetic<number> = {
  zero: 0,
  one: 1,
  abs: Math.abs,
  less: (a, b) => a < b,
  combine,
  normalise,
  negate: (v) => -v,
  multiply: (a, b) => checked(a * b),
  divide: (a, b) => a / b,
  lcm: (a, b) => checked((Math.abs(a) / gcdNumber(a, b)) * Math.abs(b)),
};

const BIGINTS: Arithmetic<bigint> = {
  zero: 0n,
  one: 1n,
  abs: (v) => (v < 0n ? -v : v),
  less: (a, b) => a < b,
  combine: combineBig,
  normalise: normaliseBig,
  negate: (v) => -v,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  lcm: (a, b) => {
    const x = a < 0n ? -a : a;
    const y = b < 0n ? -b : b;
    return (x / gcdBig(x, y)) * y;
  },
};

function nullSpaceWith<T>(ops: Arithmetic<T>, matrix: readonly T[][], width: number): T[][] {
  const rows = matrix.map((row) => row.slice());
  const pivotOf = new Array<number>(width).fill(-1);
  let rank = 0;
  for (let c = 0; c < width && rank < rows.length; c++) {
    let p = -1;
    for (let r = rank; r < rows.length; r++) {
      const v = rows[r]![c]!;
      if (v !== ops.zero && (p === -1 || ops.less(ops.abs(v), ops.abs(rows[p]![c]!)))) p = r;
    }
    if (p === -1) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    for (let r = 0; r < rows.length; r++) {
      const b = rows[r]![c]!;
      if (r !== rank && b !== ops.zero) ops.combine(rows[r]!, pivot, pivot[c]!, b);
    }
    pivotOf[c] = rank;
    rank++;
  }
  // One basis vector per free column f: z_f = L and each pivot variable solved from its row.
  const basis: T[][] = [];
  for (let f = 0; f < width; f++) {
    if (pivotOf[f] !== -1) continue;
    let scale: T | undefined;
    const users: number[] = [];
    for (let c = 0; c < width; c++) {
      const r = pivotOf[c]!;
      if (r === -1 || rows[r]![f] === ops.zero) continue;
      users.push(c);
      scale = scale === undefined ? ops.abs(rows[r]![c]!) : ops.lcm(scale, rows[r]![c]!);
    }
    const vector = new Array<T>(width).fill(ops.zero);
    if (scale === undefined) {
      vector[f] = ops.one;
    } else {
      vector[f] = scale;
      for (const c of users) {
        const row = rows[pivotOf[c]!]!;
        vector[c] = ops.negate(ops.multiply(row[f]!, ops.divide(scale, row[c]!)));
      }
    }
    ops.normalise(vector);
    basis.push(vector);
  }
  return basis;
}

/**
 * A basis of the integer vectors z with matrix·z = 0, each vector in lowest terms. Additivity
 * equations are short, so the elimination is sparse and takes the shortest row as the next pivot
 * row (fill-in stays small); full reduction lets each free column's vector be read off directly.
 */
export function nullSpace(matrix: readonly number[][], width: number): number[][] {
  const rows = matrix.map((row) => {
    const entries = new Map<number, number>();
    row.forEach((v, c) => {
      if (v !== 0) entries.set(c, v);
    });
    return entries;
  });
  const rowsOf: Set<number>[] = Array.from({ length: width }, () => new Set());
  rows.forEach((row, r) => {
    for (const c of row.keys()) rowsOf[c]!.add(r);
  });
  const pivotRowOf = new Array<number>(width).fill(-1);
  const done = new Uint8Array(rows.length);
  for (;;) {
    let r = -1;
    for (let k = 0; k < rows.length; k++) {
      if (!done[k] && rows[k]!.size > 0 && (r === -1 || rows[k]!.size < rows[r]!.size)) r = k;
    }
    if (r === -1) break;
    done[r] = 1;
    const pivot = rows[r]!;
    let c = -1;
    for (const [column, value] of pivot) {
      if (c === -1 || Math.abs(value) < Math.abs(pivot.get(c)!)) c = column;
      else if (
        Math.abs(value) === Math.abs(pivot.get(c)!) &&
        rowsOf[column]!.size < rowsOf[c]!.size
      ) {
        c = column;
      }
    }
    pivotRowOf[c] = r;
    const a = pivot.get(c)!;
    for (const target of [...rowsOf[c]!]) {
      if (target === r) continue;
      const row = rows[target]!;
      const b = row.get(c)!;
      let largest = 0;
      if (a !== 1) {
        for (const [column, value] of row) {
          const scaled = value * a;
          if (Math.abs(scaled) > LIMIT) throw new Overflow();
          row.set(column, scaled);
        }
      }
      for (const [column, value] of pivot) {
        const current = row.get(column) ?? 0;
        const product = value * b;
        const next = current - product;
        if (Math.abs(product) > LIMIT || Math.abs(next) > LIMIT) throw new Overflow();
        if (next === 0) {
          row.delete(column);
          rowsOf[column]!.delete(target);
        } else {
          if (current === 0) rowsOf[column]!.add(target);
          row.set(column, next);
          largest = Math.max(largest, Math.abs(next));
        }
      }
      if (largest > RENORMALISE || a !== 1) {
        let g = 0;
        for (const value of row.values()) g = gcdNumber(g, value);
        if (g > 1) for (const [column, value] of row) row.set(column, value / g);
      }
    }
  }
  const basis: number[][] = [];
  for (let f = 0; f < width; f++) {
    if (pivotRowOf[f] !== -1) continue;
    let scale = 1;
    for (const r of rowsOf[f]!) {
      const pivotColumn = pivotColumnOf(rows[r]!, pivotRowOf, r);
      scale = NUMBERS.lcm(scale, rows[r]!.get(pivotColumn)!);
    }
    const vector = new Array<number>(width).fill(0);
    vector[f] = scale;
    for (const r of rowsOf[f]!) {
      const row = rows[r]!;
      const pivotColumn = pivotColumnOf(row, pivotRowOf, r);
      vector[pivotColumn] = -NUMBERS.multiply(row.get(f)!, scale / row.get(pivotColumn)!);
    }
    normalise(vector);
    basis.push(vector);
  }
  return basis;
}

function pivotColumnOf(row: Map<number, number>, pivotRowOf: number[], r: number): number {
  for (const column of row.keys()) if (pivotRowOf[column] === r) return column;
  throw new Error("a reduced row has lost its pivot");
}

/** The same on bigint, for when `nullSpace` threw Overflow. */
export function nullSpaceBig(matrix: readonly number[][], width: number): bigint[][] {
  return nullSpaceWith(
    BIGINTS,
    matrix.map((row) => row.map((v) => BigInt(v))),
    width,
  );
}
