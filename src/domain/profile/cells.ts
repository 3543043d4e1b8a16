/**
 * From counts at the finest grain (one row per combination of the grouping columns) to every
 * cell of the profile: each column either a value or "all" (null), for every factor. Margins are
 * sums of the fine rows, so they agree with their children by construction; this is what lets
 * the server aggregate a million rows once in SQL at the finest grain and derive the rest here.
 */

/** Counts of one finest-grain group: its key (one value per column), then per factor. */
export interface FineCount {
  key: string[];
  /** Respondents with a score on each factor (instrument order). */
  n: number[];
  /** Of those, flagged on each factor. */
  flagged: number[];
}

/** One published (or suppressible) cell: a factor (index) and a key with null for "all". */
export interface Cell {
  factor: number;
  key: (string | null)[];
  n: number;
  flagged: number;
}

// Grades "7" … "12" and ids such as "A2" … "A10" sort as people read them.
const collator = new Intl.Collator("sv", { numeric: true, sensitivity: "variant" });

/** Orders keys column by column, "all" (null) first, values in natural order. */
export function compareKeys(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    const order = collator.compare(x, y);
    if (order !== 0) return order;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Every cell with n > 0: for each factor, the fine groups and all their margins (2^dims
 * combinations of "value or all"). Ordered by factor, then key (compareKeys). Fine rows with the
 * same key are added together.
 */
export function expandMargins(fine: readonly FineCount[], dims: number): Cell[] {
  const factors = fine[0]?.n.length ?? 0;
  for (const row of fine) {
    if (row.key.length !== dims) {
      throw new RangeError(`a fine count has ${row.key.length} key columns, expected ${dims}`);
    }
    if (row.n.length !== factors || row.flagged.length !== factors) {
      throw new RangeError("fine counts differ in their number of factors");
    }
  }
  // One accumulator per distinct (masked) key; the key string joins with a separator that
  // cannot occur after JSON-encoding each part.
  const groups = new Map<string, { key: (string | null)[]; n: number[]; flagged: number[] }>();
  for (let mask = 0; mask < 1 << dims; mask++) {
    for (const row of fine) {
      const key = row.key.map((value, i) => ((mask >> i) & 1 ? null : value));
      const id = JSON.stringify(key);
      let group = groups.get(id);
      if (!group) {
        group = { key, n: new Array(factors).fill(0), flagged: new Array(factors).fill(0) };
        groups.set(id, group);
      }
      const { n, flagged } = group;
      for (let f = 0; f < factors; f++) {
        n[f] = (n[f] as number) + (row.n[f] as number);
        flagged[f] = (flagged[f] as number) + (row.flagged[f] as number);
      }
    }
  }
  const ordered = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
  const cells: Cell[] = [];
  for (let f = 0; f < factors; f++) {
    for (const group of ordered) {
      const n = group.n[f] as number;
      if (n > 0) cells.push({ factor: f, key: group.key, n, flagged: group.flagged[f] as number });
    }
  }
  return cells;
}
