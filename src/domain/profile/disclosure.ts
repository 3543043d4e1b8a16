/**
 * The table model and the exact disclosure analysis behind suppression.
 *
 * A table of `dims` grouping columns holds every combination of categories and of "all"; a cell
 * with "all" in a column is the sum of its children along that column. Every cell's count is
 * therefore the sum of the interior (finest) cells under it, and the interior cells may take any
 * values. A suppressed count is free exactly when some change of the interior cells keeps every
 * published cell as it is and changes that count: a vector of the null space of the additivity
 * equations, supported on the suppressed cells. This module computes a basis of that null space
 * exactly; a suppressed cell on which every basis vector is zero is disclosed.
 */
import { nullSpace, nullSpaceBig, Overflow, type Sparse } from "./exact-elimination.ts";

export interface CountCell {
  readonly key: readonly (string | null)[];
  readonly n: number;
  readonly flagged: number;
}

/** The full hypercube of a table with its margins; coordinate 0 is "all" in every column. */
export interface Grid {
  readonly dims: number;
  readonly sizes: readonly number[];
  readonly strides: readonly number[];
  readonly total: number;
  /** Coordinates of flat cell f at coords[f·dims + d]. */
  readonly coords: Int32Array;
  /** n of each flat cell; 0 where the input has no cell (known to be empty). */
  readonly n: Float64Array;
  /** The input index of each flat cell, or −1. */
  readonly inputIndex: Int32Array;
  /** The flat cell of each input cell. */
  readonly flatOf: Int32Array;
}

export function buildGrid(cells: readonly CountCell[], dims: number): Grid {
  if (!Number.isInteger(dims) || dims < 0 || dims > 8) {
    throw new RangeError("dims must be a whole number from 0 to 8");
  }
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
  if (total > 5_000_000) throw new RangeError("the table has too many cells to protect");
  const coords = new Int32Array(total * dims);
  for (let flat = 0; flat < total; flat++) {
    for (let d = 0; d < dims; d++) {
      coords[flat * dims + d] = Math.floor(flat / strides[d]!) % sizes[d]!;
    }
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
  return { dims, sizes, strides, total, coords, n, inputIndex, flatOf };
}

export function isInterior(grid: Grid, flat: number): boolean {
  for (let d = 0; d < grid.dims; d++) if (grid.coords[flat * grid.dims + d] === 0) return false;
  return true;
}

/** The cells that sum over interior cell `flat`: itself with a non-empty set of columns at "all". */
function ancestorsOf(grid: Grid, flat: number): number[] {
  const result: number[] = [];
  for (let mask = 1; mask < 1 << grid.dims; mask++) {
    let ancestor = flat;
    for (let d = 0; d < grid.dims; d++) {
      if (mask & (1 << d)) ancestor -= grid.coords[flat * grid.dims + d]! * grid.strides[d]!;
    }
    result.push(ancestor);
  }
  return result;
}

/**
 * A basis of the changes to the suppressed cells that leave every published cell unchanged,
 * each vector sparse over positions in `cells` (the suppressed flat cells in ascending order).
 * The vectors hold numbers unless an entry outgrew the safe-integer range.
 */
export type NullBasis =
  | { readonly cells: number[]; readonly exact: "number"; readonly vectors: Sparse[] }
  | { readonly cells: number[]; readonly exact: "bigint"; readonly vectors: Sparse<bigint>[] };

export function nullBasis(grid: Grid, suppressed: Uint8Array): NullBasis {
  const cells: number[] = [];
  const position = new Int32Array(grid.total).fill(-1);
  for (let flat = 0; flat < grid.total; flat++) {
    if (suppressed[flat]) {
      position[flat] = cells.length;
      cells.push(flat);
    }
  }
  // Variables: the suppressed interior cells. Equations: each published margin's sum over them.
  const variables: number[] = [];
  const ancestors: number[][] = [];
  const equations = new Map<number, number[]>();
  for (const flat of cells) {
    if (!isInterior(grid, flat)) continue;
    const v = variables.length;
    variables.push(flat);
    const own = ancestorsOf(grid, flat);
    ancestors.push(own.filter((a) => suppressed[a]));
    for (const ancestor of own) {
      if (suppressed[ancestor]) continue;
      const list = equations.get(ancestor);
      if (list) list.push(v);
      else equations.set(ancestor, [v]);
    }
  }
  const equationList = [...equations.values()];

  // An equation with one unknown pins it to zero, which can cascade; removing those first keeps
  // the matrices small.
  const pinned = new Uint8Array(variables.length);
  const equationsOf: number[][] = variables.map(() => []);
  equationList.forEach((vars, e) => {
    for (const v of vars) equationsOf[v]!.push(e);
  });
  const open = equationList.map((vars) => vars.length);
  const stack = open.flatMap((count, e) => (count === 1 ? [e] : []));
  while (stack.length > 0) {
    const v = equationList[stack.pop()!]!.find((x) => !pinned[x]);
    if (v === undefined) continue;
    pinned[v] = 1;
    for (const e of equationsOf[v]!) if (--open[e]! === 1) stack.push(e);
  }

  // Blocks of unknowns linked through shared equations are independent of each other.
  const parent = variables.map((_, v) => v);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  const live = equationList.map((vars) => vars.filter((v) => !pinned[v])).filter((l) => l.length);
  for (const vars of live) for (const v of vars) parent[find(v)] = find(vars[0]!);
  const blocks = new Map<number, { vars: number[]; rows: number[][] }>();
  variables.forEach((_, v) => {
    if (pinned[v]) return;
    const root = find(v);
    const block = blocks.get(root);
    if (block) block.vars.push(v);
    else blocks.set(root, { vars: [v], rows: [] });
  });
  for (const vars of live) blocks.get(find(vars[0]!))!.rows.push(vars);

  const blockList = [...blocks.values()];
  try {
    const vectors = basisOf(blockList, ancestors, variables, position, false) as Sparse[];
    return { cells, exact: "number", vectors };
  } catch (error) {
    if (!(error instanceof Overflow)) throw error;
    const vectors = basisOf(blockList, ancestors, variables, position, true) as Sparse<bigint>[];
    return { cells, exact: "bigint", vectors };
  }
}

function basisOf(
  blocks: readonly { vars: number[]; rows: number[][] }[],
  ancestors: number[][],
  variables: number[],
  position: Int32Array,
  big: boolean,
): Sparse<number | bigint>[] {
  const vectors: Sparse<number | bigint>[] = [];
  for (const block of blocks) {
    const column = new Map(block.vars.map((v, c) => [v, c]));
    const rows = block.rows.map((vars) => new Map(vars.map((v) => [column.get(v)!, 1])));
    const basis = big ? nullSpaceBig(rows, block.vars.length) : nullSpace(rows, block.vars.length);
    for (const z of basis) {
      // Each suppressed cell changes by the sum of the interior changes under it.
      const x = new Map<number, number | bigint>();
      for (const [c, value] of z as Sparse<number | bigint>) {
        const v = block.vars[c]!;
        const touched = [variables[v]!, ...ancestors[v]!];
        for (const flat of touched) {
          const i = position[flat]!;
          const before = x.get(i);
          x.set(
            i,
            big
              ? ((before as bigint | undefined) ?? 0n) + (value as bigint)
              : checkedSum((before as number | undefined) ?? 0, value as number),
          );
        }
      }
      // Changes of interior cells can cancel in a margin.
      for (const [i, value] of x) if (value === 0 || value === 0n) x.delete(i);
      vectors.push(x);
    }
  }
  return vectors;
}

function checkedSum(a: number, b: number): number {
  const sum = a + b;
  if (Math.abs(sum) > Number.MAX_SAFE_INTEGER) throw new Overflow();
  return sum;
}

/** The suppressed flat cells that no basis vector changes: the published cells fix them. */
export function disclosedOf(basis: NullBasis): number[] {
  const changed = new Uint8Array(basis.cells.length);
  for (const x of basis.vectors) for (const i of x.keys()) changed[i] = 1;
  return basis.cells.filter((_, i) => !changed[i]);
}
