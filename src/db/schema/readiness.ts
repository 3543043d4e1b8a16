import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../domain/readiness/dimensions.ts";
import { SCORE_GRIDS } from "../../domain/readiness/scoring.ts";
import { community } from "./community.ts";
import { organisations, users } from "./platform.ts";

/**
 * Interview guides, versioned: an edit makes a new version, and an assessment keeps the version it
 * was created with. The built-in guide has no organisation.
 */
export const readinessGuides = community.table(
  "readiness_guides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    title: jsonb("title").notNull(),
    questions: jsonb("questions").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("readiness_guides_version_key").on(
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.key,
      t.version,
    ),
  ],
);

export const readinessAssessments = community.table(
  "readiness_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The community measured, which also owns the assessment. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    topic: jsonb("topic").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    guideId: uuid("guide_id")
      .notNull()
      .references(() => readinessGuides.id),
    targetInterviews: integer("target_interviews").notNull().default(5),
    scoreGrid: text("score_grid", { enum: SCORE_GRIDS }).notNull().default("half"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    /**
     * One entry per interview in number order with its consensus scores, kept by triggers
     * (migration 0011) so that the list computes score and stage from this row alone.
     */
    consensusSheets: jsonb("consensus_sheets")
      .$type<{ interviewId: string; scores: Partial<Record<DimensionLetter, number>> }[]>()
      .notNull()
      .default([]),
  },
  (t) => [
    index("readiness_assessments_org_idx").on(t.organisationId),
    // Read backwards for the list, which is paged newest period first.
    index("readiness_assessments_period_idx").on(t.periodStart, t.createdAt, t.id),
    check("readiness_assessments_period", sql`period_end >= period_start`),
  ],
);

/** The assessment team: who leads, interviews and scores. Only the team edits. */
export const readinessTeam = community.table(
  "readiness_team",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => readinessAssessments.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["lead", "interviewer", "scorer"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.userId, t.role] }),
    index("readiness_team_user_idx").on(t.userId),
  ],
);

/** Key respondents; name and contact are optional and shown to the team only. */
export const readinessRespondents = community.table(
  "readiness_respondents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => readinessAssessments.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    sector: text("sector").notNull(),
    name: text("name"),
    contact: text("contact"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("readiness_respondents_assessment_idx").on(t.assessmentId)],
);

export const readinessInterviews = community.table(
  "readiness_interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => readinessAssessments.id, { onDelete: "cascade" }),
    respondentId: uuid("respondent_id")
      .notNull()
      .references(() => readinessRespondents.id),
    interviewerId: uuid("interviewer_id").references(() => users.id),
    number: integer("number").notNull(),
    heldOn: date("held_on").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    answers: jsonb("answers").notNull().default({}),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("readiness_interviews_number_key").on(t.assessmentId, t.number),
    // The home page lists the interviews a person holds: without it, every interview in the
    // country was read to find them (2.7–3.9 ms of a home page's 5–7 ms in PostgreSQL).
    index("readiness_interviews_interviewer_idx").on(t.interviewerId),
  ],
);

/** One scorer's score for one interview and dimension; hidden from the other until both submit. */
export const readinessScores = community.table(
  "readiness_scores",
  {
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => readinessInterviews.id, { onDelete: "cascade" }),
    scorerId: uuid("scorer_id")
      .notNull()
      .references(() => users.id),
    dimension: text("dimension", { enum: DIMENSION_LETTERS }).notNull(),
    score: numeric("score", { precision: 3, scale: 1 }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.scorerId, t.dimension] })],
);

export const readinessScoreSubmissions = community.table(
  "readiness_score_submissions",
  {
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => readinessInterviews.id, { onDelete: "cascade" }),
    scorerId: uuid("scorer_id")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.scorerId] })],
);

export const readinessConsensus = community.table(
  "readiness_consensus",
  {
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => readinessInterviews.id, { onDelete: "cascade" }),
    dimension: text("dimension", { enum: DIMENSION_LETTERS }).notNull(),
    score: numeric("score", { precision: 3, scale: 1 }).notNull(),
    comment: text("comment"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.dimension] })],
);
