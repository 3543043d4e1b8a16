import { eq, inArray, isNull, sql } from "drizzle-orm";
import { DEFAULT_INSTRUMENT } from "../../domain/profile/default-instrument.ts";
import { generateWave, waveColumns } from "../../domain/profile/generate.ts";
import { suggestMapping } from "../../domain/profile/mapping.ts";
import { recordAudit, systemAuditContext } from "../audit.ts";
import type { Tx } from "../database.ts";
import { stageImport } from "../profile-staging.ts";
import { ensureProfileReferenceData } from "../reference/profile.ts";
import { organisations, users } from "../schema/platform.ts";
import {
  profileFineCounts,
  profileImports,
  profileIndicators,
  profileInstruments,
  profilePrioritisations,
  profileWaveInvited,
  profileWaves,
} from "../schema/profile.ts";
import type { DemoSeedContext } from "./context.ts";

const COORDINATOR = "samordnare@bengtsfors.example";
const ROWS_PER_WAVE = 1500;

/** Kolada-layout register indicators for Bengtsfors (fictional values, real layout). */
const INDICATORS = [
  { kpi: "N17473", title: "Elever i åk 9 som är behöriga till ett yrkesprogram, andel (%)" },
  { kpi: "N15813", title: "Elever i åk 9 som känner sig trygga i skolan, andel (%)" },
  { kpi: "U09801", title: "Barn i ekonomiskt utsatta hushåll, andel (%)" },
];

/**
 * Bengtsfors's area profiles: the built-in CTC-type survey given in 2024 and 2026 over the
 * municipality's four areas (synthetic, generated with a fixed seed), a prioritisation the work
 * group recorded on the 2024 wave, and register indicators in Kolada's layout beside them. The
 * respondents are staged and confirmed as an import would be, so the demo shows the same stored
 * form as real data.
 */
export async function seedDemoProfile(tx: Tx, ctx: DemoSeedContext): Promise<void> {
  const municipalityId = ctx.orgIds.get("bengtsfors");
  if (!municipalityId) throw new Error("Bengtsfors is missing from the demo tree");
  await ensureProfileReferenceData(tx);
  const [instrument] = await tx
    .select({ id: profileInstruments.id })
    .from(profileInstruments)
    .where(
      sql`${isNull(profileInstruments.organisationId)} AND ${eq(profileInstruments.key, DEFAULT_INSTRUMENT.id)}`,
    );
  const [coordinator] = await tx
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, [COORDINATOR]));
  const areas = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(sql`${organisations.parentId} = ${municipalityId} AND ${organisations.kind} = 'area'`);
  const header = waveColumns(DEFAULT_INSTRUMENT);
  const mapping = suggestMapping(
    header.map((name) => ({ name, valueLabels: [] })),
    DEFAULT_INSTRUMENT,
    areas,
  );

  const waveIds: string[] = [];
  for (const year of [2024, 2026]) {
    const [wave] = await tx
      .insert(profileWaves)
      .values({
        organisationId: municipalityId,
        instrumentId: instrument!.id,
        name: `Skolenkäten ${year}`,
        year,
        createdBy: coordinator?.id ?? null,
      })
      .returning({ id: profileWaves.id });
    const [imported] = await tx
      .insert(profileImports)
      .values({
        waveId: wave!.id,
        fileName: `skolenkaten-${year}.csv`,
        format: "csv",
        state: "validating",
        mapping,
        createdBy: coordinator?.id ?? null,
      })
      .returning({ id: profileImports.id });
    const generated = generateWave(DEFAULT_INSTRUMENT, {
      rows: ROWS_PER_WAVE,
      areas: areas.map((a) => a.name).sort(),
      seed: year,
    });
    const result = await stageImport(tx, {
      importId: imported!.id,
      instrument: DEFAULT_INSTRUMENT,
      mapping,
      header,
      areas,
      rows: (async function* () {
        let line = 1;
        for (const values of generated) yield { line: ++line, values };
      })(),
    });
    const [totals] = await tx
      .select({ respondents: sql<number>`coalesce(sum(${profileFineCounts.respondents}), 0)::int` })
      .from(profileFineCounts)
      .where(eq(profileFineCounts.importId, imported!.id));
    await tx
      .update(profileImports)
      .set({ state: "done", rows: result.rows, screenedOut: result.screenedOut })
      .where(eq(profileImports.id, imported!.id));
    await tx
      .update(profileWaves)
      .set({
        currentImportId: imported!.id,
        respondents: totals!.respondents,
        excluded: result.screenedOut,
        importedAt: new Date(`${year}-03-15T10:00:00Z`),
      })
      .where(eq(profileWaves.id, wave!.id));
    waveIds.push(wave!.id);
  }

  // Invited per school and grade for 2026: the schools' lists, a little above those who answered.
  const answered = await tx
    .select({
      school: profileFineCounts.school,
      grade: profileFineCounts.grade,
      respondents: sql<number>`sum(${profileFineCounts.respondents})::int`,
    })
    .from(profileFineCounts)
    .innerJoin(profileWaves, eq(profileWaves.currentImportId, profileFineCounts.importId))
    .where(
      sql`${profileWaves.id} = ${waveIds[1]!} AND ${profileFineCounts.school} <> 'unknown' AND ${profileFineCounts.grade} <> 'unknown'`,
    )
    .groupBy(profileFineCounts.school, profileFineCounts.grade);
  if (answered.length > 0) {
    await tx.insert(profileWaveInvited).values(
      answered.map((a) => ({
        waveId: waveIds[1]!,
        school: a.school,
        grade: a.grade as "7",
        invited: Math.ceil(a.respondents * 1.18),
      })),
    );
  }

  const risk = DEFAULT_INSTRUMENT.factors.filter((f) => f.kind === "risk").slice(0, 2);
  const protective = DEFAULT_INSTRUMENT.factors.filter((f) => f.kind === "protective").slice(0, 2);
  await tx.insert(profilePrioritisations).values({
    waveId: waveIds[0]!,
    organisationId: municipalityId,
    basis:
      "Områdesprofilen från Skolenkäten 2024, jämförd med Dalslandskommunerna, och arbetsgruppens workshop 12 juni 2024.",
    factors: [
      ...risk.map((f) => ({
        factor: f.id,
        kind: "risk" as const,
        reason: "Bland de högsta andelarna i profilen och högre än i samverkan.",
      })),
      ...protective.map((f) => ({
        factor: f.id,
        kind: "protective" as const,
        reason: "Låg andel med skydd, och något verksamheterna kan påverka.",
      })),
    ],
    decidedBy: coordinator?.id ?? null,
    decidedAt: new Date("2024-06-12T14:00:00Z"),
  });

  await tx.insert(profileIndicators).values(
    INDICATORS.flatMap((indicator, k) =>
      [2022, 2023, 2024, 2025].flatMap((period, p) =>
        (["T", "K", "M"] as const).map((gender, g) => ({
          organisationId: municipalityId,
          kpi: indicator.kpi,
          title: indicator.title,
          municipality: "1460",
          period,
          gender,
          value: (55 + k * 11 - p * 1.5 + (g === 1 ? 2.4 : g === 2 ? -2.1 : 0)).toFixed(1),
          count: String(120 + k * 7 + p * 3),
          status: null,
          source: "Kolada",
        })),
      ),
    ),
  );

  await recordAudit(tx, systemAuditContext("paraply seed"), {
    action: "seed.demo.profile",
    organisationId: municipalityId,
    details: { waves: waveIds.length, respondentsPerWave: ROWS_PER_WAVE },
  });
}
