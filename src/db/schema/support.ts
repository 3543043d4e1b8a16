import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ACCESS_BASES,
  CASE_OUTCOMES,
  CASE_ROLES,
  CASE_SCOPES,
  CONSENT_GIVERS,
  CONSENT_KINDS,
  EMERGENCY_VERDICTS,
  END_REASONS,
  REFERRAL_STATUSES,
  REFERRAL_TYPES,
} from "../../domain/support/access.ts";
import { organisations, users } from "./platform.ts";

/**
 * Individual-level data (special category, under secrecy law). Nothing here is readable
 * without a live row in case_access for the reader; see src/server/support/queries.ts.
 */
export const support = pgSchema("support");

/** A SQL list literal of domain constants, for check constraints. */
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");
const list = (values: readonly string[]) => sql.raw(quoted(values));
const textArray = (values: readonly string[]) => sql.raw(`ARRAY[${quoted(values)}]::text[]`);

export const children = support.table(
  "children",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organisations.id),
    // 12 digits (src/domain/support/personnummer.ts); one child per number.
    personalNumber: text("personal_number"),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    birthDate: date("birth_date").notNull(),
    protectedIdentity: text("protected_identity", { enum: ["none", "protected"] })
      .notNull()
      .default("none"),
    // Hidden from all but named roles when the identity is protected.
    address: text("address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("children_personal_number_key")
      .on(t.personalNumber)
      .where(sql`personal_number IS NOT NULL`),
    check(
      "children_personal_number_format",
      sql`personal_number IS NULL OR personal_number ~ '^[0-9]{12}$'`,
    ),
  ],
);

export const cases = support.table(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["child", "consultation"] })
      .notNull()
      .default("child"),
    // Null for a consultation without identity: the child is not named until consent.
    childId: uuid("child_id").references(() => children.id),
    label: text("label"),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organisations.id),
    // The unit the case was opened in, for "outside one's own units" in log review.
    organisationId: uuid("organisation_id").references(() => organisations.id),
    observation: text("observation").notNull().default(""),
    immediateSupport: text("immediate_support").notNull().default(""),
    openedBy: uuid("opened_by").references(() => users.id),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id),
    outcome: text("outcome", { enum: CASE_OUTCOMES }),
    closureReason: text("closure_reason"),
  },
  (t) => [
    index("cases_child_idx").on(t.childId),
    check("cases_kind_values", sql`kind IN ('child', 'consultation')`),
    check("cases_status_values", sql`status IN ('open', 'closed')`),
    check(
      "cases_identity",
      sql`(kind = 'child' AND child_id IS NOT NULL) OR (kind = 'consultation' AND child_id IS NULL AND length(btrim(coalesce(label, ''))) > 0)`,
    ),
    check(
      "cases_closure",
      sql`(status = 'open' AND closed_at IS NULL) OR (status = 'closed' AND closed_at IS NOT NULL AND outcome IN (${list(CASE_OUTCOMES)}) AND length(btrim(coalesce(closure_reason, ''))) > 0)`,
    ),
  ],
);

/**
 * Consent to share (or to a SIP, or to statistics): who gave it, which organisations may share
 * which parts with whom, for what purpose, and for how long. Withdrawal ends every access that
 * rests on it at once (support.live_case_ids).
 */
export const consents = support.table(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind", { enum: CONSENT_KINDS }).notNull(),
    givenBy: text("given_by", { enum: CONSENT_GIVERS }).notNull(),
    giverName: text("giver_name").notNull(),
    purpose: text("purpose").notNull(),
    sharingOrganisationIds: uuid("sharing_organisation_ids").array().notNull(),
    recipientOrganisationIds: uuid("recipient_organisation_ids").array().notNull(),
    scopes: text("scopes").array().notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consents_case_idx").on(t.caseId),
    check("consents_kind_values", sql`kind IN (${list(CONSENT_KINDS)})`),
    check("consents_giver_values", sql`given_by IN (${list(CONSENT_GIVERS)})`),
    check(
      "consents_scopes_values",
      sql`cardinality(scopes) > 0 AND scopes <@ ${textArray(CASE_SCOPES)}`,
    ),
    check("consents_period", sql`valid_until IS NULL OR valid_until > valid_from`),
  ],
);

/**
 * A referral into a case (part two): its type decides the recipient's scopes; access starts at
 * acceptance and ends by itself when the referral is done or revoked.
 */
export const referrals = support.table(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    type: text("type", { enum: REFERRAL_TYPES }).notNull(),
    status: text("status", { enum: REFERRAL_STATUSES }).notNull().default("sent"),
    fromUserId: uuid("from_user_id")
      .notNull()
      .references(() => users.id),
    toUserId: uuid("to_user_id")
      .notNull()
      .references(() => users.id),
    message: text("message").notNull().default(""),
    deadline: date("deadline"),
    declineReason: text("decline_reason"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    finishedBy: uuid("finished_by").references(() => users.id),
  },
  (t) => [
    index("referrals_case_idx").on(t.caseId),
    index("referrals_to_user_idx").on(t.toUserId, t.status),
    check("referrals_type_values", sql`type IN (${list(REFERRAL_TYPES)})`),
    check("referrals_status_values", sql`status IN (${list(REFERRAL_STATUSES)})`),
    check(
      "referrals_decline_reason",
      sql`status <> 'declined' OR length(btrim(coalesce(decline_reason, ''))) > 0`,
    ),
  ],
);

/**
 * One person's access to one case: who, in which role, to which parts, on what basis (with a
 * typed reference to the consent or referral it rests on), for how long, why it ended, and for
 * emergency access its review. Access is a record, not a flag, so that it can end by itself and
 * be audited.
 */
export const caseAccess = support.table(
  "case_access",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: CASE_ROLES }).notNull(),
    scopes: text("scopes").array().notNull(),
    basis: text("basis", { enum: ACCESS_BASES }).notNull(),
    consentId: uuid("consent_id").references(() => consents.id),
    referralId: uuid("referral_id").references(() => referrals.id),
    // The case's child, kept by triggers (migration 0025): the children's read policy finds the
    // reader's children from their access records alone, without a lookup of each case.
    childId: uuid("child_id"),
    // Whether the record is live, as columns the reader's own index holds (kept by triggers,
    // migration 0027; see support.live_access_records): in force (not ended, its consent not
    // withdrawn, its referral accepted) and the window it is live in, the record's own with its
    // consent's and its handover grace folded in.
    inForce: boolean("in_force").notNull().default(false),
    liveFrom: timestamp("live_from", { withTimezone: true }),
    liveUntil: timestamp("live_until", { withTimezone: true }),
    // The named legal duty or exception for basis legal_exception (kept as data, not code).
    legalBasis: text("legal_basis"),
    reason: text("reason"),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    // A previous child contact's access after the new one accepted a handover.
    graceUntil: timestamp("grace_until", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason", { enum: END_REASONS }),
    endedBy: uuid("ended_by").references(() => users.id),
    grantedBy: uuid("granted_by").references(() => users.id),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    verdict: text("verdict", { enum: EMERGENCY_VERDICTS }),
    reviewNote: text("review_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_access_user_idx").on(t.userId, t.caseId),
    index("case_access_case_idx").on(t.caseId),
    index("case_access_emergency_idx").on(t.validFrom).where(sql`basis = 'emergency'`),
    check(
      "case_access_emergency_reason",
      sql`basis <> 'emergency' OR length(btrim(coalesce(reason, ''))) > 0`,
    ),
    check("case_access_emergency_until", sql`basis <> 'emergency' OR valid_until IS NOT NULL`),
    check("case_access_emergency_role", sql`(basis = 'emergency') = (role = 'emergency')`),
    check(
      "case_access_scopes_values",
      sql`cardinality(scopes) > 0 AND scopes <@ ${textArray(CASE_SCOPES)}`,
    ),
    check("case_access_role_values", sql`role IN (${list(CASE_ROLES)})`),
    check("case_access_basis_values", sql`basis IN (${list(ACCESS_BASES)})`),
    check("case_access_consent_ref", sql`(basis = 'consent') = (consent_id IS NOT NULL)`),
    check("case_access_referral_ref", sql`(basis = 'referral') = (referral_id IS NOT NULL)`),
    check(
      "case_access_legal_basis",
      sql`(basis = 'legal_exception') = (length(btrim(coalesce(legal_basis, ''))) > 0)`,
    ),
    check(
      "case_access_ended",
      sql`(ended_at IS NULL) = (ended_reason IS NULL) AND (ended_reason IS NULL OR ended_reason IN (${list(END_REASONS)}))`,
    ),
    check("case_access_period", sql`valid_until IS NULL OR valid_until > valid_from`),
    check(
      "case_access_review",
      sql`(verdict IS NULL AND reviewed_at IS NULL AND reviewed_by IS NULL) OR (basis = 'emergency' AND verdict IN (${list(EMERGENCY_VERDICTS)}) AND reviewed_at IS NOT NULL AND reviewed_by IS NOT NULL)`,
    ),
  ],
);

/**
 * The contacts a child already has (principal, BVC nurse, social worker): the child contact is
 * chosen among them. Kept by the organisations, not by a case.
 */
export const childContacts = support.table(
  "child_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("child_contacts_child_user_key").on(t.childId, t.userId)],
);

/** In-app notices: they name the case, never its content. */
export const notifications = support.table(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind", { enum: ["child_contact_activated"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);
