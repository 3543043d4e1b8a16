import { sql } from "drizzle-orm";
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { z } from "zod";
import type {
  GRADES,
  IMPORT_STATES,
  ImportColumnSchema,
  Mapping,
  Problem,
  SURVEY_FORMATS,
} from "../../domain/profile/schemas.ts";
import { community } from "./community.ts";
import { organisations, users } from "./platform.ts";

type ImportColumn = z.infer<typeof ImportColumnSchema>;

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

const IMPORT_STATE_LIST: typeof IMPORT_STATES = [
  "uploaded",
  "validating",
  "validated",
  "importing",
  "done",
  "failed",
  "cancelled",
];
const FORMAT_LIST: typeof SURVEY_FORMATS = ["csv", "xlsx", "sav"];

/**
 * Survey instruments, versioned: a changed instrument is a new version and a wave keeps the
 * version it was imported with. The built-in one has no organisation.
 */
export const profileInstruments = community.table(
  "profile_instruments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    name: jsonb("name").$type<{ sv: string; en: string }>().notNull(),
    definition: jsonb("definition").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("profile_instruments_version_key").on(
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.key,
      t.version,
    ),
  ],
);

/**
 * One survey wave of a municipality. Its respondents are those of `currentImportId`: an import
 * writes its rows beside the live ones and one short transaction points the wave at them, so a
 * crash or a cancel mid-import leaves the previous state.
 */
export const profileWaves = community.table(
  "profile_waves",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => profileInstruments.id),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    currentImportId: uuid("current_import_id"),
    respondents: integer("respondents").notNull().default(0),
    excluded: integer("excluded").notNull().default(0),
    importedAt: timestamp("imported_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("profile_waves_org_idx").on(t.organisationId, t.year),
    check("profile_waves_name_not_blank", sql`length(btrim(name)) > 0`),
  ],
);

/** How many were invited per school and grade, where known: the response-rate rule's basis. */
export const profileWaveInvited = community.table(
  "profile_wave_invited",
  {
    waveId: uuid("wave_id")
      .notNull()
      .references(() => profileWaves.id, { onDelete: "cascade" }),
    school: text("school").notNull(),
    grade: text("grade").$type<(typeof GRADES)[number]>().notNull(),
    invited: integer("invited").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.school, t.grade] }),
    check("profile_wave_invited_non_negative", sql`invited >= 0`),
  ],
);

export const profileImports = community.table(
  "profile_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: uuid("wave_id")
      .notNull()
      .references(() => profileWaves.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: FORMAT_LIST }).notNull(),
    state: text("state", { enum: IMPORT_STATE_LIST }).notNull().default("uploaded"),
    jobId: uuid("job_id"),
    columns: jsonb("columns").$type<ImportColumn[]>().notNull().default([]),
    suggestedMapping: jsonb("suggested_mapping").$type<Mapping>(),
    mapping: jsonb("mapping").$type<Mapping>(),
    rows: integer("rows"),
    problemRows: integer("problem_rows").notNull().default(0),
    problemCount: integer("problem_count").notNull().default(0),
    problems: jsonb("problems").$type<Problem[]>().notNull().default([]),
    /** Lines with a problem: each must be excluded before the import can be confirmed. */
    problemLines: jsonb("problem_lines").$type<number[]>().notNull().default([]),
    excludedRows: jsonb("excluded_rows").$type<number[]>().notNull().default([]),
    /** Respondents left out by the instrument's validity screening. */
    screenedOut: integer("screened_out").notNull().default(0),
    error: text("error"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("profile_imports_wave_idx").on(t.waveId, t.createdAt)],
);

/**
 * The uploaded file's bytes, in order, until the import ends: in the database rather than on
 * the receiving instance's disk, so that a job worker on any instance can read them.
 */
export const profileUploadChunks = community.table(
  "profile_upload_chunks",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => profileImports.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/**
 * Respondent rows in the form the profile is computed from: their grouping cell and, per factor
 * (bit i = the instrument's factor i), whether the respondent has a score and whether it is
 * flagged, computed once at import. Never exported, never shown.
 */
export const profileRespondents = community.table(
  "profile_respondents",
  {
    importId: uuid("import_id").notNull(),
    line: integer("line").notNull(),
    /** The respondent's fine-count cell (area, grade, gender, school) in the same import. */
    cell: integer("cell").notNull(),
    scored: bytea("scored").notNull(),
    flagged: bytea("flagged").notNull(),
  },
  // An import's rows are written together, so a block-range index finds them at almost no cost
  // to the million-row insert (a b-tree on every row would double its time).
  (t) => [index("profile_respondents_import_idx").using("brin", t.importId)],
);

/**
 * The respondents of one import summed at the finest grain the profile publishes from (area,
 * grade, gender, school), per factor: the profile reads these few rows and derives every margin,
 * grouping and suppression from them.
 */
export const profileFineCounts = community.table(
  "profile_fine_counts",
  {
    importId: uuid("import_id").notNull(),
    /** The cell's number within its import, which respondent rows refer to. */
    cell: integer("cell").notNull(),
    area: text("area").notNull(),
    grade: text("grade").notNull(),
    gender: text("gender").notNull(),
    school: text("school").notNull(),
    respondents: integer("respondents").notNull(),
    n: integer("n").array().notNull(),
    flagged: integer("flagged").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.cell] }),
    uniqueIndex("profile_fine_counts_key").on(t.importId, t.area, t.grade, t.gender, t.school),
  ],
);

/** Register indicators in Kolada's layout, kept per municipality. */
export const profileIndicators = community.table(
  "profile_indicators",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kpi: text("kpi").notNull(),
    title: text("title"),
    municipality: text("municipality").notNull(),
    period: smallint("period").notNull(),
    gender: text("gender", { enum: ["T", "K", "M"] }).notNull(),
    value: numeric("value"),
    count: numeric("count"),
    status: text("status"),
    source: text("source").notNull().default("Kolada"),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kpi, t.municipality, t.period, t.gender] })],
);

/** A work group's choice of factors to work on, made on one wave. */
export const profilePrioritisations = community.table(
  "profile_prioritisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: uuid("wave_id")
      .notNull()
      .references(() => profileWaves.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    basis: text("basis").notNull(),
    factors: jsonb("factors")
      .$type<{ factor: string; kind: "risk" | "protective"; reason: string }[]>()
      .notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("profile_prioritisations_wave_idx").on(t.waveId, t.decidedAt)],
);
