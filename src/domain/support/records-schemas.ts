import { z } from "zod";
import { DateSchema, nameText, noteText, VersionSchema } from "../shared/schemas.ts";
import { CASE_SCOPES } from "./access.ts";
import { CHRONOLOGY_CATEGORIES, CHRONOLOGY_KINDS } from "./chronology.ts";
import { MAX_COMPASS_NEEDS, NEED_KEY_PATTERN, RATING_MAX, RATING_MIN } from "./compass.ts";
import { CONCERN_STATUSES, REPORTER_ROLES, toldValid } from "./concern.ts";
import { DISCLOSURE_BASES } from "./disclosures.ts";
import { MEASURE_STATUSES } from "./plan.ts";
import { PersonalNumberSchema } from "./schemas.ts";
import { SIP_REQUIREMENTS, SIP_RESPONSIBLE_KINDS, SIP_STATUSES } from "./sip.ts";
import { TEAM_KINDS } from "./teams.ts";

/**
 * The HTTP contract of a case's records: needs compass, plan, coordinator and teams, SIP,
 * reports of concern, disclosures and chronology (closing a case: schemas.ts). Every case route lives under
 * /api/support/cases/{id}/… (params: CaseIdParamsSchema in schemas.ts) and answers 404 to anyone without live access to its part.
 */

export const CreatedSchema = z.object({ id: z.uuid().describe("The new record") });

const Person = z.object({ userId: z.uuid(), name: z.string() });
const LongText = noteText(8000);

const CaseId = z.uuid().describe("Case id");
export const MeasureParamsSchema = z.strictObject({ id: CaseId, measureId: z.uuid() });
export const TeamParamsSchema = z.strictObject({ id: CaseId, teamId: z.uuid() });
export const SipParamsSchema = z.strictObject({ id: CaseId, sipId: z.uuid() });
export const ConcernParamsSchema = z.strictObject({ reportId: z.uuid() });

// ---- needs compass (scope wellbeing) ------------------------------------------------------

export const NeedSchema = z.object({ key: z.string(), sv: z.string(), en: z.string() });

export const CompassNeedsParamsSchema = z.strictObject({ municipalityId: z.uuid() });

export const CompassNeedsBodySchema = z.strictObject({
  needs: z
    .array(
      z.strictObject({
        key: z
          .string()
          .regex(NEED_KEY_PATTERN, "Nyckeln får bara innehålla a–z, siffror och _.")
          .describe("Stable key, e.g. trygghet; ratings refer to it"),
        sv: nameText(60, "Ange behovets namn på svenska."),
        en: nameText(60, "Ange behovets namn på engelska."),
      }),
    )
    .min(1)
    .max(MAX_COMPASS_NEEDS)
    .refine((needs) => new Set(needs.map((n) => n.key)).size === needs.length, {
      message: "Varje behov behöver en egen nyckel.",
    })
    .describe("The municipality's needs, in the order they are shown"),
});

export const CompassNeedsSchema = z.object({
  municipalityId: z.uuid(),
  needs: z.array(NeedSchema),
  isDefault: z.boolean().describe("Whether these are the built-in defaults (Behovskompassen)"),
});

export const NeedRatingSchema = z.strictObject({
  need: z.string().min(1).max(40).describe("Key of a configured need, e.g. trygghet"),
  rating: z
    .int()
    .min(RATING_MIN)
    .max(RATING_MAX)
    .describe(`${RATING_MIN} great concern … ${RATING_MAX} going well`),
  reason: nameText(2000, "Ange ett skäl till bedömningen."),
});

export const AssessmentCreateBodySchema = z.strictObject({
  assessedOn: DateSchema,
  ratings: z.array(NeedRatingSchema).min(1).max(20).describe("Every configured need, once"),
  childView: LongText.describe("The child's own view, in the child's words"),
  guardiansView: LongText.describe("The guardians' view, kept apart from the child's"),
  summary: nameText(4000, "Skriv en sammanfattning.").describe("Plain-language summary"),
});

export const AssessmentSchema = z.object({
  id: z.uuid(),
  assessedOn: DateSchema,
  ratings: z.array(z.object({ need: z.string(), rating: z.int(), reason: z.string() })),
  childView: z.string(),
  guardiansView: z.string(),
  summary: z.string(),
  assessedBy: Person,
  createdAt: z.string(),
});

export const CompassSeriesSchema = z.object({
  need: z.string(),
  points: z.array(z.object({ assessmentId: z.uuid(), assessedOn: DateSchema, rating: z.int() })),
  change: z.int().nullable().describe("Last rating minus the first; positive is better"),
});

export const AssessmentListSchema = z.object({
  needs: z.array(NeedSchema).describe("The configured needs, in order"),
  assessments: z.array(AssessmentSchema).describe("Newest first"),
  series: z.array(CompassSeriesSchema).describe("The compass over time, for a chart and table"),
});

// ---- plan measures (scope plan) -----------------------------------------------------------

export const MeasureCreateBodySchema = z
  .strictObject({
    what: nameText(2000, "Beskriv insatsen."),
    ownerName: nameText(200, "Ange vem som ansvarar.").describe("The named owner"),
    ownerUserId: z.uuid().nullable().default(null).describe("The owner's user, when they have one"),
    dueOn: DateSchema.describe("By when"),
    evaluateOn: DateSchema.describe("When it is evaluated"),
  })
  .refine((v) => v.evaluateOn >= v.dueOn, {
    path: ["evaluateOn"],
    message: "Utvärderingen kan inte ligga före datumet då insatsen ska vara klar.",
  });

export const MeasureUpdateBodySchema = z.strictObject({
  status: z.enum(MEASURE_STATUSES),
  evaluation: LongText.describe("What came of it"),
  version: VersionSchema,
});

export const MeasureSchema = z.object({
  id: z.uuid(),
  what: z.string(),
  ownerName: z.string(),
  ownerUserId: z.uuid().nullable(),
  dueOn: DateSchema,
  evaluateOn: DateSchema,
  status: z.enum(MEASURE_STATUSES),
  evaluation: z.string(),
  overdue: z.boolean(),
  evaluationDue: z.boolean(),
  version: z.int(),
});
export const MeasureListSchema = z.object({ measures: z.array(MeasureSchema) });

// ---- escalation: coordinator and teams (read: scope summary) ------------------------------

export const CoordinatorAssignBodySchema = z.strictObject({
  userId: z.uuid().describe("A practitioner; given support-coordinator access to the case"),
});

export const TeamCreateBodySchema = z.strictObject({
  kind: z.enum(TEAM_KINDS).describe("A child team by age band, or an individual team"),
});

export const TeamMemberAddBodySchema = z.strictObject({
  userId: z.uuid().describe("A practitioner; given team-member access to the case"),
  organisationName: nameText(200, "Ange organisation.").describe("Where the member works"),
});

export const TeamSchema = z.object({
  id: z.uuid(),
  kind: z.enum(TEAM_KINDS),
  formedAt: z.string(),
  members: z.array(
    Person.extend({ organisationName: z.string(), accessId: z.uuid(), live: z.boolean() }),
  ),
});

export const TeamsSchema = z.object({
  coordinator: Person.extend({ accessId: z.uuid() }).nullable(),
  suggestedKind: z.enum(TEAM_KINDS).nullable().describe("The age band the child is in today"),
  teams: z.array(TeamSchema),
  canManage: z.boolean().describe("Whether the caller may assign a coordinator and form teams"),
});

export const CandidateListSchema = z.object({
  items: z
    .array(
      Person.extend({
        units: z.array(z.string()).describe("Where the practitioner works (names of units)"),
      }),
    )
    .describe(
      "Practitioners in the child's municipality and its collaboration who can be given a role",
    ),
});

// ---- SIP (scope plan) ---------------------------------------------------------------------

export const SipInterventionSchema = z.strictObject({
  what: nameText(2000, "Beskriv insatsen."),
  responsibleKind: z.enum(SIP_RESPONSIBLE_KINDS),
  responsibleName: nameText(200, "Ange vem som ansvarar."),
});

export const SipParticipantSchema = z.strictObject({
  name: nameText(200),
  role: nameText(200, "Ange en roll."),
});

export const SipSaveBodySchema = z.strictObject({
  interventions: z.array(SipInterventionSchema).max(50),
  overallResponsible: z
    .enum(SIP_RESPONSIBLE_KINDS)
    .nullable()
    .describe("The principal with overall responsibility (municipality or region)"),
  overallResponsibleName: noteText(200),
  meetingOn: DateSchema.nullable(),
  participants: z.array(SipParticipantSchema).max(30),
  minutes: LongText,
  followUpOn: DateSchema.nullable(),
  childGoals: LongText.describe("The child's own goals"),
  childVoice: LongText.describe("What the child says, in the child's words"),
  consentId: z.uuid().nullable().describe("The SIP consent, recorded with the case's consents"),
});

export const SipUpdateBodySchema = SipSaveBodySchema.extend({ version: VersionSchema });

export const SipStatusBodySchema = z.strictObject({
  status: z.enum(SIP_STATUSES),
  version: VersionSchema,
});

export const SipSchema = z.object({
  id: z.uuid(),
  status: z.enum(SIP_STATUSES),
  interventions: z.array(
    z.object({
      what: z.string(),
      responsibleKind: z.enum(SIP_RESPONSIBLE_KINDS),
      responsibleName: z.string(),
    }),
  ),
  overallResponsible: z.enum(SIP_RESPONSIBLE_KINDS).nullable(),
  overallResponsibleName: z.string(),
  meetingOn: DateSchema.nullable(),
  participants: z.array(z.object({ name: z.string(), role: z.string() })),
  minutes: z.string(),
  followUpOn: DateSchema.nullable(),
  childGoals: z.string(),
  childVoice: z.string(),
  consentId: z.uuid().nullable(),
  missing: z.array(z.enum(SIP_REQUIREMENTS)).describe("What it lacks before it may be agreed"),
  updatedAt: z.string(),
  version: z.int(),
});
export const SipListSchema = z.object({ sips: z.array(SipSchema) });

// ---- reports of concern (no case access needed to file) -----------------------------------

export const ConcernReportCreateBodySchema = z
  .strictObject({
    municipalityId: z.uuid().describe("The child's municipality: routed to its intake unit"),
    caseId: z.uuid().nullable().default(null).describe("The case it arose in, if any"),
    childPersonalNumber: PersonalNumberSchema.nullable().describe(
      "Personnummer or samordningsnummer, 10 or 12 digits; null when unknown or unborn",
    ),
    childName: noteText(200).describe("Name, or a description when unknown"),
    unbornChild: z.boolean(),
    reporterRole: z.enum(REPORTER_ROLES),
    reporterOrganisation: nameText(200, "Ange din organisation."),
    reporterPhone: noteText(40),
    observation: nameText(8000, "Beskriv vad du har sett eller fått veta."),
    childTold: z.boolean(),
    guardiansTold: z.boolean(),
    notToldReason: noteText(2000)
      .nullable()
      .describe("Why the child or the guardians were not told"),
    interpreterNeeded: z.boolean(),
    interpreterLanguage: noteText(100),
    otherServices: noteText(2000).describe("Other services involved with the child"),
  })
  .refine(toldValid, {
    path: ["notToldReason"],
    message: "Ange varför barnet eller vårdnadshavarna inte har fått veta om anmälan.",
  })
  .refine((v) => v.unbornChild || v.childPersonalNumber !== null || v.childName.length > 0, {
    path: ["childName"],
    message: "Ange barnets personnummer eller namn.",
  });

export const ConcernReceiptSchema = z.object({
  id: z.uuid(),
  status: z.enum(CONCERN_STATUSES),
  intakeUnit: z.string().describe("The social-services unit it was routed to"),
  sentAt: z.string(),
  receivedAt: z.string().nullable(),
  feedbackDueAt: z.string().nullable(),
  feedbackOverdue: z.boolean(),
  feedbackAt: z.string().nullable(),
});
export const ConcernReceiptListSchema = z.object({ reports: z.array(ConcernReceiptSchema) });

export const ConcernReportSchema = ConcernReceiptSchema.extend({
  caseId: z
    .uuid()
    .nullable()
    .describe("The case it was filed in: shown to its reporter and the case's readers only"),
  childPersonalNumber: z.string().nullable(),
  childName: z.string(),
  unbornChild: z.boolean(),
  reporter: Person,
  reporterRole: z.enum(REPORTER_ROLES),
  reporterOrganisation: z.string(),
  reporterPhone: z.string(),
  observation: z.string(),
  childTold: z.boolean(),
  guardiansTold: z.boolean(),
  notToldReason: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string(),
  otherServices: z.string(),
  feedback: z.string(),
});
export const ConcernReportListSchema = z.object({ reports: z.array(ConcernReportSchema) });

export const ConcernFeedbackBodySchema = z.strictObject({
  feedback: nameText(4000, "Skriv återkopplingen.").describe("Sent to the reporter"),
});

export const IntakeUnitBodySchema = z.strictObject({
  unitId: z.uuid().describe("The social-services unit receiving the municipality's reports"),
});
export const IntakeUnitParamsSchema = z.strictObject({ municipalityId: z.uuid() });
export const IntakeUnitSchema = z.object({
  municipalityId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
});

// ---- disclosures (scope consents) ---------------------------------------------------------

export const DisclosureCreateBodySchema = z
  .strictObject({
    disclosedOn: DateSchema,
    recipient: nameText(200, "Ange mottagare.").describe("Organisation the information went to"),
    information: nameText(2000, "Ange vilka uppgifter som lämnades."),
    reason: nameText(2000, "Ange skälet."),
    basis: z.enum(DISCLOSURE_BASES),
    consentId: z.uuid().nullable().default(null),
    legalDuty: z.string().max(60).nullable().default(null).describe("Key of a named legal duty"),
  })
  .refine((v) => (v.basis === "consent") === (v.consentId !== null), {
    path: ["consentId"],
    message: "Ange vilket samtycke uppgifterna lämnades med stöd av.",
  })
  .refine((v) => (v.basis === "legal_duty") === (v.legalDuty !== null), {
    path: ["legalDuty"],
    message: "Ange vilken skyldighet eller sekretessbrytande bestämmelse som gäller.",
  });

export const DisclosureSchema = z.object({
  id: z.uuid(),
  disclosedOn: DateSchema,
  recipient: z.string(),
  information: z.string(),
  reason: z.string(),
  basis: z.enum(DISCLOSURE_BASES),
  consentId: z.uuid().nullable(),
  legalDuty: z
    .object({ key: z.string(), sv: z.string(), en: z.string(), reference: z.string() })
    .nullable(),
  disclosedBy: Person,
  createdAt: z.string(),
});
export const DisclosureListSchema = z.object({
  disclosures: z.array(DisclosureSchema),
  legalDuties: z.array(
    z.object({ key: z.string(), sv: z.string(), en: z.string(), reference: z.string() }),
  ),
});

// ---- chronology (scope chronology; each entry's own scope too) ----------------------------

export const ChronologyEntryCreateBodySchema = z.strictObject({
  occurredOn: DateSchema,
  category: z.enum(CHRONOLOGY_CATEGORIES),
  text: nameText(4000, "Skriv vad som hände."),
  sourceOrganisation: noteText(200)
    .default("")
    .describe("The organisation it comes from, e.g. BVC Åmål"),
  scope: z.enum(CASE_SCOPES).describe("Who reads it: readers holding this part of the record"),
});

export const ChronologyEventSchema = z.object({
  id: z.uuid(),
  occurredOn: DateSchema,
  kind: z.enum(CHRONOLOGY_KINDS),
  category: z.enum(CHRONOLOGY_CATEGORIES),
  scope: z.enum(CASE_SCOPES),
  text: z.string(),
  sourceOrganisation: z.string(),
  recordedBy: Person,
  createdAt: z.string(),
});
export const ChronologySchema = z.object({ events: z.array(ChronologyEventSchema) });
