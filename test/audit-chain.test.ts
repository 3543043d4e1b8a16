import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { systemAuditContext } from "../src/db/audit.ts";
import { connect, MIGRATIONS_DIR, migrateDatabase } from "../src/db/database.ts";
import { parseAnchorFile } from "../src/domain/platform/audit-anchor.ts";
import { ANCHOR_LOCK } from "../src/jobs/platform/anchoring.ts";
import { auditAnchorJob } from "../src/jobs/platform/audit-anchor.ts";
import { JobQueue } from "../src/jobs/queue.ts";
import { verifyAuditAnchors } from "../src/server/platform/audit-anchor.ts";
import { verifyAuditChain } from "../src/server/platform/audit-queries.ts";
import { TEST_JOB_OPTIONS, waitFor } from "./helpers/jobs.ts";

// Tampering needs what the app's runtime role lacks (disabling triggers, UPDATE and DELETE on
// the log), so these tests act as the superuser the test databases are created with.
const base = inject("superuserDatabaseUrl");
const created: string[] = [];
let admin: pg.Client;
let anchorDir: string;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: base });
  await admin.connect();
  anchorDir = await fs.mkdtemp(path.join(os.tmpdir(), "paraply-anchors-"));
});
afterAll(async () => {
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await fs.rm(anchorDir, { recursive: true, force: true });
});

async function emptyDatabase() {
  const name = `chain_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  created.push(name);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Row {
  seq: number;
  chain: number;
  chainSeq: number;
}

async function rowsOf(pool: pg.Pool): Promise<Row[]> {
  const result = await pool.query<{ seq: string; chain: number; chain_seq: string }>(
    "SELECT seq, chain, chain_seq FROM platform.audit_log ORDER BY seq",
  );
  return result.rows.map((r) => ({
    seq: Number(r.seq),
    chain: r.chain,
    chainSeq: Number(r.chain_seq),
  }));
}

const insert = (client: pg.Client | pg.Pool, i: number) =>
  client.query(
    "INSERT INTO platform.audit_log (actor_label, action, details) VALUES ('chain-test', 'test.row', $1)",
    [{ i }],
  );

/**
 * A migrated database whose audit log has two chains of four rows each: two connections append
 * in overlapping transactions, so the second finds the first one's chain locked.
 */
async function chainedDatabase() {
  const url = await emptyDatabase();
  await migrateDatabase(url);
  const a = new pg.Client({ connectionString: url });
  const b = new pg.Client({ connectionString: url });
  await a.connect();
  await b.connect();
  for (let i = 1; i <= 4; i++) {
    await a.query("BEGIN");
    await insert(a, i);
    await b.query("BEGIN");
    await insert(b, 100 + i);
    await a.query("COMMIT");
    await b.query("COMMIT");
  }
  await a.end();
  await b.end();
  const { db, pool } = connect(url, 2);
  const rows = await rowsOf(pool);
  const chains = [...new Set(rows.map((r) => r.chain))];
  expect(chains).toHaveLength(2);
  const chain = (c: number) => rows.filter((r) => r.chain === c);
  for (const c of chains) expect(chain(c).map((r) => r.chainSeq)).toEqual([1, 2, 3, 4]);
  expect((await verifyAuditChain(db)).ok).toBe(true);
  return { url, db, pool, rows, chains, chain };
}

function cli(url: string, ...args: string[]) {
  return spawnSync(process.execPath, ["bin/paraply.js", ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: 60_000,
  });
}

/** What an owner could do: hash one chain anew from its first row, as if it had always been so. */
async function rechain(pool: pg.Pool, chain: number) {
  await pool.query("ALTER TABLE platform.audit_log DISABLE TRIGGER USER");
  await pool.query(`DO $$
    DECLARE r record; prev text := ''; h text;
    BEGIN
      FOR r IN SELECT id FROM platform.audit_log WHERE chain = ${Number(chain)} ORDER BY chain_seq LOOP
        UPDATE platform.audit_log SET prev_hash = prev WHERE id = r.id;
        SELECT platform.audit_row_hash(a) INTO h FROM platform.audit_log a WHERE a.id = r.id;
        UPDATE platform.audit_log SET hash = h WHERE id = r.id;
        prev := h;
      END LOOP;
    END $$`);
  await pool.query("ALTER TABLE platform.audit_log ENABLE TRIGGER USER");
}

async function tamper(pool: pg.Pool, statement: string, params: unknown[]) {
  await pool.query("ALTER TABLE platform.audit_log DISABLE TRIGGER USER");
  await pool.query(statement, params);
  await pool.query("ALTER TABLE platform.audit_log ENABLE TRIGGER USER");
}

describe("the chains", () => {
  it("keeps one transaction's rows in one chain, gives seq in insert order, and verifies", async () => {
    const { db, pool, rows } = await chainedDatabase();
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (let i = 0; i < 3; i++) await insert(client as unknown as pg.Client, i);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    const after = await rowsOf(pool);
    const added = after.slice(rows.length);
    expect(new Set(added.map((r) => r.chain)).size).toBe(1);
    const before = rows.filter((r) => r.chain === added[0]!.chain).length;
    expect(added.map((r) => r.chainSeq)).toEqual([before + 1, before + 2, before + 3]);
    expect(after.map((r) => r.seq)).toEqual([...after.map((r) => r.seq)].sort((x, y) => x - y));
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true, problems: [], rows: 11 });
    expect(result.heads.map((h) => h.chain).sort()).toEqual(
      [...new Set(after.map((r) => r.chain))].sort(),
    );
    await pool.end();
  });

  it("lets a role that may only INSERT and SELECT on the log append (the trigger runs as its owner)", async () => {
    const { db, pool, url } = await chainedDatabase();
    const role = `audit_rt_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    await pool.query(`CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await pool.query(`GRANT USAGE ON SCHEMA platform TO ${role}`);
      await pool.query(`GRANT INSERT, SELECT ON platform.audit_log TO ${role}`);
      await pool.query(`GRANT USAGE ON SEQUENCE platform.audit_log_id_seq TO ${role}`);
      await client.query(`SET ROLE ${role}`);
      await insert(client, 7);
      await expect(client.query("UPDATE platform.audit_log SET action = 'x'")).rejects.toThrow(
        /permission denied/,
      );
      await client.query("RESET ROLE");
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 9 });
    } finally {
      await client.end();
      await pool.query(`DROP OWNED BY ${role}`);
      await pool.query(`DROP ROLE ${role}`);
      await pool.end();
    }
  });

  it("still verifies rows written before the chains were split (they are chain 0)", async () => {
    const url = await emptyDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith(".sql")).sort();
    const run = async (file: string) => {
      const text = await fs.readFile(path.join(MIGRATIONS_DIR, file), "utf8");
      for (const statement of text.split("--> statement-breakpoint")) await client.query(statement);
    };
    for (const file of files.filter((f) => f < "0009")) await run(file);
    for (let i = 1; i <= 3; i++) await insert(client, i);
    for (const file of files.filter((f) => f >= "0009")) await run(file);
    await insert(client, 4);
    await client.end();
    const { db, pool } = connect(url, 1);
    const rows = await rowsOf(pool);
    expect(rows.slice(0, 3)).toEqual([1, 2, 3].map((n) => ({ seq: n, chain: 0, chainSeq: n })));
    expect(rows[3]!.chain).toBeGreaterThan(0);
    expect(rows[3]!.seq).toBeGreaterThan(3);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, problems: [], rows: 4 });
    await pool.end();
  });
});

describe("tampering", () => {
  it("finds a changed row, and `paraply audit verify` exits 1", async () => {
    const { url, db, pool, chains, chain } = await chainedDatabase();
    const target = chain(chains[0]!)[2]!;
    await tamper(pool, `UPDATE platform.audit_log SET details = '{"i": 99}' WHERE seq = $1`, [
      target.seq,
    ]);
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { seq: target.seq, chain: target.chain, problem: "hash_mismatch" },
    ]);
    await pool.end();

    const run = cli(url, "audit", "verify");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`first at seq ${target.seq} (chain ${target.chain})`);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false });
  });

  it("finds a row removed from the middle of a chain, and only in that chain", async () => {
    const { db, pool, chains, chain } = await chainedDatabase();
    const [, removed, next] = chain(chains[1]!);
    await tamper(pool, "DELETE FROM platform.audit_log WHERE seq = $1", [removed!.seq]);
    const result = await verifyAuditChain(db);
    await pool.end();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { seq: next!.seq, chain: next!.chain, problem: "broken_link" },
      { seq: next!.seq, chain: next!.chain, problem: "missing_rows" },
    ]);
  });

  it("misses a chain hashed anew without anchors; `verify --anchors` names the anchor it breaks", async () => {
    const { url, pool, chains, chain } = await chainedDatabase();
    const file = path.join(anchorDir, `${randomUUID()}.jsonl`);
    const anchored = cli(url, "audit", "anchor", file);
    expect(anchored.stderr).toBe("");
    expect(anchored.status).toBe(0);
    expect(anchored.stdout).toContain("Anchored 2 chain head(s)");
    const line = JSON.parse((await fs.readFile(file, "utf8")).trim());
    expect(line.heads.map((h: { chainSeq: number }) => h.chainSeq)).toEqual([4, 4]);
    const clean = cli(url, "audit", "verify", "--anchors", file);
    expect(clean.stderr).toBe("");
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout).anchors).toEqual({ checked: 2, problems: [] });

    const victim = chains[0]!;
    const edited = chain(victim)[1]!;
    await tamper(pool, `UPDATE platform.audit_log SET details = '{"i": 42}' WHERE seq = $1`, [
      edited.seq,
    ]);
    await rechain(pool, victim);
    await pool.end();

    const plain = cli(url, "audit", "verify");
    expect(plain.status).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ ok: true, problems: [] });

    const withAnchors = cli(url, "audit", "verify", "--anchors", file);
    expect(withAnchors.status).toBe(1);
    const head = chain(victim)[3]!;
    expect(withAnchors.stderr).toContain(
      `Anchor of ${line.anchoredAt} (${file} line 1): chain ${victim} row 4 (seq ${head.seq}) no longer has the anchored hash`,
    );
    expect(JSON.parse(withAnchors.stdout).anchors.problems).toEqual([
      {
        line: 1,
        anchoredAt: line.anchoredAt,
        chain: victim,
        chainSeq: 4,
        seq: head.seq,
        problem: "anchored_row_changed",
      },
    ]);
  });

  it("misses a cut tail without anchors; `verify --anchors` finds the anchored head gone", async () => {
    const { url, pool, chains, chain } = await chainedDatabase();
    const file = path.join(anchorDir, `${randomUUID()}.jsonl`);
    expect(cli(url, "audit", "anchor", file).status).toBe(0);
    const tail = chain(chains[1]!)[3]!;
    await tamper(pool, "DELETE FROM platform.audit_log WHERE seq = $1", [tail.seq]);
    await pool.end();
    expect(cli(url, "audit", "verify").status).toBe(0);
    const run = cli(url, "audit", "verify", "--anchors", file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `chain ${tail.chain} row 4 (seq ${tail.seq}) is no longer in the audit log`,
    );
  });

  it("the anchoring job skips while another instance holds the lock, then anchors", async () => {
    const { url, db, pool, chains } = await chainedDatabase();
    const file = path.join(anchorDir, `${randomUUID()}.jsonl`);
    const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: url, AUDIT_ANCHOR_FILE: file });
    const queue = new JobQueue({ db, config, jobs: [auditAnchorJob], options: TEST_JOB_OPTIONS });
    const other = await pool.connect();
    const anchorNow = async () => {
      const id = await queue.enqueue("platform.audit-anchor", {}, systemAuditContext("test"));
      return waitFor(
        () => queue.status(id),
        (s) => s?.state === "done",
      );
    };
    try {
      await queue.start();
      await other.query("SELECT pg_advisory_lock($1)", [ANCHOR_LOCK]);
      const skipped = await anchorNow();
      expect(skipped?.result).toEqual({ ran: false, skipped: "locked" });
      await expect(fs.access(file)).rejects.toThrow();
      await other.query("SELECT pg_advisory_unlock($1)", [ANCHOR_LOCK]);
      const anchored = await anchorNow();
      const parsed = parseAnchorFile(await fs.readFile(file, "utf8"));
      expect(parsed.problems).toEqual([]);
      expect(parsed.anchors).toHaveLength(1);
      const [{ anchor }] = parsed.anchors as [(typeof parsed.anchors)[number]];
      expect(anchored?.result).toEqual({
        ran: true,
        chains: anchor.heads.length,
        anchoredAt: anchor.anchoredAt,
      });
      // The test's two chains, and whichever chain took the job's own audit rows.
      for (const c of chains) expect(anchor.heads.map((h) => h.chain)).toContain(c);
      expect(await verifyAuditAnchors(db, parsed.anchors)).toEqual({
        checked: anchor.heads.length,
        problems: [],
      });
    } finally {
      other.release();
      await queue.stop();
      await pool.end();
    }
  });

  it("refuses an anchor file that is not one, naming the line", async () => {
    const file = path.join(anchorDir, `${randomUUID()}.jsonl`);
    await fs.writeFile(file, '{"anchoredAt": "yesterday", "heads": []}\n');
    const run = cli(base, "audit", "verify", "--anchors", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("line 1: anchoredAt:");
  });

  it("`paraply audit verify` exits 0 on the run's own, untampered database", () => {
    const run = cli(base, "audit", "verify");
    expect(run.stderr).not.toContain("tampered");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, problems: [] });
  });
});
