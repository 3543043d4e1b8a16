import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect, migrateDatabase } from "../src/db/database.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { ensureProfileReferenceData } from "../src/db/reference/profile.ts";
import { ensureReadinessReferenceData } from "../src/db/reference/readiness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The runtime role: what the app (and most tests) connect as. */
    databaseUrl: string;
    /** The owner role: migrations, and tests that must write what the runtime role cannot. */
    ownerDatabaseUrl: string;
    /** A superuser, for the tests of what the app refuses to run as. */
    superuserDatabaseUrl: string;
    runtimeRole: string;
    databaseTarget: "embedded" | "external";
  }
}

/** The external runs' runtime role; its fixed password is for scratch test servers only. */
const EXTERNAL_RUNTIME_ROLE = "paraply_test_app";

/**
 * One database per run, migrated once; tests never truncate but build their own organisations.
 * PARAPLY_TEST_TARGET=external runs the same tests against DATABASE_URL, which is reset first
 * (it must be a scratch database such as the CI machine's `test`, reached as a superuser, which
 * is the owner there; the runtime role is made beside it).
 */
export default async function setup(project: TestProject) {
  const external = process.env.PARAPLY_TEST_TARGET === "external";
  let url: string;
  let ownerUrl: string;
  let superuserUrl: string;
  let runtimeRole: string;
  let stop = async () => {};
  if (external) {
    ownerUrl = process.env.DATABASE_URL ?? "";
    if (!ownerUrl) throw new Error("PARAPLY_TEST_TARGET=external needs DATABASE_URL");
    superuserUrl = ownerUrl;
    runtimeRole = EXTERNAL_RUNTIME_ROLE;
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    await client.query("SET client_min_messages = warning");
    await client.query(
      "DROP SCHEMA IF EXISTS platform, support, community, drizzle, pgboss CASCADE",
    );
    await client.query(`CREATE ROLE ${runtimeRole}`).catch((error: { code?: string }) => {
      if (error.code !== "42710") throw error;
    });
    await client.query(
      `ALTER ROLE ${runtimeRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${runtimeRole}'`,
    );
    await client.end();
    const runtime = new URL(ownerUrl);
    runtime.username = runtimeRole;
    runtime.password = runtimeRole;
    url = runtime.toString();
  } else {
    // Own directory and port per run, so that several runs on one machine do not collide.
    const dir = path.resolve(`.tmp/test-db-${process.pid}`);
    await fs.rm(dir, { recursive: true, force: true });
    const server = await startEmbeddedPostgres(dir, await freePort(), {
      info: () => {},
      warn: () => {},
    });
    url = server.url;
    ownerUrl = server.ownerUrl;
    superuserUrl = server.superuserUrl;
    runtimeRole = server.runtimeRole;
    stop = async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  await migrateDatabase(ownerUrl, { runtimeRole });
  await seedReferenceData(ownerUrl);
  project.provide("databaseUrl", url);
  project.provide("ownerDatabaseUrl", ownerUrl);
  project.provide("superuserDatabaseUrl", superuserUrl);
  project.provide("runtimeRole", runtimeRole);
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
    await ensureProfileReferenceData(db);
  } finally {
    await pool.end();
  }
}
