import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { municipalityRefs, organisations } from "../../../db/schema/platform.ts";
import { allowedParentKinds, canHaveParent } from "../../../domain/platform/organisations.ts";
import type { OrganisationCreateSchema } from "../../../domain/platform/schemas.ts";
import { BadRequestError, ConflictError } from "../../plugins/errors.ts";

const KIND_SV: Record<string, string> = {
  region: "region",
  collaboration: "samverkan",
  municipality: "kommun",
  area: "område",
  unit: "enhet",
};

export async function createOrganisation(
  db: DbOrTx,
  audit: AuditContext,
  input: z.infer<typeof OrganisationCreateSchema>,
) {
  return db.transaction(async (tx) => {
    let parentKind = null;
    if (input.parentId) {
      const [parent] = await tx
        .select()
        .from(organisations)
        .where(eq(organisations.id, input.parentId));
      if (!parent)
        throw new BadRequestError("Den överordnade organisationen finns inte.", [
          { path: "parentId", message: "Finns inte." },
        ]);
      parentKind = parent.kind;
    }
    if (!canHaveParent(input.kind, parentKind)) {
      const allowed = allowedParentKinds(input.kind).map((k) =>
        k ? KIND_SV[k] : "ingen (högsta nivån)",
      );
      throw new BadRequestError(
        `En ${KIND_SV[input.kind]} kan bara ligga under: ${allowed.join(", ")}.`,
        [{ path: "parentId", message: "Fel nivå i organisationsträdet." }],
      );
    }
    let name = input.name;
    if (input.kind === "municipality") {
      const [ref] = await tx
        .select()
        .from(municipalityRefs)
        .where(eq(municipalityRefs.code, input.municipalityCode!));
      if (!ref) {
        throw new BadRequestError("Okänd kommunkod.", [
          { path: "municipalityCode", message: "Finns inte i SCB:s kommunlista." },
        ]);
      }
      const [taken] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(eq(organisations.kind, "municipality"), eq(organisations.municipalityCode, ref.code)),
        );
      if (taken) throw new ConflictError(`${ref.name} finns redan i Paraply.`, "duplicate");
      name = input.name ?? ref.name;
    }
    const [created] = await tx
      .insert(organisations)
      .values({
        kind: input.kind,
        parentId: input.parentId,
        name: name!,
        municipalityCode: input.municipalityCode ?? null,
        sector: input.sector ?? null,
        areaType: input.areaType ?? null,
        description: input.description ?? null,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: "organisation.create",
      subjectType: "organisation",
      subjectId: created!.id,
      organisationId: created!.id,
      details: { kind: created!.kind, name: created!.name, parentId: created!.parentId },
    });
    return created!;
  });
}
