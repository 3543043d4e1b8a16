import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

const rows: { kommunkod: string; kommun: string; lanskod: string; lan: string }[] = parse(
  readFileSync(new URL("./kommuner.csv", import.meta.url), "utf8"),
  { columns: true },
);

describe("SCB's municipality list", () => {
  it("has all 290 municipalities with unique four-digit codes", () => {
    expect(rows).toHaveLength(290);
    expect(new Set(rows.map((r) => r.kommunkod)).size).toBe(290);
    for (const r of rows) expect(r.kommunkod).toMatch(/^\d{4}$/);
  });

  it("puts each municipality in the county its code begins with, in 21 counties", () => {
    for (const r of rows) expect(r.kommunkod.slice(0, 2)).toBe(r.lanskod);
    expect(new Set(rows.map((r) => r.lanskod)).size).toBe(21);
  });

  it("has the codes the demo data and Dalsland rely on", () => {
    const byCode = new Map(rows.map((r) => [r.kommunkod, r.kommun]));
    expect(byCode.get("1460")).toBe("Bengtsfors");
    expect(byCode.get("1438")).toBe("Dals-Ed");
    expect(byCode.get("1439")).toBe("Färgelanda");
    expect(byCode.get("1461")).toBe("Mellerud");
    expect(byCode.get("1492")).toBe("Åmål");
    expect(byCode.get("2480")).toBe("Umeå");
    expect(byCode.get("0180")).toBe("Stockholm");
  });

  it("matches the migration that loads it", () => {
    const sql = readFileSync(
      new URL("../migrations/0002_municipality_refs.sql", import.meta.url),
      "utf8",
    );
    for (const r of rows)
      expect(sql).toContain(`('${r.kommunkod}', '${r.kommun.replace(/'/g, "''")}'`);
  });
});
