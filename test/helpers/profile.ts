import type { Db } from "../../src/db/database.ts";
import { profileImports, profileInstruments, profileWaves } from "../../src/db/schema/profile.ts";
import type { InstrumentInput } from "../../src/domain/profile/instrument.ts";

/** A small instrument: four factors (two risk, two protective) over four 1–4 items. */
export const SMALL_INSTRUMENT: InstrumentInput = {
  id: "small",
  version: 1,
  name: { sv: "Liten enkät", en: "Small survey" },
  items: [
    { id: "q1", min: 1, max: 4, missing: [9] },
    { id: "q2", min: 1, max: 4, missing: [9] },
    { id: "q3", min: 1, max: 4, missing: [9] },
    { id: "q4", min: 1, max: 4, missing: [9] },
    { id: "lie", min: 1, max: 4 },
  ],
  exclude: [{ item: "lie", values: [3, 4], reason: "fictitious drug" }],
  factors: [
    {
      id: "conflict",
      kind: "risk",
      domain: "family",
      name: { sv: "Konflikter i familjen", en: "Family conflict" },
      items: ["q1", "q2"],
      reverse: ["q2"],
      minAnswered: 1,
      cutPoint: 2.5,
      compare: ">",
    },
    {
      id: "attitudes",
      kind: "risk",
      domain: "individual",
      name: { sv: "Positiva attityder till alkohol", en: "Favourable attitudes to alcohol" },
      items: ["q3"],
      cutPoint: 3,
      compare: ">=",
    },
    {
      id: "rewards",
      kind: "protective",
      domain: "family",
      name: { sv: "Uppskattning i familjen", en: "Family rewards" },
      items: ["q4"],
      cutPoint: 2,
      compare: ">",
    },
    {
      id: "bonding",
      kind: "protective",
      domain: "school",
      name: { sv: "Anknytning till skolan", en: "School bonding" },
      items: ["q3", "q4"],
      cutPoint: 3,
      compare: ">=",
    },
  ],
};

export async function buildInstrument(db: Db, organisationId: string | null) {
  const [row] = await db
    .insert(profileInstruments)
    .values({
      organisationId,
      key: `small-${Math.random().toString(36).slice(2, 8)}`,
      version: 1,
      name: SMALL_INSTRUMENT.name,
      definition: SMALL_INSTRUMENT,
    })
    .returning();
  return row!;
}

export async function buildWave(db: Db, organisationId: string, year = 2026) {
  const instrument = await buildInstrument(db, organisationId);
  const [row] = await db
    .insert(profileWaves)
    .values({ organisationId, instrumentId: instrument.id, name: `Enkät ${year}`, year })
    .returning();
  return { wave: row!, instrument };
}

/** An uploaded import (no file behind it) on a fresh wave of the municipality. */
export async function buildImport(db: Db, organisationId: string) {
  const { wave } = await buildWave(db, organisationId);
  const [row] = await db
    .insert(profileImports)
    .values({ waveId: wave.id, fileName: "enkat.csv", format: "csv", columns: [] })
    .returning();
  return row!;
}

export const EMPTY_MAPPING = {
  items: { q1: "q1", q2: "q2", q3: "q3", q4: "q4", lie: "lie" },
  respondent: null,
  area: "area",
  grade: null,
  gender: null,
  school: null,
  class: null,
  areaValues: {},
  genderValues: {},
  gradeValues: {},
};
