import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../io.ts";
import { readinessCommand } from "./readiness.ts";

const HEADER = "interview,A,B,C,D,E,F";
const EXAMPLE = [
  HEADER,
  "1,5,3,4,4,3.5,4",
  "2,6,4,5,4,4,5",
  "3,5,3,4,5,3,4",
  "4,4,3,4,4,3,3",
  "5,5,4,5,4,3.5,4",
].join("\n");
const EXAMPLE_OUTPUT =
  '{"dimensions":{"A":5,"B":3.4,"C":4.4,"D":4.2,"E":3.4,"F":4},"score":4.07,"stage":4,' +
  '"stageName":{"sv":"Förplanering","en":"Preplanning"}}\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraply-readiness-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sheet(name: string, content: string | Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
  const code = await readinessCommand(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("paraply readiness score", () => {
  it("prints the worked example's means, score and stage", async () => {
    expect(await run("score", await sheet("example.csv", EXAMPLE))).toEqual({
      code: 0,
      stdout: EXAMPLE_OUTPUT,
      stderr: "",
    });
  });

  it("accepts a byte-order mark and CRLF line ends", async () => {
    const file = await sheet("excel.csv", `\uFEFF${EXAMPLE.replaceAll("\n", "\r\n")}\r\n`);
    expect((await run("score", file)).stdout).toBe(EXAMPLE_OUTPUT);
  });

  it("takes the stage from the exact score, not the rounded one", async () => {
    // Overall (25 + 4.98) / 6 = 4.9967: shown as 5, but stage 5 is not reached.
    const rows = [
      "1,5,5,5,5,5,4.9",
      "2,5,5,5,5,5,5",
      "3,5,5,5,5,5,5",
      "4,5,5,5,5,5,5",
      "5,5,5,5,5,5,5",
    ];
    const file = await sheet("tenth.csv", [HEADER, ...rows].join("\n"));
    const { stdout, code } = await run("score", file, "--grid", "tenth");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dimensions: { F: 4.98 }, score: 5, stage: 4 });
  });

  it("skips empty cells as interviews without consensus on that dimension", async () => {
    const file = await sheet("partial.csv", `${EXAMPLE}\n6,,,,,,`);
    expect((await run("score", file)).stdout).toBe(EXAMPLE_OUTPUT);
  });

  it.each([
    ["empty.csv", "", "row 1: the file is empty; expected interview,A,B,C,D,E,F"],
    ["header-only.csv", `${HEADER}\n`, "row 2: no interview rows after the header"],
    [
      "bad-header.csv",
      "interview,A,B,X,D,E,F\n1,4,4,4,4,4,4",
      'row 1, column 4: expected "C", got "X"',
    ],
    ["extra-header.csv", `${HEADER},G\n1,4,4,4,4,4,4`, "row 1, column 8: unexpected extra column"],
    [
      "nan.csv",
      `${HEADER}\n1,4,4,4,4,4,4\n2,4,4,four,4,4,4`,
      'row 3, column C: "four" is not a number (use a decimal point, e.g. 4.5)',
    ],
    ["comma.csv", `${HEADER}\n1,4,"4,5",4,4,4,4`, 'row 2, column B: "4,5" is not a number'],
    ["range.csv", `${HEADER}\n1,10,4,4,4,4,4`, 'row 2, column A: "10" must be between 1 and 9'],
    ["zero.csv", `${HEADER}\n1,4,4,4,4,4,0`, 'row 2, column F: "0" must be between 1 and 9'],
    [
      "grid.csv",
      `${HEADER}\n1,4,4,4,4.3,4,4`,
      'row 2, column D: "4.3" must be a whole or half number, e.g. 4 or 4.5',
    ],
    ["short.csv", `${HEADER}\n1,4,4,4,4,4`, "row 2, column F: missing column"],
    ["long.csv", `${HEADER}\n1,4,4,4,4,4,4,4`, "row 2, column 8: unexpected extra column"],
    [
      "dup.csv",
      `${HEADER}\n1,4,4,4,4,4,4\n2,4,4,4,4,4,4\n1,5,5,5,5,5,5`,
      'row 4, column interview: duplicate interview "1" (row 2)',
    ],
    ["no-id.csv", `${HEADER}\n,4,4,4,4,4,4`, "row 2, column interview: interview id is empty"],
    [
      "missing-f.csv",
      `${HEADER}\n1,4,4,4,4,4,\n2,4,4,4,4,4,`,
      "No consensus score yet for F (Resources related to the issue)",
    ],
  ])("rejects %s", async (name, content, message) => {
    const file = await sheet(name, content);
    const result = await run("score", file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`paraply readiness: ${file}: ${message}`);
  });

  it("rejects text that is not UTF-8, naming row and column", async () => {
    const latin1 = Buffer.from(`${HEADER}\n1,4,4,4,4,4,4\nG\xf6teborg,4,4,4,4,4,4\n`, "latin1");
    const file = await sheet("latin1.csv", latin1);
    expect((await run("score", file)).stderr).toContain(
      "row 3, column interview: not valid UTF-8 text",
    );
  });

  it("reports a file that cannot be read", async () => {
    const result = await run("score", join(dir, "absent.csv"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ENOENT");
  });

  it.each([
    [[]],
    [["rate", "x.csv"]],
    [["score"]],
    [["score", "a", "b"]],
    [["score", "a", "--grid", "quarter"]],
    [["score", "a", "--bogus"]],
  ])("prints usage and exits 2 for %j", async (args) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: paraply readiness score FILE");
  });

  it("runs through bin/paraply.js", async () => {
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    const file = await sheet("spawned.csv", EXAMPLE);
    const { stdout } = await promisify(execFile)(
      "node",
      ["bin/paraply.js", "readiness", "score", file],
      { cwd: root },
    );
    expect(stdout).toBe(EXAMPLE_OUTPUT);
  }, 30_000);
});
