import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DEFAULT_GUIDE } from "./guide.ts";
import {
  AssessmentCreateSchema,
  ConsensusSchema,
  InterviewGuideSchema,
  InterviewSchema,
  InterviewScoresSchema,
  interviewScoresSchema,
  RespondentSchema,
  ScoreSchema,
} from "./schemas.ts";

const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

/** Outline's "field: message" form, as the error handler will show it. */
function issues(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("score schemas", () => {
  it("reject out-of-range and off-grid scores with a message on the field", () => {
    const result = InterviewScoresSchema.safeParse({
      interviewId: id,
      scores: { A: 4.5, B: 0, C: 4.3, D: 10 },
    });
    expect(issues(result)).toEqual([
      "scores.B: must be between 1 and 9",
      "scores.C: must be a whole or half number, e.g. 4 or 4.5",
      "scores.D: must be between 1 and 9",
    ]);
  });

  it("follow the assessment's grid through the factory", () => {
    const tenth = interviewScoresSchema("tenth");
    expect(tenth.safeParse({ interviewId: id, scores: { C: 4.3 } }).success).toBe(true);
    expect(ScoreSchema.safeParse(4.3).success).toBe(false);
  });

  it("reject unknown dimensions", () => {
    const result = InterviewScoresSchema.safeParse({ interviewId: id, scores: { G: 4 } });
    expect(result.success).toBe(false);
  });

  it("accept a consensus with an optional comment", () => {
    const consensus = { interviewId: id, dimension: "B", score: 3.5, comment: " agreed " };
    expect(ConsensusSchema.parse(consensus)).toEqual({ ...consensus, comment: "agreed" });
    expect(issues(ConsensusSchema.safeParse({ ...consensus, score: 3.25 }))).toEqual([
      "score: must be a whole or half number, e.g. 4 or 4.5",
    ]);
  });
});

describe("AssessmentCreateSchema", () => {
  const base = {
    topic: { kind: "preset", key: "andt" },
    communityOrganisationId: id,
    periodStart: "2026-01-01",
    periodEnd: "2026-03-31",
    guideVersionId: id,
  };

  it("defaults to five interviews on the half grid", () => {
    expect(AssessmentCreateSchema.parse(base)).toMatchObject({
      targetInterviews: 5,
      scoreGrid: "half",
    });
  });

  it("accepts a free-text topic and rejects an unknown preset", () => {
    const custom = { ...base, topic: { kind: "custom", name: "Spelberoende" } };
    expect(AssessmentCreateSchema.safeParse(custom).success).toBe(true);
    const unknown = { ...base, topic: { kind: "preset", key: "gambling" } };
    expect(issues(AssessmentCreateSchema.safeParse(unknown))[0]).toMatch(/^topic\.key: /);
  });

  it("rejects a period that ends before it starts and a target outside 1–20", () => {
    const result = AssessmentCreateSchema.safeParse({
      ...base,
      periodEnd: "2025-12-31",
      targetInterviews: 21,
    });
    expect(issues(result)).toEqual([
      "targetInterviews: Too big: expected number to be <=20",
      "periodEnd: must be on or after periodStart",
    ]);
  });
});

describe("respondent and interview schemas", () => {
  it("need a role and a known sector; name and contact are optional", () => {
    expect(RespondentSchema.safeParse({ role: "Rektor", sector: "skola" }).success).toBe(true);
    expect(issues(RespondentSchema.safeParse({ role: " ", sector: "kyrka" })).length).toBe(2);
  });

  it("keep answers per question id", () => {
    const interview = { date: "2026-02-03", durationMinutes: 45, answers: { A1: "Två program" } };
    expect(InterviewSchema.parse(interview)).toEqual(interview);
    expect(InterviewSchema.safeParse({ ...interview, durationMinutes: 0 }).success).toBe(false);
  });

  it("describe the default guide", () => {
    expect(InterviewGuideSchema.safeParse(DEFAULT_GUIDE).success).toBe(true);
  });
});
