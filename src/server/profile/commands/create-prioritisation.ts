import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { profilePrioritisations } from "../../../db/schema/profile.ts";
import { validatePrioritisation } from "../../../domain/profile/candidates.ts";
import type { Instrument } from "../../../domain/profile/instrument.ts";
import type { PrioritisationCreateBodySchema } from "../../../domain/profile/schemas.ts";
import { BadRequestError } from "../../plugins/errors.ts";

/**
 * Records a work group's choice on a wave: who, when, on what basis, which factors and why.
 * A new choice is a new record; earlier ones stay as the history of the decision.
 */
export async function createPrioritisation(
  db: DbOrTx,
  audit: AuditContext,
  wave: { id: string; organisationId: string },
  instrument: Instrument,
  input: z.infer<typeof PrioritisationCreateBodySchema>,
): Promise<string> {
  const check = validatePrioritisation(input.factors, instrument.factors);
  if (!check.ok) {
    throw new BadRequestError(
      "Uppgifterna är inte giltiga.",
      check.problems.map((message) => ({ path: "factors", message })),
    );
  }
  const kinds = new Map(instrument.factors.map((f) => [f.id, f.kind]));
  const factors = input.factors.map((chosen) => ({
    factor: chosen.factor,
    kind: kinds.get(chosen.factor)!,
    reason: chosen.reason,
  }));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(profilePrioritisations)
      .values({
        waveId: wave.id,
        organisationId: wave.organisationId,
        basis: input.basis,
        factors,
        decidedBy: audit.actorId,
      })
      .returning({ id: profilePrioritisations.id });
    await recordAudit(tx, audit, {
      action: "profile.prioritisation.create",
      subjectType: "profile_prioritisation",
      subjectId: row!.id,
      organisationId: wave.organisationId,
      details: { waveId: wave.id, factors: factors.map((f) => f.factor).join(",") },
    });
    return row!.id;
  });
}
