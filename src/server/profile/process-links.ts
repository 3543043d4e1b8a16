import { desc, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/database.ts";
import { profilePrioritisations } from "../../db/schema/profile.ts";
import type { Instrument } from "../../domain/profile/instrument.ts";
import type { OrgIdSet } from "../platform/queries.ts";
import { findInstrument, listWaves, type WaveRow } from "./queries.ts";

/**
 * What the prevention process reads of area profiles: a community's waves and the
 * prioritisations recorded on them. Waves are always found through `listWaves`, the profile
 * module's own access query, so a prioritisation is readable exactly when its wave is.
 */

type Localised = { sv: string; en: string };

export interface LinkedWave {
  id: string;
  organisationId: string;
  name: string;
  year: number;
  instrumentName: Localised;
  respondents: number;
}

export interface LinkedPrioritisation {
  id: string;
  organisationId: string;
  waveId: string;
  waveName: string;
  decidedAt: string;
  factors: { factor: string; kind: "risk" | "protective"; name: Localised }[];
}

function presentWave(w: WaveRow): LinkedWave {
  return {
    id: w.id,
    organisationId: w.organisationId,
    name: w.name,
    year: w.year,
    instrumentName: w.instrument.name,
    respondents: w.respondents,
  };
}

/** Factor names of the given instrument versions; an unknown factor keeps its id as name. */
async function factorNames(db: DbOrTx, instrumentIds: Iterable<string>) {
  const names = new Map<string, Map<string, Localised>>();
  for (const id of new Set(instrumentIds)) {
    const row = await findInstrument(db, id);
    const definition = row?.definition as Instrument | undefined;
    names.set(id, new Map((definition?.factors ?? []).map((f) => [f.id, f.name])));
  }
  return names;
}

/** Prioritisations on readable waves, newest first, with factor names resolved. */
async function prioritisationsOn(
  db: DbOrTx,
  waves: readonly WaveRow[],
): Promise<LinkedPrioritisation[]> {
  if (waves.length === 0) return [];
  const byId = new Map(waves.map((w) => [w.id, w]));
  const rows = await db
    .select()
    .from(profilePrioritisations)
    .where(inArray(profilePrioritisations.waveId, [...byId.keys()]))
    .orderBy(desc(profilePrioritisations.decidedAt));
  const names = await factorNames(
    db,
    waves.map((w) => w.instrument.id),
  );
  return rows.map((row) => {
    const wave = byId.get(row.waveId)!;
    const named = names.get(wave.instrument.id);
    return {
      id: row.id,
      organisationId: row.organisationId,
      waveId: row.waveId,
      waveName: wave.name,
      decidedAt: row.decidedAt.toISOString(),
      factors: row.factors.map((f) => ({
        factor: f.factor,
        kind: f.kind,
        name: named?.get(f.factor) ?? { sv: f.factor, en: f.factor },
      })),
    };
  });
}

/** A community's waves and the prioritisations made on them, as far as the reader may see. */
export async function communityProfiles(
  db: DbOrTx,
  visible: OrgIdSet,
  organisationId: string,
): Promise<{ waves: LinkedWave[]; prioritisations: LinkedPrioritisation[] }> {
  const waves = await listWaves(db, visible, { organisationId });
  return { waves: waves.map(presentWave), prioritisations: await prioritisationsOn(db, waves) };
}

/** Each community's latest readable prioritisation, for the collaboration board's overview. */
export async function latestPrioritisations(
  db: DbOrTx,
  visible: OrgIdSet,
  organisationIds: readonly string[],
): Promise<Map<string, LinkedPrioritisation>> {
  const latest = new Map<string, LinkedPrioritisation>();
  if (organisationIds.length === 0) return latest;
  // Per member, so that a reader who sees many communities does not load all their waves.
  const waves: WaveRow[] = [];
  for (const organisationId of new Set(organisationIds)) {
    waves.push(...(await listWaves(db, visible, { organisationId })));
  }
  for (const p of await prioritisationsOn(db, waves)) {
    if (!latest.has(p.organisationId)) latest.set(p.organisationId, p);
  }
  return latest;
}

/**
 * Linked profile records the reader may open, by id, with the page that shows them: a wave's
 * own page, or for a prioritisation the page of its wave's prioritisations.
 */
export async function readableProfileRecords(
  db: DbOrTx,
  visible: OrgIdSet,
  ids: { waves: string[]; prioritisations: string[] },
): Promise<Map<string, { organisationId: string; title: string; url: string }>> {
  const found = new Map<string, { organisationId: string; title: string; url: string }>();
  if (ids.waves.length > 0) {
    for (const w of await listWaves(db, visible, { ids: ids.waves })) {
      found.set(w.id, {
        organisationId: w.organisationId,
        title: `${w.name} (${w.year})`,
        url: `/profile/waves/${w.id}`,
      });
    }
  }
  if (ids.prioritisations.length > 0) {
    const rows = await db
      .select({ id: profilePrioritisations.id, waveId: profilePrioritisations.waveId })
      .from(profilePrioritisations)
      .where(inArray(profilePrioritisations.id, ids.prioritisations));
    const waveIds = [...new Set(rows.map((r) => r.waveId))];
    const waves = new Map(
      waveIds.length === 0
        ? []
        : (await listWaves(db, visible, { ids: waveIds })).map((w) => [w.id, w] as const),
    );
    for (const p of await prioritisationsOn(db, [...waves.values()])) {
      if (!ids.prioritisations.includes(p.id)) continue;
      found.set(p.id, {
        organisationId: p.organisationId,
        title: `Prioritering ${p.decidedAt.slice(0, 10)}, ${p.waveName}`,
        url: `/profile/waves/${p.waveId}/prioritise`,
      });
    }
  }
  return found;
}
