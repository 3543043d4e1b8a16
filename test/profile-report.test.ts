import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Import } from "../src/domain/profile/schemas.ts";
import { profileImportJob } from "../src/jobs/profile/import.ts";
import { JobQueue } from "../src/jobs/queue.ts";
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

/** Per area 12 respondents (the first `conflicted` of them with family conflict) in grade 9 and 3 in grade 8: grade 8 cells are too small to publish. */
function csv(conflicted: number): string {
  const lines = ["id;omrade;arskurs;kon;skola;q1;q2;q3;q4;lie"];
  let id = 0;
  for (const area of ["Norr", "Söder"]) {
    for (let i = 0; i < 12; i++) {
      const conflict = i < conflicted ? "4;1" : "1;4";
      lines.push(`${++id};${area};9;${i % 2 === 0 ? "flicka" : "pojke"};Skolan;${conflict};2;3;1`);
    }
    for (let i = 0; i < 3; i++) lines.push(`${++id};${area};8;flicka;Skolan;1;4;2;3;1`);
  }
  return lines.join("\n");
}

async function pdfText(body: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), {
    mergePages: true,
  });
  return text;
}

describe("area profile report (PDF)", () => {
  it("prints the suppressed profile of the wave or of one part, and audits the download", async () => {
    const municipality = await buildMunicipality(t.db);
    const north = await buildArea(t.db, municipality.id, "Norr");
    await buildArea(t.db, municipality.id, "Söder");
    const instrument = await buildInstrument(t.db, municipality.id);
    const analyst = await actorWith(t, "analyst", municipality.id);
    const reader = await actorWith(t, "reader", municipality.id);
    const importWave = async (year: number) => {
      const wave = (
        await call(t, "POST", "/api/profile/waves", analyst.headers, {
          organisationId: municipality.id,
          instrumentId: instrument.id,
          name: `Skolenkäten ${year}`,
          year,
        })
      ).json() as { id: string };
      const uploaded = (
        await t.app.inject({
          method: "POST",
          url: `/api/profile/waves/${wave.id}/imports?fileName=enkat.csv`,
          headers: { ...analyst.headers, "content-type": "text/csv" },
          payload: Buffer.from(csv(year === 2024 ? 8 : 5), "utf8"),
        })
      ).json() as Import;
      await call(t, "PUT", `/api/profile/imports/${uploaded.id}/mapping`, analyst.headers, {
        mapping: uploaded.suggestedMapping,
      });
      await waitFor(
        async () =>
          (
            await call(t, "GET", `/api/profile/imports/${uploaded.id}`, analyst.headers)
          ).json() as Import,
        (i) => i.state !== "validating",
        20_000,
      );
      const confirmed = await call(
        t,
        "POST",
        `/api/profile/imports/${uploaded.id}/confirm`,
        analyst.headers,
        {},
      );
      expect(confirmed.statusCode).toBe(200);
      return wave;
    };
    await importWave(2024);
    const wave = await importWave(2026);

    const url = `/api/profile/waves/${wave.id}/report.pdf`;
    const whole = await call(t, "GET", `${url}?reference=KS%202026%2F7`, reader.headers);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers["content-type"]).toBe("application/pdf");
    expect(whole.headers["content-disposition"]).toContain("omradesprofil-");
    const text = await pdfText(whole.rawPayload);
    expect(text).toContain("Skolenkäten 2026");
    expect(text).toContain("KS 2026/7");
    expect(text).toContain("Alla elever");
    // Everyone: 30 scored, conflict flagged for 10 of them (16 in 2024, the reference).
    expect(text).toContain("33,3 %");
    expect(text).toContain("4. Jämförelse");
    expect(text).toContain("Skolenkäten 2024");
    expect(text).toMatch(/tvåprovstest för andelar|Fishers exakta test/);

    // Grade 8 in one area has three respondents: every figure of it is hidden.
    const part = await call(t, "GET", `${url}?area=${north.id}&grade=8`, reader.headers);
    expect(part.statusCode).toBe(200);
    const partText = await pdfText(part.rawPayload);
    expect(partText).toContain("Norr, årskurs 8");
    expect(partText).toContain("Alla celler är dolda");
    expect(partText).not.toMatch(/\d+,\d\s%/);

    const bad = await call(t, "GET", `${url}?reference=${"x".repeat(61)}`, reader.headers);
    expect(bad.statusCode).toBe(400);
    expect(
      (await auditRowsFor(t, wave.id)).filter((r) => r.action === "profile.report.export"),
    ).toHaveLength(2);
  });
});
