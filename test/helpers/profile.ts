import type { Db } from "../../src/db/database.ts";
import { profileInstruments, profileWaves } from "../../src/db/schema/profile.ts";
import type { InstrumentInput } from "../../src/domain/profile/instrument.ts";

/** A small instrument: two factors (one risk, one protective) over four 1–4 items. */
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
