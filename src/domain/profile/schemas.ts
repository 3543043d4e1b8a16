import { z } from "zod";
import { DateTimeSchema, nameText, noteText, safeText } from "../shared/schemas.ts";
import { FACTOR_DOMAINS, FACTOR_KINDS, InstrumentSchema } from "./instrument.ts";

/**
 * The HTTP contract of area profiles: every route's body, query and answer, shared by the
 * server routes, the web pages and the PDF report. Only aggregated, suppressed figures cross it;
 * respondent rows never leave the server.
 *
 * Routes (prefix /api/profile):
 *   GET  /instruments                 InstrumentListQuery → InstrumentList
 *   GET  /instruments/:id             → InstrumentDetail
 *   GET  /instruments/:id/export      → the instrument JSON as a file
 *   POST /instruments                 InstrumentCreateBody → InstrumentDetail (201)
 *   GET  /waves                       WaveListQuery → WaveList
 *   POST /waves                       WaveCreateBody → Wave (201)
 *   GET  /waves/:id                   → Wave
 *   PUT  /waves/:id/invited           WaveInvitedBody → Wave
 *   POST /waves/:id/imports           raw file body, ImportUploadQuery → Import (201)
 *   GET  /waves/:id/imports           → Import[] (newest first)
 *   GET  /imports/:id                 → Import (poll while a job runs)
 *   PUT  /imports/:id/mapping         ImportMappingBody → Import with jobId (the job reads,
 *                                     validates, scores and stages every row; progress/cancel
 *                                     via /api/jobs/:jobId, then GET /imports/:id for problems)
 *   POST /imports/:id/confirm         ImportConfirmBody → Import (the swap: one transaction)
 *   POST /imports/:id/cancel          → Import (cancels its job; nothing is stored)
 *   GET  /waves/:id/profile           ProfileQuery → Profile
 *   GET  /waves/:id/profile.csv       ProfileExportQuery → CSV or XLSX of the suppressed table
 *   POST /waves/:id/compare           CompareBody → Comparison
 *   GET  /waves/:id/trend             → Trend (this and earlier waves of the same instrument)
 *   GET  /waves/:id/candidates        → Candidates
 *   GET  /waves/:id/prioritisations   → PrioritisationList
 *   POST /waves/:id/prioritisations   PrioritisationCreateBody → Prioritisation (201)
 *   GET  /kolada                      KoladaListQuery → IndicatorList
 *   POST /kolada                      raw CSV/JSON body, KoladaImportQuery → KoladaImported
 */

const Localized = z.object({ sv: z.string(), en: z.string() });

export const SURVEY_FORMATS = ["csv", "xlsx", "sav"] as const;
export type SurveyFormat = (typeof SURVEY_FORMATS)[number];
export const IMPORT_STATES = [
  "uploaded",
  "validating",
  "validated",
  "importing",
  "done",
  "failed",
  "cancelled",
] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
/** What a file column may be mapped to besides an instrument item. */
export const MAPPING_ROLES = ["respondent", "area", "grade", "gender", "school", "class"] as const;
export type MappingRole = (typeof MAPPING_ROLES)[number];
export const GENDERS = ["girl", "boy", "unknown"] as const;
export type Gender = (typeof GENDERS)[number];
/** The grades a wave covers; "unknown" where the file has none. */
export const GRADES = ["7", "8", "9", "10", "11", "12", "unknown"] as const;
export const UNKNOWN = "unknown";

export const ProfileIdParamsSchema = z.strictObject({ id: z.uuid().describe("Record id") });

// ---- instruments ---------------------------------------------------------------------------

export const InstrumentSummarySchema = z.object({
  id: z.uuid(),
  key: z.string().describe("The instrument's own id in its JSON, e.g. ctc-sv"),
  version: z.int(),
  name: Localized,
  organisationId: z.uuid().nullable().describe("null for the built-in instrument"),
  builtIn: z.boolean(),
  items: z.int().describe("Number of items"),
  factors: z.int().describe("Number of factors"),
  createdAt: DateTimeSchema,
});
export type InstrumentSummary = z.infer<typeof InstrumentSummarySchema>;

export const InstrumentListQuerySchema = z.strictObject({
  organisationId: z.uuid().optional().describe("Only the built-in ones and this organisation's"),
});
export const InstrumentListSchema = z.array(InstrumentSummarySchema);

export const InstrumentDetailSchema = InstrumentSummarySchema.extend({
  instrument: InstrumentSchema.describe("The instrument JSON of docs/profile-cli.md"),
  canEdit: z.boolean(),
});
export type InstrumentDetail = z.infer<typeof InstrumentDetailSchema>;

export const InstrumentCreateBodySchema = z.strictObject({
  organisationId: z.uuid().describe("The municipality that owns the instrument"),
  instrument: InstrumentSchema.describe(
    "The instrument JSON of docs/profile-cli.md. The same id as an existing one makes its next version.",
  ),
});

// ---- waves ---------------------------------------------------------------------------------

export const InvitedSchema = z.strictObject({
  school: safeText(200).describe("School as it stands in the file's school column"),
  grade: z.enum(GRADES),
  invited: z.int().min(0).max(100_000),
});
export type Invited = z.infer<typeof InvitedSchema>;

export const WaveCreateBodySchema = z.strictObject({
  organisationId: z.uuid().describe("The municipality surveyed; it owns the wave"),
  instrumentId: z.uuid(),
  name: nameText(200).describe("e.g. Skolenkäten 2026"),
  year: z.int().min(1990).max(2200),
});

export const WaveInvitedBodySchema = z.strictObject({
  invited: z.array(InvitedSchema).max(2000).describe("Replaces the wave's invited counts"),
});

export const WaveSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  name: z.string(),
  year: z.int(),
  instrument: z.object({ id: z.uuid(), key: z.string(), version: z.int(), name: Localized }),
  respondents: z.int().describe("Stored respondents after exclusion; 0 before an import"),
  excluded: z.int().describe("Left out by the instrument's validity screening"),
  importedAt: DateTimeSchema.nullable(),
  invited: z.array(InvitedSchema),
  canImport: z.boolean(),
  canPrioritise: z.boolean(),
});
export type Wave = z.infer<typeof WaveSchema>;
export const WaveListQuerySchema = z.strictObject({ organisationId: z.uuid().optional() });
export const WaveListSchema = z.array(WaveSchema.omit({ invited: true }));

// ---- imports -------------------------------------------------------------------------------

export const ImportUploadQuerySchema = z.strictObject({
  fileName: nameText(255, "Ange filens namn.").describe(
    "The file's name; its ending (.csv, .xlsx, .sav) picks the reader",
  ),
});

export const ImportColumnSchema = z.object({
  name: z.string(),
  label: z.string().nullable().describe("Variable label from .sav metadata"),
  valueLabels: z
    .array(z.object({ value: z.string(), label: z.string() }))
    .describe("Value labels from .sav metadata; empty for CSV and XLSX"),
  missing: z.array(z.string()).describe("User-missing values from .sav metadata"),
  sample: z.array(z.string()).describe("The first few values, for the person mapping"),
});

export const MappingSchema = z.strictObject({
  items: z
    .record(safeText(100).min(1), safeText(200).min(1))
    .describe("Instrument item id → file column"),
  respondent: safeText(200).nullable().describe("Respondent id column (duplicates are errors)"),
  area: safeText(200).describe("Area column"),
  grade: safeText(200).nullable(),
  gender: safeText(200).nullable(),
  school: safeText(200).nullable(),
  class: safeText(200).nullable().describe("Stored for checks only; never published"),
  areaValues: z
    .record(safeText(200), z.uuid())
    .describe("File value → area id of the municipality; unmatched names are matched by name"),
  genderValues: z
    .record(safeText(200), z.enum(GENDERS))
    .describe("File value → gender; e.g. 1 → girl from .sav value labels"),
  gradeValues: z.record(safeText(200), z.enum(GRADES)).describe("File value → grade"),
});
export type Mapping = z.infer<typeof MappingSchema>;

export const ImportMappingBodySchema = z.strictObject({ mapping: MappingSchema });

export const ProblemSchema = z.object({
  line: z.int().nullable().describe("The file's line (header is line 1); null for the file"),
  column: z.string().nullable(),
  code: z.enum([
    "out_of_range",
    "not_a_number",
    "unknown_area",
    "unknown_gender",
    "unknown_grade",
    "duplicate_respondent",
    "missing_column",
    "unreadable",
  ]),
  value: z.string().nullable(),
  message: z.string().describe("In Swedish, for the person fixing the file"),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const ImportSchema = z.object({
  id: z.uuid(),
  waveId: z.uuid(),
  fileName: z.string(),
  format: z.enum(SURVEY_FORMATS),
  state: z.enum(IMPORT_STATES),
  jobId: z.uuid().nullable().describe("The running job (progress and cancel via /api/jobs/:id)"),
  columns: z.array(ImportColumnSchema),
  suggestedMapping: MappingSchema.nullable().describe("Guessed from column names and labels"),
  mapping: MappingSchema.nullable(),
  rows: z.int().nullable().describe("Data rows read"),
  problemRows: z.int().describe("Rows with at least one problem"),
  problems: z.array(ProblemSchema).describe("The first 500 problems"),
  problemCount: z.int(),
  excludedRows: z.array(z.int()).describe("Lines the analyst left out"),
  error: z.string().nullable(),
  createdAt: DateTimeSchema,
});
export type Import = z.infer<typeof ImportSchema>;

export const ImportConfirmBodySchema = z.strictObject({
  excludeRows: z
    .array(z.int().min(2))
    .max(1_000_000)
    .default([])
    .describe("File lines to leave out; every line with a problem must be among them"),
});

// ---- profile -------------------------------------------------------------------------------

export const ProfileQuerySchema = z.strictObject({
  groupSetId: z
    .uuid()
    .optional()
    .describe("Group the areas by this area group set; by area when omitted"),
  minN: z.coerce.number().int().min(5).max(1000).optional().describe("Default 10, never below 5"),
});

export const ProfileFactorSchema = z.object({
  id: z.string(),
  kind: z.enum(FACTOR_KINDS),
  domain: z.enum(FACTOR_DOMAINS),
  name: Localized,
});

export const SUPPRESSION_REASONS = ["small", "complementary", "response_rate"] as const;

export const ProfileCellSchema = z.object({
  factor: z.string(),
  area: z.string().nullable().describe("Area or group id; null = the whole municipality"),
  grade: z.string().nullable().describe("null = all grades"),
  gender: z.string().nullable().describe("null = all genders"),
  n: z.int().nullable(),
  percent: z.string().nullable().describe("Share flagged, one decimal, e.g. 21.1"),
  ci: z
    .tuple([z.string().describe("Lower end"), z.string().describe("Upper end")])
    .nullable()
    .describe("95 % Wilson interval, percent"),
  suppressed: z.boolean(),
  reason: z.enum(SUPPRESSION_REASONS).nullable(),
});
export type ProfileCell = z.infer<typeof ProfileCellSchema>;

export const ProfileSchema = z.object({
  wave: z.object({ id: z.uuid(), name: z.string(), year: z.int(), organisationId: z.uuid() }),
  minN: z.int(),
  respondents: z.int(),
  excluded: z.int(),
  factors: z.array(ProfileFactorSchema),
  areas: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe("The area (or group) ids of the cells with their names"),
  grades: z.array(z.string()),
  genders: z.array(z.string()),
  cells: z.array(ProfileCellSchema),
});
export type Profile = z.infer<typeof ProfileSchema>;

// ---- compare -------------------------------------------------------------------------------

const CellSelector = {
  area: z.string().max(100).nullable().default(null).describe("Area id or null for all"),
  grade: z.string().max(20).nullable().default(null),
  gender: z.string().max(20).nullable().default(null),
};

export const ReferenceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("municipality") }).describe("The whole municipality, same wave"),
  z
    .strictObject({ kind: z.literal("collaboration") })
    .describe("All municipalities of the collaboration, their latest wave of the same instrument"),
  z
    .strictObject({ kind: z.literal("waves"), waveIds: z.array(z.uuid()).min(1).max(20) })
    .describe("Chosen waves of other municipalities, pooled"),
  z
    .strictObject({ kind: z.literal("wave"), waveId: z.uuid() })
    .describe("An earlier wave of the same municipality"),
  z
    .strictObject({
      kind: z.literal("norm"),
      source: nameText(300, "Ange normens källa."),
      figures: z
        .array(
          z.strictObject({
            factor: safeText(100).min(1),
            percent: z.number().min(0).max(100),
          }),
        )
        .min(1)
        .max(200),
    })
    .describe("A norm given as figures without n"),
]);
export type Reference = z.infer<typeof ReferenceSchema>;

export const CompareBodySchema = z.strictObject({
  ...CellSelector,
  reference: ReferenceSchema,
  minN: z.int().min(5).max(1000).optional(),
});

export const ComparisonRowSchema = z.object({
  factor: z.string(),
  subject: z.object({
    n: z.int().nullable(),
    percent: z.string().nullable(),
    suppressed: z.boolean(),
  }),
  reference: z.object({
    n: z.int().nullable().describe("null for a norm"),
    percent: z.string().nullable(),
    suppressed: z.boolean(),
  }),
  differencePp: z.string().nullable().describe("Subject minus reference, percentage points"),
  significant: z.boolean(),
  test: z
    .enum(["two_proportion_z", "fisher_exact", "one_sample_score", "exact_binomial"])
    .nullable()
    .describe("The test used; null when nothing was compared"),
  pValue: z.number().nullable(),
});
export const ComparisonSchema = z.object({
  referenceLabel: z.string(),
  rows: z.array(ComparisonRowSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

// ---- trend and candidates ------------------------------------------------------------------

export const TrendSchema = z.object({
  waves: z.array(z.object({ id: z.uuid(), name: z.string(), year: z.int() })),
  rows: z.array(
    z.object({
      factor: z.string(),
      values: z.array(
        z.object({
          waveId: z.uuid(),
          n: z.int().nullable(),
          percent: z.string().nullable(),
          suppressed: z.boolean(),
        }),
      ),
    }),
  ),
});
export type Trend = z.infer<typeof TrendSchema>;

export const CANDIDATE_REASONS = ["prevalence", "gap", "trend"] as const;
export const CandidateSchema = z.object({
  factor: z.string(),
  kind: z.enum(FACTOR_KINDS),
  reasons: z.array(z.enum(CANDIDATE_REASONS)),
});
export const CandidatesSchema = z.array(CandidateSchema);

// ---- Kolada --------------------------------------------------------------------------------

export const KoladaImportQuerySchema = z.strictObject({
  organisationId: z.uuid().describe("The municipality the indicators are kept for"),
  format: z.enum(["csv", "json"]).describe("Kolada CSV (comma or semicolon) or API JSON"),
});
export const KoladaListQuerySchema = z.strictObject({ organisationId: z.uuid() });
export const IndicatorSchema = z.object({
  kpi: z.string(),
  title: z.string().nullable(),
  municipality: z.string().describe("Municipality code, e.g. 1460"),
  period: z.int(),
  gender: z.enum(["T", "K", "M"]),
  value: z.number().nullable(),
  count: z.number().nullable(),
  status: z.string().nullable(),
  source: z.string().describe("Kolada where it came from there"),
});
export const IndicatorListSchema = z.array(IndicatorSchema);
export const KoladaImportedSchema = z.object({ imported: z.int() });

// ---- prioritisation ------------------------------------------------------------------------

export const PrioritisationCreateBodySchema = z.strictObject({
  basis: noteText(4000).describe("What the work group based the choice on"),
  factors: z
    .array(
      z.strictObject({
        factor: safeText(100).min(1),
        reason: nameText(2000, "Ange ett skäl."),
      }),
    )
    .min(4)
    .max(10)
    .describe("2–5 risk factors and 2–5 protective factors, each with a reason"),
});

export const PrioritisationSchema = z.object({
  id: z.uuid(),
  waveId: z.uuid(),
  decidedBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  decidedAt: DateTimeSchema,
  basis: z.string(),
  factors: z.array(
    z.object({ factor: z.string(), kind: z.enum(FACTOR_KINDS), reason: z.string() }),
  ),
});
export type Prioritisation = z.infer<typeof PrioritisationSchema>;
export const PrioritisationListSchema = z.array(PrioritisationSchema);

// ---- export --------------------------------------------------------------------------------

export const ProfileExportQuerySchema = z.strictObject({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  groupSetId: z.uuid().optional(),
  minN: z.coerce.number().int().min(5).max(1000).optional(),
});
