import { mkdirSync, writeFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
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
import { renderReadinessReport } from "./report-pdf.ts";

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

async function pdfText(buffer: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

const generatedAt = new Date("2025-04-02T08:15:00Z");

describe("readiness board report (PDF)", () => {
  it("renders the worked example in Swedish with stage, score, dimensions and strategies", async () => {
    const current = results({});
    const earlier = results({
      id: "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
      periodStart: "2023-02-06",
      periodEnd: "2023-03-31",
      scores: { A: 4, B: 2.6, C: 3.2, D: 3.8, E: 2.8, F: 3 },
    });
    const { pdf: buffer } = await renderReadinessReport({
      results: current,
      trend: [earlier, current],
      generatedAt,
    });
    expect(buffer.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (process.env.REPORT_PDF_OUT) {
      mkdirSync(".tmp", { recursive: true });
      writeFileSync(process.env.REPORT_PDF_OUT, buffer);
    }
    const text = await pdfText(buffer);
    expect(text).toContain("Beredskapsmätning");
    expect(text).toContain("Bengtsfors");
    const results3 = text.slice(text.indexOf("3. Resultat"));
    expect(results3).toContain("Stadium 4: Förplanering");
    expect(text).toContain("4,07");
    expect(text).not.toContain("4.07");
    for (const l of DIMENSION_LETTERS) expect(text).toContain(DIMENSIONS[l].name.sv);
    expect(text).toContain("Vag medvetenhet");
    expect(text).toContain("Tri-Ethnic Center");
    expect(text).toContain("sammanfattning av handboken");
    expect(text).toContain("Socialtjänst");
    expect(text).toContain("63,3");
    expect(text).toContain("2023-02-06");
    expect(text).toMatch(/Sida 1 av \d/);
    expect(text).toMatch(/[åäö]/);
  });

  it("says which dimensions lack consensus and shows no stage when results are incomplete", async () => {
    const incomplete = results({ scores: { A: 5, C: 4.4, D: 4.2, F: 4 }, interviews: 3 });
    const { pdf: buffer } = await renderReadinessReport({
      results: incomplete,
      trend: [incomplete],
      generatedAt,
    });
    expect(buffer.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (process.env.REPORT_PDF_OUT)
      writeFileSync(process.env.REPORT_PDF_OUT.replace(/\.pdf$/, "-incomplete.pdf"), buffer);
    const text = await pdfText(buffer);
    expect(text).toContain("inget stadium redovisas");
    expect(text).toContain(`B ${DIMENSIONS.B.name.sv}`);
    expect(text).toContain(`E ${DIMENSIONS.E.name.sv}`);
    expect(text).toContain("Bara 3 intervjuer");
    // The method section lists all nine stages; after it, no stage may appear.
    const afterMethod = text.slice(text.indexOf("2. Respondenter"));
    expect(afterMethod.length).toBeGreaterThan(0);
    for (const n of STAGE_NUMBERS) expect(afterMethod).not.toContain(STAGES[n].name.sv);
    expect(text).not.toMatch(/Stadium \d:/);
    expect(text).not.toMatch(/stadium \d,/i);
    expect(text).not.toContain("Exempel på strategier");
  });
});
