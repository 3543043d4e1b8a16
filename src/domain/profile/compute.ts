import { expandMargins, type FineCount } from "./cells.ts";
import { percentOneDecimal, wilsonInterval } from "./format.ts";
import {
  type Answers,
  type CompiledInstrument,
  newRespondentScore,
  type RespondentScore,
  scoreRespondent,
} from "./scoring.ts";
import { DEFAULT_MIN_N, MIN_N_FLOOR, suppressCells } from "./suppression.ts";

/**
 * The whole computation of docs/profile-cli.md from scored respondents to the output JSON:
 * respondents are counted into finest-grain groups as they are read (so a million rows need
 * memory only per group), then margins, suppression per factor, and the rounded figures.
 */

/** The category an empty grouping value belongs to. */
export const UNKNOWN_GROUP = "unknown";

/** Names that a grouping column cannot have, since the output cell uses them itself. */
export const RESERVED_COLUMNS = ["factor", "n", "percent", "ci", "suppressed"] as const;

// Finest-grain groups by their key, one map level per grouping column: no key string is built
// per respondent, and no separator can make two different keys collide.
type GroupTree = Map<string, GroupTree | FineCount>;

export class ProfileCounter {
  private readonly root: GroupTree = new Map();
  private readonly groups: FineCount[] = [];
  private readonly score: RespondentScore;
  respondents = 0;
  excluded = 0;

  constructor(readonly compiled: CompiledInstrument) {
    this.score = newRespondentScore(compiled);
  }

  /** Adds one respondent: its grouping values (empty means unknown) and its answers. */
  add(group: readonly string[], answers: Answers): void {
    const { excluded, scored, flagged } = scoreRespondent(this.compiled, answers, this.score);
    if (excluded) {
      this.excluded++;
      return;
    }
    this.respondents++;
    const counts = this.groupOf(group);
    const { n, flagged: flags } = counts;
    for (let f = 0; f < scored.length; f++) {
      if (scored[f]) {
        n[f] = (n[f] as number) + 1;
        if (flagged[f]) flags[f] = (flags[f] as number) + 1;
      }
    }
  }

  private groupOf(group: readonly string[]): FineCount {
    let level = this.root;
    for (let d = 0; d < group.length - 1; d++) {
      const value = group[d] || UNKNOWN_GROUP;
      let next = level.get(value) as GroupTree | undefined;
      if (!next) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const last = group.length === 0 ? "" : group[group.length - 1] || UNKNOWN_GROUP;
    let counts = level.get(last) as FineCount | undefined;
    if (!counts) {
      const factors = this.compiled.factors.length;
      counts = {
        key: group.map((value) => value || UNKNOWN_GROUP),
        n: new Array(factors).fill(0),
        flagged: new Array(factors).fill(0),
      };
      level.set(last, counts);
      this.groups.push(counts);
    }
    return counts;
  }

  fine(): FineCount[] {
    return this.groups;
  }
}

/** A published cell: the factor, one property per grouping column (null = all), the figures. */
export type ProfileOutputCell = {
  factor: string;
  n: number | null;
  percent: string | null;
  ci: [string, string] | null;
  suppressed: boolean;
} & Record<string, string | null | number | boolean | [string, string]>;

export interface ProfileOutput {
  instrument: string;
  respondents: number;
  excluded: number;
  minN: number;
  cells: ProfileOutputCell[];
}

/** Why a minimum n cannot be used, or null. */
export function minNProblem(minN: number): string | null {
  if (!Number.isInteger(minN)) return "the minimum n must be a whole number";
  if (minN < MIN_N_FLOOR) return `the minimum n cannot be below ${MIN_N_FLOOR}`;
  return null;
}

export function computeProfile(
  counter: ProfileCounter,
  by: readonly string[],
  minN: number = DEFAULT_MIN_N,
): ProfileOutput {
  const problem = minNProblem(minN);
  if (problem) throw new RangeError(problem);
  const factors = counter.compiled.factors;
  const all = expandMargins(counter.fine(), by.length);
  const cells: ProfileOutputCell[] = [];
  // expandMargins orders by factor, so each factor's table is one run of cells.
  for (let start = 0; start < all.length; ) {
    const factor = (all[start] as (typeof all)[number]).factor;
    let end = start;
    while (end < all.length && (all[end] as (typeof all)[number]).factor === factor) end++;
    const table = all.slice(start, end);
    const suppressed = suppressCells(table, by.length, minN);
    table.forEach((cell, i) => {
      const hidden = suppressed[i] === true;
      const out: ProfileOutputCell = {
        factor: (factors[factor] as (typeof factors)[number]).id,
        n: null,
        percent: null,
        ci: null,
        suppressed: hidden,
      };
      // The grouping columns go between the factor and the figures, as the contract shows.
      const ordered: Record<string, unknown> = { factor: out.factor };
      by.forEach((column, d) => {
        ordered[column] = cell.key[d] ?? null;
      });
      ordered.n = hidden ? null : cell.n;
      ordered.percent = hidden ? null : percentOneDecimal(cell.flagged, cell.n);
      ordered.ci = hidden ? null : wilsonInterval(cell.flagged, cell.n);
      ordered.suppressed = hidden;
      cells.push(ordered as ProfileOutputCell);
    });
    start = end;
  }
  return {
    instrument: counter.compiled.instrument.id,
    respondents: counter.respondents,
    excluded: counter.excluded,
    minN,
    cells,
  };
}
