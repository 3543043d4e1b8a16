import { sql } from "drizzle-orm";
import { check, date, index, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ACCESS_BASES, CASE_ROLES } from "../../domain/support/access.ts";
import { organisations, users } from "./platform.ts";

/**
 * Individual-level data (special category, under secrecy law). Nothing here is readable
 * without a live row in case_access for the reader; see src/server/support/queries.ts.
 */
export const support = pgSchema("support");

export const children = support.table("children", {
  id: uuid("id").primaryKey().defaultRandom(),
  municipalityId: uuid("municipality_id")
    .notNull()
    .references(() => organisations.id),
  personalNumber: text("personal_number"),
  givenName: text("given_name").notNull(),
  familyName: text("family_name").notNull(),
  birthDate: date("birth_date").notNull(),
  protectedIdentity: text("protected_identity", { enum: ["none", "protected"] })
    .notNull()
    .default("none"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const cases = support.table(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("cases_child_idx").on(t.childId)],
);

/**
 * One person's access to one case: who, in which role, to which parts, on what basis, and for
 * how long. Access is a record, not a flag, so that it can end by itself and be audited.
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
    basisRef: uuid("basis_ref"),
    reason: text("reason"),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason"),
    grantedBy: uuid("granted_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_access_user_idx").on(t.userId, t.caseId),
    check(
      "case_access_emergency_reason",
      sql`basis <> 'emergency' OR length(btrim(coalesce(reason, ''))) > 0`,
    ),
    check("case_access_scopes_not_empty", sql`cardinality(scopes) > 0`),
  ],
);
