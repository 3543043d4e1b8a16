import { inject } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { connect, migrationsCurrent } from "../../src/db/database.ts";
import { buildApp } from "../../src/server/app.ts";

export const TEST_SECRET_KEY = "cGFyYXBseS10ZXN0LWtleS0zMi1ieXRlcy1sb25nISE=";

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

/** The real app on the run's database, called through Fastify's inject. */
export async function buildTestApp(env: Record<string, string> = {}) {
  const url = inject("databaseUrl");
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: url,
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
  const app = await buildApp({ config, db, ready: () => migrationsCurrent(pool) });
  await app.ready();
  return {
    app,
    db,
    pool,
    config,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
