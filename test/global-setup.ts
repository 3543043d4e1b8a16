import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect, migrateDatabase } from "../src/db/database.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { ensureReadinessReferenceData } from "../src/server/readiness/reference-data.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseTarget: "embedded" | "external";
  }
}

/**
 * One database per run, migrated once; tests never truncate but build their own organisations.
 * PARAPLY_TEST_TARGET=external runs the same tests against DATABASE_URL, which is reset first
 * (it must be a scratch database such as the CI machine's `test`).
 */
export default async function setup(project: TestProject) {
  const external = process.env.PARAPLY_TEST_TARGET === "external";
  let url: string;
  let stop = async () => {};
  if (external) {
    url = process.env.DATABASE_URL ?? "";
    if (!url) throw new Error("PARAPLY_TEST_TARGET=external needs DATABASE_URL");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("SET client_min_messages = warning");
    await client.query(
      "DROP SCHEMA IF EXISTS platform, support, community, drizzle, pgboss CASCADE",
    );
    await client.end();
  } else {
    // Own directory and port per run, so that several runs on one machine do not collide.
    const dir = path.resolve(`.tmp/test-db-${process.pid}`);
    await fs.rm(dir, { recursive: true, force: true });
    const server = await startEmbeddedPostgres(dir, await freePort(), {
      info: () => {},
      warn: () => {},
    });
    url = server.url;
    stop = async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  await migrateDatabase(url);
  await seedReferenceData(url);
  project.provide("databaseUrl", url);
  project.provide("databaseTarget", external ? "external" : "embedded");
  return stop;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Reference data the app inserts at start (src/server/run.ts), for the tests' database. */
async function seedReferenceData(url: string): Promise<void> {
  const { db, pool } = connect(url, 1);
  try {
    await ensureReadinessReferenceData(db);
  } finally {
    await pool.end();
  }
}
