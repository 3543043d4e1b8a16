import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/database.ts";
import { organisations } from "../../../db/schema/platform.ts";
import { BadRequestError } from "../../plugins/errors.ts";

/** A role is granted in an organisation that exists: otherwise a 400 naming the field. */
export async function assertOrganisation(db: DbOrTx, organisationId: string | null) {
  if (!organisationId) return;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org)
    throw new BadRequestError("Organisationen finns inte.", [
      { path: "organisationId", message: "Finns inte." },
    ]);
}
