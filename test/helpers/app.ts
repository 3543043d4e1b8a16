import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { loadConfig } from "../../src/config.ts";
import {
  connect,
  connectReadReplica,
  migrateDatabase,
  migrationsCurrent,
} from "../../src/db/database.ts";
import { buildApp } from "../../src/server/app.ts";

export const TEST_SECRET_KEY = "cGFyYXBseS10ZXN0LWtleS0zMi1ieXRlcy1sb25nISE=";

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** The runtime and owner URLs of a database on the run's server (the run's own when not named). */
export function databaseUrls(name?: string): { url: string; ownerUrl: string } {
  const on = (base: string) => {
    const url = new URL(base);
    if (name) url.pathname = `/${name}`;
    return url.toString();
  };
  return { url: on(inject("databaseUrl")), ownerUrl: on(inject("ownerDatabaseUrl")) };
}

/**
 * The real app on the run's database, called through Fastify's inject, connected as the runtime
 * role. `owner` connects as the owner, for what a test must write that the runtime role cannot.
 */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: { webDist?: string } = {},
) {
  // Another database on the run's server may be named (see withOwnDatabase).
  const url = env.DATABASE_URL ?? inject("databaseUrl");
  const ownerUrl = env.DATABASE_OWNER_URL ?? databaseUrls(new URL(url).pathname.slice(1)).ownerUrl;
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: url,
    DATABASE_OWNER_URL: ownerUrl,
    LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
    RATE_LIMIT_PER_MINUTE: "100000",
    // Tests change rows behind the app's back (factories, expiry), which the cache would only see
    // once the change notification arrives. The cache has its own tests (auth-cache.test.ts), and
    // the browser journeys run with it on.
    AUTH_CACHE_SECONDS: "0",
    // One key for every instance on the run's database, as in a real deployment.
    PARAPLY_SECRET_KEY: TEST_SECRET_KEY,
    ...env,
  });
  const { db, pool } = connect(url, 5);
  const owner = connect(ownerUrl, 2);
  const replica = connectReadReplica(config);
  const app = await buildApp({
    config,
    db,
    ready: () => migrationsCurrent(pool),
    ...(replica ? { readDb: replica.db } : {}),
    ...(options.webDist ? { webDist: options.webDist } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    pool,
    owner,
    config,
    close: async () => {
      await app.close();
      await pool.end();
      await owner.pool.end();
      await replica?.pool.end();
    },
  };
}

/**
 * A migrated database of its own on the run's server, dropped afterwards: for a test whose change
 * reaches every row of a table (a key rotation), which would disturb tests running beside it.
 * `db`/`pool` and `url` are the runtime role's; `ownerUrl` the owner's.
 */
export async function withOwnDatabase<T>(
  use: (db: {
    url: string;
    ownerUrl: string;
    db: ReturnType<typeof connect>["db"];
    pool: pg.Pool;
  }) => Promise<T>,
): Promise<T> {
  const name = `own_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const { url, ownerUrl } = databaseUrls(name);
  try {
    await migrateDatabase(ownerUrl, { runtimeRole: inject("runtimeRole") });
    const { db, pool } = connect(url, 2);
    try {
      return await use({ url, ownerUrl, db, pool });
    } finally {
      await pool.end();
    }
  } finally {
    await dropDatabase(admin, name);
    await admin.end();
  }
}

/**
 * Drops a test database. The owner role is no superuser, so FORCE cannot end an autovacuum worker
 * still analysing a freshly migrated or restored database (42501); it ends within moments, so try
 * again.
 */
export async function dropDatabase(c: pg.Client, name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
