import { z } from "zod";
import {
  DateTimeSchema,
  isStorableText,
  nameText,
  noteText,
  safeText,
  searchText,
  UNSTORABLE_TEXT_MESSAGE,
  VersionSchema,
} from "../shared/schemas.ts";
import { AREA_TYPES, ORGANISATION_KINDS, SECTORS } from "./organisations.ts";
import { PERMISSIONS, ROLES, roleNeedsOrganisation } from "./roles.ts";

export const IdParamsSchema = z.strictObject({ id: z.uuid().describe("Record id") });

export const PasswordSchema = z
  .string()
  .min(12, "Lösenordet måste ha minst 12 tecken.")
  .max(256, "Lösenordet får ha högst 256 tecken.")
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
  .describe("At least 12 characters");

export const EmailSchema = z
  .email("Ange en giltig e-postadress.")
  .max(254)
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
  .transform((v) => v.toLowerCase())
  .describe("E-mail address, also the sign-in name");

// ---- authentication ----------------------------------------------------------------------

export const LoginSchema = z.strictObject({
  email: nameText(254, "Ange din e-postadress.").describe("E-mail address"),
  password: safeText(256).min(1),
});

export const TotpCodeSchema = z.strictObject({
  code: z
    .string()
    .regex(/^\d{6}$/, "Koden består av sex siffror.")
    .describe("Six-digit code from the authenticator app"),
});

export const LoginResultSchema = z.object({
  status: z.enum(["signed_in", "mfa_required"]),
  accountWasLocked: z
    .literal(true)
    .optional()
    .describe(
      "The account was locked after failed attempts since its last sign-in: told only once the password is right",
    ),
});

export const TotpSetupSchema = z.object({
  secret: z.string().describe("Base32 secret to type into an authenticator app"),
  otpauthUri: z.string().describe("otpauth:// URI for a QR code"),
});

export const ProvidersSchema = z.object({
  password: z.boolean(),
  oidc: z.object({ label: z.string() }).nullable(),
});

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });

export const PasswordResetConfirmSchema = z.strictObject({
  token: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{43}$/,
      "Länken är ofullständig. Kopiera hela länken från e-postmeddelandet.",
    )
    .describe("The token from the e-mailed link"),
  password: PasswordSchema,
});

export const PasswordResetAcceptedSchema = z.object({
  accepted: z
    .literal(true)
    .describe("The same answer whether or not the address has an account (no enumeration)"),
});

export const PasswordResetConfigSchema = z.object({
  email: z.boolean().describe("Whether reset links are sent by e-mail (SMTP is configured)"),
});

export const HelpGuideSchema = z.object({
  language: z.enum(["sv", "en"]).describe("The language the guide is written in"),
  title: z.string(),
  html: z.string().describe("The guide as HTML, headings carrying the sections' ids"),
  sections: z.array(
    z.object({
      id: z.string().describe("Heading id: the fragment a help link points to"),
      level: z.number().int().min(2).max(6),
      title: z.string(),
    }),
  ),
});

export const GrantSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
});

export const MeSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(["sv", "en"]),
  totpEnabled: z.boolean(),
  mfaEnrolmentRequired: z.boolean(),
  authMethod: z.enum(["password", "oidc"]),
  grants: z.array(GrantSchema),
  permissions: z
    .array(z.enum(PERMISSIONS))
    .describe("Permissions held in at least one organisation"),
});

export const MeUpdateSchema = z.strictObject({
  locale: z.enum(["sv", "en"]).optional(),
  displayName: nameText(120).optional(),
});

export const PasswordChangeSchema = z.strictObject({
  currentPassword: safeText(256).min(1),
  newPassword: PasswordSchema,
});

// ---- organisations -----------------------------------------------------------------------

export const OwnSessionSchema = z.object({
  id: z.uuid().describe("The session's public id (not its token)"),
  authMethod: z.enum(["password", "oidc"]),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean().describe("The session this request was made with"),
});

export const SessionsRevokedSchema = z.object({ revoked: z.number().int().min(0) });

export const MunicipalityRefSchema = z.object({
  code: z.string().length(4),
  name: z.string(),
  countyCode: z.string().length(2),
  countyName: z.string(),
});

export const MunicipalityRefQuerySchema = z.strictObject({
  q: searchText(60).optional().describe("Part of the name or code"),
});

export const OrganisationCreateSchema = z
  .strictObject({
    kind: z.enum(ORGANISATION_KINDS),
    parentId: z.uuid().nullable(),
    name: nameText(200)
      .optional()
      .describe("Required except for a municipality, named from SCB's list"),
    municipalityCode: z
      .string()
      .regex(/^\d{4}$/, "Kommunkoden består av fyra siffror.")
      .optional(),
    sector: z.enum(SECTORS).optional(),
    areaType: z.enum(AREA_TYPES).optional(),
    description: noteText(2000).optional(),
  })
  .superRefine((v, ctx) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    need(
      (v.kind === "unit") === Boolean(v.sector),
      "sector",
      "En enhet ska ha en sektor, andra nivåer ingen.",
    );
    need(
      (v.kind === "area") === Boolean(v.areaType),
      "areaType",
      "Ett område ska ha en områdestyp, andra nivåer ingen.",
    );
    need(
      (v.kind === "municipality") === Boolean(v.municipalityCode),
      "municipalityCode",
      "En kommun väljs med sin kommunkod, andra nivåer har ingen.",
    );
    need(v.kind === "municipality" || Boolean(v.name), "name", "Ange ett namn.");
  });

export const OrganisationUpdateSchema = z.strictObject({
  name: nameText(200).optional(),
  description: noteText(2000).nullable().optional(),
  sector: z.enum(SECTORS).optional(),
  areaType: z.enum(AREA_TYPES).optional(),
  archived: z.boolean().optional(),
  version: VersionSchema,
});

export const OrganisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANISATION_KINDS),
  parentId: z.uuid().nullable(),
  name: z.string(),
  municipalityCode: z.string().nullable(),
  countyName: z.string().nullable(),
  sector: z.enum(SECTORS).nullable(),
  areaType: z.enum(AREA_TYPES).nullable(),
  description: z.string().nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  abilities: z
    .object({
      update: z.boolean(),
      createChild: z.boolean(),
      readUsers: z.boolean().describe("May list the people who hold roles here"),
      readAudit: z.boolean().describe("May read this organisation's audit log"),
    })
    .optional()
    .describe("What the caller may do with this organisation (detail views only)"),
});

// ---- users and roles ---------------------------------------------------------------------

/**
 * A role and where it is held must agree, as the database's check does: the platform-wide role has
 * no organisation, every other role needs one. Checked here so the caller gets a field message.
 */
function roleMatchesOrganisation(
  value: { role: (typeof ROLES)[number]; organisationId: string | null },
  ctx: z.RefinementCtx,
): void {
  const needs = roleNeedsOrganisation(value.role);
  if (needs === (value.organisationId !== null)) return;
  ctx.addIssue({
    code: "custom",
    path: ["organisationId"],
    message: needs
      ? "Rollen gäller i en organisation: välj vilken."
      : "Systemadministratör gäller hela plattformen och har ingen organisation.",
  });
}

export const UserCreateSchema = z
  .strictObject({
    email: EmailSchema,
    displayName: nameText(120),
    password: PasswordSchema.optional().describe(
      "Omit for accounts that sign in only through OIDC",
    ),
    locale: z.enum(["sv", "en"]).default("sv"),
    role: z.enum(ROLES),
    organisationId: z
      .uuid()
      .nullable()
      .describe("null for system_admin, required for every other role"),
  })
  .superRefine(roleMatchesOrganisation);

export const UserUpdateSchema = z.strictObject({
  displayName: nameText(120).optional(),
  disabled: z.boolean().optional(),
  version: VersionSchema,
});

export const PasswordResetSchema = z.strictObject({ password: PasswordSchema });

export const RoleGrantCreateSchema = z
  .strictObject({
    role: z.enum(ROLES),
    organisationId: z
      .uuid()
      .nullable()
      .describe("null for system_admin, required for every other role"),
  })
  .superRefine(roleMatchesOrganisation);

export const GrantParamsSchema = z.strictObject({ id: z.uuid(), grantId: z.uuid() });

export const UserSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  grants: z.array(GrantSchema),
});

export const UserSchema = UserSummarySchema.extend({
  locale: z.enum(["sv", "en"]),
  lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean() }),
});

export const USER_PAGE_MAX = 200;

export const UserListQuerySchema = z.strictObject({
  q: searchText(120).optional().describe("Part of the e-mail address or name"),
  organisationId: z.uuid().optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(USER_PAGE_MAX)
    .default(50)
    .describe("Page size; the list is ordered by name"),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(0)
    .describe("Entries to skip: the page is a full one when it has `limit` entries"),
});

// ---- audit and settings ------------------------------------------------------------------

/** A page of the audit search: what the log page shows, and what a search gives unless asked. */
export const AUDIT_PAGE_SIZE = 50;

export const AuditQuerySchema = z.strictObject({
  from: DateTimeSchema.optional(),
  to: DateTimeSchema.optional(),
  actor: searchText(254).optional().describe("Part of the actor's e-mail"),
  action: searchText(80).optional().describe("Action name or its prefix, e.g. user."),
  subjectId: searchText(80).optional(),
  organisationId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(AUDIT_PAGE_SIZE),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Page: entries before this sequence number"),
});

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  occurredAt: z.iso.datetime({ offset: true }),
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
  actorName: z.string().nullable().describe("The acting person's name, where there is one"),
  action: z.string(),
  outcome: z.enum(["success", "failure", "denied"]),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  subjectName: z
    .string()
    .nullable()
    .describe("The subject's name, where it exists and the caller may read its organisation's log"),
  subjectPath: z.string().nullable().describe("The subject's page in the web app"),
  organisationId: z.uuid().nullable(),
  personalData: z.boolean(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const SecuritySettingsSchema = z.strictObject({
  requireMfaForRoles: z
    .array(z.enum(ROLES))
    .describe("Roles that must use two-factor authentication"),
});
