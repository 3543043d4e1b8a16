import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { cases } from "../../../db/schema/support.ts";
import { parseIdentityNumber } from "../../../domain/support/personnummer.ts";
import type { CaseCreate } from "../../../domain/support/schemas.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { grantCaseAccess } from "./grant-access.ts";

/** The municipality a unit lies in, or null when it lies in none (a region's unit). */
async function municipalityOf(tx: Tx, organisationId: string): Promise<string | null> {
  const result = await tx.execute<{ id: string }>(sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, kind FROM platform.organisations WHERE id = ${organisationId}
      UNION ALL
      SELECT o.id, o.parent_id, o.kind FROM platform.organisations o JOIN up ON o.id = up.parent_id
    ) SELECT id FROM up WHERE kind = 'municipality' LIMIT 1`);
  return result.rows[0]?.id ?? null;
}

/**
 * Discover: records a concern about a child (found or registered by number) or a consultation
 * without identity, and makes the discoverer the case's first person. The caller has checked that
 * the discoverer works in `input.organisationId`.
 */
export async function openCase(
  tx: Tx,
  audit: AuditContext,
  actorId: string,
  input: CaseCreate,
): Promise<{ id: string; municipalityId: string }> {
  const municipalityId = await municipalityOf(tx, input.organisationId);
  if (!municipalityId) {
    throw new BadRequestError("Välj en enhet som hör till en kommun.", [
      { path: "organisationId", message: "Enheten hör inte till någon kommun." },
    ]);
  }
  let childId: string | null = null;
  if (input.kind === "child") {
    // The schema has normalised the number; its birth date comes from the same parse.
    const parsed = parseIdentityNumber(input.personalNumber);
    const birthDate = parsed.ok ? parsed.value.birthDate : null;
    if (!birthDate) {
      throw new BadRequestError("Personnumret saknar fullständigt födelsedatum.", [
        { path: "personalNumber", message: "Födelsedagen är okänd i samordningsnumret." },
      ]);
    }
    const result = await tx.execute<{ id: string }>(sql`
      SELECT support.child_for_number(${input.personalNumber}, ${municipalityId},
        ${input.givenName}, ${input.familyName}, ${birthDate}::date) AS id`);
    childId = result.rows[0]!.id;
  }
  const id = crypto.randomUUID();
  // No RETURNING: the case is visible to its opener only once the access record exists.
  await tx.insert(cases).values({
    id,
    kind: input.kind,
    childId,
    label: input.kind === "consultation" ? input.label : null,
    municipalityId,
    organisationId: input.organisationId,
    observation: input.observation,
    immediateSupport: input.immediateSupport,
    openedBy: actorId,
  });
  await recordAudit(tx, audit, {
    action: "case.create",
    subjectType: "support_case",
    subjectId: id,
    organisationId: municipalityId,
    personalData: true,
    details: { kind: input.kind },
  });
  await grantCaseAccess(tx, audit, {
    caseId: id,
    userId: actorId,
    role: "discoverer",
    basis: "case_role",
    municipalityId,
  });
  return { id, municipalityId };
}
