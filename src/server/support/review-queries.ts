import { sql } from "drizzle-orm";
import { type DbOrTx, nullableDate } from "../../db/database.ts";

/*
 * The log review of the person responsible for a municipality's cases: the emergency access taken
 * to them and the reads of them in the audit log, in the reviewer's municipalities (null: all). A
 * reviewer need hold no access to the cases themselves, so these reads do not go through the
 * live-access definition: emergency access comes through support.emergency_access_in, which gives
 * who, which case, why and until when, never the case's content, and the reads from
 * platform.audit_log.
 */

/** Emergency access in the given municipalities (null: all), for review. */
export async function emergencyAccessIn(tx: DbOrTx, municipalityIds: string[] | null) {
  const ids =
    municipalityIds === null ? sql`NULL` : sql`${`{${municipalityIds.join(",")}}`}::uuid[]`;
  const result = await tx.execute<Record<string, unknown>>(sql`
    SELECT e.access_id, e.case_id, e.user_id, u.display_name, e.reason, e.valid_from,
           e.valid_until, e.reviewed_at, e.verdict
      FROM support.emergency_access_in(${ids}) e JOIN platform.users u ON u.id = e.user_id
     LIMIT 500`);
  return result.rows.map((r) => ({
    accessId: r.access_id as string,
    caseId: r.case_id as string,
    userId: r.user_id as string,
    displayName: r.display_name as string,
    reason: r.reason as string,
    validFrom: new Date(r.valid_from as string),
    validUntil: nullableDate(r.valid_until as string | null),
    reviewedAt: nullableDate(r.reviewed_at as string | null),
    verdict: r.verdict as "justified" | "unjustified" | null,
  }));
}

export interface ReadEventRow {
  id: number;
  actorId: string;
  actorLabel: string;
  occurredAt: Date;
  caseId: string;
  basis: string | null;
  outsideUnits: boolean;
  verdict: "justified" | "unjustified" | null;
  reviewedAt: Date | null;
}

/**
 * Successful reads of cases in the given municipalities (null: all) in a period, from the audit
 * log, each with whether the reader holds a role in the case's unit or above it, and the latest
 * review verdict recorded on it.
 */
export async function caseReadEvents(
  tx: DbOrTx,
  municipalityIds: string[] | null,
  from: Date,
  to: Date,
): Promise<ReadEventRow[]> {
  const ids =
    municipalityIds === null ? sql`NULL` : sql`${`{${municipalityIds.join(",")}}`}::uuid[]`;
  const result = await tx.execute<Record<string, unknown>>(sql`
    WITH RECURSIVE ev AS (
      SELECT a.seq, a.actor_id, a.actor_label, a.occurred_at, a.subject_id, a.details->>'basis' AS basis,
             coalesce((a.details->>'unitId')::uuid, a.organisation_id) AS unit
        FROM platform.audit_log a
       WHERE a.action IN ('case.read', 'case.access_log') AND a.outcome = 'success'
         AND a.subject_type = 'support_case' AND a.actor_id IS NOT NULL
         AND a.occurred_at >= ${from} AND a.occurred_at < ${to}
         AND (${ids}::uuid[] IS NULL OR a.organisation_id = ANY (${ids}::uuid[]))
       ORDER BY a.seq DESC LIMIT 5000),
    up AS (
      SELECT DISTINCT unit, unit AS org FROM ev WHERE unit IS NOT NULL
      UNION
      SELECT up.unit, o.parent_id FROM up JOIN platform.organisations o ON o.id = up.org
       WHERE o.parent_id IS NOT NULL)
    SELECT ev.seq, ev.actor_id, ev.actor_label, ev.occurred_at, ev.subject_id, ev.basis,
           NOT EXISTS (SELECT 1 FROM up JOIN platform.role_assignments g ON g.organisation_id = up.org
                        WHERE up.unit = ev.unit AND g.user_id = ev.actor_id) AS outside,
           v.verdict, v.reviewed_at
      FROM ev
      LEFT JOIN LATERAL (
        SELECT r.details->>'verdict' AS verdict, r.occurred_at AS reviewed_at
          FROM platform.audit_log r
         WHERE r.action = 'access_review.verdict' AND r.subject_type = 'audit_log'
           AND r.subject_id = ev.seq::text
         ORDER BY r.seq DESC LIMIT 1) v ON true
     ORDER BY ev.seq DESC`);
  return result.rows.map((r) => ({
    id: Number(r.seq),
    actorId: r.actor_id as string,
    actorLabel: r.actor_label as string,
    occurredAt: new Date(r.occurred_at as string),
    caseId: r.subject_id as string,
    basis: r.basis as string | null,
    outsideUnits: r.outside as boolean,
    verdict: r.verdict as ReadEventRow["verdict"],
    reviewedAt: nullableDate(r.reviewed_at as string | null),
  }));
}

/** Whether an audit row is a read of a case in the given municipalities (null: any). */
export async function isCaseReadIn(
  tx: DbOrTx,
  auditId: number,
  municipalityIds: string[] | null,
): Promise<{ caseId: string; organisationId: string } | null> {
  const ids =
    municipalityIds === null ? sql`NULL` : sql`${`{${municipalityIds.join(",")}}`}::uuid[]`;
  const result = await tx.execute<{ subject_id: string; organisation_id: string }>(sql`
    SELECT subject_id, organisation_id FROM platform.audit_log
     WHERE seq = ${auditId} AND action IN ('case.read', 'case.access_log') AND outcome = 'success'
       AND subject_type = 'support_case'
       AND (${ids}::uuid[] IS NULL OR organisation_id = ANY (${ids}::uuid[]))`);
  const r = result.rows[0];
  return r ? { caseId: r.subject_id, organisationId: r.organisation_id } : null;
}
