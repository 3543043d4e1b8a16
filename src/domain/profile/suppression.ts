/**
 * Small-cell suppression of one factor's table, exactly as profile-cli.md fixes it.
 *
 * A table of `dims` grouping columns holds every combination of categories and of "all" (null).
 * Published counts add up: a cell with "all" in a column is the sum of its children along that
 * column. A suppressed cell's count is an unknown; it is disclosed when the additivity equations
 * over the published cells fix it to one value, which is a question of linear algebra: an unknown
 * is free exactly when some solution of the homogeneous system, zero on every published cell, is
 * non-zero on it. Cells that are absent from the input have n = 0 and are known to everyone.
 *
 * Method (the hypercube method of τ-ARGUS, then an exact check and a pruning pass):
 * every table that is the tensor product of one pair of distinct values per column, with +1/−1
 * signs chosen so that "all" equals the sum of its children, solves the homogeneous system; so a
 * suppressed cell is safe when the 2^dims corners of such a hypercube through it are all
 * suppressed. For each primary cell the cheapest hypercube (fewest new cells, then smallest
 * counts) is added. Because unknowns can also be protected by combinations of hypercubes, each
 * complementary cell is then tentatively published again, largest first, and kept published when
 * the exact check still finds no disclosure.
 */
import { type EliminationResult, eliminate, reducesToZero } from "./exact-elimination.ts";

export const DEFAULT_MIN_N = 10;
export const MIN_N_FLOOR = 5;

export interface CountCell {
  readonly key: readonly (string | null)[];
  readonly n: number;
  readonly flagged: number;
}

/** The full hypercube of a table with its margins; coordinate 0 is "all" in every column. */
interface Grid {
  readonly dims: number;
  readonly sizes: readonly number[];
  readonly strides: readonly number[];
  readonly total: number;
  /** n of each flat cell; 0 where the input has no cell (known to be empty). */
  readonly n: Float64Array;
  /** The input index of each flat cell, or −1. */
  readonly inputIndex: Int32Array;
  /** The flat cell of each input cell. */
  readonly flatOf: Int32Array;
}

function buildGrid(cells: readonly CountCell[], dims: number): Grid {
  if (!Number.isInteger(dims) || dims < 0) throw new RangeError("dims must be a whole number ≥ 0");
  const categories: Set<string>[] = Array.from({ length: dims }, () => new Set<string>());
  for (const cell of cells) {
    if (cell.key.length !== dims) {
      throw new RangeError(`cell key has ${cell.key.length} columns, expected ${dims}`);
    }
    if (!Number.isInteger(cell.n) || cell.n < 0) throw new RangeError("n must be a count");
    cell.key.forEach((value, d) => {
      if (value !== null) categories[d]!.add(value);
    });
  }
  // Sorted so that the result does not depend on the order the cells come in.
  const coordinate = categories.map(
    (set) => new Map([...set].sort().map((value, i) => [value, i + 1] as const)),
  );
  const sizes = categories.map((set) => set.size + 1);
  const strides: number[] = [];
  let total = 1;
  for (let d = dims - 1; d >= 0; d--) {
    strides[d] = total;
    total *= sizes[d]!;
  }
  const n = new Float64Array(total);
  const inputIndex = new Int32Array(total).fill(-1);
  const flatOf = new Int32Array(cells.length);
  cells.forEach((cell, index) => {
    let flat = 0;
    cell.key.forEach((value, d) => {
      if (value !== null) flat += coordinate[d]!.get(value)! * strides[d]!;
    });
    if (inputIndex[flat] !== -1) {
      throw new RangeError(`the cell [${cell.key.join(", ")}] occurs twice`);
    }
    inputIndex[flat] = index;
    flatOf[index] = flat;
    n[flat] = cell.n;
  });
  return { dims, sizes, strides, total, n, inputIndex, flatOf };
}

function coordinatesOf(grid: Grid, flat: number): number[] {
  return grid.strides.map((stride, d) => Math.floor(flat / stride) % grid.sizes[d]!);
}

const isInterior = (grid: Grid, flat: number): boolean =>
  coordinatesOf(grid, flat).every((c) => c !== 0);

/** Every cell that sums over `flat`: the cell itself with any non-empty set of columns at "all". */
function ancestorsOf(grid: Grid, flat: number): number[] {
  const coords = coordinatesOf(grid, flat);
  const own = coords.map((c, d) => c * grid.strides[d]!);
  const result: number[] = [];
  const dims = grid.dims;
  for (let mask = 1; mask < 1 << dims; mask++) {
    let ancestor = flat;
    for (let d = 0; d < dims; d++) if (mask & (1 << d)) ancestor -= own[d]!;
    if (ancestor !== flat) result.push(ancestor);
  }
  return [...new Set(result)];
}

/**
 * The suppressed flat cells whose count the published cells fix. Every cell's count is the sum
 * of the interior (finest) cells under it, and interior cells may take any values, so a solution
 * of the homogeneous system is a free choice z of the suppressed interior cells subject to
 * "sum of z under each published margin = 0"; a suppressed cell is disclosed when the sum of z
 * under it is 0 for every such z, i.e. when that sum is a combination of the published margins'
 * equations.
 */
function disclosedFlat(grid: Grid, suppressed: Uint8Array): number[] {
  const variables: number[] = [];
  const variableOf = new Map<number, number>();
  for (let flat = 0; flat < grid.total; flat++) {
    if (suppressed[flat] && isInterior(grid, flat)) {
      variableOf.set(flat, variables.length);
      variables.push(flat);
    }
  }
  const equations = new Map<number, number[]>();
  const queries = new Map<number, number[]>();
  for (let flat = 0; flat < grid.total; flat++) if (suppressed[flat]) queries.set(flat, []);
  variables.forEach((flat, v) => {
    queries.get(flat)!.push(v);
    for (const ancestor of ancestorsOf(grid, flat)) {
      const target = suppressed[ancestor] ? queries : equations;
      let list = target.get(ancestor);
      if (!list) {
        list = [];
        target.set(ancestor, list);
      }
      list.push(v);
    }
  });

  // An equation with a single unknown pins it to zero; pinning can cascade. Doing this before the
  // elimination keeps the matrices small.
  const pinned = new Uint8Array(variables.length);
  const equationsOfVariable: number[][] = variables.map(() => []);
  const equationList = [...equations.values()];
  equationList.forEach((vars, e) => {
    for (const v of vars) equationsOfVariable[v]!.push(e);
  });
  const open = equationList.map((vars) => vars.length);
  const stack: number[] = [];
  open.forEach((count, e) => {
    if (count === 1) stack.push(e);
  });
  while (stack.length > 0) {
    const e = stack.pop()!;
    const v = equationList[e]!.find((x) => !pinned[x]);
    if (v === undefined) continue;
    pinned[v] = 1;
    for (const other of equationsOfVariable[v]!) {
      open[other]!--;
      if (open[other] === 1) stack.push(other);
    }
  }

  // Independent blocks of unknowns (linked through a shared equation) are solved separately.
  const parent = variables.map((_, v) => v);
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[v] !== root) {
      const next = parent[v]!;
      parent[v] = root;
      v = next;
    }
    return root;
  };
  const liveEquations = equationList
    .map((vars) => vars.filter((v) => !pinned[v]))
    .filter((vars) => vars.length > 0);
  for (const vars of liveEquations) {
    for (const v of vars) parent[find(v)] = find(vars[0]!);
  }
  const blockOf = new Map<number, { columns: Map<number, number>; rows: number[][] }>();
  variables.forEach((_, v) => {
    if (pinned[v]) return;
    const root = find(v);
    let block = blockOf.get(root);
    if (!block) {
      block = { columns: new Map(), rows: [] };
      blockOf.set(root, block);
    }
    block.columns.set(v, block.columns.size);
  });
  for (const vars of liveEquations) blockOf.get(find(vars[0]!))!.rows.push(vars);
  const solved = new Map<number, EliminationResult>();
  for (const [root, block] of blockOf) {
    const width = block.columns.size;
    const matrix = block.rows.map((vars) => {
      const row = new Array<number>(width).fill(0);
      for (const v of vars) row[block.columns.get(v)!] = 1;
      return row;
    });
    solved.set(root, eliminate(matrix, width));
  }

  const disclosed: number[] = [];
  for (const [flat, vars] of queries) {
    const byBlock = new Map<number, number[]>();
    for (const v of vars) {
      if (pinned[v]) continue;
      const root = find(v);
      const block = blockOf.get(root)!;
      let row = byBlock.get(root);
      if (!row) {
        row = new Array<number>(block.columns.size).fill(0);
        byBlock.set(root, row);
      }
      row[block.columns.get(v)!]! += 1;
    }
    let fixed = true;
    for (const [root, row] of byBlock) {
      if (!reducesToZero(solved.get(root)!, row)) {
        fixed = false;
        break;
      }
    }
    if (fixed) disclosed.push(flat);
  }
  return disclosed.sort((a, b) => a - b);
}

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
  return disclosedFlat(grid, mask)
    .map((flat) => grid.inputIndex[flat]!)
    .sort((a, b) => a - b);
}

interface Cost {
  newCells: number;
  newCount: number;
}

const cheaper = (a: Cost, b: Cost): boolean =>
  a.newCells < b.newCells || (a.newCells === b.newCells && a.newCount < b.newCount);

/** Keeps the hypercube search small when a table has many columns or many categories. */
const MAX_HYPERCUBES = 20_000;

/** The corners of the hypercube through `coords` with `partners` as the other value per column. */
function corners(grid: Grid, coords: readonly number[], partners: readonly number[]): number[] {
  const result: number[] = [];
  for (let mask = 0; mask < 1 << grid.dims; mask++) {
    let flat = 0;
    for (let d = 0; d < grid.dims; d++) {
      flat += (mask & (1 << d) ? partners[d]! : coords[d]!) * grid.strides[d]!;
    }
    result.push(flat);
  }
  return result;
}

/** The cheapest hypercube through `flat` whose corners are all non-empty cells. */
function cheapestHypercube(grid: Grid, flat: number, suppressed: Uint8Array): number[] {
  const coords = coordinatesOf(grid, flat);
  // Partner values per column, the cheapest single step first, so that a cap on the search drops
  // the least promising ones.
  const candidates = coords.map((c, d) => {
    const values: number[] = [];
    for (let value = 0; value < grid.sizes[d]!; value++) if (value !== c) values.push(value);
    const stepCost = (value: number): number => {
      const neighbour = flat + (value - c) * grid.strides[d]!;
      if (grid.n[neighbour] === 0) return Number.POSITIVE_INFINITY;
      return suppressed[neighbour] ? -1 : grid.n[neighbour]!;
    };
    return values
      .filter((v) => stepCost(v) !== Number.POSITIVE_INFINITY)
      .sort((a, b) => stepCost(a) - stepCost(b) || a - b);
  });
  let budget = MAX_HYPERCUBES;
  const kept = candidates.map((values) => values.length);
  while (kept.reduce((p, k) => p * Math.max(k, 1), 1) > budget) {
    const widest = kept.indexOf(Math.max(...kept));
    kept[widest] = Math.max(1, Math.floor(kept[widest]! / 2));
  }
  budget = kept.reduce((p, k) => p * k, 1);

  // Always possible: "all" in every column with a category, and in the columns that are "all"
  // the categories of a non-empty interior cell below: every corner then lies between that cell
  // and `flat`, so none is empty.
  const fallback = coords.slice();
  const below = firstNonEmptyInterior(grid, coords);
  coords.forEach((c, d) => {
    fallback[d] = c === 0 ? below[d]! : 0;
  });
  let best = corners(grid, coords, fallback);
  let bestCost = costOf(grid, best, suppressed);

  const partners = new Array<number>(grid.dims).fill(0);
  const choose = (d: number): void => {
    if (d === grid.dims) {
      const cube = corners(grid, coords, partners);
      if (cube.some((corner) => grid.n[corner] === 0)) return;
      const cost = costOf(grid, cube, suppressed);
      if (cheaper(cost, bestCost)) {
        best = cube;
        bestCost = cost;
      }
      return;
    }
    const values = candidates[d]!;
    for (let i = 0; i < Math.min(kept[d]!, values.length); i++) {
      partners[d] = values[i]!;
      choose(d + 1);
    }
  };
  if (budget > 0 && candidates.every((values) => values.length > 0)) choose(0);
  return best;
}

function costOf(grid: Grid, cube: readonly number[], suppressed: Uint8Array): Cost {
  const cost = { newCells: 0, newCount: 0 };
  for (const corner of new Set(cube)) {
    if (suppressed[corner]) continue;
    cost.newCells++;
    cost.newCount += grid.n[corner]!;
  }
  return cost;
}

function firstNonEmptyInterior(grid: Grid, coords: readonly number[]): number[] {
  const free = coords.flatMap((c, d) => (c === 0 ? [d] : []));
  const current = coords.slice();
  const search = (i: number): boolean => {
    if (i === free.length) {
      const flat = current.reduce((sum, c, d) => sum + c * grid.strides[d]!, 0);
      return grid.n[flat]! > 0;
    }
    const d = free[i]!;
    for (let value = 1; value < grid.sizes[d]!; value++) {
      current[d] = value;
      if (search(i + 1)) return true;
    }
    return false;
  };
  if (!search(0)) throw new RangeError("a non-empty cell has no non-empty cells below it");
  return current;
}

/**
 * Which cells of one factor's table to suppress (true) so that no cell with n < minN is published
 * and no suppressed count can be recomputed from the published ones. `cells` is the whole table
 * with its margins; cells not listed are empty.
 */
export function suppressCells(cells: readonly CountCell[], dims: number, minN: number): boolean[] {
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
  if (primary.length > 0) {
    primary.sort((a, b) => grid.n[a]! - grid.n[b]! || a - b);
    const complementary = new Set<number>();
    for (const flat of primary) {
      for (const corner of cheapestHypercube(grid, flat, suppressed)) {
        if (!suppressed[corner]) {
          suppressed[corner] = 1;
          complementary.add(corner);
        }
      }
    }
    prune(grid, suppressed, complementary);
  }
  return Array.from(grid.flatOf, (flat) => suppressed[flat] === 1);
}

const PRUNE_LIMIT = 40;

/** Publishes again each complementary cell, largest first, that the exact check can spare. */
function prune(grid: Grid, suppressed: Uint8Array, complementary: Set<number>): void {
  // Each trial is a full exact check; beyond a few dozen trials the cost outgrows the budget.
  if (complementary.size > PRUNE_LIMIT) return;
  const order = [...complementary].sort((a, b) => grid.n[b]! - grid.n[a]! || a - b);
  for (const flat of order) {
    suppressed[flat] = 0;
    if (disclosedFlat(grid, suppressed).length > 0) suppressed[flat] = 1;
  }
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
