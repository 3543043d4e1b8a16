import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { profileWaveInvited, profileWaves } from "../../../db/schema/profile.ts";
import type { Invited, WaveCreateBodySchema } from "../../../domain/profile/schemas.ts";

export async function createWave(
  db: DbOrTx,
  audit: AuditContext,
  input: z.infer<typeof WaveCreateBodySchema>,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(profileWaves)
      .values({
        organisationId: input.organisationId,
        instrumentId: input.instrumentId,
        name: input.name,
        year: input.year,
        createdBy: audit.actorId,
      })
      .returning({ id: profileWaves.id });
    await recordAudit(tx, audit, {
      action: "profile.wave.create",
      subjectType: "profile_wave",
      subjectId: row!.id,
      organisationId: input.organisationId,
      details: { year: input.year, instrumentId: input.instrumentId },
    });
    return row!.id;
  });
}

/** The invited counts are replaced as a whole: the list on the page is the truth. */
export async function setInvited(
  db: DbOrTx,
  audit: AuditContext,
  wave: { id: string; organisationId: string },
  invited: Invited[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(profileWaveInvited).where(eq(profileWaveInvited.waveId, wave.id));
    const unique = new Map(invited.map((i) => [`${i.school}\u0000${i.grade}`, i]));
    if (unique.size > 0) {
      await tx
        .insert(profileWaveInvited)
        .values([...unique.values()].map((i) => ({ waveId: wave.id, ...i })));
    }
    await recordAudit(tx, audit, {
      action: "profile.wave.update",
      subjectType: "profile_wave",
      subjectId: wave.id,
      organisationId: wave.organisationId,
      details: { invitedRows: unique.size },
    });
  });
}
