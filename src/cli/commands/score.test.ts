import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCaptured, tempFolder } from "../testing.ts";
import { scoreCommand } from "./score.ts";

const { file, path: inTemp } = tempFolder("paraply-score-");
const run = (...args: string[]) => runCaptured(scoreCommand, args);

const ITEMS = Array.from({ length: 25 }, (_, i) => `q${i + 1}`);
const HEADER = `id,${ITEMS.join(",")}`;
const zeros = (id: string) => `${id},${Array(25).fill("0").join(",")}`;
/** A form with answers given by printed item number; the rest are 0. */
const formRow = (id: string, answers: Record<number, string>) =>
  `${id},${ITEMS.map((_, i) => answers[i + 1] ?? "0").join(",")}`;

describe("paraply score sdq", () => {
  it("prints one JSON object per row with bands and the norm set", async () => {
    const path = await file(
      "parent.csv",
      [
        `${HEADER},impact_overall,impact_distress,impact_home,impact_friendships,impact_classroom,impact_leisure`,
        `${zeros("A1")},0,,,,,`,
        `${formRow("A2", { 3: "2", 8: "2", 13: "1", 16: "", 24: "" })},2,3,2,1,,`,
      ].join("\n"),
    );
    const { code, stdout, stderr } = await run("sdq", path, "--version", "parent");
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows).toEqual([
      {
        id: "A1",
        emotional: 0,
        conduct: 2,
        hyperactivity: 4,
        peer: 4,
        prosocial: 0,
        total: 10,
        externalising: 6,
        internalising: 4,
        impact: 0,
        bands: {
          total: "close-to-average",
          emotional: "close-to-average",
          conduct: "close-to-average",
          hyperactivity: "close-to-average",
          peer: "high",
          prosocial: "very-low",
          impact: "close-to-average",
        },
        norms: "uk-four-band",
      },
      expect.objectContaining({ id: "A2", emotional: 8, total: 18, impact: 3 }),
    ]);
    expect(Object.keys(rows[0])).toEqual([
      "id",
      "emotional",
      "conduct",
      "hyperactivity",
      "peer",
      "prosocial",
      "total",
      "externalising",
      "internalising",
      "impact",
      "bands",
      "norms",
    ]);
    expect(stderr).toMatch(/bands for impact are not verified/);
  });

  it("uses the chosen norm set, reads semicolons and a BOM, and gives null where it cannot score", async () => {
    const path = await file(
      "teacher.csv",
      `\uFEFF${HEADER.replaceAll(",", ";")}\n${formRow("T1", { 5: "", 7: "", 12: "" }).replaceAll(",", ";")}\n`,
    );
    const { code, stdout } = await run(
      "sdq",
      path,
      "--version",
      "teacher",
      "--norms",
      "uk-three-band",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        id: "T1",
        conduct: null,
        total: null,
        externalising: null,
        impact: null,
        norms: "uk-three-band",
        bands: expect.objectContaining({ conduct: null, total: null, peer: "borderline" }),
      }),
    ]);
  });

  const bad: [string, string | Uint8Array, string[], RegExp][] = [
    [
      "value 3 on an item",
      `${HEADER}\n${formRow("B1", { 7: "3" })}`,
      [],
      /row 2, column q7: '3' is not an answer/,
    ],
    [
      "a decimal answer",
      `${HEADER}\n${zeros("B0")}\n${formRow("B1", { 1: "1.0" })}`,
      [],
      /row 3, column q1: '1.0'/,
    ],
    [
      "missing header",
      `${zeros("B2")}\n${zeros("B3")}`,
      [],
      /missing header: row 1 must name the columns id,q1/,
    ],
    ["a missing column", `${HEADER.replace(",q25", "")}\nB4`, [], /header: missing column 'q25'/],
    ["an unknown column", `${HEADER},age\n${zeros("B5")},9`, [], /header: unknown column 'age'/],
    ["empty file", "", [], /the file is empty/],
    ["only blank lines", "\n\n", [], /the file is empty/],
    [
      "non-UTF-8 bytes",
      new Uint8Array([...Buffer.from(`${HEADER}\n${zeros("B6")}\n`), 0x41, 0xe5, 0x2c, 0x30, 0x0a]),
      [],
      /line 3 is not valid UTF-8/,
    ],
    [
      "a short row",
      `${HEADER}\n${zeros("B7")}\nB8,0,1`,
      [],
      /row 3: 3 columns where the header has 26/,
    ],
    ["an empty id", `${HEADER}\n${zeros("")}`, [], /row 2, column id: empty/],
    [
      "a duplicate id",
      `${HEADER}\n${zeros("B9")}\n${zeros("B9")}`,
      [],
      /row 3, column id: 'B9' appears twice/,
    ],
    [
      "a parent impact item on the teacher form",
      `${HEADER},impact_overall,impact_distress,impact_home,impact_classroom\n${zeros("C1")},1,1,1,1`,
      ["--version", "teacher"],
      /header: unknown column 'impact_home'/,
    ],
    [
      "an incomplete impact supplement",
      `${HEADER},impact_overall\n${zeros("C2")},1`,
      [],
      /header: missing column 'impact_distress' \(needed with the others\)/,
    ],
    [
      "impact answer 4",
      `${HEADER},impact_overall,impact_distress,impact_peers,impact_classroom\n${zeros("C3")},1,4,0,0`,
      ["--version", "teacher"],
      /row 2, column impact_distress: '4'/,
    ],
  ];
  for (const [name, content, args, message] of bad) {
    it(`refuses ${name} with exit 1 and no output`, async () => {
      const path = await file(`bad-${name.replaceAll(" ", "-")}.csv`, content);
      const { code, stdout, stderr } = await run(
        "sdq",
        path,
        ...(args.length ? args : ["--version", "parent"]),
      );
      expect(stderr).toMatch(message);
      expect(stderr).toContain(path);
      expect(code).toBe(1);
      expect(stdout).toBe("");
    });
  }

  it("refuses an unknown version, norm set or instrument as a usage error", async () => {
    const path = await file("ok.csv", `${HEADER}\n${zeros("D1")}`);
    const unknownVersion = await run("sdq", path, "--version", "grandparent");
    expect(unknownVersion).toMatchObject({ code: 2, stdout: "" });
    expect(unknownVersion.stderr).toMatch(
      /--version must be parent, teacher or self, not 'grandparent'/,
    );
    expect((await run("sdq", path)).stderr).toMatch(/--version must be/);
    expect((await run("sdq", path, "--version", "self", "--norms", "smedje")).stderr).toMatch(
      /unknown norm set 'smedje'/,
    );
    expect((await run("phq9", path)).code).toBe(2);
    expect((await run("sdq", path, "--verison", "self")).code).toBe(2);
    expect((await run("sdq", inTemp("missing.csv"), "--version", "self")).stderr).toMatch(
      /cannot read the file \(ENOENT\)/,
    );
  });
});

const ORS_HEADER = "id,age,individually,interpersonally,socially,overall";

describe("paraply score ors", () => {
  it("compares totals with the age's cut-off exactly", async () => {
    const path = await file(
      "ors.csv",
      [ORS_HEADER, "P1,30,5,5.1,8.2,6.7", "P2,15,7,7,7,6.9", "P3,8,8,8,8,8", "P4,40,5,,5,5"].join(
        "\n",
      ),
    );
    const { code, stdout, stderr } = await run("ors", path);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { id: "P1", version: "ORS", total: 25, cutoff: 25, clinical: false },
      { id: "P2", version: "ORS", total: 27.9, cutoff: 28, clinical: true },
      { id: "P3", version: "CORS", total: 32, cutoff: 32, clinical: false },
      { id: "P4", version: "ORS", total: null, cutoff: 25, clinical: null },
    ]);
    expect(stderr).toMatch(/ORS cut-off 28 for ages 13–17 is not verified/);
  });

  const bad: [string, string, RegExp][] = [
    ["a mark of 10.5", "Q1,30,5,5,10.5,5", /row 2, column socially: '10.5' is not a mark 0–10/],
    ["two decimals", "Q2,30,5.25,5,5,5", /row 2, column individually: '5.25'/],
    ["a comma decimal", "Q3;30;5,5;5;5;5", /row 2: 2 columns where the header has 6/],
    ["age 4", "Q4,4,5,5,5,5", /row 2, column age: no ORS or CORS cut-off for age 4/],
    ["a non-numeric age", "Q5,ten,5,5,5,5", /row 2, column age: 'ten' is not an age/],
    ["age 200", "Q6,200,5,5,5,5", /row 2, column age: '200' is not an age/],
  ];
  for (const [name, row, message] of bad) {
    it(`refuses ${name}`, async () => {
      const path = await file(`ors-${name.replaceAll(" ", "-")}.csv`, `${ORS_HEADER}\n${row}`);
      const { code, stdout, stderr } = await run("ors", path);
      expect(stderr).toMatch(message);
      expect(code).toBe(1);
      expect(stdout).toBe("");
    });
  }

  it("refuses SDQ options on the ORS", async () => {
    const path = await file("ors-ok.csv", `${ORS_HEADER}\nR1,30,5,5,5,5`);
    expect((await run("ors", path, "--version", "parent")).code).toBe(2);
  });
});

describe("the paraply binary", () => {
  const bin = resolve(import.meta.dirname, "../../../bin/paraply.js");
  const scoreThroughBinary = (path: string) =>
    promisify(execFile)("node", [bin, "score", "sdq", path, "--version", "parent"]);

  it("scores an SDQ file through bin/paraply.js", async () => {
    const path = await file("binary.csv", `${HEADER}\n${zeros("E1")}\n`);
    const { stdout } = await scoreThroughBinary(path);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ id: "E1", total: 10, norms: "uk-four-band" }),
    ]);
  }, 30_000);

  it("exits non-zero on bad input", async () => {
    const path = await file("binary-bad.csv", `${HEADER}\n${formRow("E2", { 2: "3" })}\n`);
    const failure = await scoreThroughBinary(path).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/row 2, column q2/) });
  }, 30_000);
});
