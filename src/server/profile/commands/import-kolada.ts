import { sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { profileIndicators } from "../../../db/schema/profile.ts";
import { parseKoladaCsv, parseKoladaJson } from "../../../domain/profile/kolada.ts";
import { BadRequestError } from "../../plugins/errors.ts";

/**
 * Register indicators in Kolada's layout, all or nothing: a file with any problem stores
 * nothing and answers every problem by row and column. A value already held for the same
 * indicator, municipality, period and gender is replaced.
 */
export async function importKolada(
  db: DbOrTx,
  audit: AuditContext,
  organisationId: string,
  format: "csv" | "json",
  text: string,
): Promise<number> {
  const parsed = format === "csv" ? parseKoladaCsv(text) : parseKoladaJson(text);
  if (!parsed.ok) {
    throw new BadRequestError(
      "Filen kunde inte läsas som Kolada-data.",
      parsed.problems.map((p) => ({ path: `rad ${p.row}, ${p.column}`, message: p.message })),
    );
  }
  return db.transaction(async (tx) => {
    for (let i = 0; i < parsed.values.length; i += 1000) {
      await tx
        .insert(profileIndicators)
        .values(
          parsed.values.slice(i, i + 1000).map((v) => ({
            organisationId,
            kpi: v.kpi,
            municipality: v.municipality,
            period: v.period,
            gender: v.gender,
            value: v.value === null ? null : String(v.value),
            count: v.count === null ? null : String(v.count),
            status: v.status || null,
            source: "Kolada",
          })),
        )
        .onConflictDoUpdate({
          target: [
            profileIndicators.organisationId,
            profileIndicators.kpi,
            profileIndicators.municipality,
            profileIndicators.period,
            profileIndicators.gender,
          ],
          set: {
            value: sql`excluded.value`,
            count: sql`excluded.count`,
            status: sql`excluded.status`,
            importedAt: sql`now()`,
          },
        });
    }
    await recordAudit(tx, audit, {
      action: "profile.kolada.import",
      subjectType: "organisation",
      subjectId: organisationId,
      organisationId,
      details: { values: parsed.values.length, format },
    });
    return parsed.values.length;
  });
}
