import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profilePrioritisations } from "../src/db/schema/profile.ts";
import type { ProcessDetail } from "../src/domain/process/schemas.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildRegion } from "./helpers/factories.ts";
import { buildCollaboration, callProcess } from "./helpers/process.ts";
import { buildWave } from "./helpers/profile.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A prioritisation recorded on a wave, at a given time (SMALL_INSTRUMENT's factors). */
async function prioritise(
  wave: { id: string; organisationId: string },
  factors: [string, "risk" | "protective"][],
  decidedAt: string,
) {
  const [row] = await t.db
    .insert(profilePrioritisations)
    .values({
      waveId: wave.id,
      organisationId: wave.organisationId,
      basis: "Arbetsgruppens genomgång av profilen",
      factors: factors.map(([factor, kind]) => ({
        factor,
        kind,
        reason: "Högt jämfört med länet",
      })),
      decidedAt: new Date(decidedAt),
    })
    .returning();
  return row!;
}

async function started(collaborationId?: string, parentId?: string) {
  const municipality = await buildMunicipality(t.db, parentId ? { parentId } : {});
  const coordinator = await actorWith(t, "coordinator", collaborationId ?? municipality.id);
  const res = await callProcess(t, "POST", "/processes", coordinator.headers, {
    organisationId: municipality.id,
    ...(collaborationId ? { collaborationId } : {}),
    startedOn: "2026-01-05",
  });
  expect(res.statusCode, res.body).toBe(201);
  return { municipality, coordinator, process: res.json() as ProcessDetail };
}

const phase3Item = (p: ProcessDetail) => p.current!.phases.find((x) => x.phase === 3)!.items[0]!;

describe("area profiles in the process", () => {
  it("shows the community's waves and prioritisations with factor names, not another's", async () => {
    const { municipality, coordinator, process } = await started();
    expect(process.linked.waves).toEqual([]);
    const { wave } = await buildWave(t.db, municipality.id, 2025);
    const chosen = await prioritise(
      wave,
      [
        ["conflict", "risk"],
        ["bonding", "protective"],
      ],
      "2026-03-01T10:00:00Z",
    );
    await buildWave(t.db, (await buildMunicipality(t.db)).id, 2025);
    const res = await callProcess(t, "GET", `/processes/${process.id}`, coordinator.headers);
    expect(res.statusCode, res.body).toBe(200);
    const detail: ProcessDetail = res.json();
    expect(detail.linked.waves.map((w) => w.id)).toEqual([wave.id]);
    expect(detail.linked.waves[0]).toMatchObject({ name: "Enkät 2025", year: 2025 });
    expect(detail.linked.prioritisations).toHaveLength(1);
    expect(detail.linked.prioritisations[0]).toMatchObject({ id: chosen.id, waveId: wave.id });
    expect(detail.linked.prioritisations[0]!.factors.map((f) => f.name.sv)).toEqual([
      "Konflikter i familjen",
      "Anknytning till skolan",
    ]);
  });

  it("links a wave and a prioritisation of the same community as checked evidence", async () => {
    const { municipality, coordinator, process } = await started();
    const { wave } = await buildWave(t.db, municipality.id);
    const chosen = await prioritise(wave, [["attitudes", "risk"]], "2026-04-01T10:00:00Z");
    const foreign = await buildWave(t.db, (await buildMunicipality(t.db)).id);
    const foreignChoice = await prioritise(
      foreign.wave,
      [["conflict", "risk"]],
      "2026-04-01T10:00:00Z",
    );
    const item = phase3Item(process);
    const url = `/processes/${process.id}/items/${item.id}/evidence`;
    const post = (kind: string, recordId: string) =>
      callProcess(t, "POST", url, coordinator.headers, { kind, recordId });

    // Missing, another community's, or the wrong kind for the id: refused with a message.
    for (const [kind, id] of [
      ["profile_wave", foreign.wave.id],
      ["prioritisation", foreignChoice.id],
      ["prioritisation", "00000000-0000-4000-8000-000000000001"],
      ["profile_wave", chosen.id],
      ["prioritisation", wave.id],
    ] as const) {
      const refused = await post(kind, id);
      expect(refused.statusCode, `${kind} ${id}`).toBe(400);
      expect(refused.json().error.issues[0].path).toBe("recordId");
    }

    expect((await post("profile_wave", wave.id)).statusCode).toBe(201);
    const res = await post("prioritisation", chosen.id);
    expect(res.statusCode, res.body).toBe(201);
    const evidence = (res.json() as ProcessDetail)
      .current!.phases.find((p) => p.phase === 3)!
      .items.find((i) => i.id === item.id)!.evidence;
    expect(evidence.map((e) => [e.kind, e.resolved, e.url, e.title])).toEqual([
      ["profile_wave", true, `/profile/waves/${wave.id}`, "Enkät 2026 (2026)"],
      [
        "prioritisation",
        true,
        `/profile/waves/${wave.id}/prioritise`,
        "Prioritering 2026-04-01, Enkät 2026",
      ],
    ]);
  });
});

describe("prioritised factors on the board overview", () => {
  it("shows each member's latest prioritisation in Swedish, in the page and the exports", async () => {
    const region = await buildRegion(t.db);
    const collaboration = await buildCollaboration(t.db, region.id);
    const a = await started(collaboration.id, collaboration.id);
    const b = await started(collaboration.id, collaboration.id);
    const { wave } = await buildWave(t.db, a.municipality.id);
    await prioritise(wave, [["conflict", "risk"]], "2026-02-01T10:00:00Z");
    await prioritise(
      wave,
      [
        ["attitudes", "risk"],
        ["rewards", "protective"],
      ],
      "2026-05-01T10:00:00Z",
    );
    const board = await actorWith(t, "reader", collaboration.id);
    const q = `collaborationId=${collaboration.id}`;
    const res = await callProcess(t, "GET", `/overview?${q}`, board.headers);
    expect(res.statusCode, res.body).toBe(200);
    const factors = Object.fromEntries(
      (res.json().rows as { processId: string; prioritisedFactors: string[] }[]).map((r) => [
        r.processId,
        r.prioritisedFactors,
      ]),
    );
    expect(factors).toEqual({
      [a.process.id]: ["Positiva attityder till alkohol", "Uppskattning i familjen"],
      [b.process.id]: [],
    });
    const csv = await callProcess(t, "GET", `/overview.csv?${q}`, board.headers);
    expect(csv.body).toContain("Positiva attityder till alkohol, Uppskattning i familjen");
    expect(csv.body).not.toContain("Konflikter i familjen");
  });
});
