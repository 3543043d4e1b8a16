import { expandMargins, type FineCount } from "../../domain/profile/cells.ts";
import { percentOneDecimal, wilsonInterval } from "../../domain/profile/format.ts";
import type { Instrument } from "../../domain/profile/instrument.ts";
import type { Invited, ProfileCell } from "../../domain/profile/schemas.ts";
import { UNKNOWN } from "../../domain/profile/schemas.ts";
import { responseRateTooLow, suppressCells } from "../../domain/profile/suppression.ts";

/** A stored fine row as the profile reads it (school is summed away here). */
export interface StoredFine {
  area: string;
  grade: string;
  gender: string;
  school: string;
  respondents: number;
  n: number[];
  flagged: number[];
}

export interface ProfileTable {
  cells: ProfileCell[];
  /** Each cell's counts (same order as `cells`), for the tests of comparisons; never sent. */
  counts: { n: number; flagged: number; suppressed: boolean }[];
  /** The wave's response rate is below the rule's minimum: every cell is withheld. */
  responseRateLow: boolean;
}

/** The area key a fine row is published under: its area, or its group in a group set. */
export type AreaKey = (areaId: string) => string;

/**
 * From the stored fine counts to every published cell of one wave: area (or group) × grade ×
 * gender with all margins, per factor, each factor's table suppressed as a whole (primary and
 * complementary, suppression.ts). School and class are never published: they are summed away
 * before the margins are formed. Where invited counts are known and fewer than half answered,
 * nothing is published; where a single school/grade has too few answers, no cell holding them is.
 */
export function buildProfileTable(
  instrument: Instrument,
  fine: readonly StoredFine[],
  options: { areaKey: AreaKey; minN: number; invited: readonly Invited[] },
): ProfileTable {
  const responseRateLow = waveResponseRateLow(fine, options.invited);
  const lowGroups = lowResponseGroups(fine, options.invited);
  const merged = new Map<string, FineCount>();
  // Published groups holding answers from a school/grade below the minimum response rate.
  const tainted = new Map<string, string[]>();
  for (const row of fine) {
    const key = [options.areaKey(row.area), row.grade, row.gender];
    const id = key.join("\u0000");
    if (row.respondents > 0 && lowGroups.has(groupKey(row.school, row.grade))) {
      tainted.set(id, key);
    }
    const found = merged.get(id);
    if (!found) {
      merged.set(id, { key, n: [...row.n], flagged: [...row.flagged] });
      continue;
    }
    for (let f = 0; f < row.n.length; f++) {
      found.n[f] = (found.n[f] as number) + (row.n[f] as number);
      found.flagged[f] = (found.flagged[f] as number) + (row.flagged[f] as number);
    }
  }
  const all = expandMargins([...merged.values()], 3);
  const cells: ProfileCell[] = [];
  const counts: ProfileTable["counts"] = [];
  let start = 0;
  while (start < all.length) {
    const factor = all[start]!.factor;
    let end = start;
    while (end < all.length && all[end]!.factor === factor) end++;
    const table = all.slice(start, end);
    const suppressed = responseRateLow ? null : suppressCells(table, 3, options.minN);
    const id = instrument.factors[factor]!.id;
    table.forEach((cell, i) => {
      const rateLow = containsAny(cell.key, tainted);
      const hidden = suppressed === null || suppressed[i] === true || rateLow;
      const [area, grade, gender] = cell.key as [string | null, string | null, string | null];
      counts.push({ n: cell.n, flagged: cell.flagged, suppressed: hidden });
      cells.push({
        factor: id,
        area,
        grade,
        gender,
        n: hidden ? null : cell.n,
        percent: hidden ? null : percentOneDecimal(cell.flagged, cell.n),
        ci: hidden ? null : wilsonInterval(cell.flagged, cell.n),
        suppressed: hidden,
        reason: !hidden
          ? null
          : suppressed === null
            ? "response_rate"
            : cell.n < options.minN
              ? "small"
              : rateLow
                ? "response_rate"
                : "complementary",
      });
    });
    start = end;
  }
  return { cells, counts, responseRateLow };
}

const groupKey = (school: string, grade: string) => `${school}\u0000${grade}`;

/**
 * The response-rate rule per school and grade whose invited count is known: the groups whose
 * respondents fall below the minimum. Their answers are in no published cell: every cell they
 * are part of is withheld, margins included. Withholding a set that holds every margin of its
 * cells adds no way to recompute a suppressed cell: any finest withheld cell can change together
 * with all its margins and every published figure stays the same.
 */
export function lowResponseGroups(
  fine: readonly StoredFine[],
  invited: readonly Invited[],
): Set<string> {
  const respondents = new Map<string, number>();
  for (const row of fine) {
    if (row.school === UNKNOWN) continue;
    const key = groupKey(row.school, row.grade);
    respondents.set(key, (respondents.get(key) ?? 0) + row.respondents);
  }
  const low = new Set<string>();
  for (const i of invited) {
    const key = groupKey(i.school, i.grade);
    if (responseRateTooLow(respondents.get(key) ?? 0, i.invited)) low.add(key);
  }
  return low;
}

/** Whether a cell (null: all values of that dimension) covers any of the given finest keys. */
function containsAny(cellKey: readonly (string | null)[], finest: Map<string, string[]>): boolean {
  for (const key of finest.values()) {
    if (cellKey.every((v, d) => v === null || v === key[d])) return true;
  }
  return false;
}

/**
 * The response-rate rule over the schools and grades whose invited counts are known: the
 * respondents there against those invited. Unknown counts neither pass nor fail it.
 */
export function waveResponseRateLow(
  fine: readonly StoredFine[],
  invited: readonly Invited[],
): boolean {
  if (invited.length === 0) return false;
  const known = new Map(invited.map((i) => [groupKey(i.school, i.grade), i.invited]));
  let respondents = 0;
  for (const row of fine) {
    if (row.school !== UNKNOWN && known.has(groupKey(row.school, row.grade))) {
      respondents += row.respondents;
    }
  }
  const total = [...known.values()].reduce((a, b) => a + b, 0);
  return total > 0 && responseRateTooLow(respondents, total);
}

export interface CellKey {
  area: string | null;
  grade: string | null;
  gender: string | null;
}

/** The index of one cell of a table, or −1 when it has no respondents. */
export function cellIndex(cells: readonly ProfileCell[], factor: string, key: CellKey): number {
  return cells.findIndex(
    (c) =>
      c.factor === factor &&
      c.area === key.area &&
      c.grade === key.grade &&
      c.gender === key.gender,
  );
}

/** One published cell of a table, or undefined when it has no respondents. */
export function findCell(
  cells: readonly ProfileCell[],
  factor: string,
  key: CellKey,
): ProfileCell | undefined {
  return cells[cellIndex(cells, factor, key)];
}
