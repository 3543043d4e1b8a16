import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { areaGroupSets, organisations } from "../../../db/schema/platform.ts";
import type { AreaGroupSetCreateSchema } from "../../../domain/platform/area-groups.ts";
import { BadRequestError, NotFoundError } from "../../plugins/errors.ts";
import { assertSetNameFree } from "./area-group-guards.ts";

export async function createAreaGroupSet(
  db: DbOrTx,
  audit: AuditContext,
  municipalityId: string,
  input: z.infer<typeof AreaGroupSetCreateSchema>,
) {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, municipalityId));
    if (!org) throw new NotFoundError("Organisationen finns inte.");
    if (org.kind !== "municipality") {
      throw new BadRequestError("Områdesindelningar hör till en kommun.", [
        { path: "params.id", message: "Ange en kommun." },
      ]);
    }
    await assertSetNameFree(tx, municipalityId, input.name);
    const [created] = await tx
      .insert(areaGroupSets)
      .values({
        municipalityId,
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: "areaGroupSet.create",
      subjectType: "area_group_set",
      subjectId: created!.id,
      organisationId: municipalityId,
      details: { name: created!.name, kind: created!.kind },
    });
    return created!;
  });
}
