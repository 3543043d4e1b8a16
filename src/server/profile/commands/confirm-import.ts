import { and, eq, inArray, sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Db } from "../../../db/database.ts";
import { deleteUpload } from "../../../db/profile-uploads.ts";
import {
  profileFineCounts,
  profileImports,
  profileRespondents,
  profileWaves,
} from "../../../db/schema/profile.ts";
import { BadRequestError, ConflictError } from "../../plugins/errors.ts";
import type { ImportRow } from "../queries.ts";

const bit = (bytes: Buffer, f: number) => ((bytes[f >> 3] as number) >> (f & 7)) & 1;

/**
 * Makes a validated import the wave's data in one transaction: the rows the person excluded
 * are taken out of the staged rows and the fine counts, the wave points at the new import, and
 * the previous import's rows go. Until this commits, readers see the previous state.
 */
export async function confirmImport(
  db: Db,
  audit: AuditContext,
  target: ImportRow & { organisationId: string },
  excludeRows: number[],
): Promise<void> {
  if (target.state !== "validated") throw new ConflictError("Importen är inte klar att bekräfta.");
  if (target.problemCount > target.problemLines.length && target.problemLines.length === 0) {
    throw new BadRequestError("Filen har fel som gäller hela filen; rätta dem och ladda upp igen.");
  }
  const excluded = [...new Set(excludeRows)].sort((a, b) => a - b);
  const left = new Set(excluded);
  const open = target.problemLines.filter((line) => !left.has(line));
  if (open.length > 0) {
    throw new BadRequestError("Uppgifterna är inte giltiga.", [
      {
        path: "excludeRows",
        message: `${open.length} rader med fel är inte undantagna (första: rad ${open[0]}).`,
      },
    ]);
  }
  await db.transaction(async (tx) => {
    const [wave] = await tx
      .select({ currentImportId: profileWaves.currentImportId })
      .from(profileWaves)
      .where(eq(profileWaves.id, target.waveId))
      .for("update");
    // Under the wave's lock: a second confirm of the same import waits and then finds it done.
    const [still] = await tx
      .select({ state: profileImports.state })
      .from(profileImports)
      .where(eq(profileImports.id, target.id));
    if (still?.state !== "validated") throw new ConflictError("Importen är redan bekräftad.");
    const removed =
      excluded.length === 0
        ? []
        : await tx
            .delete(profileRespondents)
            .where(
              and(
                eq(profileRespondents.importId, target.id),
                inArray(profileRespondents.line, excluded),
              ),
            )
            .returning();
    const fine = await tx
      .select()
      .from(profileFineCounts)
      .where(eq(profileFineCounts.importId, target.id));
    const byCell = new Map(fine.map((r) => [r.cell, r]));
    const changed = new Set<(typeof fine)[number]>();
    for (const r of removed) {
      const row = byCell.get(r.cell);
      if (!row) continue;
      row.respondents--;
      for (let f = 0; f < row.n.length; f++) {
        row.n[f] = (row.n[f] as number) - bit(r.scored, f);
        row.flagged[f] = (row.flagged[f] as number) - bit(r.flagged, f);
      }
      changed.add(row);
    }
    for (const row of changed) {
      const where = and(
        eq(profileFineCounts.importId, target.id),
        eq(profileFineCounts.cell, row.cell),
      );
      if (row.respondents === 0) await tx.delete(profileFineCounts).where(where);
      else
        await tx
          .update(profileFineCounts)
          .set({ respondents: row.respondents, n: row.n, flagged: row.flagged })
          .where(where);
    }
    const respondents = fine.reduce((sum, r) => sum + r.respondents, 0);
    await tx
      .update(profileWaves)
      .set({
        currentImportId: target.id,
        respondents,
        excluded: target.screenedOut,
        importedAt: new Date(),
      })
      .where(eq(profileWaves.id, target.waveId));
    await tx
      .update(profileImports)
      .set({ state: "done", excludedRows: excluded, updatedAt: new Date() })
      .where(eq(profileImports.id, target.id));
    const previous = wave?.currentImportId;
    if (previous) {
      await tx.delete(profileRespondents).where(eq(profileRespondents.importId, previous));
      await tx.delete(profileFineCounts).where(eq(profileFineCounts.importId, previous));
    }
    // Staged rows of imports of this wave that never finished (a crash mid-import) go too.
    await tx.execute(sql`
      DELETE FROM community.profile_respondents r USING community.profile_imports i
       WHERE r.import_id = i.id AND i.wave_id = ${target.waveId} AND i.state IN ('failed', 'cancelled')`);
    await recordAudit(tx, audit, {
      action: "profile.import.confirm",
      subjectType: "profile_import",
      subjectId: target.id,
      organisationId: target.organisationId,
      details: { respondents, excludedRows: excluded.length, screenedOut: target.screenedOut },
    });
  });
  await deleteUpload(db, target.id);
}
