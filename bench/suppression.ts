import { performance } from "node:perf_hooks";
import {
  type CountCell,
  disclosedCells,
  suppressByHypercubes,
  suppressCells,
} from "../src/domain/profile/suppression.ts";
import {
  type FineCell,
  mulberry32,
  withMargins,
} from "../src/domain/profile/table-fixtures.test-util.ts";

/**
 * `npm run bench -- suppression`: the time to suppress every factor's table of a wave (area ×
 * grade × gender with all margins, 24 factors) and how many cells each method hides, against
 * two naive rules: primary suppression only (how many hidden cells it leaves recomputable) and
 * the "two per line" rule (each row, column and margin line with one hidden cell hides its
 * smallest other cell too, repeated until stable), which statistics offices once used by hand.
 */
const FACTORS = 24;
const GRADES = ["7", "8", "9", "10", "11", "12", "unknown"];
const GENDERS = ["girl", "boy", "unknown"];

interface Scenario {
  name: string;
  respondents: number;
  areas: number;
}

export const SCENARIOS: Scenario[] = [
  { name: "1,000,000 respondents, 50 areas", respondents: 1_000_000, areas: 50 },
  { name: "50,000 respondents, 50 areas", respondents: 50_000, areas: 50 },
  { name: "5,000 respondents, 50 areas", respondents: 5_000, areas: 50 },
  { name: "1,500 respondents, 8 areas (demo size)", respondents: 1_500, areas: 8 },
];

/** One table per factor, with realistic small groups: 1 % unknown grade, 2 % unknown gender. */
export function tables(scenario: Scenario, seed: number): CountCell[][] {
  const random = mulberry32(seed);
  const areaWeights = Array.from({ length: scenario.areas }, () => 0.4 + random() * 1.2);
  const areaTotal = areaWeights.reduce((a, b) => a + b, 0);
  const gradeShare = (g: string) => (g === "unknown" ? 0.01 : 0.99 / 6);
  const genderShare = (g: string) => (g === "unknown" ? 0.02 : 0.49);
  const base: { key: string[]; n: number }[] = [];
  areaWeights.forEach((weight, a) => {
    for (const grade of GRADES) {
      for (const gender of GENDERS) {
        const expected =
          (scenario.respondents * weight * gradeShare(grade) * genderShare(gender)) / areaTotal;
        base.push({
          key: [`A${a}`, grade, gender],
          n: Math.round(expected * (0.85 + random() * 0.3)),
        });
      }
    }
  });
  return Array.from({ length: FACTORS }, (_, f) => {
    const rate = 0.05 + (f / FACTORS) * 0.5;
    const fine: FineCell[] = base.map(({ key, n }) => {
      const answered = Math.round(n * (0.96 + random() * 0.04));
      return { key, n: answered, flagged: Math.round(answered * rate * (0.7 + random() * 0.6)) };
    });
    return withMargins(fine, 3);
  });
}

/** The "two per line" rule: no line (a margin and its children) may hide exactly one cell. */
function lineRule(cells: readonly CountCell[], minN: number): boolean[] {
  const suppressed = cells.map((c) => c.n < minN);
  const lines = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    cell.key.forEach((_, d) => {
      const id = `${d}|${cell.key.map((v, e) => (e === d ? "*" : v)).join("\u0000")}`;
      const line = lines.get(id);
      if (line) line.push(i);
      else lines.set(id, [i]);
    });
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines.values()) {
      const hidden = line.filter((i) => suppressed[i]);
      if (hidden.length !== 1) continue;
      const smallest = line
        .filter((i) => !suppressed[i])
        .sort((a, b) => cells[a]!.n - cells[b]!.n)[0];
      if (smallest === undefined) continue;
      suppressed[smallest] = true;
      changed = true;
    }
  }
  return suppressed;
}

const count = (flags: readonly boolean[]) => flags.filter(Boolean).length;

export async function benchSuppression(rounds: number): Promise<void> {
  const minN = 10;
  for (const scenario of SCENARIOS) {
    const wave = tables(scenario, 17);
    const times: number[] = [];
    const cpu: number[] = [];
    let result: boolean[][] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      result = wave.map((cells) => suppressCells(cells, 3, minN));
      const used = process.cpuUsage(startCpu);
      cpu.push((used.user + used.system) / 1000);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const sum = (f: (cells: CountCell[], i: number) => number) =>
      wave.reduce((total, cells, i) => total + f(cells, i), 0);
    const primary = sum((cells) => cells.filter((c) => c.n < minN).length);
    const primaryDisclosed = sum(
      (cells) =>
        disclosedCells(
          cells,
          3,
          cells.map((c) => c.n < minN),
        ).length,
    );
    const lines = wave.map((cells) => lineRule(cells, minN));
    const lineDisclosed = sum((cells, i) => disclosedCells(cells, 3, lines[i]!).length);
    const cubes = sum((cells) => count(suppressByHypercubes(cells, 3, minN)));
    const ours = sum((_, i) => count(result[i]!));
    const oursDisclosed = sum((cells, i) => disclosedCells(cells, 3, result[i]!).length);
    const nOf = (flags: (cells: CountCell[], i: number) => boolean[]) =>
      sum((cells, i) => flags(cells, i).reduce((s, f, k) => s + (f ? cells[k]!.n : 0), 0));
    console.log(`\n${scenario.name}: ${FACTORS} factors × ${wave[0]!.length} cells`);
    console.log(
      `  suppressCells, all factors: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms` +
        ` (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}; ${rounds} rounds);` +
        ` CPU time median ${cpu[Math.floor(cpu.length / 2)]!.toFixed(1)} ms, min ${cpu[0]!.toFixed(1)} ms`,
    );
    console.log(
      `  primary cells (n < ${minN}):            ${primary}, of which recomputable if alone: ${primaryDisclosed}`,
    );
    console.log(
      `  two-per-line rule:  ${count(lines.flat())} hidden (n ${nOf((_, i) => lines[i]!)}), still recomputable: ${lineDisclosed}`,
    );
    console.log(`  hypercubes only:    ${cubes} hidden`);
    console.log(
      `  hypercubes + exact pruning (ours): ${ours} hidden (n ${nOf((_, i) => result[i]!)}), recomputable: ${oursDisclosed}`,
    );
  }
}
