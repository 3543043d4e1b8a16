import { describe, expect, it } from "vitest";
import { InstrumentSchema } from "../../domain/profile/instrument.ts";
import { buildProfileTable, type StoredFine, waveResponseRateLow } from "./profile-table.ts";

const INSTRUMENT = InstrumentSchema.parse({
  id: "t",
  version: 1,
  name: { sv: "T", en: "T" },
  items: [{ id: "q1", min: 1, max: 4 }],
  factors: [
    {
      id: "f",
      kind: "risk",
      domain: "family",
      name: { sv: "F", en: "F" },
      items: ["q1"],
      cutPoint: 2,
    },
  ],
});

const fine = (
  area: string,
  grade: string,
  gender: string,
  school: string,
  n: number,
  flagged: number,
): StoredFine => ({
  area,
  grade,
  gender,
  school,
  respondents: n,
  n: [n],
  flagged: [flagged],
});

describe("buildProfileTable", () => {
  const rows = [
    fine("a", "9", "girl", "s1", 20, 5),
    fine("a", "9", "girl", "s2", 15, 3),
    fine("a", "9", "boy", "s1", 30, 12),
    fine("b", "9", "girl", "s3", 3, 1),
    fine("b", "9", "boy", "s3", 40, 8),
  ];

  it("sums schools away and publishes every margin with exact shares", () => {
    const large = rows.map((r) => (r.respondents === 3 ? { ...r, respondents: 13, n: [13] } : r));
    const { cells } = buildProfileTable(INSTRUMENT, large, {
      areaKey: (a) => a,
      minN: 10,
      invited: [],
    });
    const at = (area: string | null, grade: string | null, gender: string | null) =>
      cells.find((c) => c.area === area && c.grade === grade && c.gender === gender);
    // Two schools of area a, girls: 35 respondents, 8 flagged.
    expect(at("a", "9", "girl")).toMatchObject({ n: 35, percent: "22.9", suppressed: false });
    expect(at(null, null, null)).toMatchObject({ n: 118, percent: "24.6" });
    expect(cells.every((c) => !c.suppressed)).toBe(true);
    expect(cells.some((c) => "school" in c)).toBe(false);
  });

  it("hides a small cell and enough others that it cannot be recomputed, with no figures", () => {
    const { cells } = buildProfileTable(INSTRUMENT, rows, {
      areaKey: (a) => a,
      minN: 10,
      invited: [],
    });
    const small = cells.find((c) => c.area === "b" && c.grade === "9" && c.gender === "girl")!;
    expect(small).toMatchObject({
      suppressed: true,
      reason: "small",
      n: null,
      percent: null,
      ci: null,
    });
    expect(cells.filter((c) => c.reason === "complementary").length).toBeGreaterThan(0);
    for (const c of cells.filter((c) => !c.suppressed)) expect(c.n!).toBeGreaterThanOrEqual(10);
  });

  it("publishes by group when the areas are grouped", () => {
    const { cells } = buildProfileTable(INSTRUMENT, rows, {
      areaKey: () => "north",
      minN: 10,
      invited: [],
    });
    expect(new Set(cells.map((c) => c.area))).toEqual(new Set([null, "north"]));
  });

  it("withholds every cell when fewer than half of those invited answered", () => {
    const invited = [{ school: "s1", grade: "9" as const, invited: 120 }];
    expect(waveResponseRateLow(rows, invited)).toBe(true);
    const { cells } = buildProfileTable(INSTRUMENT, rows, { areaKey: (a) => a, minN: 10, invited });
    expect(cells.every((c) => c.suppressed && c.reason === "response_rate")).toBe(true);
    expect(waveResponseRateLow(rows, [{ school: "s1", grade: "9", invited: 100 }])).toBe(false);
  });
});
