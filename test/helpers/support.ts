import { randomUUID } from "node:crypto";
import type { CaseRole, CaseScope } from "../../src/domain/support/access.ts";
import { DEFAULT_SCOPES } from "../../src/domain/support/access.ts";
import { luhnCheckDigit } from "../../src/domain/support/personnummer.ts";
import type { TestApp } from "./app.ts";

/** A fictional, valid 12-digit personnummer for a child born in 2015, unique per call. */
export function fictionalPersonalNumber(): string {
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, "0");
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const nine = `15${month}${day}${serial}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

/**
 * A child with an open case in `municipalityId`, written as the owner (the runtime role sees and
 * writes support rows only through a live access record of the acting user).
 */
export async function buildSupportCase(t: TestApp, municipalityId: string) {
  const pool = t.owner.pool;
  let child: { id: string; personal_number: string } | undefined;
  while (!child) {
    const res = await pool.query<{ id: string; personal_number: string }>(
      `INSERT INTO support.children (municipality_id, personal_number, given_name, family_name, birth_date)
       VALUES ($1, $2, 'Elsa', 'Fiktiv', '2015-04-01')
       ON CONFLICT DO NOTHING RETURNING id, personal_number`,
      [municipalityId, fictionalPersonalNumber()],
    );
    child = res.rows[0];
  }
  const row = await pool.query<{ id: string }>(
    `INSERT INTO support.cases (child_id, municipality_id, observation)
     VALUES ($1, $2, 'Trött och hungrig på morgnarna') RETURNING id`,
    [child.id, municipalityId],
  );
  return {
    id: row.rows[0]!.id,
    childId: child.id,
    personalNumber: child.personal_number,
    municipalityId,
  };
}

export interface GrantOptions {
  role?: CaseRole;
  scopes?: readonly CaseScope[];
  basis?: "case_role" | "consent" | "emergency" | "referral";
  consentId?: string;
  referralId?: string;
  reason?: string;
  validFrom?: Date;
  validUntil?: Date | null;
}

/** An access record, written as the owner. */
export async function grantAs(t: TestApp, caseId: string, userId: string, o: GrantOptions = {}) {
  const role = o.role ?? "team_member";
  const id = randomUUID();
  await t.owner.pool.query(
    `INSERT INTO support.case_access
       (id, case_id, user_id, role, basis, scopes, consent_id, referral_id, reason, valid_from, valid_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10, now()), $11)`,
    [
      id,
      caseId,
      userId,
      role,
      o.basis ?? (role === "emergency" ? "emergency" : "case_role"),
      o.scopes ?? DEFAULT_SCOPES[role],
      o.consentId ?? null,
      o.referralId ?? null,
      o.reason ?? (role === "emergency" ? "Akut fara" : null),
      o.validFrom ?? null,
      o.validUntil ?? (role === "emergency" ? new Date(Date.now() + 3_600_000) : null),
    ],
  );
  return id;
}

/** A consent on a case, written as the owner. */
export async function buildConsent(
  t: TestApp,
  caseId: string,
  o: { scopes?: CaseScope[]; validFrom?: Date; validUntil?: Date | null } = {},
) {
  const res = await t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.consents (case_id, kind, given_by, giver_name, purpose,
       sharing_organisation_ids, recipient_organisation_ids, scopes, valid_from, valid_until)
     VALUES ($1, 'sharing', 'guardian', 'Vårdnadshavare Fiktiv', 'Samordning', '{}', '{}', $2, $3, $4)
     RETURNING id`,
    [
      caseId,
      o.scopes ?? ["summary", "plan"],
      o.validFrom ?? new Date(Date.now() - 60_000),
      o.validUntil ?? null,
    ],
  );
  return res.rows[0]!.id;
}

/** One of the child's existing contacts, written as the owner. */
export async function buildChildContact(
  t: TestApp,
  childId: string,
  userId: string,
  organisationId: string,
  title = "Rektor",
) {
  const res = await t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.child_contacts (child_id, user_id, organisation_id, title)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [childId, userId, organisationId, title],
  );
  return res.rows[0]!.id;
}

/**
 * Closes cases as the owner the way the close command does (close-case.ts): each case and every
 * access to it in one statement. The database refuses a closed case with access left open
 * (migration support_live_access_view), so tests close cases through this.
 */
export async function closeCasesAsOwner(t: TestApp, caseIds: string[], closedYearsAgo = 0) {
  await t.owner.pool.query(
    `WITH closed AS (
       UPDATE support.cases SET status = 'closed', outcome = 'needs_met', closure_reason = 'Klart',
              closed_at = now() - make_interval(years => $2)
        WHERE id = ANY($1::uuid[]) AND status = 'open' RETURNING id)
     UPDATE support.case_access a SET ended_at = now(), ended_reason = 'case_closed'
       FROM closed WHERE a.case_id = closed.id AND a.ended_at IS NULL`,
    [caseIds, closedYearsAgo],
  );
}
