import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { profileCommand } from "../src/cli/commands/profile.ts";
import { surveyCommand } from "../src/cli/commands/survey.ts";
import { runCaptured, tempFolder } from "../src/cli/testing.ts";
import { SMALL_INSTRUMENT } from "./fixtures/profile/instrument.ts";

/**
 * `paraply profile compute` and `paraply survey generate` end to end: the output checked against
 * an independent brute-force computation of docs/profile-cli.md (no shared code but the JSON
 * format), the same data in every file format giving the same answer, and bad files of each
 * format refused with their line and column.
 */

const FIXTURES = resolve(import.meta.dirname, "fixtures/profile");
const { file, path } = tempFolder("paraply-profile-");
const compute = (...args: string[]) => runCaptured(profileCommand, ["compute", ...args]);
const generate = (...args: string[]) => runCaptured(surveyCommand, ["generate", ...args]);

type Instrument = typeof SMALL_INSTRUMENT;
type OutputCell = Record<string, unknown> & {
  factor: string;
  n: number | null;
  percent: string | null;
  ci: [string, string] | null;
  suppressed: boolean;
};

/** A CSV as rows of cells (no quotes in these test files). */
function parseSimpleCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((line) => line !== "");
  const [head = "", ...rest] = lines;
  return { header: head.split(","), rows: rest.map((line) => line.split(",")) };
}

function roundHalfUpTenths(num: bigint, den: bigint): string {
  const tenths = (2n * num + den) / (2n * den);
  return `${tenths / 10n}.${tenths % 10n}`;
}

/**
 * The profile by brute force: every respondent, every factor, every key with "all" or a value,
 * counted directly (not summed from finer cells). Scores compared as fractions with BigInt.
 */
function bruteForce(instrument: Instrument, text: string, by: string[]) {
  const { header, rows } = parseSimpleCsv(text);
  const col = (name: string) => header.indexOf(name);
  const counts = new Map<string, { n: number; flagged: number }>();
  let respondents = 0;
  let excluded = 0;
  for (const row of rows) {
    const answer = (id: string) => row[col(id)] ?? "";
    if (instrument.exclude.some((rule) => rule.values.map(String).includes(answer(rule.item)))) {
      excluded++;
      continue;
    }
    respondents++;
    const groups = by.map((name) => (row[col(name)] === "" ? "unknown" : row[col(name)]));
    instrument.factors.forEach((factor) => {
      let sum = 0n;
      let count = 0n;
      for (const id of factor.items) {
        const item = instrument.items.find((i) => i.id === id)!;
        const text = answer(id);
        if (text === "") continue;
        const v = Number(text);
        if (v < item.min || v > item.max) continue;
        sum += BigInt(factor.reverse?.includes(id) ? item.min + item.max - v : v);
        count++;
      }
      if (count < BigInt(factor.minAnswered ?? factor.items.length) || count === 0n) return;
      // sum/count vs cutPoint (tenths in these instruments)
      const left = sum * 10n;
      const right = BigInt(Math.round(factor.cutPoint * 10)) * count;
      const flagged = factor.compare === ">" ? left > right : left >= right;
      for (let mask = 0; mask < 1 << by.length; mask++) {
        const key = groups.map((g, d) => ((mask >> d) & 1 ? null : g));
        const id = JSON.stringify([factor.id, ...key]);
        const cell = counts.get(id) ?? { n: 0, flagged: 0 };
        cell.n++;
        if (flagged) cell.flagged++;
        counts.set(id, cell);
      }
    });
  }
  return { respondents, excluded, counts };
}

async function smallCsv(): Promise<string> {
  return readFile(resolve(FIXTURES, "small.csv"), "utf8");
}

async function instrumentFile(instrument: object = SMALL_INSTRUMENT, name = "small.json") {
  return file(name, JSON.stringify(instrument));
}

describe("paraply profile compute", () => {
  it("agrees with a brute-force computation of every cell, to the last decimal", async () => {
    const text = await smallCsv();
    const by = ["area", "grade", "gender"];
    const { code, stdout, stderr } = await compute(
      "--instrument",
      await instrumentFile(),
      "--data",
      resolve(FIXTURES, "small.csv"),
      "--by",
      by.join(","),
      "--min-n",
      "5",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as {
      respondents: number;
      excluded: number;
      minN: number;
      instrument: string;
      cells: OutputCell[];
    };
    const expected = bruteForce(SMALL_INSTRUMENT, text, by);
    expect(output).toMatchObject({
      instrument: "small",
      respondents: expected.respondents,
      excluded: expected.excluded,
      minN: 5,
    });
    expect(expected.excluded).toBeGreaterThan(0);
    // Exactly the cells with n > 0, each once.
    const ids = output.cells.map((c) => JSON.stringify([c.factor, ...by.map((b) => c[b])]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(expected.counts.keys()));
    let published = 0;
    for (const [i, cell] of output.cells.entries()) {
      expect(Object.keys(cell)).toEqual(["factor", ...by, "n", "percent", "ci", "suppressed"]);
      const truth = expected.counts.get(ids[i] as string)!;
      if (truth.n < 5) expect(cell.suppressed).toBe(true);
      if (cell.suppressed) {
        expect(cell).toMatchObject({ n: null, percent: null, ci: null });
        continue;
      }
      published++;
      expect(cell.n).toBe(truth.n);
      expect(cell.percent).toBe(roundHalfUpTenths(BigInt(truth.flagged) * 1000n, BigInt(truth.n)));
      expect(cell.ci).toHaveLength(2);
    }
    expect(published).toBeGreaterThan(0);
    // Some small cells exist, so something is suppressed.
    expect(output.cells.some((c) => c.suppressed)).toBe(true);
  });

  it("gives the contract's figures for 12 flagged of 57", async () => {
    const rows = Array.from({ length: 57 }, (_, i) =>
      [`R${i}`, "A01", "7", i < 12 ? "4" : "1", i < 12 ? "4" : "1", "", "1"].join(","),
    );
    const data = await file("57.csv", `id,area,grade,q1,q2,q3,q90\n${rows.join("\n")}\n`);
    const { code, stdout } = await compute(
      "--instrument",
      await instrumentFile(),
      "--data",
      data,
      "--by",
      "area,grade",
    );
    expect(code).toBe(0);
    const cells = JSON.parse(stdout).cells as OutputCell[];
    expect(
      cells.find((c) => c.factor === "family_conflict" && c.area === "A01" && c.grade === "7"),
    ).toEqual({
      factor: "family_conflict",
      area: "A01",
      grade: "7",
      n: 57,
      percent: "21.1",
      ci: ["12.5", "33.3"],
      suppressed: false,
    });
  });

  it("reads the same data as semicolon CRLF Windows-1252, XLSX and .sav with the same result", async () => {
    const text = await smallCsv();
    const args = async (data: string) => [
      "--instrument",
      await instrumentFile(),
      "--data",
      data,
      "--by",
      "area,gender",
    ];
    const reference = await compute(...(await args(resolve(FIXTURES, "small.csv"))));
    expect(reference.code).toBe(0);
    expect(reference.stdout).toMatch(/"area": "Åby"/);

    const latin = Buffer.from(text.replaceAll(",", ";").replaceAll("\n", "\r\n"), "latin1");
    expect(latin.includes(0xc5)).toBe(true); // Å in Windows-1252
    const semicolon = await compute(...(await args(await file("small-1252.csv", latin))));
    expect(semicolon.stderr).toBe("");
    expect(semicolon.stdout).toBe(reference.stdout);

    const { header, rows } = parseSimpleCsv(text);
    const numeric = new Set(["grade", "q1", "q2", "q3", "q90"]);
    await writeXlsxFile([
      header,
      ...rows.map((row) =>
        row.map((cell, i) =>
          cell === "" ? null : numeric.has(header[i] as string) ? Number(cell) : cell,
        ),
      ),
    ]).toFile(path("small.xlsx"));
    const xlsx = await compute(...(await args(path("small.xlsx"))));
    expect(xlsx.stderr).toBe("");
    expect(xlsx.stdout).toBe(reference.stdout);

    const sav = await compute(...(await args(resolve(FIXTURES, "small.sav"))));
    expect(sav.stderr).toBe("");
    expect(sav.stdout).toBe(reference.stdout);
  });

  it("refuses a malformed CSV naming line and column", async () => {
    const instrument = await instrumentFile();
    const run = async (name: string, content: string | Buffer) =>
      compute("--instrument", instrument, "--data", await file(name, content), "--by", "area");
    const header = "id,area,q1,q2,q3,q90\n";

    const range = await run("range.csv", `${header}R1,A,1,2,3,1\nR2,A,5,2,3,1\n`);
    expect(range.code).toBe(1);
    expect(range.stderr).toContain("line 3, column q1: 5 is not an answer (valid 1–4");

    const word = await run("word.csv", `${header}R1,A,1,två,3,1\n`);
    expect(word.stderr).toContain("line 2, column q2: 'två' is not a whole number");

    const decimal = await run("decimal.csv", `${header}R1,A,1,2,2.5,1\n`);
    expect(decimal.stderr).toContain("line 2, column q3: '2.5' is not a whole number");

    const short = await run("short.csv", `${header}R1,A,1,2,3\n`);
    expect(short.stderr).toContain("line 2: 5 values where the header has 6 columns");

    const missing = await run("missing.csv", "id,area,q1,q2,q90\nR1,A,1,2,1\n");
    expect(missing.stderr).toContain("line 1, column q3: the header has no such column");

    const quote = await run("quote.csv", `${header}R1,"A,1,2,3,1\n`);
    expect(quote.stderr).toContain("line 2: a quoted value is never closed");

    const twice = await run("twice.csv", "id,area,q1,q1,q2,q3,q90\n");
    expect(twice.stderr).toContain("line 1, column q1: the column name appears twice");

    const empty = await run("empty.csv", "");
    expect(empty.stderr).toContain("the file is empty");
    for (const result of [range, word, decimal, short, missing, quote, twice, empty]) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
    }
  });

  it("refuses malformed XLSX and .sav files naming row and column", async () => {
    const instrument = await instrumentFile();
    const run = (data: string) =>
      compute("--instrument", instrument, "--data", data, "--by", "area");

    await writeXlsxFile([
      ["id", "area", "q1", "q2", "q3", "q90"],
      ["R1", "A", 1, 2, 3, 1],
      ["R2", "A", 1, 2, 7, 1],
    ]).toFile(path("bad.xlsx"));
    const xlsx = await run(path("bad.xlsx"));
    expect(xlsx.code).toBe(1);
    expect(xlsx.stderr).toContain("line 3, column q3: 7 is not an answer (valid 0–3");

    const notXlsx = await run(await file("fake.xlsx", "id,area\n"));
    expect(notXlsx.code).toBe(1);
    expect(notXlsx.stderr).toContain("not a readable .xlsx workbook");

    const sav = await run(resolve(FIXTURES, "bad-code.sav"));
    expect(sav.code).toBe(1);
    expect(sav.stderr).toContain(
      "line 5, column q2: 7 is not an answer (valid 1–4, not answered 9",
    );

    const notSav = await run(await file("fake.sav", Buffer.from("$FL2 not really")));
    expect(notSav.code).toBe(1);
    expect(notSav.stderr).toContain("not a readable SPSS .sav file");
  });

  it("refuses a bad instrument, a minimum n below 5 and unknown formats", async () => {
    const data = resolve(FIXTURES, "small.csv");
    const badJson = await compute("--instrument", await file("bad.json", "{"), "--data", data);
    expect(badJson.code).toBe(1);
    expect(badJson.stderr).toContain("not valid JSON");

    const badSchema = await compute(
      "--instrument",
      await instrumentFile(
        { ...SMALL_INSTRUMENT, factors: [{ ...SMALL_INSTRUMENT.factors[0], items: ["q1", "q7"] }] },
        "schema.json",
      ),
      "--data",
      data,
    );
    expect(badSchema.code).toBe(1);
    expect(badSchema.stderr).toContain("factors[0].items[1]: Frågan q7 finns inte bland frågorna.");

    const lowMinN = await compute(
      "--instrument",
      await instrumentFile(),
      "--data",
      data,
      "--min-n",
      "4",
    );
    expect(lowMinN.code).toBe(1);
    expect(lowMinN.stderr).toContain("--min-n 4: the minimum n cannot be below 5");

    const format = await compute(
      "--instrument",
      await instrumentFile(),
      "--data",
      await file("x.pdf", "%PDF"),
    );
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("unknown format");

    const reserved = await compute(
      "--instrument",
      await instrumentFile(),
      "--data",
      data,
      "--by",
      "n",
    );
    expect(reserved.code).toBe(2);
  });
});

describe("paraply survey generate", () => {
  it("writes the same wave for the same seed, and the real CLI computes its profile", async () => {
    const args = ["--rows", "400", "--areas", "3", "--seed", "42"];
    const first = await generate(...args, "--out", path("wave.csv"));
    expect(first).toMatchObject({ code: 0, stderr: "" });
    const again = await generate(...args);
    const written = await readFile(path("wave.csv"), "utf8");
    expect(again.stdout).toBe(written);
    expect((await generate("--rows", "400", "--areas", "3", "--seed", "43")).stdout).not.toBe(
      written,
    );
    const lines = written.trimEnd().split("\n");
    expect(lines).toHaveLength(401);
    expect(lines[0]).toMatch(/^id,area,school,class,grade,gender,q01,q02,/);

    const instrument = await runCaptured(profileCommand, ["instrument"]);
    const instrumentPath = await file("ctc-sv.json", instrument.stdout);
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (done, fail) => {
        const child = spawn(process.execPath, [
          "bin/paraply.js",
          "profile",
          "compute",
          "--instrument",
          instrumentPath,
          "--data",
          path("wave.csv"),
          "--by",
          "area,grade,gender",
        ]);
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", fail);
        child.on("close", (code) => done({ code, stdout, stderr }));
      },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.instrument).toBe("ctc-sv");
    expect(output.respondents + output.excluded).toBe(400);
    expect(output.excluded).toBeGreaterThan(0);
    const totals = output.cells.filter(
      (c: OutputCell) => c.area === null && c.grade === null && c.gender === null,
    );
    expect(totals).toHaveLength(24);
    expect(
      output.cells.some((c: OutputCell) => c.grade === "unknown" || c.gender === "unknown"),
    ).toBe(true);
  });

  it("refuses missing or out-of-range numbers", async () => {
    expect((await generate("--rows", "0", "--areas", "3", "--seed", "1")).code).toBe(2);
    expect((await generate("--rows", "10", "--seed", "1")).code).toBe(2);
    expect((await generate("--rows", "10", "--areas", "x", "--seed", "1")).code).toBe(2);
  });
});
