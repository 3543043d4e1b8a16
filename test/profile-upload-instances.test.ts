import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readUploadChunks,
  storeUploadChunks,
  UPLOAD_CHUNK_BYTES,
} from "../src/db/profile-uploads.ts";
import type { Import } from "../src/domain/profile/schemas.ts";
import { runMaintenance } from "../src/jobs/platform/housekeeping.ts";
import { profileImportJob } from "../src/jobs/profile/import.ts";
import { JobQueue } from "../src/jobs/queue.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildArea, buildMunicipality } from "./helpers/factories.ts";
import { call } from "./helpers/http.ts";
import { TEST_JOB_OPTIONS, waitFor } from "./helpers/jobs.ts";
import { buildWave } from "./helpers/profile.ts";

// Two app instances on one database, each with a data directory of its own: the file uploaded
// to one must be readable by a job worker of the other.
let receiving: TestApp;
let other: TestApp;
let worker: JobQueue | undefined;
const dirs: string[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(path.join(tmpdir(), "paraply-instance-")));
  receiving = await buildTestApp({ PARAPLY_DATA_DIR: dirs[0]! });
  other = await buildTestApp({ PARAPLY_DATA_DIR: dirs[1]! });
});
afterAll(async () => {
  await worker?.stop();
  await receiving.close();
  await other.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function survey(rows: number): string {
  const lines = ["id;omrade;arskurs;kon;q1;q2;q3;q4;lie"];
  for (let i = 1; i <= rows; i++) {
    lines.push(`${i};Norr;${7 + (i % 6)};${i % 2 ? "flicka" : "pojke"};1;4;2;3;1`);
  }
  return lines.join("\n");
}

const chunksOf = async (importId: string) =>
  (
    await receiving.pool.query(
      "SELECT count(*)::int AS n FROM community.profile_upload_chunks WHERE import_id = $1",
      [importId],
    )
  ).rows[0].n as number;

async function setUp() {
  const municipality = await buildMunicipality(receiving.db);
  await buildArea(receiving.db, municipality.id, "Norr");
  const { wave } = await buildWave(receiving.db, municipality.id);
  const { headers } = await actorWith(receiving, "analyst", municipality.id);
  const api = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    call(receiving, method, `/api/profile${url}`, headers, payload);
  const upload = async (body: string) => {
    const response = await receiving.app.inject({
      method: "POST",
      url: `/api/profile/waves/${wave.id}/imports?fileName=enkat.csv`,
      headers: { ...headers, "content-type": "application/octet-stream" },
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    return response.json() as Import;
  };
  const state = async (id: string) => ((await api("GET", `/imports/${id}`)).json() as Import).state;
  return { wave, api, upload, state };
}

describe("uploaded files across instances", () => {
  it("an import uploaded to one instance is read by a job worker of another", async () => {
    const { wave, api, upload, state } = await setUp();
    worker = new JobQueue({
      db: other.db,
      config: other.config,
      jobs: [profileImportJob],
      options: TEST_JOB_OPTIONS,
    });
    await worker.start();
    const uploaded = await upload(survey(3_000));
    expect(uploaded.columns.map((c) => c.name)).toContain("omrade");
    expect(await chunksOf(uploaded.id)).toBe(1);
    // Nothing of the file stays on the receiving instance's disk.
    expect(await readdir(dirs[0]!)).toEqual([]);

    await api("PUT", `/imports/${uploaded.id}/mapping`, { mapping: uploaded.suggestedMapping });
    await waitFor(
      () => state(uploaded.id),
      (s) => s === "validated",
      20_000,
    );
    const validated = (await api("GET", `/imports/${uploaded.id}`)).json() as Import;
    expect(validated.rows).toBe(3_000);
    expect(validated.problemCount).toBe(0);
    // Kept until confirmed: the mapping may still be changed and the file read again.
    expect(await chunksOf(uploaded.id)).toBe(1);

    expect((await api("POST", `/imports/${uploaded.id}/confirm`, {})).statusCode).toBe(200);
    expect((await api("GET", `/waves/${wave.id}`)).json().respondents).toBe(3_000);
    expect(await chunksOf(uploaded.id)).toBe(0);
    expect(await readdir(dirs[1]!)).toEqual([]);
    await worker.stop();
    worker = undefined;
  }, 30_000);

  it("a cancelled import's file is deleted; so is a file abandoned for a day", async () => {
    const { api, upload, state } = await setUp();
    const cancelled = await upload(survey(10));
    expect(await chunksOf(cancelled.id)).toBe(1);
    expect((await api("POST", `/imports/${cancelled.id}/cancel`, {})).statusCode).toBe(200);
    expect(await chunksOf(cancelled.id)).toBe(0);

    const abandoned = await upload(survey(10));
    const recent = await upload(survey(10));
    await receiving.owner.pool.query(
      "UPDATE community.profile_imports SET updated_at = now() - interval '25 hours' WHERE id = $1",
      [abandoned.id],
    );
    const result = await runMaintenance(receiving.db, { idleMinutes: 30 });
    expect(result.uploadChunksDeleted).toBeGreaterThanOrEqual(1);
    expect(await chunksOf(abandoned.id)).toBe(0);
    expect(await chunksOf(recent.id)).toBe(1);

    // Mapped after all, the abandoned import fails with a reason rather than waiting forever.
    worker = new JobQueue({
      db: other.db,
      config: other.config,
      jobs: [profileImportJob],
      options: TEST_JOB_OPTIONS,
    });
    await worker.start();
    await api("PUT", `/imports/${abandoned.id}/mapping`, { mapping: abandoned.suggestedMapping });
    await waitFor(
      () => state(abandoned.id),
      (s) => s === "failed",
      20_000,
    );
    expect(((await api("GET", `/imports/${abandoned.id}`)).json() as Import).error).toMatch(
      /ladda upp den igen/,
    );
    await worker.stop();
    worker = undefined;
  }, 30_000);

  it("a file larger than a chunk is stored in chunks and read back byte for byte", async () => {
    const { upload } = await setUp();
    const { id } = await upload(survey(1));
    await receiving.pool.query("DELETE FROM community.profile_upload_chunks WHERE import_id = $1", [
      id,
    ]);
    const bytes = randomBytes(2 * UPLOAD_CHUNK_BYTES + 12_345);
    // Sent in pieces of 64 kB, as a request body arrives.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) =>
      bytes.subarray(i * 65_536, (i + 1) * 65_536),
    );
    let passedOn = 0;
    await pipeline(Readable.from(pieces), storeUploadChunks(receiving.db, id), async (source) => {
      for await (const chunk of source) passedOn += (chunk as Buffer).length;
    });
    expect(passedOn).toBe(bytes.length);
    expect(await chunksOf(id)).toBe(3);
    const read: Buffer[] = [];
    for await (const chunk of readUploadChunks(other.db, id)) read.push(chunk as Buffer);
    expect(Buffer.concat(read).equals(bytes)).toBe(true);
  });
});
