import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { profileInstruments } from "../../../db/schema/profile.ts";
import type { Instrument } from "../../../domain/profile/instrument.ts";
import { type InstrumentRow, latestInstrumentVersion } from "../queries.ts";

/**
 * An instrument is never changed in place: the same id makes the organisation's next version,
 * and waves keep the version they were created with.
 */
export async function createInstrument(
  db: DbOrTx,
  audit: AuditContext,
  organisationId: string,
  instrument: Instrument,
): Promise<InstrumentRow> {
  return db.transaction(async (tx) => {
    const version = (await latestInstrumentVersion(tx, organisationId, instrument.id)) + 1;
    const [row] = await tx
      .insert(profileInstruments)
      .values({
        organisationId,
        key: instrument.id,
        version,
        name: instrument.name,
        definition: { ...instrument, version },
        createdBy: audit.actorId,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: "profile.instrument.create",
      subjectType: "profile_instrument",
      subjectId: row!.id,
      organisationId,
      details: { key: instrument.id, version },
    });
    return row!;
  });
}
