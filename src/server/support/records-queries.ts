import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { organisations, users } from "../../db/schema/platform.ts";
import { caseAccess, cases, children } from "../../db/schema/support.ts";
import {
  chronologyEntries,
  compassAssessments,
  compassConfigs,
  compassRatings,
  concernReports,
  disclosures,
  intakeUnits,
  planMeasures,
  sips,
  supportTeamMembers,
  supportTeams,
} from "../../db/schema/support-records.ts";
import type { CaseScope } from "../../domain/support/access.ts";
import { type CompassNeed, DEFAULT_COMPASS_NEEDS } from "../../domain/support/compass.ts";

/*
 * Reads of a case's records. They run in the request transaction as the acting user, after the
 * policy has checked live access to the part; the row-level-security policies filter again, so
 * a read here can never return more than the part allows.
 */

/** A municipality's needs compass: its own names, or the defaults when it has none. */
export async function compassNeedsFor(
  db: DbOrTx,
  municipalityId: string,
): Promise<{ needs: CompassNeed[]; isDefault: boolean }> {
  const [row] = await db
    .select({ needs: compassConfigs.needs })
    .from(compassConfigs)
    .where(eq(compassConfigs.municipalityId, municipalityId));
  return row
    ? { needs: row.needs as CompassNeed[], isDefault: false }
    : { needs: [...DEFAULT_COMPASS_NEEDS], isDefault: true };
}

export type AssessmentRow = typeof compassAssessments.$inferSelect & {
  assessorName: string;
  ratings: { need: string; rating: number; reason: string }[];
};

export async function assessmentsOf(db: DbOrTx, caseId: string): Promise<AssessmentRow[]> {
  const rows = await db
    .select({ a: compassAssessments, assessorName: users.displayName })
    .from(compassAssessments)
    .innerJoin(users, eq(users.id, compassAssessments.assessedBy))
    .where(eq(compassAssessments.caseId, caseId))
    .orderBy(desc(compassAssessments.assessedOn), desc(compassAssessments.createdAt));
  if (rows.length === 0) return [];
  const ratings = await db
    .select()
    .from(compassRatings)
    .where(
      inArray(
        compassRatings.assessmentId,
        rows.map((r) => r.a.id),
      ),
    );
  return rows.map((r) => ({
    ...r.a,
    assessorName: r.assessorName,
    ratings: ratings
      .filter((x) => x.assessmentId === r.a.id)
      .map((x) => ({ need: x.need, rating: x.rating, reason: x.reason })),
  }));
}

export async function measuresOf(db: DbOrTx, caseId: string) {
  return db
    .select()
    .from(planMeasures)
    .where(eq(planMeasures.caseId, caseId))
    .orderBy(asc(planMeasures.dueOn), asc(planMeasures.createdAt));
}

export async function measureById(db: DbOrTx, caseId: string, measureId: string) {
  const [row] = await db
    .select()
    .from(planMeasures)
    .where(and(eq(planMeasures.caseId, caseId), eq(planMeasures.id, measureId)));
  return row ?? null;
}

/** The child's birth date and the case's municipality, for team suggestions and audit rows. */
export async function caseBasics(db: DbOrTx, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      municipalityId: cases.municipalityId,
      birthDate: children.birthDate,
      givenName: children.givenName,
      familyName: children.familyName,
      label: cases.label,
    })
    .from(cases)
    .leftJoin(children, eq(children.id, cases.childId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

/** Live support-coordinator records of a case, newest first (case_access under its own RLS). */
export async function coordinatorsOf(db: DbOrTx, caseId: string) {
  return db
    .select({ accessId: caseAccess.id, userId: caseAccess.userId, name: users.displayName })
    .from(caseAccess)
    .innerJoin(users, eq(users.id, caseAccess.userId))
    .where(
      and(
        eq(caseAccess.caseId, caseId),
        eq(caseAccess.role, "support_coordinator"),
        sql`support.access_record_is_live(${caseAccess.id})`,
      ),
    )
    .orderBy(desc(caseAccess.validFrom));
}

export async function teamsOf(db: DbOrTx, caseId: string) {
  const teams = await db
    .select()
    .from(supportTeams)
    .where(eq(supportTeams.caseId, caseId))
    .orderBy(asc(supportTeams.formedAt));
  const members = await db
    .select({
      teamId: supportTeamMembers.teamId,
      userId: supportTeamMembers.userId,
      name: users.displayName,
      organisationName: supportTeamMembers.organisationName,
      accessId: supportTeamMembers.accessId,
      live: sql<boolean>`coalesce(support.access_record_is_live(${supportTeamMembers.accessId}), false)`,
    })
    .from(supportTeamMembers)
    .innerJoin(users, eq(users.id, supportTeamMembers.userId))
    .where(eq(supportTeamMembers.caseId, caseId))
    .orderBy(asc(supportTeamMembers.addedAt));
  return teams.map((t) => ({ ...t, members: members.filter((m) => m.teamId === t.id) }));
}

export async function teamById(db: DbOrTx, caseId: string, teamId: string) {
  const [row] = await db
    .select()
    .from(supportTeams)
    .where(and(eq(supportTeams.caseId, caseId), eq(supportTeams.id, teamId)));
  return row ?? null;
}

/** A practitioner somewhere (any unit): who can be given a role in a case. */
export async function isPractitioner(db: DbOrTx, userId: string): Promise<boolean> {
  const result = await db.execute(sql`
    SELECT 1 FROM platform.role_assignments ra JOIN platform.users u ON u.id = ra.user_id
     WHERE ra.user_id = ${userId} AND ra.role = 'practitioner' AND u.disabled_at IS NULL`);
  return result.rows.length > 0;
}

/**
 * Who can be given a role in a case of `municipalityId`: active practitioners holding the role in
 * the municipality's tree or, when it belongs to a collaboration, anywhere in the collaboration's
 * tree (shared services serve every member municipality). Each with the units they work in.
 */
export async function roleCandidates(
  db: DbOrTx,
  municipalityId: string,
): Promise<{ userId: string; name: string; units: string[] }[]> {
  const result = await db.execute<{ userId: string; name: string; units: string[] }>(sql`
    WITH RECURSIVE reach AS (
      SELECT COALESCE(
        (SELECT p.id FROM platform.organisations m
           JOIN platform.organisations p ON p.id = m.parent_id AND p.kind = 'collaboration'
          WHERE m.id = ${municipalityId}),
        ${municipalityId}::uuid) AS id
      UNION SELECT o.id FROM platform.organisations o JOIN reach r ON o.parent_id = r.id
    )
    SELECT u.id AS "userId", u.display_name AS name,
           array_agg(DISTINCT o.name ORDER BY o.name) AS units
      FROM platform.role_assignments ra
      JOIN platform.users u ON u.id = ra.user_id
      JOIN platform.organisations o ON o.id = ra.organisation_id
     WHERE ra.role = 'practitioner' AND u.disabled_at IS NULL AND o.archived_at IS NULL
       AND ra.organisation_id IN (SELECT id FROM reach)
     GROUP BY u.id, u.display_name
     ORDER BY u.display_name, u.id`);
  return result.rows;
}

export async function sipsOf(db: DbOrTx, caseId: string) {
  return db.select().from(sips).where(eq(sips.caseId, caseId)).orderBy(desc(sips.createdAt));
}

export async function sipById(db: DbOrTx, caseId: string, sipId: string) {
  const [row] = await db
    .select()
    .from(sips)
    .where(and(eq(sips.caseId, caseId), eq(sips.id, sipId)));
  return row ?? null;
}

/** Whether a SIP names a SIP consent of its own case (that the reader, on its plan, can see). */
export async function sipConsentOfCase(db: DbOrTx, caseId: string, consentId: string) {
  const result = await db.execute<{ id: string }>(
    sql`SELECT id FROM support.consents
         WHERE id = ${consentId} AND case_id = ${caseId} AND kind = 'sip'`,
  );
  return result.rows.length > 0;
}

export async function disclosuresOf(db: DbOrTx, caseId: string) {
  return db
    .select({ d: disclosures, discloserName: users.displayName })
    .from(disclosures)
    .innerJoin(users, eq(users.id, disclosures.disclosedBy))
    .where(eq(disclosures.caseId, caseId))
    .orderBy(desc(disclosures.disclosedOn), desc(disclosures.createdAt));
}

export async function disclosureById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ d: disclosures, discloserName: users.displayName })
    .from(disclosures)
    .innerJoin(users, eq(users.id, disclosures.disclosedBy))
    .where(eq(disclosures.id, id));
  return row ?? null;
}

/** Chronology entries in the reader's parts (RLS adds: only with the chronology part). */
export async function chronologyOf(db: DbOrTx, caseId: string, scopes: readonly CaseScope[]) {
  if (scopes.length === 0) return [];
  return db
    .select({ e: chronologyEntries, recorderName: users.displayName })
    .from(chronologyEntries)
    .innerJoin(users, eq(users.id, chronologyEntries.recordedBy))
    .where(and(eq(chronologyEntries.caseId, caseId), inArray(chronologyEntries.scope, [...scopes])))
    .orderBy(desc(chronologyEntries.occurredOn), desc(chronologyEntries.createdAt));
}

// ---- reports of concern -------------------------------------------------------------------

export type ConcernRow = typeof concernReports.$inferSelect & {
  intakeUnitName: string;
  reporterName: string;
};

const concernColumns = {
  r: concernReports,
  intakeUnitName: organisations.name,
  reporterName: users.displayName,
};

export async function concernById(db: DbOrTx, id: string): Promise<ConcernRow | null> {
  const [row] = await db
    .select(concernColumns)
    .from(concernReports)
    .innerJoin(organisations, eq(organisations.id, concernReports.intakeUnitId))
    .innerJoin(users, eq(users.id, concernReports.reporterId))
    .where(eq(concernReports.id, id));
  return row
    ? { ...row.r, intakeUnitName: row.intakeUnitName, reporterName: row.reporterName }
    : null;
}

export async function concernsFiledBy(db: DbOrTx, userId: string): Promise<ConcernRow[]> {
  const rows = await db
    .select(concernColumns)
    .from(concernReports)
    .innerJoin(organisations, eq(organisations.id, concernReports.intakeUnitId))
    .innerJoin(users, eq(users.id, concernReports.reporterId))
    .where(eq(concernReports.reporterId, userId))
    .orderBy(desc(concernReports.sentAt));
  return rows.map((row) => ({
    ...row.r,
    intakeUnitName: row.intakeUnitName,
    reporterName: row.reporterName,
  }));
}

/** The intake inbox: reports routed to units where the person is an intake officer. */
export async function concernInbox(db: DbOrTx, userId: string): Promise<ConcernRow[]> {
  const rows = await db
    .select(concernColumns)
    .from(concernReports)
    .innerJoin(organisations, eq(organisations.id, concernReports.intakeUnitId))
    .innerJoin(users, eq(users.id, concernReports.reporterId))
    .where(sql`support.is_intake_officer(${userId}, ${concernReports.intakeUnitId})`)
    .orderBy(sql`${concernReports.status} = 'feedback_given'`, asc(concernReports.sentAt));
  return rows.map((row) => ({
    ...row.r,
    intakeUnitName: row.intakeUnitName,
    reporterName: row.reporterName,
  }));
}

/** Reports of concern filed within a case, for those holding its concern_reports part. */
export async function concernsOfCase(db: DbOrTx, caseId: string): Promise<ConcernRow[]> {
  const rows = await db
    .select(concernColumns)
    .from(concernReports)
    .innerJoin(organisations, eq(organisations.id, concernReports.intakeUnitId))
    .innerJoin(users, eq(users.id, concernReports.reporterId))
    .where(eq(concernReports.caseId, caseId))
    .orderBy(desc(concernReports.sentAt));
  return rows.map((row) => ({
    ...row.r,
    intakeUnitName: row.intakeUnitName,
    reporterName: row.reporterName,
  }));
}

export async function canReadConcern(db: DbOrTx, userId: string, reportId: string) {
  const result = await db.execute(sql`
    SELECT 1 FROM support.concern_reports r
     WHERE r.id = ${reportId}
       AND (r.reporter_id = ${userId} OR support.is_intake_officer(${userId}, r.intake_unit_id))`);
  return result.rows.length > 0;
}

export async function isIntakeOfficerForReport(
  db: DbOrTx,
  userId: string,
  reportId: string,
): Promise<boolean> {
  const result = await db.execute(sql`
    SELECT 1 FROM support.concern_reports r
     WHERE r.id = ${reportId} AND support.is_intake_officer(${userId}, r.intake_unit_id)`);
  return result.rows.length > 0;
}

/**
 * Where a municipality's reports go: its named intake unit, or the municipality itself, so a
 * report is never refused for want of configuration. Null when the id is no municipality.
 */
export async function intakeUnitFor(db: DbOrTx, municipalityId: string) {
  const result = await db.execute<{ unit_id: string }>(sql`
    SELECT coalesce(i.unit_id, o.id) AS unit_id
      FROM platform.organisations o
      LEFT JOIN support.intake_units i ON i.municipality_id = o.id
     WHERE o.id = ${municipalityId} AND o.kind = 'municipality' AND o.archived_at IS NULL`);
  return result.rows[0]?.unit_id ?? null;
}

export async function intakeUnitRow(db: DbOrTx, municipalityId: string) {
  const [row] = await db
    .select({
      municipalityId: intakeUnits.municipalityId,
      unitId: intakeUnits.unitId,
      unitName: organisations.name,
    })
    .from(intakeUnits)
    .innerJoin(organisations, eq(organisations.id, intakeUnits.unitId))
    .where(eq(intakeUnits.municipalityId, municipalityId));
  return row ?? null;
}

/** Whether a unit lies in a municipality's tree (the intake unit must be the municipality's own). */
export async function unitInMunicipality(db: DbOrTx, unitId: string, municipalityId: string) {
  const result = await db.execute(sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, kind FROM platform.organisations WHERE id = ${unitId}
      UNION ALL
      SELECT o.id, o.parent_id, o.kind FROM platform.organisations o JOIN up ON o.id = up.parent_id)
    SELECT 1 FROM up WHERE id = ${municipalityId} AND kind = 'municipality'`);
  return result.rows.length > 0;
}

export async function municipalityName(db: DbOrTx, municipalityId: string): Promise<string> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, municipalityId));
  return row?.name ?? "";
}
