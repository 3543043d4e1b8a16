import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { compassConfigs } from "../../../db/schema/support-records.ts";
import { type CompassNeed, compassConfigProblems } from "../../../domain/support/compass.ts";
import { BadRequestError, NotFoundError } from "../../plugins/errors.ts";

/**
 * Sets a municipality's own names of the needs compass (names vary: Falun's "Må bra-hjulet").
 * New assessments rate these; earlier ones keep the keys they were rated under.
 */
export async function setCompassNeeds(
  tx: Tx,
  audit: AuditContext,
  municipalityId: string,
  needs: readonly CompassNeed[],
): Promise<void> {
  if (compassConfigProblems(needs).length > 0) {
    throw new BadRequestError("Ange ett till tolv behov med egna nycklar och namn.");
  }
  const municipality = await tx.execute(
    sql`SELECT 1 FROM platform.organisations WHERE id = ${municipalityId} AND kind = 'municipality'`,
  );
  if (municipality.rows.length === 0) throw new NotFoundError("Kommunen finns inte.");
  const value = needs.map((n) => ({ key: n.key, sv: n.sv, en: n.en }));
  await tx
    .insert(compassConfigs)
    .values({ municipalityId, needs: value, updatedBy: audit.actorId })
    .onConflictDoUpdate({
      target: compassConfigs.municipalityId,
      set: { needs: value, updatedBy: audit.actorId, updatedAt: sql`now()` },
    });
  await recordAudit(tx, audit, {
    action: "support.compass_needs.set",
    subjectType: "organisation",
    subjectId: municipalityId,
    organisationId: municipalityId,
    details: { needs: value.map((n) => n.key) },
  });
}
