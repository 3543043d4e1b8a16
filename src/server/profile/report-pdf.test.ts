import { describe, expect, it } from "vitest";
import { readTaggedPdf } from "../reports/read-tagged.ts";
import { profileReportInput } from "./report-input.ts";
import {
  type ProfileReportInput,
  profileReportFileName,
  renderProfileReport,
} from "./report-pdf.ts";
import { svPercentText, svPValue } from "./report-sections.ts";

const generatedAt = new Date("2026-04-02T08:15:00Z");

const input: ProfileReportInput = {
  organisationName: "Bengtsfors kommun",
  waveName: "Ungdomsenkät 2026",
  year: 2026,
  instrumentName: "CTC-enkät (svensk version)",
  instrumentVersion: 1,
  respondents: 1484,
  excluded: 16,
  minN: 10,
  groupLabel: "Alla elever",
  referenceLabel: "Ungdomsenkät 2024",
  factors: [
    {
      id: "family_conflict",
      name: "Konflikter i familjen",
      kind: "risk",
      domain: "family",
      n: 1460,
      percent: "21.1",
      ci: ["19.1", "23.3"],
      suppressed: false,
      reference: "25.0",
      difference: {
        points: -3.9,
        significant: true,
        test: "Tvåprovstest för andelar",
        pValue: 0.012,
      },
    },
    {
      id: "early_initiation",
      name: "Tidig debut",
      kind: "risk",
      domain: "individual",
      n: null,
      percent: null,
      ci: null,
      suppressed: true,
      reference: null,
      difference: null,
    },
    {
      id: "school_bonding",
      name: "Trivsel i skolan",
      kind: "protective",
      domain: "school",
      n: 1470,
      percent: "58.4",
      ci: ["55.9", "60.9"],
      suppressed: false,
      reference: "57.0",
      difference: {
        points: 1.4,
        significant: false,
        test: "Tvåprovstest för andelar",
        pValue: 0.44,
      },
    },
  ],
  indicators: [
    {
      kpi: "N15419",
      name: "Elever i åk 9 som är behöriga till ett yrkesprogram",
      period: "2025",
      gender: "T",
      value: 81.3,
      source: "Kolada",
    },
  ],
  prioritisation: {
    decidedAt: "12 mars 2026",
    decidedBy: "Anna Analytiker",
    basis: "Ungdomsenkät 2024",
    factors: [{ name: "Konflikter i familjen", kind: "risk", reason: "Högst andel i kommunen." }],
  },
  generatedAt: new Date("2026-04-02T08:15:00Z"),
  reference: "KS 2026/0101",
};

describe("area profile board report (PDF)", { timeout: 60_000 }, () => {
  it("is tagged, names suppressed cells with a dash and gives every chart its table", async () => {
    const rendered = await renderProfileReport(input);
    expect(rendered.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const tagged = await readTaggedPdf(rendered.pdf);
    expect(tagged.hasStructTreeRoot).toBe(true);
    expect(tagged.untaggedText).toEqual([]);
    expect(tagged.lang).toBe("sv-SE");
    expect(tagged.title).toBe("Områdesprofil 2026: Bengtsfors kommun");
    const headings = tagged.elements.filter((e) => e.role === "H1" || e.role === "H2");
    expect(headings.map((e) => e.text)).toEqual([
      tagged.title,
      "Sammanfattning",
      "1. Metod",
      "2. Riskfaktorer",
      "3. Skyddsfaktorer",
      "4. Jämförelse",
      "5. Registerdata",
      "6. Prioritering",
    ]);
    const figures = tagged.elements.filter((e) => e.role === "Figure");
    expect(figures).toHaveLength(2);
    expect(figures[0]?.alt).toContain("Konflikter i familjen 21,1\u00a0%");
    expect(figures[0]?.alt).toContain("Tidig debut dold");
    const cells = tagged.elements.filter((e) => e.role === "TH" || e.role === "TD");
    // The reader gives the no-break space before "%" back as a plain space.
    const row = (name: string) => {
      const at = cells.findIndex((c) => c.role === "TH" && c.text === name);
      return cells.slice(at + 1, at + 6).map((c) => c.text);
    };
    expect(row("Tidig debut")).toEqual(["Individ och kamrater", "–", "–", "–", "–"]);
    expect(row("Konflikter i familjen")).toEqual([
      "Familj",
      "1460",
      "21,1 %",
      "19,1–23,3",
      "25,0 %",
    ]);
    const text = tagged.elements.map((e) => e.text).join("\n");
    expect(text).toContain("Konflikter i familjen (−3,9 procentenheter)");
    expect(text).toContain("Tvåprovstest för andelar, p = 0,012");
    expect(text).toContain("Kolada");
    expect(text).toContain("Högst andel i kommunen.");
  });

  it("says so when nothing is prioritised and leaves out empty sections", async () => {
    const rendered = await renderProfileReport({
      ...input,
      referenceLabel: undefined,
      indicators: [],
      prioritisation: null,
      factors: input.factors.map((f) => ({ ...f, difference: null, reference: undefined })),
    });
    const tagged = await readTaggedPdf(rendered.pdf);
    const headings = tagged.elements.filter((e) => e.role === "H2").map((e) => e.text);
    expect(headings).not.toContain("4. Jämförelse");
    expect(headings).not.toContain("5. Registerdata");
    expect(tagged.elements.map((e) => e.text).join("\n")).toContain(
      "Ingen prioritering är registrerad",
    );
  });
});

describe("report formats", () => {
  it("writes the domain's exact percent with a decimal comma and p-values as people read them", () => {
    expect(svPercentText("0.2")).toBe("0,2\u00a0%");
    expect(svPercentText(null)).toBe("–");
    expect(svPValue(0.0004)).toBe("p < 0,001");
    expect(svPValue(0.05)).toBe("p = 0,050");
    expect(profileReportFileName(input, new Date("2026-04-02T08:15:00Z"))).toBe(
      "omradesprofil-bengtsfors-2026-2026-04-02.pdf",
    );
  });
});

describe("report input from the routes' answers", () => {
  const wave = {
    id: "00000000-0000-4000-8000-000000000001",
    organisationId: "00000000-0000-4000-8000-000000000002",
    organisationName: "Bengtsfors kommun",
    name: "Ungdomsenkät 2026",
    year: 2026,
    instrument: {
      id: "00000000-0000-4000-8000-000000000003",
      key: "ctc-sv",
      version: 1,
      name: { sv: "CTC-enkät", en: "CTC survey" },
    },
    respondents: 30,
    excluded: 1,
    importedAt: null,
    invited: [],
    canImport: false,
    canPrioritise: false,
  };
  const cell = (area: string | null, n: number | null, percent: string | null) => ({
    factor: "family_conflict",
    area,
    grade: null,
    gender: null,
    n,
    percent,
    ci: percent ? (["10.0", "30.0"] as [string, string]) : null,
    suppressed: n === null,
    reason: n === null ? ("small" as const) : null,
  });
  const profile = {
    wave: { id: wave.id, name: wave.name, year: 2026, organisationId: wave.organisationId },
    minN: 10,
    respondents: 30,
    excluded: 1,
    factors: [
      {
        id: "family_conflict",
        kind: "risk" as const,
        domain: "family" as const,
        name: { sv: "Konflikter i familjen", en: "Family conflict" },
      },
    ],
    areas: [{ id: "a1", name: "Centrum" }],
    grades: [],
    genders: [],
    cells: [cell(null, 30, "20.0"), cell("a1", null, null)],
  };

  it("carries only published cells, names the part and the test in Swedish", () => {
    const comparison = {
      referenceLabel: "Ungdomsenkät 2024",
      rows: [
        {
          factor: "family_conflict",
          subject: { n: 30, percent: "20.0", suppressed: false },
          reference: { n: 40, percent: "30.0", suppressed: false },
          differencePp: "-10.0",
          significant: false,
          test: "two_proportion_z" as const,
          pValue: 0.35,
        },
      ],
    };
    const all = profileReportInput({
      wave,
      profile,
      selection: { area: null, grade: null, gender: null },
      comparison,
      prioritisation: null,
      indicators: [],
      generatedAt,
    });
    expect(all.groupLabel).toBe("Alla elever");
    expect(all.factors[0]).toMatchObject({ n: 30, percent: "20.0", reference: "30.0" });
    expect(all.factors[0]?.difference).toEqual({
      points: -10,
      significant: false,
      test: "tvåprovstest för andelar (z-test)",
      pValue: 0.35,
    });
    const centrum = profileReportInput({
      wave,
      profile,
      selection: { area: "a1", grade: "9", gender: "girl" },
      comparison: null,
      prioritisation: null,
      indicators: [],
      generatedAt,
    });
    expect(centrum.groupLabel).toBe("Centrum, årskurs 9, flickor");
    expect(centrum.factors[0]).toMatchObject({ suppressed: true, n: null, percent: null });
  });
});
