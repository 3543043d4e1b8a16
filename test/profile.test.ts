import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Import, Profile } from "../src/domain/profile/schemas.ts";
import { profileImportJob } from "../src/jobs/profile/import.ts";
import { JobQueue } from "../src/jobs/queue.ts";
import { SMALL_INSTRUMENT } from "./fixtures/profile/instrument.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildArea, buildMunicipality } from "./helpers/factories.ts";
import { auditRowsFor, call } from "./helpers/http.ts";
import { TEST_JOB_OPTIONS, waitFor } from "./helpers/jobs.ts";
import { buildInstrument } from "./helpers/profile.ts";

let t: TestApp;
let worker: JobQueue;

beforeAll(async () => {
  t = await buildTestApp();
  worker = new JobQueue({
    db: t.db,
    config: t.config,
    jobs: [profileImportJob],
    options: TEST_JOB_OPTIONS,
  });
  await worker.start();
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

/**
 * A municipality with two areas and a wave on the small instrument, and its analyst. Rows: per
 * area 12 respondents in grade 9 (6 girls, 6 boys) and 3 in grade 8.
 */
async function setup() {
  const municipality = await buildMunicipality(t.db);
  const north = await buildArea(t.db, municipality.id, "Norr");
  const south = await buildArea(t.db, municipality.id, "Söder");
  const instrument = await buildInstrument(t.db, municipality.id);
  const analyst = await actorWith(t, "analyst", municipality.id);
  const coordinator = await actorWith(t, "coordinator", municipality.id);
  const created = await call(t, "POST", "/api/profile/waves", analyst.headers, {
    organisationId: municipality.id,
    instrumentId: instrument.id,
    name: "Skolenkäten 2026",
    year: 2026,
  });
  expect(created.statusCode).toBe(201);
  return { municipality, north, south, analyst, coordinator, waveId: created.json().id as string };
}

function csv(extra: string[] = []): string {
  const lines = ["id;omrade;arskurs;kon;skola;q1;q2;q3;q4;lie"];
  let id = 0;
  for (const area of ["Norr", "Söder"]) {
    for (let i = 0; i < 12; i++) {
      // q1 4 and q2 1 (reversed to 4): conflict flagged for the first 5 in each area.
      const conflict = i < 5 ? "4;1" : "1;4";
      lines.push(`${++id};${area};9;${i % 2 === 0 ? "flicka" : "pojke"};Skolan;${conflict};2;3;1`);
    }
    for (let i = 0; i < 3; i++) lines.push(`${++id};${area};8;flicka;Skolan;1;4;2;3;1`);
  }
  // Screened out by the fictitious drug item.
  lines.push(`${++id};Norr;9;flicka;Skolan;1;4;2;3;4;4`);
  return [...lines, ...extra].join("\r\n");
}

async function upload(s: Awaited<ReturnType<typeof setup>>, body: string, fileName = "enkat.csv") {
  return t.app.inject({
    method: "POST",
    url: `/api/profile/waves/${s.waveId}/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...s.analyst.headers, "content-type": "application/octet-stream" },
    payload: Buffer.from(body, "utf8"),
  });
}

/** Uploads, maps as suggested, validates and confirms a clean file into a wave. */
async function importCsv(s: Awaited<ReturnType<typeof setup>>, waveId: string, body: string) {
  const res = await upload({ ...s, waveId }, body);
  const uploaded = res.json() as Import;
  await call(t, "PUT", `/api/profile/imports/${uploaded.id}/mapping`, s.analyst.headers, {
    mapping: uploaded.suggestedMapping,
  });
  await validated(s, uploaded.id);
  const confirmed = await call(
    t,
    "POST",
    `/api/profile/imports/${uploaded.id}/confirm`,
    s.analyst.headers,
    {},
  );
  expect(confirmed.json().state).toBe("done");
}

async function validated(s: { analyst: { headers: Record<string, string> } }, importId: string) {
  return waitFor(
    async () =>
      (
        await call(t, "GET", `/api/profile/imports/${importId}`, s.analyst.headers)
      ).json() as Import,
    (i) => i.state !== "validating",
    20_000,
  );
}

describe("profile import", () => {
  it("uploads, maps, validates by line and column, confirms and computes the suppressed profile", async () => {
    const s = await setup();
    const res = await upload(
      s,
      csv(["99;Väster;9;flicka;Skolan;7;4;2;3;1", "98;Norr;9;x;Skolan;1;4;2;3;1"]),
    );
    expect(res.statusCode).toBe(201);
    const uploaded = res.json() as Import;
    expect(uploaded.state).toBe("uploaded");
    expect(uploaded.columns.map((c) => c.name)).toContain("q1");
    const mapping = uploaded.suggestedMapping!;
    expect(mapping.items).toMatchObject({ q1: "q1", q4: "q4", lie: "lie" });
    expect(mapping).toMatchObject({
      area: "omrade",
      grade: "arskurs",
      gender: "kon",
      respondent: "id",
    });

    // Nothing is visible before the import is confirmed.
    const before = (
      await call(t, "GET", `/api/profile/waves/${s.waveId}`, s.analyst.headers)
    ).json();
    expect(before.respondents).toBe(0);

    const mapped = await call(
      t,
      "PUT",
      `/api/profile/imports/${uploaded.id}/mapping`,
      s.analyst.headers,
      {
        mapping,
      },
    );
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json().jobId).toBeTruthy();
    const result = await validated(s, uploaded.id);
    expect(result.state).toBe("validated");
    expect(result.rows).toBe(33);
    // Line numbers count the header as line 1: the two bad rows are lines 33 and 34.
    expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [33, "omrade", "unknown_area"],
      [33, "q1", "out_of_range"],
      [34, "kon", "unknown_gender"],
    ]);

    const refused = await call(
      t,
      "POST",
      `/api/profile/imports/${uploaded.id}/confirm`,
      s.analyst.headers,
      {},
    );
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain("excludeRows");

    // Line 2 is a valid row the analyst leaves out as well.
    const confirmed = await call(
      t,
      "POST",
      `/api/profile/imports/${uploaded.id}/confirm`,
      s.analyst.headers,
      {
        excludeRows: [33, 34, 2],
      },
    );
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().state).toBe("done");
    const wave = (await call(t, "GET", `/api/profile/waves/${s.waveId}`, s.analyst.headers)).json();
    expect(wave).toMatchObject({ respondents: 29, excluded: 1 });

    const reader = await actorWith(t, "reader", s.municipality.id);
    const profileRes = await call(
      t,
      "GET",
      `/api/profile/waves/${s.waveId}/profile`,
      reader.headers,
    );
    expect(profileRes.statusCode).toBe(200);
    const profile = profileRes.json() as Profile;
    const cell = (area: string | null, grade: string | null, gender: string | null) =>
      profile.cells.find(
        (c) =>
          c.factor === "conflict" && c.area === area && c.grade === grade && c.gender === gender,
      )!;
    // Everyone: 29 scored, conflict flagged for 5 + 4 (line 2 was one of the flagged).
    expect(cell(null, null, null)).toMatchObject({ n: 29, percent: "31.0", suppressed: false });
    // Grade 8 in one area has 3: suppressed, and so is at least one more cell of its row.
    expect(cell(s.north.id, "8", null)).toMatchObject({ suppressed: true, n: null, percent: null });
    expect(
      profile.cells.filter((c) => c.factor === "conflict" && c.suppressed).length,
    ).toBeGreaterThan(1);
    for (const c of profile.cells) {
      if (!c.suppressed) expect(c.n!).toBeGreaterThanOrEqual(10);
    }
    expect(profile.areas.map((a) => a.name)).toEqual(["Norr", "Söder"]);

    const exported = await call(
      t,
      "GET",
      `/api/profile/waves/${s.waveId}/profile.csv`,
      reader.headers,
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain("Konflikter i familjen");
    expect(exported.body).not.toContain("flicka;");
    expect((await auditRowsFor(t, uploaded.id)).map((r) => r.action)).toEqual([
      "profile.import.upload",
      "profile.import.map",
      "profile.import.confirm",
    ]);
  });

  it("answers 400 for an empty file and an unknown ending, and a reader may not upload", async () => {
    const s = await setup();
    expect((await upload(s, "")).statusCode).toBe(400);
    const wrong = await upload(s, csv(), "enkat.pdf");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].path).toBe("fileName");
    const reader = await actorWith(t, "reader", s.municipality.id);
    const denied = await t.app.inject({
      method: "POST",
      url: `/api/profile/waves/${s.waveId}/imports?fileName=a.csv`,
      headers: { ...reader.headers, "content-type": "application/octet-stream" },
      payload: csv(),
    });
    expect(denied.statusCode).toBe(403);
  });

  it("a cancelled import leaves the wave as it was and stages nothing", async () => {
    const s = await setup();
    const first = (await upload(s, csv())).json() as Import;
    await call(t, "PUT", `/api/profile/imports/${first.id}/mapping`, s.analyst.headers, {
      mapping: first.suggestedMapping,
    });
    await validated(s, first.id);
    const confirmed = await call(
      t,
      "POST",
      `/api/profile/imports/${first.id}/confirm`,
      s.analyst.headers,
      {},
    );
    expect(confirmed.json()).toMatchObject({ state: "done" });
    const second = (await upload(s, csv())).json() as Import;
    await call(t, "PUT", `/api/profile/imports/${second.id}/mapping`, s.analyst.headers, {
      mapping: second.suggestedMapping,
    });
    await validated(s, second.id);
    const cancelled = await call(
      t,
      "POST",
      `/api/profile/imports/${second.id}/cancel`,
      s.analyst.headers,
    );
    expect(cancelled.json().state).toBe("cancelled");
    const staged = await t.pool.query(
      "SELECT count(*)::int AS n FROM community.profile_respondents WHERE import_id = $1",
      [second.id],
    );
    expect(staged.rows[0].n).toBe(0);
    const wave = (await call(t, "GET", `/api/profile/waves/${s.waveId}`, s.analyst.headers)).json();
    expect(wave.respondents).toBe(30);
  });

  it("cancelling the job from its progress bar stops the import and stages nothing", async () => {
    const s = await setup();
    const lines = ["id;omrade;q1;q2;q3;q4;lie"];
    for (let i = 1; i <= 60_000; i++) lines.push(`${i};Norr;1;4;2;3;1`);
    const uploaded = (await upload(s, lines.join("\n"))).json() as Import;
    const mapped = await call(
      t,
      "PUT",
      `/api/profile/imports/${uploaded.id}/mapping`,
      s.analyst.headers,
      {
        mapping: uploaded.suggestedMapping,
      },
    );
    const jobId = mapped.json().jobId as string;
    await waitFor(
      async () => (await call(t, "GET", `/api/jobs/${jobId}`, s.analyst.headers)).json(),
      (job) => job.state === "running",
    );
    const cancel = await call(t, "POST", `/api/jobs/${jobId}/cancel`, s.analyst.headers);
    expect(cancel.statusCode).toBe(200);
    const result = await validated(s, uploaded.id);
    expect(result.state).toBe("cancelled");
    const staged = await t.pool.query(
      "SELECT count(*)::int AS n FROM community.profile_respondents WHERE import_id = $1",
      [uploaded.id],
    );
    expect(staged.rows[0].n).toBe(0);
    expect(
      (await call(t, "GET", `/api/profile/waves/${s.waveId}`, s.analyst.headers)).json()
        .respondents,
    ).toBe(0);
  });

  it("records a prioritisation of 2–5 risk and 2–5 protective factors with reasons", async () => {
    const s = await setup();
    const url = `/api/profile/waves/${s.waveId}/prioritisations`;
    const reason = "Hög andel och ökande.";
    const tooFew = await call(t, "POST", url, s.coordinator.headers, {
      basis: "Profilen 2026",
      factors: [
        { factor: "conflict", reason },
        { factor: "bonding", reason },
        { factor: "rewards", reason },
        { factor: "conflict", reason },
      ],
    });
    expect(tooFew.statusCode).toBe(400);
    const ok = await call(t, "POST", url, s.coordinator.headers, {
      basis: "Profilen 2026",
      factors: ["conflict", "attitudes", "bonding", "rewards"].map((factor) => ({
        factor,
        reason,
      })),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().factors.map((f: { kind: string }) => f.kind)).toEqual([
      "risk",
      "risk",
      "protective",
      "protective",
    ]);
    const list = (await call(t, "GET", url, s.analyst.headers)).json();
    expect(list).toHaveLength(1);
    // The analyst reads the choice but does not make it; a bad body is the coordinator's 400.
    expect((await call(t, "POST", url, s.analyst.headers, {})).statusCode).toBe(403);
    expect((await call(t, "POST", url, s.coordinator.headers, {})).statusCode).toBe(400);
  });

  it("compares with the municipality, an earlier wave and a norm, naming the test", async () => {
    const s = await setup();
    await importCsv(s, s.waveId, csv());
    const reader = await actorWith(t, "reader", s.municipality.id);
    const url = `/api/profile/waves/${s.waveId}/compare`;
    const norm = await call(t, "POST", url, reader.headers, {
      reference: {
        kind: "norm",
        source: "Riksnorm 2024",
        figures: [{ factor: "conflict", percent: 10 }],
      },
    });
    expect(norm.statusCode).toBe(200);
    const row = norm.json().rows.find((r: { factor: string }) => r.factor === "conflict");
    // 10 of 30 flagged against a norm of 10 %: +23.3 points, significant by the score test.
    expect(row).toMatchObject({
      subject: { n: 30, percent: "33.3" },
      reference: { percent: "10.0", n: null },
      differencePp: "23.3",
      significant: true,
      test: "one_sample_score",
    });
    // The whole municipality cannot be compared with itself.
    const self = await call(t, "POST", url, reader.headers, {
      reference: { kind: "municipality" },
    });
    expect(self.statusCode).toBe(400);
    const area = await call(t, "POST", url, reader.headers, {
      area: s.north.id,
      reference: { kind: "municipality" },
    });
    expect(area.statusCode).toBe(200);
    expect(area.json().rows[0]).toMatchObject({ significant: false, differencePp: "0.0" });

    const earlier = await call(t, "POST", "/api/profile/waves", s.analyst.headers, {
      organisationId: s.municipality.id,
      instrumentId: (await call(t, "GET", `/api/profile/waves/${s.waveId}`, reader.headers)).json()
        .instrument.id,
      name: "Skolenkäten 2024",
      year: 2024,
    });
    await importCsv(s, earlier.json().id, csv().replaceAll(";4;1;2;3;1", ";1;4;2;3;1"));
    const trend = await call(t, "POST", url, reader.headers, {
      reference: { kind: "wave", waveId: earlier.json().id },
    });
    expect(trend.statusCode).toBe(200);
    expect(trend.json().rows[0]).toMatchObject({
      reference: { percent: "0.0" },
      significant: true,
      test: "two_proportion_z",
    });
    const trendRes = await call(t, "GET", `/api/profile/waves/${s.waveId}/trend`, reader.headers);
    expect(trendRes.json().waves.map((w: { year: number }) => w.year)).toEqual([2024, 2026]);
    const candidates = await call(
      t,
      "GET",
      `/api/profile/waves/${s.waveId}/candidates`,
      reader.headers,
    );
    expect(candidates.statusCode).toBe(200);
    expect(
      candidates.json().find((c: { factor: string }) => c.factor === "conflict").reasons,
    ).toContain("trend");
  });

  it("imports Kolada indicators all or nothing and lists them", async () => {
    const s = await setup();
    const url = `/api/profile/kolada?organisationId=${s.municipality.id}`;
    const good = "kpi;municipality;period;gender;value;count;status\nN00945;1460;2024;T;12,5;;\n";
    const imported = await t.app.inject({
      method: "POST",
      url: `${url}&format=csv`,
      headers: { ...s.analyst.headers, "content-type": "application/octet-stream" },
      payload: good,
    });
    expect(imported.json()).toEqual({ imported: 1 });
    const bad = await t.app.inject({
      method: "POST",
      url: `${url}&format=csv`,
      headers: { ...s.analyst.headers, "content-type": "application/octet-stream" },
      payload: `${good}N00946;1460;2024;X;1;;\n`,
    });
    expect(bad.statusCode).toBe(400);
    const list = await call(t, "GET", url, s.analyst.headers);
    expect(list.json()).toEqual([
      expect.objectContaining({ kpi: "N00945", value: 12.5, gender: "T", source: "Kolada" }),
    ]);
  });

  it("reads the same survey from .sav (PSPP) and from CSV into the same profile", async () => {
    const municipality = await buildMunicipality(t.db);
    for (const name of ["Åby", "Söder", "Norr"]) await buildArea(t.db, municipality.id, name);
    const coordinator = await actorWith(t, "coordinator", municipality.id);
    const instrument = await call(t, "POST", "/api/profile/instruments", coordinator.headers, {
      organisationId: municipality.id,
      instrument: FIXTURE_INSTRUMENT,
    });
    expect(instrument.statusCode).toBe(201);
    const profiles: Profile[] = [];
    for (const fileName of ["small.sav", "small.csv"]) {
      const wave = await call(t, "POST", "/api/profile/waves", coordinator.headers, {
        organisationId: municipality.id,
        instrumentId: instrument.json().id,
        name: fileName,
        year: 2026,
      });
      const uploaded = await t.app.inject({
        method: "POST",
        url: `/api/profile/waves/${wave.json().id}/imports?fileName=${fileName}`,
        headers: { ...coordinator.headers, "content-type": "application/octet-stream" },
        payload: await readFile(`test/fixtures/profile/${fileName}`),
      });
      expect(uploaded.statusCode).toBe(201);
      const upload = uploaded.json() as Import;
      if (fileName.endsWith(".sav")) {
        // Value labels from the .sav metadata reach the mapping step.
        expect(upload.columns.find((c) => c.name === "q1")!.valueLabels[0]).toEqual({
          value: "1",
          label: "Stämmer inte alls",
        });
      }
      await call(t, "PUT", `/api/profile/imports/${upload.id}/mapping`, coordinator.headers, {
        mapping: upload.suggestedMapping,
      });
      const done = await validated({ analyst: coordinator }, upload.id);
      expect(done.problemCount).toBe(0);
      await call(t, "POST", `/api/profile/imports/${upload.id}/confirm`, coordinator.headers, {});
      profiles.push(
        (
          await call(t, "GET", `/api/profile/waves/${wave.json().id}/profile`, coordinator.headers)
        ).json(),
      );
    }
    expect(profiles[0]!.respondents).toBeGreaterThan(0);
    expect(profiles[0]!.cells).toEqual(profiles[1]!.cells);
  });
});

/** The survey fixtures' instrument, under an id of its own in this test's database. */
const FIXTURE_INSTRUMENT = { ...SMALL_INSTRUMENT, id: "fixture" };

describe("the response-rate rule per school and grade", () => {
  it("withholds every cell holding a school/grade that answered too little, margins included", async () => {
    const s = await setup();
    await importCsv(s, s.waveId, csv());
    const profile = async () =>
      (
        await call(t, "GET", `/api/profile/waves/${s.waveId}/profile?minN=5`, s.analyst.headers)
      ).json() as Profile;
    const before = await profile();
    const total = before.cells.find((c) => !c.area && !c.grade && !c.gender)!;
    expect(total.suppressed).toBe(false);

    // Grade 9 at Skolan: 24 of 40 answered. Grade 8: 6 of 13, below half. The wave as a
    // whole (30 of 53) passes.
    const saved = await call(
      t,
      "PUT",
      `/api/profile/waves/${s.waveId}/invited`,
      s.analyst.headers,
      {
        invited: [
          { school: "Skolan", grade: "9", invited: 40 },
          { school: "Skolan", grade: "8", invited: 13 },
        ],
      },
    );
    expect(saved.statusCode).toBe(200);
    const after = await profile();
    expect(after.cells).toHaveLength(before.cells.length);
    // Every grade-8 respondent is a girl: the boys' margins hold none of them.
    for (const [i, cell] of after.cells.entries()) {
      const holdsGrade8 = cell.grade !== "9" && cell.gender !== "boy";
      if (!holdsGrade8) {
        expect(cell).toEqual(before.cells[i]);
      } else {
        expect(cell).toMatchObject({ suppressed: true, n: null, percent: null });
        if (!before.cells[i]!.suppressed) expect(cell.reason).toBe("response_rate");
      }
    }
    expect(after.cells.find((c) => !c.area && !c.grade && !c.gender)?.reason).toBe("response_rate");
  });
});
