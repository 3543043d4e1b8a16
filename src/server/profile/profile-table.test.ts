import { describe, expect, it } from "vitest";
import { InstrumentSchema } from "../../domain/profile/instrument.ts";
import {
  buildProfileTable,
  lowResponseGroups,
  type StoredFine,
  waveResponseRateLow,
} from "./profile-table.ts";

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

  it("withholds every cell holding a school/grade whose response rate is too low, and no other", () => {
    const schools = [
      fine("a", "9", "girl", "s1", 20, 5),
      fine("a", "9", "boy", "s1", 25, 10),
      fine("a", "8", "girl", "s2", 30, 6),
      fine("a", "8", "boy", "s2", 30, 9),
      fine("b", "8", "girl", "s2", 20, 4),
      fine("b", "8", "boy", "s2", 22, 5),
      fine("b", "9", "girl", "s3", 20, 2),
      fine("b", "9", "boy", "s3", 20, 3),
    ];
    // s1 grade 9: 45 of 100 answered; s2 grade 8: 102 of 120; s3 unknown. Over the known
    // groups 147 of 220 answered, so the wave as a whole passes.
    const invited = [
      { school: "s1", grade: "9" as const, invited: 100 },
      { school: "s2", grade: "8" as const, invited: 120 },
    ];
    expect(waveResponseRateLow(schools, invited)).toBe(false);
    expect(lowResponseGroups(schools, invited)).toEqual(new Set(["s1\u00009"]));
    const { cells, responseRateLow } = buildProfileTable(INSTRUMENT, schools, {
      areaKey: (a) => a,
      minN: 10,
      invited,
    });
    expect(responseRateLow).toBe(false);
    expect(cells).toHaveLength(27);
    for (const c of cells) {
      const holdsS1 = (c.area === "a" || c.area === null) && (c.grade === "9" || c.grade === null);
      expect(c.suppressed, JSON.stringify(c)).toBe(holdsS1);
      if (holdsS1) expect(c).toMatchObject({ reason: "response_rate", n: null, percent: null });
    }
    // Exactly half is enough; a school/grade with no answers at all has none to withhold.
    const half = [
      { school: "s1", grade: "9" as const, invited: 90 },
      { school: "s1", grade: "8" as const, invited: 30 },
      { school: "s2", grade: "8" as const, invited: 120 },
    ];
    expect(lowResponseGroups(schools, half)).toEqual(new Set(["s1\u00008"]));
    const all = buildProfileTable(INSTRUMENT, schools, {
      areaKey: (a) => a,
      minN: 10,
      invited: half,
    });
    expect(all.cells.every((c) => !c.suppressed)).toBe(true);
  });
});
