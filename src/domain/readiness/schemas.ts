import { z } from "zod";
import { DateSchema, nameText, noteText, safeText } from "../shared/schemas.ts";
import { DIMENSION_LETTERS } from "./dimensions.ts";
import { DEFAULT_SCORE_GRID, SCORE_GRIDS, type ScoreGrid, validateScore } from "./scoring.ts";
import { SECTOR_KEYS } from "./sectors.ts";
import { TOPIC_KEYS } from "./topics.ts";

export const ScoreGridSchema = z
  .enum(SCORE_GRIDS)
  .describe("Allowed steps between anchors: whole points, half points (default) or tenths");

export const DimensionLetterSchema = z
  .enum(DIMENSION_LETTERS)
  .describe("Dimension letter as in the handbook: A efforts … F resources");

/**
 * A score on the assessment's grid. The static schemas below use the default grid; a route for an
 * assessment with another grid validates with the factory once it has loaded the assessment.
 */
export function scoreSchema(grid: ScoreGrid = DEFAULT_SCORE_GRID) {
  return z
    .number()
    .superRefine((value, ctx) => {
      const check = validateScore(value, grid);
      if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
    })
    .describe(`Score from 1 to 9 on the ${grid} grid`);
}

export function dimensionScoresSchema(grid: ScoreGrid = DEFAULT_SCORE_GRID) {
  const score = scoreSchema(grid).optional();
  return z
    .strictObject({ A: score, B: score, C: score, D: score, E: score, F: score })
    .describe("Scores per dimension; a dimension not yet scored is left out");
}

/** One scorer's scores for one interview, saved as drafts until the scorer submits. */
export function interviewScoresSchema(grid: ScoreGrid = DEFAULT_SCORE_GRID) {
  return z.object({
    interviewId: z.uuid().describe("The interview scored"),
    scores: dimensionScoresSchema(grid),
  });
}

/** The agreed score for one interview and dimension after both scorers have submitted. */
export function consensusSchema(grid: ScoreGrid = DEFAULT_SCORE_GRID) {
  return z.object({
    interviewId: z.uuid().describe("The interview"),
    dimension: DimensionLetterSchema,
    score: scoreSchema(grid).describe("The consensus score"),
    comment: noteText(2000).optional().describe("Why the scorers agreed on it"),
  });
}

export const ScoreSchema = scoreSchema();
export const InterviewScoresSchema = interviewScoresSchema();
export const ConsensusSchema = consensusSchema();

export const TopicSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("preset"),
      key: z.enum(TOPIC_KEYS).describe("One of the preset topics"),
    }),
    z.object({
      kind: z.literal("custom"),
      name: nameText(200, "Ange ett ämne.").describe("The topic in the organisation's words"),
    }),
  ])
  .describe("What readiness is measured for: a preset topic or free text");

export const AssessmentCreateSchema = z
  .object({
    topic: TopicSchema,
    communityOrganisationId: z
      .uuid()
      .describe("The community measured: municipality, district or collaboration"),
    periodStart: DateSchema.describe("First day of the measurement period"),
    periodEnd: DateSchema.describe("Last day of the measurement period"),
    guideVersionId: z.uuid().describe("The interview guide version used; fixed for the assessment"),
    targetInterviews: z
      .int()
      .min(1)
      .max(20)
      .default(5)
      .describe("Planned number of interviews; the guidance is 6–10, at least 4"),
    scoreGrid: ScoreGridSchema.default(DEFAULT_SCORE_GRID),
  })
  .refine((value) => value.periodEnd >= value.periodStart, {
    path: ["periodEnd"],
    message: "must be on or after periodStart",
  });

export const RespondentSchema = z.object({
  role: nameText(200, "Ange en roll.").describe("The respondent's role, e.g. school counsellor"),
  sector: z.enum(SECTOR_KEYS).describe("The sector the respondent works in"),
  name: nameText(200).optional().describe("Visible to the team only"),
  contact: nameText(200, "Ange en kontaktuppgift.").optional().describe("Visible to the team only"),
});

export const InterviewSchema = z.object({
  date: DateSchema.describe("Day of the interview"),
  durationMinutes: z.int().min(1).max(600).describe("Length of the interview in minutes"),
  answers: z
    .record(safeText(40).min(1), safeText(20_000))
    .default({})
    .describe("Notes or transcript per guide question id"),
});

const LocalizedSchema = z.object({ sv: safeText(2000).min(1), en: safeText(2000).min(1) });

export const InterviewGuideSchema = z
  .object({
    key: safeText(100).min(1).describe("Stable key shared by all versions of a guide"),
    version: z.int().min(1).describe("Increases with every edit; assessments keep theirs"),
    title: LocalizedSchema,
    questions: z
      .array(
        z.object({
          id: safeText(40).min(1).describe("Answers are keyed by it"),
          dimension: DimensionLetterSchema,
          text: LocalizedSchema.describe("May contain {topic}"),
          followUps: z.array(LocalizedSchema),
        }),
      )
      .min(1),
  })
  .refine((guide) => new Set(guide.questions.map((q) => q.id)).size === guide.questions.length, {
    path: ["questions"],
    message: "question ids must be unique",
  });

export type AssessmentCreate = z.infer<typeof AssessmentCreateSchema>;
export type Respondent = z.infer<typeof RespondentSchema>;
export type Interview = z.infer<typeof InterviewSchema>;
export type Consensus = z.infer<typeof ConsensusSchema>;
