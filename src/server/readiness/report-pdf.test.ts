import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Results } from "../../domain/readiness/api.ts";
import {
  DIMENSION_LETTERS,
  DIMENSIONS,
  type DimensionLetter,
} from "../../domain/readiness/dimensions.ts";
import { interviewCountWarning } from "../../domain/readiness/interview-count.ts";
import { STAGE_NUMBERS, STAGES, type StageNumber } from "../../domain/readiness/stages.ts";
import { TOPICS } from "../../domain/readiness/topics.ts";
import { readTaggedPdf, type TaggedPdf } from "../reports/read-tagged.ts";
import { readinessReportFileName, renderReadinessReport } from "./report-pdf.ts";

function stageText(n: StageNumber): NonNullable<Results["stage"]> {
  const s = STAGES[n];
  return {
    stage: n,
    name: s.name,
    description: s.description,
    goal: s.goal.goal,
    strategies: [...s.strategies.items],
    provenance:
      s.goal.provenance === "checked" && s.strategies.provenance === "checked"
        ? "checked"
        : "handbook_summary",
  };
}

/** The worked example of readiness.md: A 5.0, B 3.4, C 4.4, D 4.2, E 3.4, F 4.0 → 4.07, stage 4. */
const EXAMPLE: Record<DimensionLetter, number> = { A: 5, B: 3.4, C: 4.4, D: 4.2, E: 3.4, F: 4 };

function results(overrides: {
  id?: string;
  periodStart?: string;
  periodEnd?: string;
  scores?: Partial<Record<DimensionLetter, number>>;
  interviews?: number;
}): Results {
  const scores = overrides.scores ?? EXAMPLE;
  const present = DIMENSION_LETTERS.filter((l) => scores[l] !== undefined);
  const missing = DIMENSION_LETTERS.filter((l) => scores[l] === undefined);
  const complete = missing.length === 0;
  const interviews = overrides.interviews ?? 5;
  const dimensions: Results["dimensions"] = {};
  const dimensionStages: Results["dimensionStages"] = {};
  for (const l of present) {
    const score = scores[l] ?? 0;
    const stage = Math.trunc(score) as StageNumber;
    dimensions[l] = { score, stage, interviews };
    dimensionStages[l] = stageText(stage);
  }
  const sum = present.reduce((acc, l) => acc + (scores[l] ?? 0), 0);
  const score = complete ? Math.round((sum / 6) * 100) / 100 : null;
  const stage = complete ? stageText(Math.trunc(sum / 6) as StageNumber) : null;
  const min = Math.min(...present.map((l) => scores[l] ?? 0));
  return {
    assessment: {
      id: overrides.id ?? "7d0c6f4e-2a8b-4f3e-9a51-3c1d2b4e5f60",
      organisationId: "0b6f0c1e-5d2a-4c1b-8e3f-9a7d6c5b4a31",
      organisationName: "Bengtsfors kommun",
      topic: { kind: "preset", key: "andt" },
      topicName: TOPICS.andt,
      periodStart: overrides.periodStart ?? "2025-02-03",
      periodEnd: overrides.periodEnd ?? "2025-03-28",
      targetInterviews: 5,
      scoreGrid: "half",
      interviewCount: interviews,
      score,
      stage: stage?.stage ?? null,
    },
    complete,
    missing,
    message: complete
      ? null
      : `Konsensus saknas för ${missing.map((l) => DIMENSIONS[l].name.sv).join(", ")}; inget stadium beräknas.`,
    dimensions,
    score,
    stage,
    lowest: complete ? present.filter((l) => scores[l] === min) : [],
    dimensionStages,
    agreement: {
      pairs: 30,
      exactAgreement: 63.3,
      withinOnePoint: 96.7,
      meanAbsoluteDifference: 0.37,
    },
    respondentsBySector: [
      { sector: "skola", count: 1 },
      { sector: "socialtjanst", count: 1 },
      { sector: "polis", count: 1 },
      { sector: "fritid", count: 1 },
      { sector: "politik", count: 1 },
    ],
    interviewNotice: interviewCountWarning(interviews, 5),
  };
}

const generatedAt = new Date("2025-04-02T08:15:00Z");

const textOf = (tagged: TaggedPdf) => tagged.elements.map((e) => e.text).join("\n");

async function render(input: Parameters<typeof renderReadinessReport>[0], out: string) {
  const started = performance.now();
  const rendered = await renderReadinessReport(input);
  const ms = performance.now() - started;
  expect(rendered.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  if (process.env.REPORT_PDF_OUT) {
    mkdirSync(".tmp", { recursive: true });
    writeFileSync(process.env.REPORT_PDF_OUT.replace(/\.pdf$/, `${out}.pdf`), rendered.pdf);
    console.info(
      `readiness report${out}: ${rendered.pages} pages, ${rendered.pdf.length} bytes, ${ms.toFixed(0)} ms`,
    );
  }
  return { ...rendered, tagged: await readTaggedPdf(rendered.pdf) };
}

describe("readiness board report (PDF)", { timeout: 60_000 }, () => {
  const current = results({});
  const earlier = results({
    id: "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
    periodStart: "2023-02-06",
    periodEnd: "2023-03-31",
    scores: { A: 4, B: 2.6, C: 3.2, D: 3.8, E: 2.8, F: 3 },
  });

  it("is a tagged board paper: headings and table cells in reading order, facts, chart with alt text", async () => {
    const { tagged } = await render(
      {
        results: current,
        trend: [earlier, current],
        generatedAt,
        author: "Anna Analytiker",
        unit: "Folkhälsoenheten",
        reference: "KS 2025/0042",
      },
      "",
    );
    expect(tagged.hasStructTreeRoot).toBe(true);
    expect(tagged.untaggedText).toEqual([]);
    expect(tagged.lang).toBe("sv-SE");
    expect(tagged.title).toBe(
      "Beredskapsmätning: alkohol, narkotika, dopning och tobak (ANDT) i Bengtsfors kommun",
    );
    expect(tagged.displayDocTitle).toBe(true);
    for (const font of tagged.fonts) expect(font).toMatch(/\+Inter-/);
    const headings = tagged.elements.filter((e) => e.role === "H1" || e.role === "H2");
    expect(headings.map((e) => `${e.role} ${e.text}`)).toEqual([
      `H1 ${tagged.title}`,
      "H2 Sammanfattning",
      "H2 1. Om metoden",
      "H2 2. Respondenter",
      "H2 3. Resultat",
      "H2 4. Mål och strategier",
      "H2 5. Jämförelse över tid",
      "H2 6. Samstämmighet mellan bedömare",
    ]);
    // The board facts, each name a row header followed by its value.
    const cells = tagged.elements.filter((e) => e.role === "TH" || e.role === "TD");
    const fact = (name: string) =>
      cells[cells.findIndex((c) => c.role === "TH" && c.text === name) + 1]?.text;
    expect(fact("Diarienummer")).toBe("KS 2025/0042");
    expect(fact("Upprättad av")).toBe("Anna Analytiker");
    expect(fact("Ansvarig enhet")).toBe("Folkhälsoenheten");
    expect(fact("Lokalsamhälle")).toBe("Bengtsfors kommun");
    expect(fact("Mätperiod")).toBe("3 februari – 28 mars 2025");
    expect(fact("Datum")).toBe("2 april 2025");
    // The nine stages, row by row, after their lead-in and on the same page as it.
    const stageStart = cells.findIndex((c) => c.text === "Kännetecken") + 1;
    expect(cells.slice(stageStart, stageStart + 9 * 3).map((c) => c.text)).toEqual(
      STAGE_NUMBERS.flatMap((n) => [String(n), STAGES[n].name.sv, STAGES[n].description.sv]),
    );
    const leadIn = tagged.elements.find(
      (e) => e.role === "P" && e.text.endsWith("Modellen har nio stadier:"),
    );
    expect(leadIn?.page).toBe(cells[stageStart]!.page);
    // The chart: a Figure with alternative text, followed by the same numbers as a table.
    const figures = tagged.elements.filter((e) => e.role === "Figure");
    expect(figures).toHaveLength(2);
    expect(figures[0]!.alt).toContain("B Kännedom om insatserna 3,40");
    expect(figures[0]!.alt).toContain("Totalpoäng 4,07");
    expect(figures[0]!.text).toContain("9");
    expect(figures[0]!.text).not.toMatch(/\b10\b/);
    expect(figures[1]!.alt).toContain("6 februari – 31 mars 2023 3,23");
    const afterChart = tagged.elements.slice(tagged.elements.indexOf(figures[0]!) + 1);
    expect(afterChart[0]!.role).toBe("P");
    expect(afterChart.slice(1, 5).map((e) => e.text)).toEqual([
      "Dimension",
      "Poäng",
      "Intervjuer",
      "Stadium",
    ]);
    expect(afterChart.slice(5, 10).map((e) => e.text)).toEqual([
      "A Insatser i lokalsamhället",
      "5,00",
      "5",
      `5 – ${STAGES[5].name.sv}`,
      "B Kännedom om insatserna",
    ]);
    // No page ends on a heading.
    for (let page = 1; page <= tagged.pages; page += 1) {
      const last = tagged.elements.filter((e) => e.page === page).at(-1);
      expect(last?.role, `last element on page ${page}`).not.toMatch(/^H\d$/);
    }
    // Page furniture: organisation and diarienummer on top, page x of y below.
    expect(tagged.artifactText[0]).toEqual(
      expect.arrayContaining([
        "Bengtsfors kommun",
        "Dnr KS 2025/0042",
        `Sida 1 av ${tagged.pages}`,
      ]),
    );
    const text = textOf(tagged);
    expect(text).toContain("Stadium 4: Förplanering");
    expect(text).toContain("4,07");
    expect(text).not.toContain("4.07");
    for (const l of DIMENSION_LETTERS) expect(text).toContain(DIMENSIONS[l].name.sv);
    expect(text).toContain("Tri-Ethnic Center");
    expect(text).toContain("sammanfattning av handboken");
    expect(text).toContain("Socialtjänst");
    expect(text).toContain("63,3 %");
    // One way of writing dates, and the interview target said once.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain("6 februari – 31 mars 2023");
    expect(text.match(/målet 5|Mål: 5/g)).toEqual(["målet 5"]);
  });

  it("names the file after place, topic and date", () => {
    expect(readinessReportFileName(current, new Date("2026-11-30T10:00:00Z"))).toBe(
      "beredskap-bengtsfors-andt-2026-11-30.pdf",
    );
    const violence = results({});
    violence.assessment = {
      ...violence.assessment,
      organisationName: "Åmål",
      topic: { kind: "preset", key: "violence_close_relationships" },
      topicName: TOPICS.violence_close_relationships,
    };
    expect(readinessReportFileName(violence, new Date("2026-11-30T23:30:00Z"))).toBe(
      "beredskap-amal-vald-i-nara-relationer-2026-12-01.pdf",
    );
  });

  it("says which dimensions lack consensus and shows no stage when results are incomplete", async () => {
    const incomplete = results({ scores: { A: 5, C: 4.4, D: 4.2, F: 4 }, interviews: 3 });
    const { tagged } = await render(
      { results: incomplete, trend: [incomplete], generatedAt },
      "-incomplete",
    );
    const text = textOf(tagged);
    expect(text).toContain("inget stadium redovisas");
    expect(text).toContain(`B ${DIMENSIONS.B.name.sv}`);
    expect(text).toContain(`E ${DIMENSIONS.E.name.sv}`);
    expect(text).toContain("Bara 3 intervjuer");
    expect(tagged.artifactText[0]).not.toContain("Dnr");
    // The method section lists all nine stages; after it, no stage may appear.
    const afterMethod = text.slice(text.indexOf("2. Respondenter"));
    expect(afterMethod.length).toBeGreaterThan(0);
    for (const n of STAGE_NUMBERS) expect(afterMethod).not.toContain(STAGES[n].name.sv);
    expect(text).not.toMatch(/Stadium \d:/);
    expect(text).not.toMatch(/stadium \d,/i);
    expect(text).not.toContain("Exempel på strategier");
    const figure = tagged.elements.find((e) => e.role === "Figure");
    expect(figure?.alt).toContain("B Kännedom om insatserna saknar konsensus");
  });

  it("shows the dimension table without a chart when no dimension has a score yet", async () => {
    const empty = results({ scores: {}, interviews: 2 });
    const { tagged } = await render({ results: empty, trend: [empty], generatedAt }, "-empty");
    expect(tagged.elements.filter((e) => e.role === "Figure")).toEqual([]);
    const cells = tagged.elements
      .filter((e) => e.role === "TH" || e.role === "TD")
      .map((e) => e.text);
    const start = cells.indexOf("Poäng (preliminär)");
    expect(cells.slice(start + 2, start + 5)).toEqual([
      "A Insatser i lokalsamhället",
      "saknas",
      "0",
    ]);
  });
});
