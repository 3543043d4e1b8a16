import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Import } from "../src/domain/profile/schemas.ts";
import { profileImportJob } from "../src/jobs/profile/import.ts";
import { JobQueue } from "../src/jobs/queue.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildArea, buildMunicipality } from "./helpers/factories.ts";
import { call } from "./helpers/http.ts";
import { TEST_JOB_OPTIONS, waitFor } from "./helpers/jobs.ts";
import { buildWave } from "./helpers/profile.ts";

let t: TestApp;
let child: ChildProcess | undefined;
let worker: JobQueue | undefined;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await worker?.stop();
  await t.close();
});

function startWorkerProcess(): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", "test/helpers/profile-worker.ts", t.config.DATABASE_URL!],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    proc.once("error", reject);
    proc.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(proc);
    });
  });
}

function survey(rows: number, flaggedEvery: number): string {
  const lines = ["id;omrade;arskurs;kon;q1;q2;q3;q4;lie"];
  for (let i = 1; i <= rows; i++) {
    const conflict = i % flaggedEvery === 0 ? "4;1" : "1;4";
    lines.push(`${i};Norr;${7 + (i % 6)};${i % 2 ? "flicka" : "pojke"};${conflict};2;3;1`);
  }
  return lines.join("\n");
}

const staged = async (importId: string) =>
  (
    await t.pool.query(
      "SELECT count(*)::int AS n FROM community.profile_respondents WHERE import_id = $1",
      [importId],
    )
  ).rows[0].n as number;

it("an import killed midway leaves the wave as it was; a restarted worker finishes it", async () => {
  const municipality = await buildMunicipality(t.db);
  await buildArea(t.db, municipality.id, "Norr");
  const { wave } = await buildWave(t.db, municipality.id);
  const { headers } = await actorWith(t, "analyst", municipality.id);
  const api = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    call(t, method, `/api/profile${url}`, headers, payload);
  const upload = async (body: string) =>
    (
      await t.app.inject({
        method: "POST",
        url: `/api/profile/waves/${wave.id}/imports?fileName=enkat.csv`,
        headers: { ...headers, "content-type": "application/octet-stream" },
        payload: body,
      })
    ).json() as Import;
  const state = async (id: string) => ((await api("GET", `/imports/${id}`)).json() as Import).state;

  worker = new JobQueue({
    db: t.db,
    config: t.config,
    jobs: [profileImportJob],
    options: TEST_JOB_OPTIONS,
  });
  await worker.start();
  const first = await upload(survey(40, 4));
  await api("PUT", `/imports/${first.id}/mapping`, { mapping: first.suggestedMapping });
  await waitFor(
    () => state(first.id),
    (s) => s === "validated",
  );
  expect((await api("POST", `/imports/${first.id}/confirm`, {})).statusCode).toBe(200);
  const before = (await api("GET", `/waves/${wave.id}/profile`)).json();
  await worker.stop();
  worker = undefined;

  // A large second file, read by a worker process that is killed while it stages rows.
  child = await startWorkerProcess();
  const second = await upload(survey(80_000, 2));
  await api("PUT", `/imports/${second.id}/mapping`, { mapping: second.suggestedMapping });
  await waitFor(
    () => staged(second.id),
    (n) => n > 0,
    30_000,
  );
  child.kill("SIGKILL");
  child = undefined;

  expect(await state(second.id)).toBe("validating");
  expect((await api("GET", `/waves/${wave.id}`)).json().respondents).toBe(40);
  expect((await api("GET", `/waves/${wave.id}/profile`)).json()).toEqual(before);

  // Restarted, the job is taken back from the dead worker and run again from the start.
  worker = new JobQueue({
    db: t.db,
    config: t.config,
    jobs: [profileImportJob],
    options: TEST_JOB_OPTIONS,
  });
  await worker.start();
  await waitFor(
    () => state(second.id),
    (s) => s === "validated",
    30_000,
  );
  expect(await staged(second.id)).toBe(80_000);
  expect((await api("POST", `/imports/${second.id}/confirm`, {})).statusCode).toBe(200);
  const after = (await api("GET", `/waves/${wave.id}`)).json();
  expect(after.respondents).toBe(80_000);
  expect(await staged(first.id)).toBe(0);
}, 60_000);
