/**
 * Small-cell suppression of one factor's table, exactly as profile-cli.md fixes it: cells with
 * n < minN are suppressed (primary), and further cells (complementary) until no suppressed count
 * can be recomputed from the published cells, judged by exact linear algebra (disclosure.ts).
 *
 * Method: the hypercube method of τ-ARGUS, then an exact pruning pass. A table that is the
 * tensor product of one pair of distinct values per column, with +1/−1 signs so that "all"
 * equals the sum of its children, changes no margin; so a suppressed cell is safe when the 2^dims
 * corners of such a hypercube through it are all suppressed. Each primary cell not yet inside a
 * chosen hypercube gets the cheapest one (fewest new cells, then smallest counts; empty cells are
 * known and cannot be corners). Hypercubes over-protect, because unknowns are also protected by
 * combinations of them, so each complementary cell is then offered for publication, largest
 * first, and published when the exact null space of the remaining unknowns still changes every
 * suppressed cell.
 */
import { buildGrid, type CountCell, disclosedOf, type Grid, nullBasis } from "./disclosure.ts";
import { checkedProduct, normaliseSparse, Overflow, type Sparse } from "./exact-elimination.ts";

export type { CountCell } from "./disclosure.ts";

export const DEFAULT_MIN_N = 10;
export const MIN_N_FLOOR = 5;

/**
 * The indexes of the suppressed cells whose flagged count (and n) can be recomputed from the
 * published cells of the same table.
 */
export function disclosedCells(
  cells: readonly CountCell[],
  dims: number,
  suppressed: readonly boolean[],
): number[] {
  if (suppressed.length !== cells.length) throw new RangeError("one flag per cell is needed");
  const grid = buildGrid(cells, dims);
  const mask = new Uint8Array(grid.total);
  suppressed.forEach((s, index) => {
    if (s) mask[grid.flatOf[index]!] = 1;
  });
  return disclosedOf(nullBasis(grid, mask))
    .map((flat) => grid.inputIndex[flat]!)
    .filter((index) => index !== -1)
    .sort((a, b) => a - b);
}

/**
 * Which cells of one factor's table to suppress (true) so that no cell with n < minN is published
 * and no suppressed count can be recomputed from the published ones. `cells` is the whole table
 * with its margins; cells not listed are empty.
 */
export function suppressCells(cells: readonly CountCell[], dims: number, minN: number): boolean[] {
  const { grid, suppressed, complementary } = hypercubes(cells, dims, minN);
  if (complementary.length > 0) prune(grid, suppressed, complementary);
  return Array.from(grid.flatOf, (flat) => suppressed[flat] === 1);
}

/**
 * The hypercube method alone, without the pruning pass: safe, but it hides more. Kept apart so
 * that the benchmark can show what the pruning saves.
 */
export function suppressByHypercubes(
  cells: readonly CountCell[],
  dims: number,
  minN: number,
): boolean[] {
  const { grid, suppressed } = hypercubes(cells, dims, minN);
  return Array.from(grid.flatOf, (flat) => suppressed[flat] === 1);
}

function hypercubes(cells: readonly CountCell[], dims: number, minN: number) {
  if (!Number.isInteger(minN) || minN < MIN_N_FLOOR) {
    throw new RangeError(`the minimum n must be a whole number of at least ${MIN_N_FLOOR}`);
  }
  const grid = buildGrid(cells, dims);
  const suppressed = new Uint8Array(grid.total);
  const primary: number[] = [];
  for (let flat = 0; flat < grid.total; flat++) {
    const count = grid.n[flat]!;
    if (count > 0 && count < minN) {
      suppressed[flat] = 1;
      primary.push(flat);
    }
  }
  primary.sort((a, b) => grid.n[a]! - grid.n[b]! || a - b);
  const inCube = new Uint8Array(grid.total);
  const complementary: number[] = [];
  for (const flat of primary) {
    if (inCube[flat]) continue;
    for (const corner of cheapestHypercube(grid, flat, suppressed)) {
      inCube[corner] = 1;
      if (!suppressed[corner]) {
        suppressed[corner] = 1;
        complementary.push(corner);
      }
    }
  }
  return { grid, suppressed, complementary };
}

interface Cost {
  cells: number;
  count: number;
}

const cheaper = (cells: number, count: number, than: Cost): boolean =>
  cells < than.cells || (cells === than.cells && count < than.count);

/**
 * The partner values tried per column, cheapest first. The best hypercube almost always pairs a
 * cell with cheap neighbours, and trying every one of 50 areas made the search the slowest part.
 */
const PARTNERS_PER_COLUMN = 8;
/** Bounds the hypercube search of a table with many columns. */
const MAX_PARTNER_CHOICES = 50_000;

/**
 * The corners of the cheapest hypercube through `flat` whose corners are all non-empty, found by
 * branch and bound over one partner value per column.
 */
function cheapestHypercube(grid: Grid, flat: number, suppressed: Uint8Array): number[] {
  const { dims, strides, n } = grid;
  const coords = Array.from({ length: dims }, (_, d) => grid.coords[flat * dims + d]!);
  // Partner values per column, cheapest single step first: good cubes are found early, which
  // makes the bound bite, and a cap on the search drops the least promising values.
  const candidates = coords.map((c, d) => {
    const step = (value: number): number => {
      const neighbour = flat + (value - c) * strides[d]!;
      return suppressed[neighbour] ? -1 : n[neighbour]!;
    };
    const values: number[] = [];
    for (let value = 0; value < grid.sizes[d]!; value++) {
      if (value !== c && n[flat + (value - c) * strides[d]!]! > 0) values.push(value);
    }
    return values.sort((a, b) => step(a) - step(b) || a - b);
  });
  const kept = candidates.map((values) => Math.min(values.length, PARTNERS_PER_COLUMN));
  while (kept.reduce((p, k) => p * Math.max(k, 1), 1) > MAX_PARTNER_CHOICES) {
    const widest = kept.indexOf(Math.max(...kept));
    kept[widest] = Math.max(1, Math.floor(kept[widest]! / 2));
  }

  let best = fallbackHypercube(grid, coords);
  const bestCost = costOf(grid, best, suppressed);
  const layers = Array.from({ length: dims + 1 }, (_, d) => new Int32Array(1 << d));
  layers[0]![0] = flat;
  const search = (d: number, cells: number, count: number): void => {
    if (d === dims) {
      best = Array.from(layers[dims]!);
      bestCost.cells = cells;
      bestCost.count = count;
      return;
    }
    const previous = layers[d]!;
    const next = layers[d + 1]!;
    const half = previous.length;
    const values = candidates[d]!;
    for (let k = 0; k < Math.min(kept[d]!, values.length); k++) {
      const delta = (values[k]! - coords[d]!) * strides[d]!;
      let addCells = cells;
      let addCount = count;
      let usable = true;
      for (let i = 0; i < half; i++) {
        const corner = previous[i]! + delta;
        next[i] = previous[i]!;
        next[half + i] = corner;
        if (n[corner] === 0) {
          usable = false;
          break;
        }
        if (!suppressed[corner]) {
          addCells++;
          addCount += n[corner]!;
        }
      }
      if (usable && cheaper(addCells, addCount, bestCost)) search(d + 1, addCells, addCount);
    }
  };
  search(0, 0, 0);
  return best;
}

/**
 * A hypercube that always exists: "all" as the partner in every column where the cell has a
 * category, and in its "all" columns the categories of a non-empty interior cell below it; every
 * corner then lies between that interior cell and the cell, so none is empty.
 */
function fallbackHypercube(grid: Grid, coords: readonly number[]): number[] {
  const free = coords.flatMap((c, d) => (c === 0 ? [d] : []));
  const below = coords.slice();
  const search = (i: number): boolean => {
    if (i === free.length) {
      return grid.n[below.reduce((sum, c, d) => sum + c * grid.strides[d]!, 0)]! > 0;
    }
    const d = free[i]!;
    for (let value = 1; value < grid.sizes[d]!; value++) {
      below[d] = value;
      if (search(i + 1)) return true;
    }
    return false;
  };
  if (!search(0)) throw new RangeError("a non-empty cell has no non-empty cells below it");
  const cube: number[] = [];
  for (let mask = 0; mask < 1 << grid.dims; mask++) {
    let corner = 0;
    coords.forEach((c, d) => {
      const partner = c === 0 ? below[d]! : 0;
      corner += (mask & (1 << d) ? partner : c) * grid.strides[d]!;
    });
    cube.push(corner);
  }
  return cube;
}

function costOf(grid: Grid, cube: readonly number[], suppressed: Uint8Array): Cost {
  const cost = { cells: 0, count: 0 };
  for (const corner of cube) {
    if (suppressed[corner]) continue;
    cost.cells++;
    cost.count += grid.n[corner]!;
  }
  return cost;
}

/**
 * Publishes again each complementary cell, largest first, that the exact null space can spare.
 * Publishing cell j keeps the null vectors that do not change j: with one basis vector that
 * changes j as pivot, the others are combined to cancel j and the pivot is dropped. The cell is
 * spared when every other suppressed cell is still changed by some remaining vector. Vectors are
 * sparse (index → integer), so a trial costs only the vectors through j.
 */
function prune(grid: Grid, suppressed: Uint8Array, complementary: readonly number[]): void {
  const basis = nullBasis(grid, suppressed);
  // Numbers this large never arise from additivity tables; if they do, the cubes stand.
  if (basis.exact === "bigint") return;
  const width = basis.cells.length;
  const vectors = new Map<number, Sparse>();
  const through: Set<number>[] = Array.from({ length: width }, () => new Set());
  basis.vectors.forEach((x, q) => {
    for (const i of x.keys()) through[i]!.add(q);
    vectors.set(q, x);
  });
  if (through.some((set) => set.size === 0))
    throw new Error("the hypercubes left a cell disclosed");
  const position = new Map(basis.cells.map((flat, i) => [flat, i]));

  const order = [...complementary].sort((a, b) => grid.n[b]! - grid.n[a]! || a - b);
  for (const flat of order) {
    const j = position.get(flat)!;
    let pivot = -1;
    for (const q of through[j]!) {
      if (pivot === -1 || vectors.get(q)!.size < vectors.get(pivot)!.size) pivot = q;
    }
    const p = vectors.get(pivot)!;
    const a = p.get(j)!;
    // How many vectors change each touched cell after the trial, relative to now.
    const delta = new Map<number, number>();
    const bump = (i: number, by: number) => delta.set(i, (delta.get(i) ?? 0) + by);
    for (const i of p.keys()) bump(i, -1);
    const replaced = new Map<number, Sparse>();
    try {
      for (const q of through[j]!) {
        if (q === pivot) continue;
        const x = vectors.get(q)!;
        const y = combineSparse(x, p, a, x.get(j)!);
        for (const i of x.keys()) bump(i, -1);
        for (const i of y.keys()) bump(i, 1);
        replaced.set(q, y);
      }
    } catch (error) {
      if (error instanceof Overflow) continue;
      throw error;
    }
    let safe = true;
    for (const [i, change] of delta) {
      if (i !== j && through[i]!.size + change <= 0) {
        safe = false;
        break;
      }
    }
    if (!safe) continue;
    suppressed[flat] = 0;
    for (const i of p.keys()) through[i]!.delete(pivot);
    vectors.delete(pivot);
    for (const [q, y] of replaced) {
      for (const i of vectors.get(q)!.keys()) through[i]!.delete(q);
      for (const i of y.keys()) through[i]!.add(q);
      vectors.set(q, y);
    }
  }
}

/** x·a − p·b on sparse integer vectors, divided by the gcd; Overflow when a double would round. */
function combineSparse(x: Sparse, p: Sparse, a: number, b: number): Sparse {
  const result = new Map<number, number>();
  for (const [i, v] of x) result.set(i, checkedProduct(v, a));
  for (const [i, v] of p) {
    const value = (result.get(i) ?? 0) - checkedProduct(v, b);
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER) throw new Overflow();
    if (value === 0) result.delete(i);
    else result.set(i, value);
  }
  normaliseSparse(result);
  return result;
}

/**
 * The response-rate rule: where the number invited is known, a group whose response rate is below
 * `minRate` is not published. The comparison is exact for a rate given as a decimal.
 */
export function responseRateTooLow(respondents: number, invited: number, minRate = 0.5): boolean {
  if (!Number.isInteger(respondents) || respondents < 0) {
    throw new RangeError("respondents must be a count");
  }
  if (!Number.isInteger(invited) || invited < 0) throw new RangeError("invited must be a count");
  if (!(minRate >= 0 && minRate <= 1)) throw new RangeError("the minimum rate lies in 0..1");
  if (invited === 0) return false;
  const [numerator, denominator] = decimalFraction(minRate);
  return BigInt(respondents) * denominator < numerator * BigInt(invited);
}

/** 0.7 as 7/10, not as the binary double just above it. */
function decimalFraction(value: number): [bigint, bigint] {
  const [mantissa, exponentText] = value.toExponential().split("e") as [string, string];
  const [whole, fraction = ""] = mantissa.split(".") as [string, string?];
  const digits = BigInt(whole + fraction);
  const exponent = Number(exponentText) - fraction.length;
  return exponent >= 0
    ? [digits * 10n ** BigInt(exponent), 1n]
    : [digits, 10n ** BigInt(-exponent)];
}
