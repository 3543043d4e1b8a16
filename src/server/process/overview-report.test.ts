import { describe, expect, it } from "vitest";
import type { Overview } from "../../domain/process/schemas.ts";
import { readTaggedPdf } from "../reports/read-tagged.ts";
import { overviewReportFileName, renderOverviewReport } from "./overview-report.ts";

const OVERVIEW: Overview = {
  collaboration: {
    id: "0b6f0c1e-5d2a-4c1b-8e3f-9a7d6c5b4a31",
    name: "Dalslands kommuner i samverkan",
  },
  generatedOn: "2026-11-30",
  rows: [
    {
      processId: "7d0c6f4e-2a8b-4f3e-9a51-3c1d2b4e5f60",
      organisationName: "Bengtsfors",
      name: "Bengtsfors",
      cycleNumber: 1,
      currentPhase: 3,
      phaseProgress: 16,
      overdue: 1,
      nextDecision: { phase: 3, blockers: 5, typicalEnd: "2027-06-15" },
      readinessStage: 4,
      readinessPeriod: "2026-01-15 – 2026-03-31",
      prioritisedFactors: [],
    },
    {
      processId: "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
      organisationName: "Åmål",
      name: "Åmål",
      cycleNumber: 2,
      currentPhase: 2,
      phaseProgress: 42,
      overdue: 0,
      nextDecision: { phase: 2, blockers: 0, typicalEnd: null },
      readinessStage: null,
      readinessPeriod: null,
      prioritisedFactors: [],
    },
  ],
};

describe("board overview report (PDF)", { timeout: 60_000 }, () => {
  it("is tagged: Swedish, titled, one table row per member with its next decision", async () => {
    const { pdf } = await renderOverviewReport(OVERVIEW, new Date("2026-11-30T10:00:00Z"));
    const tagged = await readTaggedPdf(pdf);
    expect(tagged.hasStructTreeRoot).toBe(true);
    expect(tagged.lang).toBe("sv-SE");
    expect(tagged.title).toBe("Förebyggande process: översikt för Dalslands kommuner i samverkan");
    expect(tagged.untaggedText).toEqual([]);
    const text = (role: string) =>
      tagged.elements.filter((e) => e.role === role).map((e) => e.text);
    expect(text("H1")).toEqual([tagged.title]);
    expect(text("TH")).toContain("Nästa beslut");
    expect(text("TH")).toContain("Bengtsfors");
    expect(text("TD")).toContain("Fas 3 klar: 5 punkter kvar");
    expect(text("TD")).toContain("Fas 2 klar: redo för beslut");
    expect(text("TD")).toContain("2 Förankra, involvera och organisera");
    expect(overviewReportFileName(OVERVIEW, new Date("2026-11-30T10:00:00Z"))).toMatch(
      /^processoversikt-dalslands-kommuner-i-samverkan-2026-11-30\.pdf$/,
    );
  });
});
