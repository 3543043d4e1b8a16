import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { AssessmentCreateBodySchema, GuideCreateBodySchema, RespondentBodySchema } from "./api.ts";
import { DEFAULT_GUIDE } from "./guide.ts";
import { ScoreGridSchema, TopicSchema } from "./schemas.ts";

const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

function paths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
}

describe("TopicSchema and ScoreGridSchema", () => {
  it("accept a preset or a free-text topic and reject an unknown preset or a blank name", () => {
    expect(TopicSchema.safeParse({ kind: "preset", key: "andt" }).success).toBe(true);
    expect(TopicSchema.parse({ kind: "custom", name: " Spelberoende " })).toEqual({
      kind: "custom",
      name: "Spelberoende",
    });
    expect(paths(TopicSchema.safeParse({ kind: "preset", key: "gambling" }))).toEqual(["key"]);
    expect(paths(TopicSchema.safeParse({ kind: "custom", name: "  " }))).toEqual(["name"]);
  });

  it("know the three grids only", () => {
    for (const grid of ["whole", "half", "tenth"]) expect(ScoreGridSchema.parse(grid)).toBe(grid);
    expect(ScoreGridSchema.safeParse("quarter").success).toBe(false);
  });
});

describe("the readiness contract", () => {
  const base = {
    topic: { kind: "preset", key: "andt" },
    organisationId: id,
    periodStart: "2026-01-01",
    periodEnd: "2026-03-31",
  };

  it("creates an assessment with five interviews on the half grid unless told otherwise", () => {
    expect(AssessmentCreateBodySchema.parse(base)).toMatchObject({
      targetInterviews: 5,
      scoreGrid: "half",
    });
  });

  it("refuses a period that ends before it starts and a target outside 1–20", () => {
    const result = AssessmentCreateBodySchema.safeParse({
      ...base,
      periodEnd: "2025-12-31",
      targetInterviews: 21,
    });
    expect(paths(result)).toEqual(["targetInterviews", "periodEnd"]);
  });

  it("needs a respondent's role and a known sector; name and contact are optional", () => {
    expect(RespondentBodySchema.safeParse({ role: "Rektor", sector: "skola" }).success).toBe(true);
    expect(paths(RespondentBodySchema.safeParse({ role: " ", sector: "kyrka" }))).toEqual([
      "role",
      "sector",
    ]);
  });

  it("takes the built-in guide's questions as an edited guide's", () => {
    const result = GuideCreateBodySchema.safeParse({
      organisationId: id,
      baseGuideId: id,
      title: DEFAULT_GUIDE.title,
      questions: DEFAULT_GUIDE.questions,
    });
    expect(paths(result)).toEqual([]);
  });
});
