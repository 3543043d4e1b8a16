import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  foreignKey,
  index,
  inet,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { AREA_TYPES, ORGANISATION_KINDS, SECTORS } from "../../domain/platform/organisations.ts";
import { ROLES } from "../../domain/platform/roles.ts";

export const platform = pgSchema("platform");

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** SCB's list of Swedish municipalities: picked, never typed. */
export const municipalityRefs = platform.table("municipality_refs", {
  code: char("code", { length: 4 }).primaryKey(),
  name: text("name").notNull(),
  countyCode: char("county_code", { length: 2 }).notNull(),
  countyName: text("county_name").notNull(),
});

export const organisations = platform.table(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    parentId: uuid("parent_id"),
    name: text("name").notNull(),
    municipalityCode: char("municipality_code", { length: 4 }).references(
      () => municipalityRefs.code,
    ),
    sector: text("sector", { enum: SECTORS }),
    areaType: text("area_type", { enum: AREA_TYPES }),
    description: text("description"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: "organisations_parent_fk" }),
    index("organisations_parent_idx").on(t.parentId),
    uniqueIndex("organisations_municipality_code_key")
      .on(t.municipalityCode)
      .where(sql`kind = 'municipality'`),
    check("organisations_sector_only_units", sql`(kind = 'unit') = (sector IS NOT NULL)`),
    check("organisations_area_type_only_areas", sql`(kind = 'area') = (area_type IS NOT NULL)`),
    check(
      "organisations_code_only_municipalities",
      sql`(kind = 'municipality') = (municipality_code IS NOT NULL)`,
    ),
    check("organisations_name_not_blank", sql`length(btrim(name)) > 0`),
  ],
);

/**
 * A way of grouping a municipality's areas (districts, school catchments, DeSO/RegSO), as DHIS2's
 * organisation-unit group sets do. Several can exist at once, each cutting the areas differently.
 */
export const areaGroupSets = platform.table(
  "area_group_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: AREA_TYPES }).notNull(),
    description: text("description"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("area_group_sets_name_key").on(t.municipalityId, sql`lower(${t.name})`),
    check("area_group_sets_name_not_blank", sql`length(btrim(name)) > 0`),
  ],
);

/** One group within a set, e.g. "Norra upptagningsområdet" in "Skolupptagningsområden". */
export const areaGroups = platform.table(
  "area_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupSetId: uuid("group_set_id")
      .notNull()
      .references(() => areaGroupSets.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("area_groups_name_key").on(t.groupSetId, sql`lower(${t.name})`),
    // The target of the members' composite key, which carries the set along.
    unique("area_groups_id_set_key").on(t.id, t.groupSetId),
    check("area_groups_name_not_blank", sql`length(btrim(name)) > 0`),
  ],
);

/**
 * An area in a group. The set is repeated here so that PostgreSQL itself keeps an area in at
 * most one group per set.
 */
export const areaGroupMembers = platform.table(
  "area_group_members",
  {
    groupId: uuid("group_id").notNull(),
    groupSetId: uuid("group_set_id").notNull(),
    areaId: uuid("area_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.areaId] }),
    unique("area_group_members_one_group_per_set").on(t.groupSetId, t.areaId),
    foreignKey({
      columns: [t.groupId, t.groupSetId],
      foreignColumns: [areaGroups.id, areaGroups.groupSetId],
      name: "area_group_members_group_fk",
    }).onDelete("cascade"),
    index("area_group_members_area_idx").on(t.areaId),
  ],
);

export const users = platform.table(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: ["sv", "en"] })
      .notNull()
      .default("sv"),
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The RFC 6238 time step of the last code accepted: no code at or before it counts again. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    oidcIssuer: text("oidc_issuer"),
    oidcSubject: text("oidc_subject"),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    unique("users_oidc_identity_key").on(t.oidcIssuer, t.oidcSubject),
    // The user list's order: a page is read from the index instead of sorting every account.
    index("users_name_idx").on(t.displayName, t.id),
  ],
);

export const roleAssignments = platform.table(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("role_assignments_unique_key").on(
      t.userId,
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.role,
    ),
    index("role_assignments_organisation_idx").on(t.organisationId),
    check("role_assignments_scope", sql`(role = 'system_admin') = (organisation_id IS NULL)`),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = platform.table(
  "sessions",
  {
    id: text("id").primaryKey(),
    /** How the owner names a session (to end it from another device): never the token's hash. */
    publicId: uuid("public_id").notNull().unique().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authMethod: text("auth_method", { enum: ["password", "oidc"] }).notNull(),
    mfaPending: boolean("mfa_pending").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: inet("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * A password-reset link sent by e-mail. Like a session, the table holds only the token's SHA-256;
 * a token counts once (`used_at`) and only until `expires_at`.
 */
export const passwordResetTokens = platform.table(
  "password_reset_tokens",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    ip: text("ip"),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId, t.createdAt)],
);

/** State, nonce and PKCE verifier of an OpenID Connect sign-in under way (any instance may finish it). */
export const oidcLoginFlows = platform.table("oidc_login_flows", {
  state: text("state").primaryKey(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  returnTo: text("return_to").notNull().default("/"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const settings = platform.table("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id),
});

/**
 * Append-only and hash-chained: a trigger puts each row into one of several chains and computes
 * its hash from the previous row of that chain; another rejects UPDATE, DELETE and TRUNCATE (see
 * the migrations 0001 and 0009 that install them).
 */
export const auditLog = platform.table(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // The global order (search, export, paging): the row's id, given by the chain trigger.
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    // Which chain the row is in and its place there, gap-free, given under the chain's lock.
    chain: smallint("chain").notNull().default(0),
    chainSeq: bigint("chain_seq", { mode: "number" }).notNull().default(0),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["success", "failure", "denied"] })
      .notNull()
      .default("success"),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    organisationId: uuid("organisation_id"),
    personalData: boolean("personal_data").notNull().default(false),
    reason: text("reason"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    details: jsonb("details").notNull().default({}),
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    uniqueIndex("audit_log_seq_key").on(t.seq),
    uniqueIndex("audit_log_chain_seq_key").on(t.chain, t.chainSeq),
    index("audit_log_occurred_idx").on(t.occurredAt),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_log_organisation_idx").on(t.organisationId),
  ],
);
