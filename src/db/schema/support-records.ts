import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CASE_SCOPES } from "../../domain/support/access.ts";
import { CHRONOLOGY_CATEGORIES, CHRONOLOGY_KINDS } from "../../domain/support/chronology.ts";
import { RATING_MAX, RATING_MIN } from "../../domain/support/compass.ts";
import { CONCERN_STATUSES, REPORTER_ROLES } from "../../domain/support/concern.ts";
import { DISCLOSURE_BASES } from "../../domain/support/disclosures.ts";
import { MEASURE_STATUSES } from "../../domain/support/plan.ts";
import { SIP_RESPONSIBLE_KINDS, SIP_STATUSES } from "../../domain/support/sip.ts";
import { TEAM_KINDS } from "../../domain/support/teams.ts";
import { organisations, users } from "./platform.ts";
import { caseAccess, cases, consents, support } from "./support.ts";

/**
 * The records of a case. Every row carries its case, so that row-level security can ask for live
 * access to the part (scope) it belongs to (migration support_records_custom); reports of
 * concern are the exception, readable by their reporter and the intake unit without case access.
 */

const list = (values: readonly (string | number)[]) =>
  sql.raw(values.map((v) => `'${v}'`).join(", "));
const caseRef = () =>
  uuid("case_id")
    .notNull()
    .references(() => cases.id);

/** A municipality's own names of the needs compass; without a row, the defaults apply. */
export const compassConfigs = support.table("compass_configs", {
  municipalityId: uuid("municipality_id")
    .primaryKey()
    .references(() => organisations.id),
  /** [{ key, sv, en }] in display order (src/domain/support/compass.ts) */
  needs: jsonb("needs").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A needs-compass assessment: the child's and the guardians' views apart, and a summary. */
export const compassAssessments = support.table(
  "compass_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseRef(),
    assessedOn: date("assessed_on").notNull(),
    childView: text("child_view").notNull().default(""),
    guardiansView: text("guardians_view").notNull().default(""),
    summary: text("summary").notNull(),
    assessedBy: uuid("assessed_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("compass_assessments_case_idx").on(t.caseId, t.assessedOn),
    check("compass_assessments_summary", sql`length(btrim(summary)) > 0`),
  ],
);

/** One need rated in one assessment; a row each so that statistics can aggregate in SQL. */
export const compassRatings = support.table(
  "compass_ratings",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => compassAssessments.id),
    caseId: caseRef(),
    need: text("need").notNull(),
    rating: integer("rating").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.need] }),
    check(
      "compass_ratings_range",
      sql`rating BETWEEN ${sql.raw(String(RATING_MIN))} AND ${sql.raw(String(RATING_MAX))}`,
    ),
    check("compass_ratings_reason", sql`length(btrim(reason)) > 0`),
  ],
);

/** A plan measure: what, a named owner, by when, and when it is evaluated. */
export const planMeasures = support.table(
  "plan_measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseRef(),
    what: text("what").notNull(),
    ownerName: text("owner_name").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    dueOn: date("due_on").notNull(),
    evaluateOn: date("evaluate_on").notNull(),
    status: text("status", { enum: MEASURE_STATUSES }).notNull().default("planned"),
    evaluation: text("evaluation").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_measures_case_idx").on(t.caseId),
    check("plan_measures_status_values", sql`status IN (${list(MEASURE_STATUSES)})`),
    check("plan_measures_evaluation_after_due", sql`evaluate_on >= due_on`),
    check("plan_measures_named", sql`length(btrim(what)) > 0 AND length(btrim(owner_name)) > 0`),
  ],
);

/** A child team (by age band) or an individual team around one case. */
export const supportTeams = support.table(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseRef(),
    kind: text("kind", { enum: TEAM_KINDS }).notNull(),
    formedBy: uuid("formed_by")
      .notNull()
      .references(() => users.id),
    formedAt: timestamp("formed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("teams_case_kind_key").on(t.caseId, t.kind),
    check("teams_kind_values", sql`kind IN (${list(TEAM_KINDS)})`),
  ],
);

/** A team member holds team-member access to the case: the access record is the membership's right. */
export const supportTeamMembers = support.table(
  "team_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => supportTeams.id),
    caseId: caseRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organisationName: text("organisation_name").notNull(),
    accessId: uuid("access_id")
      .notNull()
      .references(() => caseAccess.id),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("team_members_team_user_key").on(t.teamId, t.userId)],
);

/** A coordinated individual plan (SIP) with the content the law requires. */
export const sips = support.table(
  "sips",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseRef(),
    status: text("status", { enum: SIP_STATUSES }).notNull().default("draft"),
    /** [{ what, responsibleKind, responsibleName }] */
    interventions: jsonb("interventions").notNull().default([]),
    overallResponsible: text("overall_responsible", { enum: SIP_RESPONSIBLE_KINDS }),
    overallResponsibleName: text("overall_responsible_name").notNull().default(""),
    meetingOn: date("meeting_on"),
    /** [{ name, role }] */
    participants: jsonb("participants").notNull().default([]),
    minutes: text("minutes").notNull().default(""),
    followUpOn: date("follow_up_on"),
    childGoals: text("child_goals").notNull().default(""),
    childVoice: text("child_voice").notNull().default(""),
    consentId: uuid("consent_id").references(() => consents.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sips_case_idx").on(t.caseId),
    check("sips_status_values", sql`status IN (${list(SIP_STATUSES)})`),
    check(
      "sips_responsible_values",
      sql`overall_responsible IS NULL OR overall_responsible IN (${list(SIP_RESPONSIBLE_KINDS)})`,
    ),
    check(
      "sips_agreed_complete",
      sql`status = 'draft' OR (overall_responsible IN ('municipality', 'region') AND meeting_on IS NOT NULL AND follow_up_on > meeting_on)`,
    ),
  ],
);

/** The unit of social services that receives a municipality's reports of concern. */
export const intakeUnits = support.table("intake_units", {
  municipalityId: uuid("municipality_id")
    .primaryKey()
    .references(() => organisations.id),
  unitId: uuid("unit_id")
    .notNull()
    .references(() => organisations.id),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A report of concern (orosanmälan). Filed without consent or case access; routed to the intake
 * unit (or, with none named, the municipality itself) with a receipt and a feedback deadline.
 */
export const concernReports = support.table(
  "concern_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organisations.id),
    intakeUnitId: uuid("intake_unit_id")
      .notNull()
      .references(() => organisations.id),
    // Not "case_id": the report is social services' record, so thinning the coordination case
    // (support.thin_case, which clears every case_id table) unlinks it rather than deleting it.
    caseId: uuid("filed_in_case_id").references(() => cases.id, { onDelete: "set null" }),
    childPersonalNumber: text("child_personal_number"),
    childName: text("child_name").notNull().default(""),
    unbornChild: boolean("unborn_child").notNull().default(false),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id),
    reporterRole: text("reporter_role", { enum: REPORTER_ROLES }).notNull(),
    reporterOrganisation: text("reporter_organisation").notNull(),
    reporterPhone: text("reporter_phone").notNull().default(""),
    observation: text("observation").notNull(),
    childTold: boolean("child_told").notNull(),
    guardiansTold: boolean("guardians_told").notNull(),
    notToldReason: text("not_told_reason"),
    interpreterNeeded: boolean("interpreter_needed").notNull().default(false),
    interpreterLanguage: text("interpreter_language").notNull().default(""),
    otherServices: text("other_services").notNull().default(""),
    status: text("status", { enum: CONCERN_STATUSES }).notNull().default("sent"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    receivedBy: uuid("received_by").references(() => users.id),
    feedbackDueAt: timestamp("feedback_due_at", { withTimezone: true }),
    feedback: text("feedback").notNull().default(""),
    feedbackAt: timestamp("feedback_at", { withTimezone: true }),
    feedbackBy: uuid("feedback_by").references(() => users.id),
  },
  (t) => [
    index("concern_reports_intake_idx").on(t.intakeUnitId, t.status),
    index("concern_reports_reporter_idx").on(t.reporterId),
    index("concern_reports_case_idx").on(t.caseId),
    check("concern_reports_status_values", sql`status IN (${list(CONCERN_STATUSES)})`),
    check("concern_reports_role_values", sql`reporter_role IN (${list(REPORTER_ROLES)})`),
    check(
      "concern_reports_not_told_reason",
      sql`(child_told AND guardians_told) OR length(btrim(coalesce(not_told_reason, ''))) > 0`,
    ),
    check(
      "concern_reports_personal_number_format",
      sql`child_personal_number IS NULL OR child_personal_number ~ '^[0-9]{12}$'`,
    ),
    check(
      "concern_reports_receipt",
      sql`(status = 'sent' AND received_at IS NULL) OR (status <> 'sent' AND received_at IS NOT NULL AND feedback_due_at IS NOT NULL)`,
    ),
    check(
      "concern_reports_feedback",
      sql`(status = 'feedback_given') = (feedback_at IS NOT NULL AND length(btrim(feedback)) > 0)`,
    ),
  ],
);

/** A disclosure across a secrecy boundary, with its legal basis; the family sees each one. */
export const disclosures = support.table(
  "disclosures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseRef(),
    disclosedOn: date("disclosed_on").notNull(),
    recipient: text("recipient").notNull(),
    information: text("information").notNull(),
    reason: text("reason").notNull(),
    basis: text("basis", { enum: DISCLOSURE_BASES }).notNull(),
    consentId: uuid("consent_id").references(() => consents.id),
    legalDuty: text("legal_duty"),
    disclosedBy: uuid("disclosed_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("disclosures_case_idx").on(t.caseId),
    check("disclosures_basis_values", sql`basis IN (${list(DISCLOSURE_BASES)})`),
    check(
      "disclosures_basis_ref",
      sql`(basis = 'consent' AND consent_id IS NOT NULL AND legal_duty IS NULL) OR (basis = 'legal_duty' AND consent_id IS NULL AND length(btrim(coalesce(legal_duty, ''))) > 0)`,
    ),
    check("disclosures_reason", sql`length(btrim(reason)) > 0`),
  ],
);

/**
 * The chronology: entries made by the records' own commands (kind other than manual, with the
 * record's id) and by staff. Each entry's scope decides who reads it.
 */
export const chronologyEntries = support.table(
  "chronology_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseRef(),
    occurredOn: date("occurred_on").notNull(),
    kind: text("kind", { enum: CHRONOLOGY_KINDS }).notNull(),
    category: text("category", { enum: CHRONOLOGY_CATEGORIES }).notNull(),
    scope: text("scope", { enum: CASE_SCOPES }).notNull(),
    text: text("text").notNull(),
    /** The organisation the entry comes from (multi-agency chronology); empty when not stated. */
    sourceOrganisation: text("source_organisation").notNull().default(""),
    sourceId: uuid("source_id"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("chronology_entries_case_idx").on(t.caseId, t.occurredOn),
    check("chronology_entries_kind_values", sql`kind IN (${list(CHRONOLOGY_KINDS)})`),
    check("chronology_entries_category_values", sql`category IN (${list(CHRONOLOGY_CATEGORIES)})`),
    check("chronology_entries_scope_values", sql`scope IN (${list(CASE_SCOPES)})`),
    check("chronology_entries_source", sql`(kind = 'manual') = (source_id IS NULL)`),
  ],
);
