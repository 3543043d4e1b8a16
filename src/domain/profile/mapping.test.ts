import { describe, expect, it } from "vitest";
import { DEFAULT_INSTRUMENT } from "./default-instrument.ts";
import { resolveMapping, suggestMapping } from "./mapping.ts";

const AREAS = [
  { id: "11111111-1111-4111-8111-111111111111", name: "Bengtsfors centrum" },
  { id: "22222222-2222-4222-8222-222222222222", name: "Bäckefors" },
];

describe("suggestMapping", () => {
  it("matches item columns by id, roles by Swedish or English names, codes by .sav labels", () => {
    const columns = [
      { name: "Löpnr", valueLabels: [] },
      { name: "Område", valueLabels: [{ value: "2", label: "bäckefors" }] },
      {
        name: "Kön",
        valueLabels: [
          { value: "1", label: "Flicka" },
          { value: "2", label: "Pojke" },
          { value: "3", label: "Vill inte svara" },
        ],
      },
      { name: "arskurs", valueLabels: [{ value: "1", label: "Årskurs 9" }] },
      ...DEFAULT_INSTRUMENT.items
        .slice(0, 3)
        .map((i) => ({ name: i.id.toUpperCase(), valueLabels: [] })),
    ];
    const mapping = suggestMapping(columns, DEFAULT_INSTRUMENT, AREAS);
    expect(mapping).toMatchObject({
      respondent: "Löpnr",
      area: "Område",
      gender: "Kön",
      grade: "arskurs",
      school: null,
      areaValues: { "2": AREAS[1]!.id },
      genderValues: { "1": "girl", "2": "boy", "3": "unknown" },
      gradeValues: { "1": "9" },
    });
    expect(Object.keys(mapping.items)).toEqual(
      DEFAULT_INSTRUMENT.items.slice(0, 3).map((i) => i.id),
    );
  });
});

describe("resolveMapping", () => {
  const header = ["area", "grade", "gender", ...DEFAULT_INSTRUMENT.items.map((i) => i.id)];
  const mapping = {
    ...suggestMapping(
      header.map((name) => ({ name, valueLabels: [] })),
      DEFAULT_INSTRUMENT,
      AREAS,
    ),
    gradeValues: { nio: "9" as const },
  };

  it("reads areas by name, grades and genders by code or word, empty as unknown", () => {
    const resolved = resolveMapping(mapping, header, DEFAULT_INSTRUMENT, AREAS);
    expect(resolved.problems).toEqual([]);
    expect(resolved.areaOf(" bengtsfors CENTRUM ".trim())).toBe(AREAS[0]!.id);
    expect(resolved.areaOf("Dals Långed")).toBeUndefined();
    expect(["9", "9.0", "nio", "", "13"].map(resolved.gradeOf)).toEqual([
      "9",
      "9",
      "9",
      "unknown",
      undefined,
    ]);
    expect(["flicka", "Boy", "", "x"].map(resolved.genderOf)).toEqual([
      "girl",
      "boy",
      "unknown",
      undefined,
    ]);
  });

  it("names every missing column", () => {
    const resolved = resolveMapping(
      { ...mapping, area: "omrade" },
      header.filter((h) => h !== DEFAULT_INSTRUMENT.items[0]!.id),
      DEFAULT_INSTRUMENT,
      AREAS,
    );
    expect(resolved.problems.map((p) => [p.code, p.column])).toEqual([
      ["missing_column", DEFAULT_INSTRUMENT.items[0]!.id],
      ["missing_column", "omrade"],
    ]);
  });
});
