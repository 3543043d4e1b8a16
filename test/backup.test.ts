import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recordStandaloneAudit, systemAuditContext } from "../src/db/audit.ts";
import { connect, migrateDatabase } from "../src/db/database.ts";
import { verifyAuditChain } from "../src/server/platform/audit-queries.ts";
import { createSession } from "../src/server/platform/sessions.ts";
import { databaseUrls, dropDatabase } from "./helpers/app.ts";
import { buildArea, buildMunicipality, buildUnit, buildUser } from "./helpers/factories.ts";

/**
 * `paraply backup` and `paraply restore` through the real CLI, between two throwaway databases
 * on the run's PostgreSQL server.
 */

const suffix = randomUUID().slice(0, 8);
const names = { source: `paraply_backup_src_${suffix}`, target: `paraply_backup_dst_${suffix}` };
// The commands run with both roles' URLs, as in production; the checks read as the owner, who
// sees every row (row-level security hides the support schema from the runtime role).
const sourceDb = databaseUrls(names.source);
const targetDb = databaseUrls(names.target);
const sourceUrl = sourceDb.ownerUrl;
const targetUrl = targetDb.ownerUrl;

let dir: string;

// A table with the awkward types, created in both databases, so that their round trip is checked.
const PROBE = `CREATE TABLE platform.zz_backup_probe (
  id bigserial PRIMARY KEY, tags text[], at timestamptz, big bigint, addr inet, doc jsonb,
  n numeric, bytes bytea, f double precision, note text)`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function query(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

function paraply(args: string[], urls: { url: string; ownerUrl: string }) {
  const result = spawnSync(process.execPath, ["bin/paraply.js", ...args], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: {
      ...process.env,
      DATABASE_URL: urls.url,
      DATABASE_OWNER_URL: urls.ownerUrl,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every row of every table in the data schemas and the migration history, as PostgreSQL text. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('platform', 'support', 'community', 'drizzle')
        ORDER BY 1`,
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ r: string }>(
        `SELECT t::text AS r FROM ${name} t ORDER BY 1`,
      );
      out[name] = rows.rows.map((r) => r.r);
    }
    return out;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "paraply-backup-"));
  await admin(async (c) => {
    await c.query(`CREATE DATABASE ${names.source}`);
    await c.query(`CREATE DATABASE ${names.target}`);
  });
  await migrateDatabase(sourceUrl, { runtimeRole: inject("runtimeRole") });
  const { db, pool } = connect(sourceDb.url, 2);
  try {
    const municipality = await buildMunicipality(db);
    const area = await buildArea(db, municipality.id);
    const unit = await buildUnit(db, area.id, "socialtjanst", "Familjecentralen 'Solen' \\ \"x\"");
    const admin = await buildUser(db, { role: "org_admin", organisationId: municipality.id });
    const practitioner = await buildUser(db, { role: "practitioner", organisationId: unit.id });
    await buildUser(db, { role: "system_admin" });
    await createSession(db, {
      userId: practitioner.id,
      authMethod: "password",
      mfaPending: false,
      ip: "2001:db8::17",
      userAgent: "test\tagent\nwith lines",
      times: { idleMinutes: 30, absoluteHours: 12 },
    });
    for (let i = 0; i < 25; i++) {
      await recordStandaloneAudit(
        db,
        { ...systemAuditContext("backup test"), actorId: admin.id, ip: "10.0.0.1" },
        {
          action: "organisation.update",
          subjectType: "organisation",
          subjectId: unit.id,
          organisationId: unit.id,
          details: { i, nested: { text: "åäö \u2028 \\n", list: [1, 2.5, null] } },
        },
      );
    }
  } finally {
    await pool.end();
  }
  await query(sourceUrl, PROBE);
  await query(
    sourceUrl,
    `INSERT INTO platform.zz_backup_probe (tags, at, big, addr, doc, n, bytes, f, note) VALUES
      ($1, '2026-11-22 21:48:03.123456+01', 9007199254740993, '192.168.0.0/16',
       '{"a": [1, {"b": "c"}], "big": 12345678901234567890}', 1.000000000000000000001,
       '\\x00ff10', 0.1, E'line\\nbreak, comma; "quote" and \\\\ backslash'),
      ('{"",NULL,"with space","{brace}"}', 'infinity', -1, '::1', 'null', 'NaN', '', 1e-300, NULL)`,
    [["a", "b,c", 'd"e']],
  );
  // A child's case, which only the owner sees whole: the backup must hold it.
  await query(
    sourceUrl,
    `WITH child AS (
       INSERT INTO support.children (municipality_id, given_name, family_name, birth_date)
       SELECT id, 'Ella', 'Fiktiv', '2017-01-02' FROM platform.organisations
        WHERE kind = 'municipality' LIMIT 1 RETURNING id, municipality_id),
     opened AS (
       INSERT INTO support.cases (child_id, municipality_id)
       SELECT id, municipality_id FROM child RETURNING id)
     INSERT INTO support.case_access (case_id, user_id, role, basis, scopes)
     SELECT opened.id, u.id, 'discoverer', 'case_role', '{summary}'
       FROM opened, platform.users u LIMIT 1`,
  );
  await migrateDatabase(targetUrl, { runtimeRole: inject("runtimeRole") });
  await query(targetUrl, PROBE);
});

afterAll(async () => {
  await admin(async (c) => {
    await dropDatabase(c, names.source);
    await dropDatabase(c, names.target);
  });
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("paraply backup and restore", () => {
  it("round-trips every table's rows exactly, and the restored database keeps working", async () => {
    const file = path.join(dir, "paraply.backup.gz");
    const backup = paraply(["backup", file], sourceDb);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*paraply\.backup\.gz/);
    const header = JSON.parse(
      gunzipSync(await fs.readFile(file))
        .toString("utf8")
        .split("\n")[0]!,
    );
    expect(header).toMatchObject({ format: "paraply-backup", version: 1 });
    expect(header.migrations.count).toBeGreaterThan(0);

    // The target has some data of its own, which the restore replaces.
    await query(targetUrl, "INSERT INTO platform.zz_backup_probe (note) VALUES ('old')");
    const restore = paraply(["restore", file], targetDb);
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/The audit log verifies/);

    const [source, target] = [await snapshot(sourceUrl), await snapshot(targetUrl)];
    expect(Object.keys(target)).toEqual(Object.keys(source));
    expect(source["platform.audit_log"]!.length).toBeGreaterThanOrEqual(25);
    expect(source["platform.zz_backup_probe"]).toHaveLength(2);
    for (const table of Object.keys(source)) expect(target[table], table).toEqual(source[table]);

    // Sequences continue after the restored rows: new audit rows chain on, new ids are free.
    // As the runtime role: the restored rows are reachable with its grants.
    const { db, pool } = connect(targetDb.url, 2);
    try {
      await recordStandaloneAudit(db, systemAuditContext("after restore"), {
        action: "seed.demo",
      });
      expect((await verifyAuditChain(db)).ok).toBe(true);
      await pool.query("INSERT INTO platform.zz_backup_probe (note) VALUES ('new')");
    } finally {
      await pool.end();
    }

    // A backup already there is not overwritten.
    const again = paraply(["backup", file], sourceDb);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
  });

  it("refuses foreign, newer, damaged or tampered files and leaves the database unchanged", async () => {
    const good = path.join(dir, "good.gz");
    expect(paraply(["backup", good], sourceDb).status).toBe(0);
    const lines = gunzipSync(await fs.readFile(good))
      .toString("utf8")
      .split("\n");
    const header = JSON.parse(lines[0]!);
    const write = async (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      await fs.writeFile(file, content);
      return file;
    };
    const withHeader = (h: unknown, rest = lines.slice(1)) =>
      gzipSync([JSON.stringify(h), ...rest].join("\n"));
    const auditAt = lines.findIndex((l) => l.startsWith("#table platform.audit_log"));
    const tampered = [...lines];
    tampered[auditAt + 3] = tampered[auditAt + 3]!.replace('"backup test"', '"someone else"');

    const cases: [string, string, RegExp][] = [
      ["not-gzip.gz", await write("not-gzip.gz", "hello, I am plain text\n"), /not a readable/],
      [
        "other-format",
        await write("other.gz", gzipSync('{"format":"something-else"}\n')),
        /not a Paraply backup/,
      ],
      [
        "other-version",
        await write("version.gz", withHeader({ ...header, version: 2 })),
        /format version 2/,
      ],
      [
        "newer-migrations",
        await write(
          "newer.gz",
          withHeader({
            ...header,
            migrations: {
              count: header.migrations.count + 1,
              hashes: [...header.migrations.hashes, "f".repeat(64)],
            },
          }),
        ),
        /newer or different version/,
      ],
      [
        "cut-short",
        await write("short.gz", gzipSync(lines.slice(0, auditAt + 2).join("\n"))),
        /damaged/,
      ],
      [
        "truncated-gzip",
        await write("trunc.gz", (await fs.readFile(good)).subarray(0, 200)),
        /not a readable|damaged/,
      ],
      [
        "tampered-audit",
        await write("tampered.gz", gzipSync(tampered.join("\n"))),
        /audit log fails verification/,
      ],
    ];
    const before = await snapshot(targetUrl);
    for (const [label, file, message] of cases) {
      const result = paraply(["restore", file], targetDb);
      expect(result.status, `${label}: ${result.stderr}`).toBe(1);
      expect(result.stderr, label).toMatch(message);
      expect(result.stderr, label).toMatch(/Nothing was changed/);
    }
    expect(await snapshot(targetUrl)).toEqual(before);

    const usage = paraply(["restore"], targetDb);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage: paraply restore FILE/);
  });
});
