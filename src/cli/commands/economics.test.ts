import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured, tempFolder } from "../testing.ts";
import { economicsCommand } from "./economics.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../../docs/examples/economics.json");

const { file } = tempFolder("paraply-economics-");
const run = (...args: string[]) => runCaptured(economicsCommand, args);

type Fields = Record<string, unknown>;
interface LooseInput {
  costs: Fields[];
  outcomes: (Fields & { proxy: Fields })[];
}

/** The documented example with one change, to test a single bad field. */
async function exampleWith(name: string, change: (input: LooseInput) => void) {
  const input = JSON.parse(await readFile(EXAMPLE, "utf8"));
  change(input);
  return file(name, JSON.stringify(input));
}

describe("paraply economics", () => {
  it("evaluates the documented example with the figures the docs quote", async () => {
    const { code, stdout, stderr } = await run(EXAMPLE);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      horizonYear: 8,
      costs: {
        total: "6440000.00",
        presentValue: "6223047.21",
        budget: "6330000.00",
        perParticipant: "107333.33",
      },
      benefits: { presentValue: "6549314.26" },
      npv: "326267.05",
      sroiRatio: "1.0524",
      sroiRatioUndiscountedCosts: "1.0170",
      netRatio: "0.0524",
      breakEvenYear: 7,
      breakEvenHoldsFromYear: 7,
      paybackMonths: "67.79",
      sensitivity: { ratioRange: { min: "0.8419", max: "1.3244" } },
    });
    expect(report.years[1]).toEqual({
      year: 1,
      costs: "2090000.00",
      benefits: "1140000.00",
      presentValueCosts: "2019323.67",
      presentValueBenefits: "1101449.28",
      cumulativePresentValueCosts: "4169323.67",
      cumulativePresentValueBenefits: "1101449.28",
    });
  });

  it("prints a readable table with --format text", async () => {
    const { code, stdout } = await run(EXAMPLE, "--format", "text");
    expect(code).toBe(0);
    expect(stdout).toMatch(/SROI ratio \(PV benefits \/ PV costs\)\s+1\.0524/);
    expect(stdout).toMatch(/guide's variant \(PV benefits \/ undiscounted costs\)\s+1\.0170/);
    expect(stdout).toMatch(/Break-even\s+year 7/);
    expect(stdout).toMatch(/proxy\s+× 0\.8\s+0\.8419/);
  });

  it("names the JSON path of an invalid field", async () => {
    const path = await exampleWith("deadweight.json", (input) => {
      input.outcomes[0]!.deadweight = "1.5";
      delete input.outcomes[1]!.proxy.source;
      input.costs[2]!.amount = "150000.005";
    });
    const { code, stdout, stderr } = await run(path);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/outcomes\[0\]\.deadweight: '1\.5' is above 1/);
    expect(stderr).toMatch(/outcomes\[1\]\.proxy\.source: /);
    expect(stderr).toMatch(
      /costs\[2\]\.amount: '150000\.005' is not kronor with at most 2 decimals/,
    );
  });

  it("refuses unknown keys, so a misspelt assumption is never silently left out", async () => {
    const path = await exampleWith("typo.json", (input) => {
      input.outcomes[0]!.deadwieght = input.outcomes[0]!.deadweight;
    });
    const { code, stderr } = await run(path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/outcomes\[0\]: .*deadwieght/);
  });

  const bad: [string, string | Uint8Array, RegExp][] = [
    ["empty file", "", /the file is empty/],
    ["invalid JSON", '{"title": "x",', /not valid JSON/],
    [
      "non-UTF-8 bytes",
      new Uint8Array([0x7b, 0x0a, 0x22, 0xe5, 0x22, 0x7d]),
      /line 2 is not valid UTF-8/,
    ],
    ["a top-level array", "[]", /\(top level\): /],
    [
      "an exponent",
      '{"title":"x","priceYear":2025,"discountRate":1e-7,"participants":1,"costs":[],"outcomes":[]}',
      /discountRate: '1e-7' is not a plain decimal/,
    ],
  ];
  for (const [name, content, message] of bad) {
    it(`refuses ${name}`, async () => {
      const path = await file(`${name.replaceAll(" ", "-")}.json`, content);
      const { code, stdout, stderr } = await run(path);
      expect(stderr).toMatch(message);
      expect(code).toBe(1);
      expect(stdout).toBe("");
    });
  }

  it("refuses an unknown format as a usage error", async () => {
    expect((await run(EXAMPLE, "--format", "xml")).code).toBe(2);
    expect((await run()).code).toBe(2);
  });
});
