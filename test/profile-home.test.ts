import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileImports, profilePrioritisations, profileWaves } from "../src/db/schema/profile.ts";
import type { Home, HomeItem } from "../src/domain/platform/home.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality } from "./helpers/factories.ts";
import { buildWave } from "./helpers/profile.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function homeOf(headers: { cookie: string }): Promise<Home> {
  const res = await t.app.inject({ method: "GET", url: "/api/home", headers });
  expect(res.statusCode).toBe(200);
  return res.json() as Home;
}

function profileItem(home: Home, kind: string): HomeItem | undefined {
  return home.parts.find((p) => p.module === "profile")?.items.find((i) => i.kind === kind);
}

const hrefs = (item: HomeItem | undefined) => item?.items.map((i) => i.href) ?? [];

async function importOn(waveId: string, state: "validated" | "done", createdBy: string) {
  const [row] = await t.db
    .insert(profileImports)
    .values({ waveId, fileName: `${state}.csv`, format: "csv", columns: [], state, createdBy })
    .returning();
  return row!;
}

/** A wave whose confirmed data is in: the state in which it can be prioritised. */
async function waveWithData(organisationId: string, createdBy: string) {
  const { wave } = await buildWave(t.db, organisationId);
  const done = await importOn(wave.id, "done", createdBy);
  await t.db
    .update(profileWaves)
    .set({ currentImportId: done.id, respondents: 40 })
    .where(eq(profileWaves.id, wave.id));
  return wave;
}

describe("the area profile on the home page", () => {
  it("shows imports to confirm to those who may confirm them (own first), waves to prioritise to coordinators, nothing to others", async () => {
    const municipality = await buildMunicipality(t.db);
    const other = await buildMunicipality(t.db);
    const coordinator = await actorWith(t, "coordinator", municipality.id);
    const analyst = await actorWith(t, "analyst", municipality.id);
    const colleague = await actorWith(t, "analyst", municipality.id);
    const reader = await actorWith(t, "reader", municipality.id);
    const outsider = await actorWith(t, "coordinator", other.id);

    const { wave: importing } = await buildWave(t.db, municipality.id);
    // The colleague's upload is older, so it comes first for everyone but the analyst.
    const theirs = await importOn(importing.id, "validated", colleague.user.id);
    const mine = await importOn(importing.id, "validated", analyst.user.id);
    await importOn(importing.id, "done", analyst.user.id);
    const open = await waveWithData(municipality.id, analyst.user.id);
    const decided = await waveWithData(municipality.id, analyst.user.id);
    await t.db.insert(profilePrioritisations).values({
      waveId: decided.id,
      organisationId: municipality.id,
      basis: "Arbetsgruppens möte",
      factors: [{ factor: "f1", kind: "risk", reason: "Hög andel" }],
      decidedBy: coordinator.user.id,
    });
    // The other municipality's work never shows here, nor ours there.
    const { wave: elsewhere } = await buildWave(t.db, other.id);
    await importOn(elsewhere.id, "validated", outsider.user.id);
    await waveWithData(other.id, outsider.user.id);

    const analystHome = await homeOf(analyst.headers);
    const imports = profileItem(analystHome, "importsToConfirm");
    expect(imports?.section).toBe("waiting");
    expect(imports?.count).toBe(2);
    expect(hrefs(imports)).toEqual([
      `/profile/import?import=${mine.id}`,
      `/profile/import?import=${theirs.id}`,
    ]);
    expect(imports?.items[0]?.title.sv).toBe(`${municipality.name}, Enkät 2026: validated.csv`);
    // An analyst may import but not prioritise.
    expect(profileItem(analystHome, "wavesToPrioritise")).toBeUndefined();

    expect(hrefs(profileItem(await homeOf(colleague.headers), "importsToConfirm"))).toEqual([
      `/profile/import?import=${theirs.id}`,
      `/profile/import?import=${mine.id}`,
    ]);

    const coordinatorHome = await homeOf(coordinator.headers);
    expect(profileItem(coordinatorHome, "importsToConfirm")?.count).toBe(2);
    const waves = profileItem(coordinatorHome, "wavesToPrioritise");
    expect(waves?.section).toBe("waiting");
    expect(waves?.count).toBe(1);
    expect(hrefs(waves)).toEqual([`/profile/waves/${open.id}/prioritise`]);
    expect(waves?.items[0]?.title.en).toBe(`${municipality.name}: Enkät 2026`);

    const readerHome = await homeOf(reader.headers);
    expect(readerHome.parts.find((p) => p.module === "profile")).toBeUndefined();

    const outsiderHome = await homeOf(outsider.headers);
    const outsiderHrefs = [
      ...hrefs(profileItem(outsiderHome, "importsToConfirm")),
      ...hrefs(profileItem(outsiderHome, "wavesToPrioritise")),
    ];
    expect(outsiderHrefs).toHaveLength(2);
    for (const href of [mine.id, theirs.id, open.id]) {
      expect(outsiderHrefs.some((h) => h.includes(href))).toBe(false);
    }

    // Once confirmed, an import leaves the list.
    await t.db.update(profileImports).set({ state: "done" }).where(eq(profileImports.id, mine.id));
    expect(hrefs(profileItem(await homeOf(analyst.headers), "importsToConfirm"))).toEqual([
      `/profile/import?import=${theirs.id}`,
    ]);
  });
});
