import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { profilePrioritisations } from "../../../db/schema/profile.ts";
import type { Instrument } from "../../../domain/profile/instrument.ts";
import type { PrioritisationCreateBodySchema } from "../../../domain/profile/schemas.ts";
import { BadRequestError } from "../../plugins/errors.ts";

/** Risk and protective factors a work group chooses, each kind: at least 2, at most 5. */
const PER_KIND = { min: 2, max: 5 };

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
  const kinds = new Map(instrument.factors.map((f) => [f.id, f.kind]));
  const seen = new Set<string>();
  const factors = input.factors.map((chosen, i) => {
    const kind = kinds.get(chosen.factor);
    if (!kind || seen.has(chosen.factor)) {
      throw new BadRequestError("Uppgifterna är inte giltiga.", [
        {
          path: `factors.${i}.factor`,
          message: kind ? "Faktorn är vald två gånger." : "Faktorn finns inte i enkäten.",
        },
      ]);
    }
    seen.add(chosen.factor);
    return { factor: chosen.factor, kind, reason: chosen.reason };
  });
  for (const kind of ["risk", "protective"] as const) {
    const count = factors.filter((f) => f.kind === kind).length;
    if (count < PER_KIND.min || count > PER_KIND.max) {
      throw new BadRequestError("Uppgifterna är inte giltiga.", [
        {
          path: "factors",
          message: `Välj ${PER_KIND.min}–${PER_KIND.max} ${kind === "risk" ? "riskfaktorer" : "skyddsfaktorer"} (nu ${count}).`,
        },
      ]);
    }
  }
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
