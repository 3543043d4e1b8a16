import type { DbOrTx } from "../../db/database.ts";
import type { Instrument } from "../../domain/profile/instrument.ts";
import { type Profile, UNKNOWN } from "../../domain/profile/schemas.ts";
import { DEFAULT_MIN_N } from "../../domain/profile/suppression.ts";
import { BadRequestError } from "../plugins/errors.ts";
import { buildProfileTable, type ProfileTable, type StoredFine } from "./profile-table.ts";
import {
  areasOf,
  findInstrument,
  fineCountsOf,
  groupSetMunicipality,
  groupsOf,
  invitedOf,
  type WaveRow,
} from "./queries.ts";

export interface ProfileOptions {
  groupSetId?: string | undefined;
  minN?: number | undefined;
}

/** The instrument version a wave was imported with. */
export async function instrumentOf(db: DbOrTx, wave: WaveRow): Promise<Instrument> {
  return (await findInstrument(db, wave.instrument.id))!.definition as Instrument;
}

export async function storedFine(db: DbOrTx, wave: WaveRow): Promise<StoredFine[]> {
  return wave.currentImportId ? fineCountsOf(db, wave.currentImportId) : [];
}

/** How the wave's areas are published: by area, or by the groups of one of its group sets. */
async function areaGrouping(db: DbOrTx, wave: WaveRow, groupSetId: string | undefined) {
  const areas = await areasOf(db, wave.organisationId);
  if (!groupSetId) {
    const names = new Map(areas.map((a) => [a.id, a.name]));
    return {
      areaKey: (id: string) => id,
      names: (id: string) => names.get(id) ?? id,
    };
  }
  if ((await groupSetMunicipality(db, groupSetId)) !== wave.organisationId) {
    throw new BadRequestError("Uppgifterna är inte giltiga.", [
      { path: "groupSetId", message: "Välj en av kommunens områdesindelningar." },
    ]);
  }
  const groups = await groupsOf(db, groupSetId);
  const groupOf = new Map(groups.map((g) => [g.areaId, g.groupId]));
  const names = new Map(groups.map((g) => [g.groupId, g.name]));
  return {
    // An area in no group of the set is published as "unknown", a group like any other.
    areaKey: (id: string) => groupOf.get(id) ?? UNKNOWN,
    names: (id: string) => names.get(id) ?? (id === UNKNOWN ? "Utan grupp" : id),
  };
}

/**
 * A wave's profile as every page, export and report shows it: computed from the stored fine
 * counts, grouped, with margins, and suppressed as one table per factor.
 */
export async function loadProfile(
  db: DbOrTx,
  wave: WaveRow,
  options: ProfileOptions = {},
): Promise<Profile> {
  return (await loadProfileTable(db, wave, options)).profile;
}

/** The profile with each cell's counts beside it, for comparisons made on the server. */
export async function loadProfileTable(
  db: DbOrTx,
  wave: WaveRow,
  options: ProfileOptions = {},
): Promise<{ profile: Profile; counts: ProfileTable["counts"] }> {
  const minN = options.minN ?? DEFAULT_MIN_N;
  const [instrument, fine, invited, grouping] = await Promise.all([
    instrumentOf(db, wave),
    storedFine(db, wave),
    invitedOf(db, wave.id),
    areaGrouping(db, wave, options.groupSetId),
  ]);
  const table = buildProfileTable(instrument, fine, { areaKey: grouping.areaKey, minN, invited });
  const values = (pick: (c: Profile["cells"][number]) => string | null) =>
    [...new Set(table.cells.map(pick).filter((v): v is string => v !== null))].sort((a, b) =>
      a.localeCompare(b, "sv", { numeric: true }),
    );
  const profile: Profile = {
    wave: { id: wave.id, name: wave.name, year: wave.year, organisationId: wave.organisationId },
    minN,
    respondents: wave.respondents,
    excluded: wave.excluded,
    factors: instrument.factors.map((f) => ({
      id: f.id,
      kind: f.kind,
      domain: f.domain,
      name: f.name,
    })),
    areas: values((c) => c.area)
      .map((id) => ({ id, name: grouping.names(id) }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    grades: values((c) => c.grade),
    genders: values((c) => c.gender),
    cells: table.cells,
  };
  return { profile, counts: table.counts };
}
