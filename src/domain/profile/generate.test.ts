import { describe, expect, it } from "vitest";
import { DEFAULT_INSTRUMENT } from "./default-instrument.ts";
import { areaNames, generateWave, WAVE_GROUPING_COLUMNS, waveColumns } from "./generate.ts";
import { compileInstrument, parseAnswer, scoreRespondent } from "./scoring.ts";

const compiled = compileInstrument(DEFAULT_INSTRUMENT);
const wave = (rows: number, seed: number, areas: number | string[] = 4) => [
  ...generateWave(DEFAULT_INSTRUMENT, { rows, areas, seed }),
];

describe("the default instrument", () => {
  it("has 24 factors over the four domains, risk and protective, and 92 items", () => {
    expect(DEFAULT_INSTRUMENT.factors).toHaveLength(24);
    expect(DEFAULT_INSTRUMENT.items).toHaveLength(92);
    for (const domain of ["community", "family", "school", "individual"]) {
      for (const kind of ["risk", "protective"]) {
        expect(DEFAULT_INSTRUMENT.factors.some((f) => f.domain === domain && f.kind === kind)).toBe(
          true,
        );
      }
    }
    // Every item is scored by exactly one factor, or screens respondents.
    const used = DEFAULT_INSTRUMENT.factors.flatMap((f) => f.items);
    const screening = (DEFAULT_INSTRUMENT.exclude ?? []).map((rule) => rule.item);
    expect(new Set([...used, ...screening])).toEqual(
      new Set(DEFAULT_INSTRUMENT.items.map((item) => item.id)),
    );
    expect(new Set(used).size).toBe(used.length);
    for (const item of DEFAULT_INSTRUMENT.items) expect(item.text?.sv).toBeTruthy();
  });
});

describe("generateWave", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(wave(200, 5)).toEqual(wave(200, 5));
    expect(wave(200, 5)).not.toEqual(wave(200, 6));
  });

  it("writes valid answers, unknown grades and genders, and some screened-out respondents", () => {
    const rows = wave(4000, 11);
    const columns = waveColumns(DEFAULT_INSTRUMENT);
    const first = WAVE_GROUPING_COLUMNS.length;
    let excluded = 0;
    let empty = 0;
    let missingCode = 0;
    const answers = new Float64Array(DEFAULT_INSTRUMENT.items.length);
    // Checked by counting, not one expect per cell: a wave has hundreds of thousands of cells.
    let invalid = 0;
    let wrongLength = 0;
    for (const row of rows) {
      if (row.length !== columns.length) wrongLength++;
      DEFAULT_INSTRUMENT.items.forEach((item, i) => {
        const value = parseAnswer(row[first + i] as string);
        if (value === null) invalid++;
        else if (Number.isNaN(value)) empty++;
        else if (value === 9) missingCode++;
        else if (value < item.min || value > item.max) invalid++;
        answers[i] = value ?? Number.NaN;
      });
      if (scoreRespondent(compiled, answers).excluded) excluded++;
    }
    expect(invalid).toBe(0);
    expect(wrongLength).toBe(0);
    expect(new Set(rows.map((row) => row[4]))).toEqual(
      new Set(["7", "8", "9", "10", "11", "12", ""]),
    );
    expect(new Set(rows.map((row) => row[5]))).toEqual(new Set(["girl", "boy", ""]));
    expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
    expect(excluded).toBeGreaterThan(10);
    expect(excluded).toBeLessThan(200);
    expect(empty).toBeGreaterThan(0);
    expect(missingCode).toBeGreaterThan(0);
  });

  it("makes areas differ and substance factors rise with grade", () => {
    const rows = wave(12_000, 3, ["Norr", "Söder", "Öster", "Väster"]);
    const f = DEFAULT_INSTRUMENT.factors.findIndex((factor) => factor.id === "friends_use");
    const share = (keep: (row: string[]) => boolean) => {
      let n = 0;
      let flagged = 0;
      const answers = new Float64Array(DEFAULT_INSTRUMENT.items.length);
      for (const row of rows.filter(keep)) {
        DEFAULT_INSTRUMENT.items.forEach((_, i) => {
          answers[i] = parseAnswer(row[WAVE_GROUPING_COLUMNS.length + i] as string) as number;
        });
        const score = scoreRespondent(compiled, answers);
        if (score.scored[f]) {
          n++;
          if (score.flagged[f]) flagged++;
        }
      }
      return flagged / n;
    };
    expect(share((row) => row[4] === "12")).toBeGreaterThan(share((row) => row[4] === "7") + 0.1);
    const byArea = ["Norr", "Söder", "Öster", "Väster"].map((area) =>
      share((row) => row[1] === area),
    );
    expect(Math.max(...byArea) - Math.min(...byArea)).toBeGreaterThan(0.03);
  });

  it("names areas A01… or uses the names given", () => {
    expect(areaNames(3)).toEqual(["A01", "A02", "A03"]);
    expect(areaNames(120)[119]).toBe("A120");
    expect(new Set(wave(50, 1, ["Bengtsfors tätort"]).map((row) => row[1]))).toEqual(
      new Set(["Bengtsfors tätort"]),
    );
  });
});
