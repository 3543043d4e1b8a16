import { describe, expect, it } from "vitest";
import { parseKoladaCsv, parseKoladaJson } from "./kolada.ts";

describe("parseKoladaCsv", () => {
  it("reads semicolons, decimal commas, Swedish headers and a BOM", () => {
    const csv =
      "\ufeffNyckeltal;Kommun;År;Kön;Värde;Antal;Status\r\n" +
      "N00945;1438;2024;T;9 412,5;1;\r\n" +
      "N00945;1438;2024;K;4 650;1;\r\n" +
      "U28116;180;2023;M;;;Saknas\r\n";
    const result = parseKoladaCsv(csv);
    expect(result).toEqual({
      ok: true,
      values: [
        {
          kpi: "N00945",
          municipality: "1438",
          period: 2024,
          gender: "T",
          value: 9412.5,
          count: 1,
          status: "",
        },
        {
          kpi: "N00945",
          municipality: "1438",
          period: 2024,
          gender: "K",
          value: 4650,
          count: 1,
          status: "",
        },
        {
          kpi: "U28116",
          municipality: "0180",
          period: 2023,
          gender: "M",
          value: null,
          count: null,
          status: "Saknas",
        },
      ],
    });
  });

  it("reads commas with quoted decimal commas and decimal points", () => {
    const csv =
      'kpi,municipality,period,gender,value,count,status\nN1,1438,2024,T,"12,5",3,\nN1,1438,2024,K,7.25,2,\n';
    const result = parseKoladaCsv(csv);
    expect(result.ok && result.values.map((v) => v.value)).toEqual([12.5, 7.25]);
  });

  it("lists every problem by line and column and keeps nothing", () => {
    const csv =
      "kpi;municipality;period;gender;value;count;status\n" +
      "N00945;1438;2024;X;1,5;1;\n" +
      "N00945;1438;24;T;abc;-1;\n" +
      "N00945;1438;2024;T;2;1;\n" +
      "N00945;1438;2024;T;3;1;\n" +
      "N00945;1438;2024\n";
    const result = parseKoladaCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "gender"],
      [3, "period"],
      [3, "value"],
      [3, "count"],
      [5, "kpi"],
      [6, ""],
    ]);
    expect(result.problems[0]!.message).toMatch(/T \(totalt\), K \(kvinnor\) eller M \(män\)/);
    expect(result.problems[4]!.message).toMatch(/rad 4/);
  });

  it("names missing columns and empty files", () => {
    const missing = parseKoladaCsv("kpi;kommun;period\nN1;1438;2024\n");
    expect(missing.ok === false && missing.problems.map((p) => p.column)).toEqual([
      "gender",
      "value",
    ]);
    expect(parseKoladaCsv("").ok).toBe(false);
    const headerOnly = parseKoladaCsv("kpi;municipality;period;gender;value\n");
    expect(headerOnly.ok === false && headerOnly.problems[0]!.message).toMatch(/inga värden/);
  });

  it("reports an unterminated quote instead of throwing", () => {
    const result = parseKoladaCsv('kpi,municipality,period,gender,value\nN1,1438,2024,T,"12,5\n');
    expect(result.ok).toBe(false);
  });
});

describe("parseKoladaJson", () => {
  const api = {
    count: 2,
    values: [
      {
        kpi: "N00945",
        municipality: "1438",
        period: 2024,
        values: [
          { gender: "T", value: 9412, count: 1, status: "", isdeleted: false },
          { gender: "K", value: 4650, count: 1, status: "" },
          { gender: "M", value: 4762, count: 1, status: "" },
        ],
      },
      {
        kpi: "U28116",
        municipality: "1438",
        period: 2023,
        values: [{ gender: "T", value: null, count: 0, status: "Saknas" }],
      },
    ],
    next_page: null,
  };

  it("reads the values layout of the API", () => {
    const result = parseKoladaJson(JSON.stringify(api));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.values).toHaveLength(4);
    expect(result.values[3]).toEqual({
      kpi: "U28116",
      municipality: "1438",
      period: 2023,
      gender: "T",
      value: null,
      count: 0,
      status: "Saknas",
    });
    expect(parseKoladaJson(api.values).ok).toBe(true);
  });

  it("skips values Kolada marks as deleted", () => {
    const deleted = structuredClone(api);
    (deleted.values[0]!.values[0] as { isdeleted: boolean }).isdeleted = true;
    const result = parseKoladaJson(deleted);
    expect(result.ok && result.values).toHaveLength(3);
  });

  it("lists problems by entry and field", () => {
    const bad = structuredClone(api) as { values: Record<string, unknown>[] };
    bad.values[0]!.period = "2024";
    (bad.values[1]!.values as Record<string, unknown>[])[0]!.gender = "X";
    bad.values.push({ kpi: "N1" });
    const result = parseKoladaJson(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [1, "period"],
      [2, "values[0].gender"],
      [3, "values"],
    ]);
  });

  it("refuses what is not Kolada JSON", () => {
    expect(parseKoladaJson("{").ok).toBe(false);
    expect(parseKoladaJson({ data: [] }).ok).toBe(false);
    expect(parseKoladaJson({ values: [] }).ok).toBe(false);
  });
});
