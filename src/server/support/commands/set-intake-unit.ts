import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { intakeUnits } from "../../../db/schema/support-records.ts";
import { BadRequestError } from "../../plugins/errors.ts";
import { unitInMunicipality } from "../records-queries.ts";

/** Names the unit of social services that receives a municipality's reports of concern. */
export async function setIntakeUnit(
  tx: Tx,
  audit: AuditContext,
  municipalityId: string,
  unitId: string,
): Promise<void> {
  if (!(await unitInMunicipality(tx, unitId, municipalityId))) {
    throw new BadRequestError("Välj en enhet i kommunen.", [
      { path: "unitId", message: "Enheten hör inte till kommunen." },
    ]);
  }
  await tx
    .insert(intakeUnits)
    .values({ municipalityId, unitId, updatedBy: audit.actorId })
    .onConflictDoUpdate({
      target: intakeUnits.municipalityId,
      set: { unitId, updatedBy: audit.actorId, updatedAt: sql`now()` },
    });
  await recordAudit(tx, audit, {
    action: "support.intake_unit.set",
    subjectType: "organisation",
    subjectId: municipalityId,
    organisationId: municipalityId,
    details: { unitId },
  });
}
