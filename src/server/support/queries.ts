import { sql } from "drizzle-orm";
import { withActor } from "../../db/actor.ts";
import { type DbOrTx, nullableDate, pageClause } from "../../db/database.ts";
import {
  type AccessBasis,
  CASE_SCOPES,
  type CaseRole,
  type CaseScope,
  ROLES_BROADEST_FIRST,
} from "../../domain/support/access.ts";

/*
 * "May this person see this part of this case now" has one definition, in SQL: the view
 * support.live_access_records (migration support_live_access_view), read through
 * support.live_access_rows, live_case_ids, live_access_on_case and access_record_is_live. The
 * row-level-security policies use the same functions, and these reads
 * run as the acting user, so each answer is checked twice: by the explicit condition here and by
 * the policies.
 */

export interface LiveAccessRow {
  id: string;
  caseId: string;
  role: CaseRole;
  basis: AccessBasis;
  scopes: CaseScope[];
  validUntil: Date | null;
}

interface LiveAccessSql extends Record<string, unknown> {
  id: string;
  case_id: string;
  role: CaseRole;
  basis: AccessBasis;
  scopes: CaseScope[];
  valid_until: Date | string | null;
}

export async function liveAccessOnCase(
  db: DbOrTx,
  userId: string,
  caseId: string,
): Promise<LiveAccessRow[]> {
  return withActor(db, userId, async (tx) => {
    const result = await tx.execute<LiveAccessSql>(
      sql`SELECT l.id, l.case_id, l.role, l.basis, l.scopes, l.valid_until
            FROM support.live_access_rows(${userId}) l WHERE l.case_id = ${caseId}`,
    );
    return result.rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      role: r.role,
      basis: r.basis,
      scopes: r.scopes,
      validUntil: nullableDate(r.valid_until),
    }));
  });
}

export async function hasCaseAccess(
  db: DbOrTx,
  userId: string,
  caseId: string,
  scope: CaseScope,
): Promise<boolean> {
  return withActor(db, userId, async (tx) => {
    const result = await tx.execute(
      sql`SELECT 1 FROM support.cases c
           WHERE c.id = ${caseId} AND support.live_access(c.id, ${userId}, ${scope})`,
    );
    return result.rows.length > 0;
  });
}

export async function accessibleCaseIds(
  db: DbOrTx,
  userId: string,
  scope: CaseScope,
): Promise<string[]> {
  return withActor(db, userId, async (tx) => {
    const result = await tx.execute<{ id: string }>(
      sql`SELECT c.id FROM support.cases c
           WHERE c.id IN (SELECT support.live_case_ids(${userId}, ${scope})) ORDER BY c.id`,
    );
    return result.rows.map((r) => r.id);
  });
}

export interface CaseListRow {
  id: string;
  kind: "child" | "consultation";
  label: string | null;
  status: "open" | "closed";
  openedAt: Date;
  municipalityId: string;
  givenName: string | null;
  familyName: string | null;
  protectedIdentity: boolean;
  roles: CaseRole[];
  scopes: CaseScope[];
}

interface CaseListSql extends Record<string, unknown> {
  id: string;
  kind: "child" | "consultation";
  label: string | null;
  status: "open" | "closed";
  opened_at: Date | string;
  municipality_id: string;
  given_name: string | null;
  family_name: string | null;
  protected_identity: string | null;
  role: CaseRole;
  /** The record's scopes joined by commas (see below). */
  scopes: string;
}

/**
 * The cases a person has live access to (optionally only a child's, by 12-digit number), with
 * their roles (the broadest first) and the parts these open, newest first. The same live-access
 * rows as the detail check; run as the acting user, so the policies apply too.
 */
export async function listLiveCases(
  db: DbOrTx,
  userId: string,
  personalNumber?: string,
): Promise<CaseListRow[]> {
  return withActor(db, userId, async (tx) => {
    // One row per live record; a case's records are merged below. Merging them in SQL (a
    // DISTINCT aggregate over the unnested scopes) was a quarter of this statement's time. Scopes
    // come as text to split: pg's parser of text arrays was a twelfth of the app's CPU on the list
    // (bench/support), and a scope is a fixed word without a comma.
    const result = await tx.execute<CaseListSql>(sql`
      WITH live AS (
        SELECT l.case_id, l.role, array_to_string(l.scopes, ',') AS scopes
          FROM support.live_access_rows(${userId}) l)
      SELECT c.id, c.kind, c.label, c.status, c.opened_at, c.municipality_id,
             ch.given_name, ch.family_name, ch.protected_identity, live.role, live.scopes
        FROM live
        -- The array lets the planner read the cases by key: a plain join let it scan every case
        -- under the row-level-security filter (bench/support).
        JOIN support.cases c ON c.id = live.case_id AND c.id = ANY (ARRAY(SELECT case_id FROM live))
        LEFT JOIN support.children ch ON ch.id = c.child_id
       WHERE ${personalNumber === undefined ? sql`true` : sql`ch.personal_number = ${personalNumber}`}
       ORDER BY c.opened_at DESC, c.id`);
    const cases: CaseListRow[] = [];
    for (const r of result.rows) {
      const last = cases.at(-1);
      const scopes = r.scopes.split(",") as CaseScope[];
      if (last?.id === r.id) {
        last.roles.push(r.role);
        last.scopes.push(...scopes);
        continue;
      }
      cases.push({
        id: r.id,
        kind: r.kind,
        label: r.label,
        status: r.status,
        openedAt: new Date(r.opened_at),
        municipalityId: r.municipality_id,
        givenName: r.given_name,
        familyName: r.family_name,
        protectedIdentity: r.protected_identity === "protected",
        roles: [r.role],
        scopes,
      });
    }
    for (const c of cases) {
      c.roles = ROLES_BROADEST_FIRST.filter((role) => c.roles.includes(role));
      c.scopes = CASE_SCOPES.filter((scope) => c.scopes.includes(scope));
    }
    return cases;
  });
}

export interface CaseRow {
  id: string;
  kind: "child" | "consultation";
  label: string | null;
  status: "open" | "closed";
  municipalityId: string;
  /** The unit the case was opened in, when known. */
  organisationId: string | null;
  openedAt: Date;
  observation: string;
  immediateSupport: string;
  child: {
    id: string;
    personalNumber: string | null;
    givenName: string;
    familyName: string;
    birthDate: string;
    protectedIdentity: boolean;
    address: string | null;
  } | null;
}

/** One case with its child, as the acting user of `tx` sees it (row-level security). */
export async function caseById(tx: DbOrTx, caseId: string): Promise<CaseRow | null> {
  const result = await tx.execute<Record<string, unknown>>(sql`
    SELECT c.id, c.kind, c.label, c.status, c.municipality_id, c.organisation_id, c.opened_at,
           c.observation,
           c.immediate_support, ch.id AS child_id, ch.personal_number, ch.given_name,
           ch.family_name, ch.birth_date::text AS birth_date, ch.protected_identity, ch.address
      FROM support.cases c LEFT JOIN support.children ch ON ch.id = c.child_id
     WHERE c.id = ${caseId}`);
  const r = result.rows[0];
  if (!r) return null;
  return {
    id: r.id as string,
    kind: r.kind as CaseRow["kind"],
    label: r.label as string | null,
    status: r.status as CaseRow["status"],
    municipalityId: r.municipality_id as string,
    organisationId: r.organisation_id as string | null,
    openedAt: new Date(r.opened_at as string),
    observation: r.observation as string,
    immediateSupport: r.immediate_support as string,
    child: r.child_id
      ? {
          id: r.child_id as string,
          personalNumber: r.personal_number as string | null,
          givenName: r.given_name as string,
          familyName: r.family_name as string,
          birthDate: r.birth_date as string,
          protectedIdentity: r.protected_identity === "protected",
          address: r.address as string | null,
        }
      : null,
  };
}

export interface MemberRow {
  accessId: string;
  userId: string;
  displayName: string;
  role: CaseRole;
  basis: AccessBasis;
  validUntil: Date | null;
}

/**
 * The people with live access to a case, by the one definition. The database answers only to an
 * acting user who holds live access to the case (support.live_access_on_case).
 */
export async function caseMembers(tx: DbOrTx, caseId: string): Promise<MemberRow[]> {
  const result = await tx.execute<Record<string, unknown>>(sql`
    SELECT a.id, a.user_id, u.display_name, a.role, a.basis, a.valid_until
      FROM support.live_access_on_case(${caseId}) a JOIN platform.users u ON u.id = a.user_id
     ORDER BY a.valid_from, a.id`);
  return result.rows.map((r) => ({
    accessId: r.id as string,
    userId: r.user_id as string,
    displayName: r.display_name as string,
    role: r.role as CaseRole,
    basis: r.basis as AccessBasis,
    validUntil: nullableDate(r.valid_until as string | null),
  }));
}

export async function consentsOf(tx: DbOrTx, caseId: string) {
  const result = await tx.execute<Record<string, unknown>>(sql`
    SELECT id, kind, given_by, giver_name, purpose, sharing_organisation_ids,
           recipient_organisation_ids, scopes, valid_from, valid_until, withdrawn_at, created_at
      FROM support.consents WHERE case_id = ${caseId} ORDER BY created_at, id`);
  return result.rows.map((r) => ({
    id: r.id as string,
    kind: r.kind as "sharing" | "sip" | "statistics",
    givenBy: r.given_by as "guardian" | "child",
    giverName: r.giver_name as string,
    purpose: r.purpose as string,
    sharingOrganisationIds: r.sharing_organisation_ids as string[],
    recipientOrganisationIds: r.recipient_organisation_ids as string[],
    scopes: r.scopes as CaseScope[],
    validFrom: new Date(r.valid_from as string),
    validUntil: nullableDate(r.valid_until as string | null),
    withdrawnAt: nullableDate(r.withdrawn_at as string | null),
    recordedAt: new Date(r.created_at as string),
  }));
}
export type ConsentRow = Awaited<ReturnType<typeof consentsOf>>[number];

export async function childContactsOf(tx: DbOrTx, caseId: string) {
  const result = await tx.execute<Record<string, unknown>>(sql`
    SELECT k.id, k.user_id, u.display_name, k.title, o.name AS organisation_name,
           EXISTS (SELECT 1 FROM support.case_access a
                    WHERE a.case_id = c.id AND a.user_id = k.user_id AND a.role = 'child_contact'
                      AND support.access_record_is_live(a.id)) AS active
      FROM support.cases c
      JOIN support.child_contacts k ON k.child_id = c.child_id
      JOIN platform.users u ON u.id = k.user_id
      JOIN platform.organisations o ON o.id = k.organisation_id
     WHERE c.id = ${caseId}
     ORDER BY u.display_name, k.id`);
  return result.rows.map((r) => ({
    id: r.id as string,
    userId: r.user_id as string,
    displayName: r.display_name as string,
    title: r.title as string,
    organisationName: r.organisation_name as string,
    active: r.active as boolean,
  }));
}

/** Reads and changes of one case in the audit log, newest first. */
export async function caseAccessLog(tx: DbOrTx, caseId: string, limit = 500) {
  const result = await tx.execute<Record<string, unknown>>(sql`
    SELECT occurred_at, actor_label, action, outcome, details
      FROM platform.audit_log
     WHERE subject_type = 'support_case' AND subject_id = ${caseId}
     ORDER BY seq DESC ${pageClause(limit)}`);
  return result.rows.map((r) => {
    const details = (r.details ?? {}) as Record<string, unknown>;
    return {
      occurredAt: new Date(r.occurred_at as string),
      actorLabel: r.actor_label as string,
      action: r.action as string,
      outcome: r.outcome as "success" | "failure" | "denied",
      role: (details.role as CaseRole | undefined) ?? null,
      basis: (details.basis as AccessBasis | undefined) ?? null,
      accessId: (details.accessId as string | undefined) ?? null,
    };
  });
}

/** The municipality of an open case, whoever asks (for emergency access), else null. */
export async function openCaseMunicipality(tx: DbOrTx, caseId: string): Promise<string | null> {
  const result = await tx.execute<{ m: string | null }>(
    sql`SELECT support.open_case_municipality(${caseId}) AS m`,
  );
  return result.rows[0]?.m ?? null;
}

export async function notificationsOf(tx: DbOrTx, userId: string) {
  const result = await tx.execute<Record<string, unknown>>(sql`
    SELECT id, case_id, kind, created_at, read_at FROM support.notifications
     WHERE user_id = ${userId} ORDER BY created_at DESC LIMIT 100`);
  return result.rows.map((r) => ({
    id: r.id as string,
    caseId: r.case_id as string,
    kind: r.kind as "child_contact_activated",
    createdAt: new Date(r.created_at as string),
    readAt: nullableDate(r.read_at as string | null),
  }));
}
