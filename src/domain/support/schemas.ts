import { z } from "zod";
import { DateSchema, DateTimeSchema, nameText, noteText } from "../shared/schemas.ts";
import {
  ACCESS_BASES,
  CASE_OUTCOMES,
  CASE_ROLES,
  CASE_SCOPES,
  CONSENT_GIVERS,
  CONSENT_KINDS,
  EMERGENCY_VERDICTS,
  END_REASONS,
} from "./access.ts";
import { UNUSUAL_REASONS } from "./log-review.ts";
import { IDENTITY_NUMBER_MESSAGES, parseIdentityNumber } from "./personnummer.ts";
import { KEEP_REASONS, THINNED_RECORD_TYPES } from "./retention.ts";

/**
 * The HTTP contract of a child's case and the access to it: discover, list, search, detail,
 * child contact, consent, emergency access and its review, access log, closure. The records of
 * a case (compass, plan, SIP, …) have their own contract in records-schemas.ts.
 */

export const CaseRoleSchema = z.enum(CASE_ROLES).describe("The person's role in the case");
export const CaseScopeSchema = z.enum(CASE_SCOPES).describe("A part of the case record");
export const AccessBasisSchema = z.enum(ACCESS_BASES).describe("The basis of the access");
export const EndReasonSchema = z.enum(END_REASONS).describe("Why an access ended");

/**
 * A personnummer or samordningsnummer as typed (10 or 12 digits, with or without "-" or "+"),
 * checked and turned into its 12-digit form.
 */
export const PersonalNumberSchema = z
  .string()
  .max(20, IDENTITY_NUMBER_MESSAGES.format)
  .transform((value, ctx) => {
    const parsed = parseIdentityNumber(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: IDENTITY_NUMBER_MESSAGES[parsed.reason] });
      return z.NEVER;
    }
    return parsed.value.normalised;
  })
  .describe("Personnummer or samordningsnummer, 10 or 12 digits; stored as 12 digits");

export const CaseIdParamsSchema = z.strictObject({ id: z.uuid().describe("Case id") });
export const CaseConsentParamsSchema = z.strictObject({
  id: z.uuid().describe("Case id"),
  consentId: z.uuid().describe("Consent id"),
});
export const AccessIdParamsSchema = z.strictObject({
  accessId: z.uuid().describe("Access record id"),
});

const observation = noteText(4000).describe("What was observed (no more than needed)");
const immediateSupport = noteText(4000).describe("Support given at once within one's own role");

/** Discover: a concern about an identified child, or a consultation without identity. */
export const CaseCreateSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("child"),
      organisationId: z.uuid().describe("The unit the discoverer works in for this case"),
      personalNumber: PersonalNumberSchema,
      givenName: nameText(100, "Ange barnets förnamn.").describe("Child's given name"),
      familyName: nameText(100, "Ange barnets efternamn.").describe("Child's family name"),
      observation,
      immediateSupport,
    }),
    z.strictObject({
      kind: z.literal("consultation"),
      organisationId: z.uuid().describe("The unit the discoverer works in for this case"),
      label: nameText(200, "Beskriv situationen utan namn eller personnummer.").describe(
        "A description without identity, e.g. 'flicka, åk 4'",
      ),
      observation,
      immediateSupport,
    }),
  ])
  .describe("A new case: a concern about a named child, or a consultation without identity");

export const CaseCreatedSchema = z.strictObject({ id: z.uuid().describe("The new case") });

/** The caller's access to a case, as authorize found it. */
export const CaseAccessSchema = z.strictObject({
  id: z.uuid().describe("The access record that grants this"),
  role: CaseRoleSchema,
  basis: AccessBasisSchema,
  scopes: z.array(CaseScopeSchema).describe("Every part the caller may read (all live records)"),
  roles: z.array(CaseRoleSchema).describe("Every live role the caller holds on the case"),
  validUntil: DateTimeSchema.nullable(),
});

export const ChildSchema = z.strictObject({
  id: z.uuid(),
  personalNumber: z.string().nullable().describe("12 digits; null for no number recorded"),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: DateSchema,
  protectedIdentity: z.boolean().describe("Skyddade personuppgifter: shown as a mark everywhere"),
  address: z
    .string()
    .nullable()
    .describe("Only for the named roles (with protected identity: the support coordinator)"),
});

export const CaseListItemSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(["child", "consultation"]),
  title: z.string().describe("The child's name, or a consultation's label"),
  protectedIdentity: z.boolean(),
  status: z.enum(["open", "closed"]),
  openedAt: DateTimeSchema,
  role: CaseRoleSchema,
  roles: z.array(CaseRoleSchema),
});
export const CaseListSchema = z.strictObject({ items: z.array(CaseListItemSchema) });

export const CaseSearchQuerySchema = z.strictObject({
  personalNumber: PersonalNumberSchema,
});

export const CaseAbilitiesSchema = z.strictObject({
  activateContact: z.boolean(),
  recordConsent: z.boolean(),
  close: z.boolean(),
  readAccessLog: z.boolean(),
});

export const ConsentSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(CONSENT_KINDS),
  givenBy: z.enum(CONSENT_GIVERS),
  giverName: z.string(),
  purpose: z.string(),
  sharingOrganisationIds: z.array(z.uuid()),
  recipientOrganisationIds: z.array(z.uuid()),
  scopes: z.array(CaseScopeSchema),
  validFrom: DateTimeSchema,
  validUntil: DateTimeSchema.nullable(),
  withdrawnAt: DateTimeSchema.nullable(),
  recordedAt: DateTimeSchema,
});

export const CaseMemberSchema = z.strictObject({
  accessId: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  role: CaseRoleSchema,
  basis: AccessBasisSchema,
  validUntil: DateTimeSchema.nullable(),
});

/** A case as the caller may see it: parts outside their scopes are null. */
export const CaseDetailSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(["child", "consultation"]),
  status: z.enum(["open", "closed"]),
  municipalityId: z.uuid(),
  openedAt: DateTimeSchema,
  access: CaseAccessSchema,
  abilities: CaseAbilitiesSchema,
  summary: z
    .strictObject({
      title: z.string(),
      child: ChildSchema.nullable(),
      observation: z.string(),
      immediateSupport: z.string(),
      members: z.array(CaseMemberSchema),
    })
    .nullable()
    .describe("Scope summary"),
  consents: z.array(ConsentSchema).nullable().describe("Scope consents"),
});

export const ChildContactSchema = z.strictObject({
  id: z.uuid(),
  displayName: z.string(),
  title: z.string().describe("E.g. rektor, BVC-sjuksköterska"),
  organisationName: z.string(),
  active: z.boolean().describe("Whether this contact already holds the child-contact role"),
});
export const ChildContactListSchema = z.strictObject({ items: z.array(ChildContactSchema) });

export const ActivateContactSchema = z.strictObject({
  contactId: z.uuid().describe("One of the child's existing contacts"),
});
export const ActivatedContactSchema = z.strictObject({
  accessId: z.uuid(),
  emailed: z.boolean().describe("Whether an e-mail notice (without case content) was sent"),
});

export const ConsentCreateSchema = z
  .strictObject({
    kind: z.enum(CONSENT_KINDS).describe("Sharing, SIP or statistics: recorded apart"),
    givenBy: z.enum(CONSENT_GIVERS).describe("A guardian, or the child by age and maturity"),
    giverName: nameText(200, "Ange vem som gav samtycket."),
    purpose: nameText(1000, "Ange syftet med samtycket."),
    sharingOrganisationIds: z.array(z.uuid()).max(50).describe("Who may share"),
    recipientOrganisationIds: z.array(z.uuid()).max(50).describe("With whom"),
    scopes: z.array(CaseScopeSchema).min(1, "Ange vilka delar samtycket gäller.").max(8),
    validFrom: DateTimeSchema,
    validUntil: DateTimeSchema.nullable(),
  })
  .refine((c) => c.validUntil === null || Date.parse(c.validUntil) > Date.parse(c.validFrom), {
    message: "Samtycket kan inte sluta före det börjar.",
    path: ["validUntil"],
  });
export const ConsentCreatedSchema = z.strictObject({ id: z.uuid() });
export const ConsentWithdrawSchema = z.strictObject({
  note: noteText(1000).describe("How the withdrawal was made known (optional)"),
});
export const ConsentWithdrawnSchema = z.strictObject({
  id: z.uuid(),
  endedAccess: z.int().min(0).describe("Access records ended by the withdrawal"),
});

export const EmergencyAccessCreateSchema = z.strictObject({
  reason: nameText(1000, "Ange skälet till nödåtkomsten."),
  validUntil: DateTimeSchema.describe("When it ends: at most 24 hours ahead"),
});
export const EmergencyAccessCreatedSchema = z.strictObject({
  accessId: z.uuid(),
  validUntil: DateTimeSchema,
});

export const EmergencyReviewItemSchema = z.strictObject({
  accessId: z.uuid(),
  caseId: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  reason: z.string(),
  validFrom: DateTimeSchema,
  validUntil: DateTimeSchema.nullable(),
  reviewedAt: DateTimeSchema.nullable(),
  verdict: z.enum(EMERGENCY_VERDICTS).nullable(),
});
export const EmergencyReviewListSchema = z.strictObject({
  items: z.array(EmergencyReviewItemSchema),
});
export const EmergencyReviewQuerySchema = z.strictObject({
  pending: z.enum(["true", "false"]).optional().describe("Only those without a verdict"),
});
export const EmergencyVerdictSchema = z.strictObject({
  verdict: z.enum(EMERGENCY_VERDICTS),
  note: noteText(2000),
});
export const EmergencyVerdictResultSchema = z.strictObject({
  accessId: z.uuid(),
  verdict: z.enum(EMERGENCY_VERDICTS),
});

export const AccessLogItemSchema = z.strictObject({
  occurredAt: DateTimeSchema,
  actorLabel: z.string(),
  action: z.string(),
  outcome: z.enum(["success", "failure", "denied"]),
  role: CaseRoleSchema.nullable(),
  basis: AccessBasisSchema.nullable(),
  accessId: z.uuid().nullable(),
});
export const AccessLogSchema = z.strictObject({ items: z.array(AccessLogItemSchema) });

export const CaseCloseSchema = z.strictObject({
  outcome: z.enum(CASE_OUTCOMES).describe("How the case ended"),
  reason: nameText(2000, "Ange skälet till att ärendet avslutas."),
});
export const CaseClosedSchema = z.strictObject({
  id: z.uuid(),
  endedAccess: z.int().min(0),
});

export const NotificationSchema = z.strictObject({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(["child_contact_activated"]),
  createdAt: DateTimeSchema,
  readAt: DateTimeSchema.nullable(),
});
export const NotificationListSchema = z.strictObject({ items: z.array(NotificationSchema) });

export type CaseCreate = z.output<typeof CaseCreateSchema>;
export type CaseDetail = z.input<typeof CaseDetailSchema>;
export type CaseListItem = z.input<typeof CaseListItemSchema>;
export type ConsentCreate = z.output<typeof ConsentCreateSchema>;
export type CaseClose = z.output<typeof CaseCloseSchema>;

export const AccessReviewQuerySchema = z.strictObject({
  from: DateTimeSchema.optional().describe("Start of the period; 7 days ago by default"),
  to: DateTimeSchema.optional().describe("End of the period; now by default"),
  pending: z.enum(["true", "false"]).optional().describe("Only those without a verdict"),
});
export const AccessReviewItemSchema = z.strictObject({
  auditId: z.int().describe("The audit row of the read"),
  occurredAt: DateTimeSchema,
  actorId: z.uuid(),
  actorLabel: z.string(),
  caseId: z.uuid(),
  basis: AccessBasisSchema.nullable(),
  reasons: z.array(z.enum(UNUSUAL_REASONS)).min(1),
  verdict: z.enum(EMERGENCY_VERDICTS).nullable(),
  reviewedAt: DateTimeSchema.nullable(),
});
export const AccessReviewListSchema = z.strictObject({
  items: z.array(AccessReviewItemSchema),
});
export const AuditIdParamsSchema = z.strictObject({
  auditId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe("Audit row"),
});
export const AccessReviewVerdictResultSchema = z.strictObject({
  auditId: z.int(),
  verdict: z.enum(EMERGENCY_VERDICTS),
});

export const RetentionItemSchema = z.strictObject({
  recordType: z
    .enum(THINNED_RECORD_TYPES)
    .describe("coordination: a closed case; social_services: a report of concern"),
  recordId: z.uuid().describe("The case or the report of concern"),
  lastEntryAt: DateTimeSchema.describe("A case's closure; a report's latest entry"),
  dueAt: DateTimeSchema.nullable().describe("When it is thinned; null when kept without end"),
  thin: z.boolean().describe("Whether the next run thins it"),
  reason: z.enum(KEEP_REASONS).nullable().describe("Why it is kept, when it is"),
  law: z.string().describe("The rule it is kept or thinned under"),
});
export const RetentionDryRunSchema = z.strictObject({ items: z.array(RetentionItemSchema) });

/** Naming the child of a consultation once there is consent to do so. */
export const CaseIdentifySchema = z.strictObject({
  personalNumber: PersonalNumberSchema,
  givenName: nameText(100, "Ange barnets förnamn.").describe("Child's given name"),
  familyName: nameText(100, "Ange barnets efternamn.").describe("Child's family name"),
});
export type CaseIdentify = z.output<typeof CaseIdentifySchema>;
export const CaseIdentifiedSchema = z.strictObject({ id: z.uuid(), childId: z.uuid() });
