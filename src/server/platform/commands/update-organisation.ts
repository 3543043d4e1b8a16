import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { organisations } from "../../../db/schema/platform.ts";
import type { OrganisationUpdateSchema } from "../../../domain/platform/schemas.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../plugins/errors.ts";

export async function updateOrganisation(
  db: DbOrTx,
  audit: AuditContext,
  id: string,
  input: z.infer<typeof OrganisationUpdateSchema>,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, id))
      .for("update");
    if (!current) throw new NotFoundError();
    if (current.version !== input.version) {
      throw new ConflictError(
        "Någon annan har ändrat organisationen. Ladda om och försök igen.",
        "stale_version",
      );
    }
    if (input.sector && current.kind !== "unit") {
      throw new BadRequestError("Bara enheter har sektor.", [
        { path: "sector", message: "Bara enheter har sektor." },
      ]);
    }
    if (input.areaType && current.kind !== "area") {
      throw new BadRequestError("Bara områden har områdestyp.", [
        { path: "areaType", message: "Bara områden har områdestyp." },
      ]);
    }
    const { version: _version, archived, ...fields } = input;
    const [updated] = await tx
      .update(organisations)
      .set({
        ...fields,
        ...(archived === undefined
          ? {}
          : { archivedAt: archived ? (current.archivedAt ?? new Date()) : null }),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(organisations.id, id))
      .returning();
    await recordAudit(tx, audit, {
      action: archived === true ? "organisation.archive" : "organisation.update",
      subjectType: "organisation",
      subjectId: id,
      organisationId: id,
      details: { changes: input },
    });
    return updated!;
  });
}
