import { z } from "zod";
import { DateSchema, nameText, noteText, PG_INT_MAX, VersionSchema } from "../shared/schemas.ts";
import { CHECKLIST_LIMITS, checklistProblems } from "./checklist.ts";
import { ACTOR_KINDS, BOARD_SECTORS, EVIDENCE_KINDS, PROMOTIVE_ELEMENTS } from "./parts.ts";
import { PHASE_NUMBERS } from "./phases.ts";
import { ITEM_STATUSES } from "./rules.ts";

/**
 * The HTTP contract of the prevention process: request bodies (strict objects), params,
 * queries and responses, shared by the server routes, the web pages and the exports.
 */

const Localized = z.object({ sv: z.string(), en: z.string() });
const LocalizedBody = z.strictObject({
  sv: nameText(CHECKLIST_LIMITS.textLength, "Ange en text."),
  en: nameText(CHECKLIST_LIMITS.textLength, "Ange en text."),
});

export const PhaseNumberSchema = z
  .union(PHASE_NUMBERS.map((n) => z.literal(n)))
  .describe("CTC phase 1–5");
export const ItemStatusSchema = z
  .enum(ITEM_STATUSES)
  .describe("not_started, in_progress, done, or not_applicable (with a reason)");
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);

// ---- parts of a process ------------------------------------------------------------------

export const ActorSchema = z.strictObject({
  kind: z.enum(ACTOR_KINDS),
  name: nameText(200).describe("e.g. Bengtsforshus AB, Röda Korset"),
});
export const KeyLeaderSchema = z.strictObject({
  name: nameText(200),
  role: nameText(200, "Ange en roll.").describe("e.g. kommunstyrelsens ordförande"),
});
export const BoardMemberSchema = z.strictObject({
  name: nameText(200),
  sector: z.enum(BOARD_SECTORS),
  role: noteText(200).optional().describe("Their position, e.g. rektor"),
});
export const PromotiveSchema = z
  .partialRecord(z.enum(PROMOTIVE_ELEMENTS), noteText(4000))
  .describe("The social development strategy: what the community does for each element");

const PartsBody = {
  vision: noteText(4000).describe("The community's vision (framtidsbild)"),
  actors: z.array(ActorSchema).max(100),
  keyLeaders: z.array(KeyLeaderSchema).max(50).describe("The key-leader group"),
  board: z.array(BoardMemberSchema).max(100).describe("The community board, by sector"),
  promotive: PromotiveSchema,
};

// ---- requests ----------------------------------------------------------------------------

export const ProcessCreateBodySchema = z.strictObject({
  organisationId: z
    .uuid()
    .describe("The community (municipality, district or area); it owns the process"),
  collaborationId: z
    .uuid()
    .nullable()
    .optional()
    .describe("A collaboration whose board overview shows this process"),
  name: nameText(200).optional().describe("Defaults to the community's name"),
  startedOn: DateSchema.describe("When phase 1 started"),
  checklistId: z.uuid().optional().describe("Checklist version; Paraply's own when omitted"),
  vision: PartsBody.vision.default(""),
  actors: PartsBody.actors.default([]),
  keyLeaders: PartsBody.keyLeaders.default([]),
  board: PartsBody.board.default([]),
  promotive: PartsBody.promotive.default({}),
});

export const ProcessUpdateBodySchema = z.strictObject({
  name: nameText(200).optional(),
  collaborationId: z.uuid().nullable().optional(),
  vision: PartsBody.vision.optional(),
  actors: PartsBody.actors.optional(),
  keyLeaders: PartsBody.keyLeaders.optional(),
  board: PartsBody.board.optional(),
  promotive: PartsBody.promotive.optional(),
  checklistId: z
    .uuid()
    .optional()
    .describe("Another checklist version: applies to the phases not yet started"),
  version: VersionSchema,
});

export const ItemUpdateBodySchema = z
  .strictObject({
    status: ItemStatusSchema.optional(),
    naReason: noteText(1000).nullable().optional().describe("Why the item does not apply"),
    responsibleId: z.uuid().nullable().optional().describe("The person responsible"),
    dueOn: DateSchema.nullable().optional(),
    notes: noteText(4000).optional(),
    version: VersionSchema,
  })
  .refine((v) => v.status !== "not_applicable" || Boolean(v.naReason?.trim()), {
    path: ["naReason"],
    message: "Ange varför punkten inte är tillämplig.",
  });

export const EvidenceCreateBodySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("document"),
    title: nameText(300, "Ange en titel."),
    url: z
      .url({ protocol: /^https?$/, message: "Ange en webbadress som börjar med http(s)://." })
      .max(2000),
  }),
  z.strictObject({
    kind: EvidenceKindSchema.exclude(["document"]),
    recordId: z.uuid().describe("The linked record in Paraply"),
    title: nameText(300, "Ange en titel.").optional(),
  }),
]);

export const PhaseCompleteBodySchema = z.strictObject({
  decidedOn: DateSchema.describe("The date of the decision"),
  note: noteText(4000).default("").describe("The decision and what it rests on"),
  version: VersionSchema.describe("The cycle's version"),
});

export const CycleCreateBodySchema = z.strictObject({
  startedOn: DateSchema,
  note: noteText(4000).default("").describe("What changes in this cycle"),
});

const ChecklistItemBody = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "Använd små bokstäver, siffror och bindestreck.")
    .max(CHECKLIST_LIMITS.keyLength),
  phase: PhaseNumberSchema,
  required: z.boolean(),
  text: LocalizedBody,
});

export const ChecklistCreateBodySchema = z
  .strictObject({
    organisationId: z.uuid().describe("The organisation that owns the edited copy"),
    baseChecklistId: z
      .uuid()
      .nullable()
      .describe("The version copied (null: Paraply's own); it stays as it was"),
    title: LocalizedBody.optional(),
    items: z.array(ChecklistItemBody).min(1).max(CHECKLIST_LIMITS.items).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.items) return;
    for (const problem of checklistProblems(v.items)) {
      ctx.addIssue({
        code: "custom",
        path: ["items"],
        message:
          problem.kind === "duplicate_key"
            ? `Nyckeln ${problem.key} används för flera punkter.`
            : `Fas ${problem.phase} saknar punkter.`,
      });
    }
  });

export const ProcessListQuerySchema = z.strictObject({
  organisationId: z.uuid().optional().describe("Only this community's processes"),
});
export const OverviewQuerySchema = z.strictObject({
  collaborationId: z.uuid().describe("The collaboration whose members' processes are shown"),
});
export const ItemParamsSchema = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const EvidenceParamsSchema = z.strictObject({
  id: z.uuid(),
  itemId: z.uuid(),
  evidenceId: z.uuid(),
});
export const PhaseParamsSchema = z.strictObject({
  id: z.uuid(),
  phase: z.coerce.number().pipe(PhaseNumberSchema),
});
export const CycleParamsSchema = z.strictObject({ id: z.uuid(), cycleId: z.uuid() });

// ---- responses ---------------------------------------------------------------------------

export const ChecklistSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid().nullable(),
  version: z.int(),
  title: Localized,
  items: z.array(
    z.object({ key: z.string(), phase: z.int(), required: z.boolean(), text: Localized }),
  ),
  builtIn: z.boolean(),
  createdAt: z.string(),
});

const ProgressSchema = z.object({ settled: z.int(), total: z.int(), percent: z.int() });

export const EvidenceSchema = z.object({
  id: z.uuid(),
  kind: EvidenceKindSchema,
  recordId: z.uuid().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable().describe("A document's address, or the linked record's page"),
  resolved: z.boolean().describe("Whether Paraply found the linked record"),
});

export const ItemSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  phase: z.int(),
  required: z.boolean(),
  text: Localized,
  status: ItemStatusSchema,
  naReason: z.string().nullable(),
  responsible: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  notes: z.string(),
  evidence: z.array(EvidenceSchema),
  version: z.int(),
});

export const PhaseStateSchema = z.object({
  phase: z.int(),
  name: Localized,
  typicalMonths: z.object({ min: z.int(), max: z.int().nullable() }),
  status: z.enum(["done", "current", "upcoming"]),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  progress: ProgressSchema,
  blockers: z.int().describe("Required items neither done nor not applicable"),
  overdue: z.int(),
  timeSpent: z
    .object({ days: z.int(), months: z.number(), pace: z.enum(["within", "beyond", "ongoing"]) })
    .nullable(),
  typicalEnd: z.string().nullable(),
  items: z.array(ItemSchema),
});

export const CycleSummarySchema = z.object({
  id: z.uuid(),
  number: z.int(),
  startedOn: z.string(),
  closedOn: z.string().nullable(),
  note: z.string(),
  currentPhase: z.int().nullable(),
  days: z.int().describe("Days from start to close (or to today)"),
  progress: ProgressSchema,
  phaseDays: z.array(z.object({ phase: z.int(), days: z.int().nullable() })),
  linkedPrioritisations: z
    .int()
    .describe("Prioritisation records linked as evidence in this cycle"),
  version: z.int(),
});

export const CycleDetailSchema = CycleSummarySchema.extend({
  phases: z.array(PhaseStateSchema),
});

export const LinkedReadinessSchema = z.object({
  id: z.uuid(),
  title: Localized,
  periodStart: z.string(),
  periodEnd: z.string(),
  stage: z.int().nullable(),
});

export const LinkedWaveSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.int(),
  instrumentName: Localized,
  respondents: z.int(),
});

export const LinkedPrioritisationSchema = z.object({
  id: z.uuid(),
  waveId: z.uuid(),
  waveName: z.string(),
  decidedAt: z.string(),
  factors: z.array(
    z.object({ factor: z.string(), kind: z.enum(["risk", "protective"]), name: Localized }),
  ),
});

export const ProcessSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  collaborationId: z.uuid().nullable(),
  cycleNumber: z.int().nullable(),
  currentPhase: z.int().nullable(),
  phaseProgress: ProgressSchema.nullable(),
  overdue: z.int(),
});

export const ProcessDetailSchema = ProcessSummarySchema.extend({
  collaborationName: z.string().nullable(),
  vision: z.string(),
  actors: z.array(z.object({ kind: z.enum(ACTOR_KINDS), name: z.string() })),
  keyLeaders: z.array(z.object({ name: z.string(), role: z.string() })),
  board: z.array(
    z.object({ name: z.string(), sector: z.enum(BOARD_SECTORS), role: z.string().optional() }),
  ),
  promotive: z.partialRecord(z.enum(PROMOTIVE_ELEMENTS), z.string()),
  checklist: z.object({ id: z.uuid().nullable(), version: z.int(), title: Localized }),
  cycles: z.array(CycleSummarySchema),
  current: CycleDetailSchema.nullable().describe("The open cycle, or the latest closed one"),
  linked: z.object({
    readiness: z.array(LinkedReadinessSchema),
    suggestReadiness: z
      .boolean()
      .describe("No readiness assessment in the last two years: suggest one in phase 1"),
    waves: z.array(LinkedWaveSchema).describe("The community's area profile waves, for phase 3"),
    prioritisations: z
      .array(LinkedPrioritisationSchema)
      .describe("Prioritisations recorded on those waves, newest first"),
  }),
  abilities: z.object({ edit: z.boolean() }),
  version: z.int(),
});

export const OverviewRowSchema = z.object({
  processId: z.uuid(),
  organisationName: z.string(),
  name: z.string(),
  cycleNumber: z.int().nullable(),
  currentPhase: z.int().nullable(),
  phaseProgress: z.int().nullable().describe("Per cent of the current phase settled"),
  overdue: z.int(),
  nextDecision: z
    .object({ phase: z.int(), blockers: z.int(), typicalEnd: z.string().nullable() })
    .nullable(),
  readinessStage: z.int().nullable(),
  readinessPeriod: z.string().nullable(),
  prioritisedFactors: z
    .array(z.string())
    .describe("Filled once area profiles record prioritisations"),
});

export const OverviewSchema = z.object({
  collaboration: z.object({ id: z.uuid(), name: z.string() }),
  generatedOn: z.string(),
  rows: z.array(OverviewRowSchema),
});

export const ResponsibleCandidateSchema = z.object({ id: z.uuid(), name: z.string() });

export type ProcessDetail = z.infer<typeof ProcessDetailSchema>;
export type ProcessSummary = z.infer<typeof ProcessSummarySchema>;
export type Overview = z.infer<typeof OverviewSchema>;
export type OverviewRow = z.infer<typeof OverviewRowSchema>;
export type ItemView = z.infer<typeof ItemSchema>;
export type PhaseState = z.infer<typeof PhaseStateSchema>;
export type CycleSummary = z.infer<typeof CycleSummarySchema>;
export type Checklist = z.infer<typeof ChecklistSchema>;

const QueryVersionSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(PG_INT_MAX)
  .describe("The item's version the change was made from (optimistic locking)");

export const DocumentUploadQuerySchema = z.strictObject({
  name: nameText(300, "Ange filens namn.").describe("The file's name, as the person chose it"),
  version: QueryVersionSchema,
});

export const DocumentParamsSchema = z.strictObject({
  id: z.uuid(),
  itemId: z.uuid(),
  documentId: z.uuid(),
});

export const DocumentDeleteQuerySchema = z.strictObject({ version: QueryVersionSchema });
