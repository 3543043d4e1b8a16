import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { caseAccess } from "../../../db/schema/support.ts";
import {
  type AccessBasis,
  type CaseRole,
  type CaseScope,
  DEFAULT_SCOPES,
} from "../../../domain/support/access.ts";

export interface GrantInput {
  caseId: string;
  userId: string;
  role: CaseRole;
  /** The role's default parts when omitted. */
  scopes?: readonly CaseScope[];
  basis: AccessBasis;
  consentId?: string;
  referralId?: string;
  legalBasis?: string;
  reason?: string;
  validFrom?: Date;
  validUntil?: Date | null;
  /** The case's municipality, for the audit row. */
  municipalityId: string;
}

/**
 * Gives a person access to a case: the one way every command (activate a child contact, assign a
 * coordinator, add a team member, accept a referral, emergency access) creates an access record.
 * The database's policy lets only someone on the case grant (or oneself for emergency access and
 * the first grant of a new case), and its checks keep role, basis and references consistent.
 * The grant is audited in the same transaction.
 */
export async function grantCaseAccess(
  tx: Tx,
  audit: AuditContext,
  input: GrantInput,
): Promise<string> {
  const id = crypto.randomUUID();
  const scopes = [...(input.scopes ?? DEFAULT_SCOPES[input.role])];
  // No RETURNING: the new row is visible to the granter only through their own access.
  await tx.insert(caseAccess).values({
    id,
    caseId: input.caseId,
    userId: input.userId,
    role: input.role,
    scopes,
    basis: input.basis,
    consentId: input.consentId ?? null,
    referralId: input.referralId ?? null,
    legalBasis: input.legalBasis ?? null,
    reason: input.reason ?? null,
    validFrom: input.validFrom ?? sql`now()`,
    validUntil: input.validUntil ?? null,
    grantedBy: audit.actorId,
  });
  await recordAudit(tx, audit, {
    action: "case.grant",
    subjectType: "support_case",
    subjectId: input.caseId,
    organisationId: input.municipalityId,
    personalData: true,
    reason: input.reason ?? null,
    details: {
      accessId: id,
      userId: input.userId,
      role: input.role,
      basis: input.basis,
      scopes,
      ...(input.consentId ? { consentId: input.consentId } : {}),
      ...(input.referralId ? { referralId: input.referralId } : {}),
      ...(input.validUntil ? { validUntil: input.validUntil.toISOString() } : {}),
    },
  });
  return id;
}

/** Ends live access records of a case, recording why; returns how many ended. */
export async function endCaseAccess(
  tx: Tx,
  audit: AuditContext,
  where: { caseId: string; municipalityId: string; consentId?: string; accessId?: string },
  reason: "consent_withdrawn" | "case_closed" | "ended_by_responsible",
): Promise<number> {
  const result = await tx.execute<{ id: string }>(sql`
    UPDATE support.case_access SET ended_at = now(), ended_reason = ${reason},
           ended_by = ${audit.actorId}
     WHERE case_id = ${where.caseId} AND ended_at IS NULL
       ${where.consentId ? sql`AND consent_id = ${where.consentId}` : sql``}
       ${where.accessId ? sql`AND id = ${where.accessId}` : sql``}
    RETURNING id`);
  const ended = result.rows.map((r) => r.id);
  if (ended.length > 0) {
    await recordAudit(tx, audit, {
      action: "case.access_end",
      subjectType: "support_case",
      subjectId: where.caseId,
      organisationId: where.municipalityId,
      personalData: true,
      details: { reason, accessIds: ended },
    });
  }
  return ended.length;
}
