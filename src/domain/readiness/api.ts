import { z } from "zod";
import { DateSchema, nameText, noteText, safeText, VersionSchema } from "../shared/schemas.ts";
import { DIMENSION_LETTERS } from "./dimensions.ts";
import { ScoreGridSchema, TopicSchema } from "./schemas.ts";
import { SECTOR_KEYS } from "./sectors.ts";

/**
 * The HTTP contract of the readiness context: request bodies and responses, shared by the server
 * routes, the web pages and the report. Scores travel as numbers on the assessment's grid.
 */

const Localized = z.object({ sv: z.string(), en: z.string() });
const Dimension = z.enum(DIMENSION_LETTERS);
const Stage = z.int().min(1).max(9);
const TeamRole = z.enum(["lead", "interviewer", "scorer"]);
const PartialScores = z.partialRecord(Dimension, z.number());

export const TEAM_ROLES = TeamRole.options;

// ---- requests ----------------------------------------------------------------------------

export const AssessmentCreateBodySchema = z
  .strictObject({
    topic: TopicSchema,
    organisationId: z
      .uuid()
      .describe(
        "The community measured (municipality, area or collaboration); it owns the assessment",
      ),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    guideId: z
      .uuid()
      .optional()
      .describe("Interview guide version; the built-in guide when omitted"),
    targetInterviews: z.int().min(1).max(20).default(5),
    scoreGrid: ScoreGridSchema.default("half"),
  })
  .refine((v) => v.periodEnd >= v.periodStart, {
    path: ["periodEnd"],
    message: "Slutdatum får inte vara före startdatum.",
  });

export const AssessmentUpdateBodySchema = z.strictObject({
  topic: TopicSchema.optional(),
  periodStart: DateSchema.optional(),
  periodEnd: DateSchema.optional(),
  targetInterviews: z.int().min(1).max(20).optional(),
  version: VersionSchema,
});

export const TeamBodySchema = z.strictObject({
  members: z
    .array(z.strictObject({ userId: z.uuid(), roles: z.array(TeamRole).min(1) }))
    .min(1)
    .describe("The whole team; replaces the previous one. At least one lead."),
});

export const RespondentBodySchema = z.strictObject({
  role: nameText(200, "Ange en roll.").describe("e.g. rektor, fältassistent"),
  sector: z.enum(SECTOR_KEYS),
  name: nameText(200).optional().describe("Shown to the team only"),
  contact: nameText(200, "Ange en kontaktuppgift.").optional().describe("Shown to the team only"),
});

export const RespondentUpdateBodySchema = z.strictObject({
  role: nameText(200, "Ange en roll.").optional(),
  sector: z.enum(SECTOR_KEYS).optional(),
  name: nameText(200).nullable().optional().describe("null removes it"),
  contact: nameText(200, "Ange en kontaktuppgift.")
    .nullable()
    .optional()
    .describe("null removes it"),
});

export const InterviewCreateBodySchema = z.strictObject({
  respondentId: z.uuid(),
  heldOn: DateSchema,
  durationMinutes: z.int().min(1).max(600),
});

export const InterviewSaveBodySchema = z.strictObject({
  heldOn: DateSchema.optional(),
  durationMinutes: z.int().min(1).max(600).optional(),
  answers: z.record(safeText(40).min(1), safeText(20_000)).optional(),
  version: VersionSchema,
});

export const ScoresBodySchema = z.strictObject({
  scores: PartialScores.describe(
    "This scorer's scores per dimension; validated against the assessment's grid",
  ),
});

export const ConsensusBodySchema = z.strictObject({
  interviewId: z.uuid(),
  dimension: Dimension,
  score: z.number(),
  comment: noteText(2000).optional(),
});

const LocalizedBody = z.strictObject({
  sv: nameText(2000, "Ange en text."),
  en: nameText(2000, "Ange en text."),
});

const GuideQuestionBody = z.strictObject({
  id: nameText(40, "Ange ett id.").describe("Answers are keyed by it"),
  dimension: Dimension,
  text: LocalizedBody,
  followUps: z.array(LocalizedBody).max(20).default([]),
});

export const GuideCreateBodySchema = z.strictObject({
  organisationId: z.uuid().describe("The organisation that owns the edited copy"),
  baseGuideId: z.uuid().describe("The guide version copied; it stays as it was"),
  title: LocalizedBody.optional(),
  questions: z
    .array(GuideQuestionBody)
    .min(1)
    .max(100)
    .optional()
    .describe("The edited questions; the base guide's when omitted"),
});

export const CompareQuerySchema = z.strictObject({
  ids: z
    .string()
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.uuid()).min(1).max(12))
    .describe("Comma-separated assessment ids"),
});

export const ASSESSMENT_PAGE_MAX = 500;

export const AssessmentListQuerySchema = z.strictObject({
  organisationId: z.uuid().optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(ASSESSMENT_PAGE_MAX)
    .default(100)
    .describe("Page size; the list is ordered newest period first"),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .describe("Entries to skip: the page is a full one when it has `limit` entries"),
});

export const InterviewParamsSchema = z.strictObject({ id: z.uuid(), interviewId: z.uuid() });
export const RespondentParamsSchema = z.strictObject({ id: z.uuid(), respondentId: z.uuid() });

// ---- responses ---------------------------------------------------------------------------

export const GuideSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid().nullable(),
  key: z.string(),
  version: z.int(),
  title: Localized,
  questions: z.array(
    z.object({
      id: z.string(),
      dimension: Dimension,
      text: Localized,
      followUps: z.array(Localized),
    }),
  ),
});

export const AssessmentSummarySchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  topic: TopicSchema,
  topicName: Localized,
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  targetInterviews: z.int(),
  scoreGrid: ScoreGridSchema,
  interviewCount: z.int(),
  score: z
    .number()
    .nullable()
    .describe("Overall score, two decimals, once every dimension has consensus"),
  stage: Stage.nullable(),
});

export const RespondentSchema = z.object({
  id: z.uuid(),
  code: z.string().describe("R1, R2…: how the respondent appears outside the team"),
  role: z.string(),
  sector: z.enum(SECTOR_KEYS),
  name: z.string().nullable().optional().describe("Only for the team"),
  contact: z.string().nullable().optional().describe("Only for the team"),
});

export const InterviewSummarySchema = z.object({
  id: z.uuid(),
  number: z.int(),
  respondentId: z.uuid(),
  interviewerId: z.uuid().nullable(),
  heldOn: DateSchema,
  durationMinutes: z.int(),
  submittedScorerIds: z.array(z.uuid()),
  consensusCount: z.int().describe("Dimensions with a consensus score (0–6)"),
});

export const AssessmentDetailSchema = AssessmentSummarySchema.extend({
  guide: GuideSchema.pick({ id: true, key: true, version: true, title: true }),
  team: z.array(z.object({ userId: z.uuid(), displayName: z.string(), roles: z.array(TeamRole) })),
  respondents: z.array(RespondentSchema),
  interviews: z.array(InterviewSummarySchema),
  interviewNotice: z.object({ warning: Localized.nullable(), guidance: Localized }),
  version: z.int(),
  abilities: z.object({
    edit: z.boolean(),
    manageTeam: z.boolean(),
    interview: z.boolean(),
    score: z.boolean(),
    consensus: z.boolean(),
  }),
});

export const InterviewDetailSchema = InterviewSummarySchema.extend({
  assessmentId: z.uuid(),
  respondent: RespondentSchema,
  answers: z.record(z.string(), z.string()),
  version: z.int(),
  guide: GuideSchema,
  topicName: Localized,
});

export const ScoreSheetSchema = z.object({
  interviewId: z.uuid(),
  scoreGrid: ScoreGridSchema,
  scores: PartialScores,
  submitted: z.boolean(),
  others: z
    .array(
      z.object({
        scorerId: z.uuid(),
        displayName: z.string(),
        submitted: z.boolean(),
        scores: PartialScores.nullable().describe(
          "Hidden (null) until both this scorer and that one have submitted",
        ),
      }),
    )
    .describe("The other scorers of the team"),
});

export const AgreementSchema = z.object({
  pairs: z.int(),
  exactAgreement: z.number().nullable(),
  withinOnePoint: z.number().nullable(),
  meanAbsoluteDifference: z.number().nullable(),
});

export const ConsensusViewSchema = z.object({
  scoreGrid: ScoreGridSchema,
  interviews: z.array(
    z.object({
      interviewId: z.uuid(),
      number: z.int(),
      ready: z.boolean().describe("All of the team's scorers have submitted"),
      rows: z.array(
        z.object({
          dimension: Dimension,
          scores: z.array(
            z.object({ scorerId: z.uuid(), displayName: z.string(), score: z.number().nullable() }),
          ),
          differs: z.boolean(),
          consensus: z.object({ score: z.number(), comment: z.string().nullable() }).nullable(),
        }),
      ),
    }),
  ),
  agreement: AgreementSchema.nullable().describe("Between the first two scorers, before consensus"),
});

const DimensionResultSchema = z.object({ score: z.number(), stage: Stage, interviews: z.int() });

const StageTextSchema = z.object({
  stage: Stage,
  name: Localized,
  description: Localized,
  goal: Localized,
  strategies: z.array(Localized),
  provenance: z.enum(["checked", "handbook_summary"]),
});

export const ResultsSchema = z.object({
  assessment: AssessmentSummarySchema,
  complete: z.boolean(),
  missing: z.array(Dimension).describe("Dimensions without any consensus score"),
  message: z.string().nullable(),
  dimensions: z.partialRecord(Dimension, DimensionResultSchema),
  score: z.number().nullable(),
  stage: StageTextSchema.nullable(),
  lowest: z.array(Dimension),
  dimensionStages: z
    .partialRecord(Dimension, StageTextSchema)
    .describe("Goal and strategies for each dimension's own stage"),
  agreement: AgreementSchema.nullable(),
  respondentsBySector: z.array(z.object({ sector: z.enum(SECTOR_KEYS), count: z.int() })),
  interviewNotice: z.object({ warning: Localized.nullable(), guidance: Localized }),
});

export const CompareSchema = z.array(ResultsSchema);

export type AssessmentDetail = z.infer<typeof AssessmentDetailSchema>;
export type Results = z.infer<typeof ResultsSchema>;
export type ConsensusView = z.infer<typeof ConsensusViewSchema>;
export type ScoreSheet = z.infer<typeof ScoreSheetSchema>;

export const TeamCandidateSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
});
