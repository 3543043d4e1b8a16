/**
 * Exact null spaces of integer matrices, for the disclosure check of suppression. Rows are
 * combined fraction-free, so entries stay small integers on additivity tables and doubles hold
 * them exactly; should an entry ever leave the safe-integer range, Overflow is thrown and the
 * caller redoes the work on bigint, so the answer is always exact.
 */

export class Overflow extends Error {}

const LIMIT = Number.MAX_SAFE_INTEGER;
/** Beyond this size a row is divided by its gcd; below it, the gcd is not worth its cost. */
const RENORMALISE = 2 ** 20;

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

/** a·b, or Overflow when a double would round it. */
export function checkedProduct(a: number, b: number): number {
  const product = a * b;
  if (Math.abs(product) > LIMIT) throw new Overflow();
  return product;
}

const lcmNumber = (a: number, b: number): number =>
  checkedProduct(Math.abs(a) / gcdNumber(a, b), Math.abs(b));

/** A row or vector of integers by column; absent columns are 0. */
export type Sparse<T = number> = Map<number, T>;

/**
 * A basis of the integer vectors z with rows·z = 0, each vector in lowest terms. Additivity
 * equations are short, so the elimination is sparse and takes the shortest row as the next pivot
 * row (fill-in stays small); full reduction lets each free column's vector be read off directly.
 * Throws Overflow when an entry would leave the safe-integer range (then use nullSpaceBig).
 */
export function nullSpace(input: readonly Sparse[], width: number): Sparse[] {
  const rows = input.map((row) => {
    const copy = new Map<number, number>();
    for (const [c, v] of row) if (v !== 0) copy.set(c, v);
    return copy;
  });
  const rowsOf: Set<number>[] = Array.from({ length: width }, () => new Set());
  rows.forEach((row, r) => {
    for (const c of row.keys()) rowsOf[c]!.add(r);
  });
  const pivotRowOf = new Array<number>(width).fill(-1);
  const pivotColumnOf = new Array<number>(rows.length).fill(-1);
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
    pivotColumnOf[r] = c;
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
      if (largest > RENORMALISE || a !== 1) normaliseSparse(row);
    }
  }
  const basis: Sparse[] = [];
  for (let f = 0; f < width; f++) {
    if (pivotRowOf[f] !== -1) continue;
    let scale = 1;
    for (const r of rowsOf[f]!) scale = lcmNumber(scale, rows[r]!.get(pivotColumnOf[r]!)!);
    const vector = new Map<number, number>([[f, scale]]);
    for (const r of rowsOf[f]!) {
      const row = rows[r]!;
      const c = pivotColumnOf[r]!;
      vector.set(c, -checkedProduct(row.get(f)!, scale / row.get(c)!));
    }
    normaliseSparse(vector);
    basis.push(vector);
  }
  return basis;
}

/** Divides a sparse row of integers by the gcd of its entries. */
export function normaliseSparse(row: Sparse): void {
  let g = 0;
  for (const v of row.values()) {
    g = gcdNumber(g, v);
    if (g === 1) return;
  }
  if (g > 1) for (const [c, v] of row) row.set(c, v / g);
}

/** The same on bigint, for when `nullSpace` threw Overflow; dense, as it is rarely needed. */
export function nullSpaceBig(input: readonly Sparse[], width: number): Sparse<bigint>[] {
  const rows = input.map((row) => {
    const dense = new Array<bigint>(width).fill(0n);
    for (const [c, v] of row) dense[c] = BigInt(v);
    return dense;
  });
  const pivotOf = new Array<number>(width).fill(-1);
  let rank = 0;
  for (let c = 0; c < width && rank < rows.length; c++) {
    const p = rows.findIndex((row, r) => r >= rank && row[c] !== 0n);
    if (p === -1) continue;
    [rows[rank], rows[p]] = [rows[p]!, rows[rank]!];
    const pivot = rows[rank]!;
    rows.forEach((row, r) => {
      const b = row[c]!;
      if (r === rank || b === 0n) return;
      let g = 0n;
      for (let j = 0; j < width; j++) {
        row[j] = row[j]! * pivot[c]! - pivot[j]! * b;
        g = gcdBig(g, row[j]!);
      }
      if (g > 1n) for (let j = 0; j < width; j++) row[j] = row[j]! / g;
    });
    pivotOf[c] = rank;
    rank++;
  }
  const basis: Sparse<bigint>[] = [];
  for (let f = 0; f < width; f++) {
    if (pivotOf[f] !== -1) continue;
    const users = pivotOf.flatMap((r, c) => (r !== -1 && rows[r]![f] !== 0n ? [c] : []));
    let scale = 1n;
    for (const c of users) {
      const a = rows[pivotOf[c]!]![c]!;
      const abs = a < 0n ? -a : a;
      scale = (scale / gcdBig(scale, abs)) * abs;
    }
    const vector = new Map<number, bigint>([[f, scale]]);
    for (const c of users) {
      const row = rows[pivotOf[c]!]!;
      vector.set(c, -row[f]! * (scale / row[c]!));
    }
    let g = 0n;
    for (const v of vector.values()) g = gcdBig(g, v);
    if (g > 1n) for (const [c, v] of vector) vector.set(c, v / g);
    basis.push(vector);
  }
  return basis;
}
