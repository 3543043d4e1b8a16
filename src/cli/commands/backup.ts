import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import type { Writable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { z } from "zod";
import { MIGRATIONS_DIR } from "../../db/database.ts";
import { verifyAuditChain } from "../../server/platform/audit-queries.ts";
import { configForCli } from "../config.ts";
import { withDatabase } from "../database.ts";
import { type CliCommand, EXIT } from "../io.ts";

/*
 * A logical backup without pg_dump (the embedded PostgreSQL ships no client tools).
 *
 * File: gzip of text lines. Line 1 is a JSON header (with each table's columns). Then, per
 * table, a line `#table schema.name ROWS`, one line per row: a JSON array of the columns' text
 * forms (null for NULL), and finally `#end`. Values travel in PostgreSQL's own text format, as
 * with pg_dump, under fixed DateStyle/TimeZone/float settings, and are cast back to the
 * column's type on restore: timestamptz, jsonb (also a JSON null), arrays, bigints, inet and
 * numerics round-trip exactly.
 */

export const BACKUP_FORMAT = "paraply-backup";
export const BACKUP_VERSION = 1;
const DATA_SCHEMAS = ["platform", "support", "community"];
const MIGRATIONS_TABLE = "drizzle.__drizzle_migrations";
const FETCH_ROWS = 1000;
const INSERT_BATCH_ROWS = 500;
const INSERT_BATCH_CHARS = 4_000_000;

const HeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  created: z.string(),
  migrations: z.object({ count: z.number().int().min(0), hashes: z.array(z.string()) }),
  tables: z.array(
    z.object({ name: z.string(), rows: z.number().int().min(0), columns: z.array(z.string()) }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
});
type Header = z.infer<typeof HeaderSchema>;

class BackupFileError extends Error {}

function ident(qualified: string): string {
  return qualified
    .split(".")
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join(".");
}

/** Tables in the data schemas (partitions are read through their parent). */
async function dataTables(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1)
      ORDER BY n.nspname, c.relname`,
    [DATA_SCHEMAS],
  );
  return result.rows.map((r) => r.name);
}

/** Settings under which the text forms of values are written and read the same everywhere. */
async function fixTextFormats(client: pg.ClientBase): Promise<void> {
  await client.query(
    "SET LOCAL DateStyle = ISO, YMD; SET LOCAL IntervalStyle = postgres; SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = hex",
  );
}

/** The insertable columns (not dropped, not generated) and their types, in table order. */
async function columnsOf(
  client: pg.ClientBase,
  table: string,
): Promise<{ name: string; type: string }[]> {
  const result = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [ident(table)],
  );
  return result.rows;
}

/** A stable row order: the primary key, else the whole row. */
async function orderBy(client: pg.ClientBase, table: string): Promise<string> {
  const result = await client.query<{ column: string }>(
    `SELECT a.attname AS column
       FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY k.n`,
    [ident(table)],
  );
  if (result.rows.length === 0) return "_paraply_row::text";
  return result.rows.map((r) => `_paraply_row.${ident(r.column)}`).join(", ");
}

async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await new Promise((resolve) => out.once("drain", resolve));
}

async function writeBackup(client: pg.ClientBase, file: string): Promise<Header> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    await fixTextFormats(client);
    const tables = [...(await dataTables(client)), MIGRATIONS_TABLE];
    const migrations = await client.query<{ hash: string }>(
      `SELECT hash FROM ${MIGRATIONS_TABLE} ORDER BY id`,
    );
    const counts = [];
    for (const name of tables) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(name)}`);
      const columns = (await columnsOf(client, name)).map((c) => c.name);
      counts.push({ name, rows: Number(r.rows[0]!.n), columns });
    }
    const sequences = await client.query<{
      name: string;
      lastValue: string;
      isCalled: boolean;
    }>(
      `SELECT schemaname || '.' || sequencename AS name, COALESCE(last_value, 0)::text AS "lastValue",
              last_value IS NOT NULL AS "isCalled"
         FROM pg_sequences WHERE schemaname = ANY($1) ORDER BY 1`,
      [[...DATA_SCHEMAS, "drizzle"]],
    );
    const header: Header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      created: new Date().toISOString(),
      migrations: {
        count: migrations.rows.length,
        hashes: migrations.rows.map((r) => r.hash),
      },
      tables: counts,
      sequences: sequences.rows,
    };

    const gzip = createGzip();
    const sink = createWriteStream(file, { flags: "wx", mode: 0o600 });
    const done = new Promise<void>((resolve, reject) => {
      sink.on("finish", resolve);
      sink.on("error", reject);
      gzip.on("error", reject);
    });
    gzip.pipe(sink);
    await writeLine(gzip, JSON.stringify(header));
    for (const { name, rows, columns } of counts) {
      await writeLine(gzip, `#table ${name} ${rows}`);
      const values = columns.map((c) => `_paraply_row.${ident(c)}::text`).join(", ");
      await client.query(
        `DECLARE paraply_backup NO SCROLL CURSOR FOR
           SELECT to_json(ARRAY[${values}]::text[])::text AS r FROM ${ident(name)} _paraply_row
           ORDER BY ${await orderBy(client, name)}`,
      );
      for (;;) {
        const batch = await client.query<{ r: string }>(`FETCH ${FETCH_ROWS} FROM paraply_backup`);
        for (const row of batch.rows) await writeLine(gzip, row.r);
        if (batch.rows.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE paraply_backup");
    }
    await writeLine(gzip, "#end");
    gzip.end();
    await done;
    return header;
  } finally {
    await client.query("ROLLBACK").catch(() => {});
  }
}

const BACKUP_USAGE = "Usage: paraply backup FILE   (writes a gzip-compressed logical backup)";
const RESTORE_USAGE =
  "Usage: paraply restore FILE   (replaces ALL data in the configured database with the backup)";

export const backupCommand: CliCommand = async (args, io) => {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith("-")) {
    io.stderr(`${BACKUP_USAGE}\n`);
    return EXIT.usage;
  }
  const target = path.resolve(file);
  try {
    await fs.access(target);
    io.stderr(`${target} exists already; choose another file name.\n`);
    return EXIT.failure;
  } catch {}
  const config = configForCli(io);
  if (!config) return EXIT.usage;
  // Written beside the target and renamed at the end, so FILE is never a half-written backup.
  const partial = `${target}.${randomBytes(4).toString("hex")}.partial`;
  return withDatabase(
    config,
    io,
    async ({ pool }) => {
      const client = await pool.connect();
      try {
        const header = await writeBackup(client, partial);
        await fs.rename(partial, target);
        const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
        io.stdout(
          `Backup written to ${target}: ${header.tables.length} tables, ${rows} rows, ${header.migrations.count} migrations.\n`,
        );
        return EXIT.ok;
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw error;
      } finally {
        client.release();
      }
    },
    { as: "owner" },
  );
};

/** Reads the file's lines; the header is checked before the database is touched. */
async function openBackup(file: string) {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const lines = readline.createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    try {
      const result = await iterator.next();
      return result.done ? undefined : result.value;
    } catch (error) {
      throw new BackupFileError(
        `${file} is not a readable Paraply backup (${(error as Error).message}).`,
      );
    }
  };
  const first = await next();
  let parsed: unknown;
  try {
    parsed = JSON.parse(first ?? "");
  } catch {
    throw new BackupFileError(`${file} is not a Paraply backup (no header).`);
  }
  const format = (parsed as { format?: unknown; version?: unknown } | null) ?? {};
  if (format.format !== BACKUP_FORMAT) {
    throw new BackupFileError(`${file} is not a Paraply backup (format ${String(format.format)}).`);
  }
  if (format.version !== BACKUP_VERSION) {
    throw new BackupFileError(
      `${file} is a Paraply backup of format version ${String(format.version)}; this version of Paraply reads version ${BACKUP_VERSION}.`,
    );
  }
  const header = HeaderSchema.safeParse(parsed);
  if (!header.success) throw new BackupFileError(`${file} has a damaged header.`);
  return { header: header.data, next, close: () => lines.close() };
}

function checkMigrations(header: Header, file: string): void {
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).map((m) => m.hash);
  const prefix = header.migrations.hashes.every((hash, i) => known[i] === hash);
  if (header.migrations.count > known.length || !prefix) {
    throw new BackupFileError(
      `${file} was made by a newer or different version of Paraply (${header.migrations.count} migrations; this version has ${known.length}). Restore it with that version.`,
    );
  }
}

async function loadTables(
  client: pg.ClientBase,
  header: Header,
  next: () => Promise<string | undefined>,
): Promise<number> {
  const present = await dataTables(client);
  const expected = new Set(header.tables.map((t) => t.name));
  for (const name of expected) {
    if (name !== MIGRATIONS_TABLE && !present.includes(name)) {
      throw new BackupFileError(`The backup has table ${name}, which this database does not.`);
    }
  }
  if (present.length > 0) await client.query(`TRUNCATE ${present.map(ident).join(", ")}`);
  let total = 0;
  let line = await next();
  for (const table of header.tables) {
    const marker = `#table ${table.name} ${table.rows}`;
    if (line !== marker) throw new BackupFileError(`The backup is damaged near ${marker}.`);
    // The migration history stays as `migrate` left it: the schema is this version's.
    const load = table.name !== MIGRATIONS_TABLE;
    const types = new Map((await columnsOf(client, table.name)).map((c) => [c.name, c.type]));
    const missing = table.columns.filter((c) => !types.has(c));
    if (missing.length > 0) {
      throw new BackupFileError(
        `The backup has column(s) ${missing.join(", ")} in ${table.name}, which this database does not.`,
      );
    }
    const list = table.columns.map(ident).join(", ");
    const casts = table.columns.map((c, i) => `(_paraply_row->>${i})::${types.get(c)}`).join(", ");
    const insert = `INSERT INTO ${ident(table.name)} (${list}) OVERRIDING SYSTEM VALUE
      SELECT ${casts} FROM json_array_elements($1::json) _paraply_row`;
    let batch: string[] = [];
    let chars = 0;
    const flush = async () => {
      if (batch.length > 0 && load) await client.query(insert, [`[${batch.join(",")}]`]);
      batch = [];
      chars = 0;
    };
    let rows = 0;
    for (line = await next(); line !== undefined && !line.startsWith("#"); line = await next()) {
      batch.push(line);
      chars += line.length;
      rows++;
      if (batch.length >= INSERT_BATCH_ROWS || chars >= INSERT_BATCH_CHARS) await flush();
    }
    await flush();
    if (rows !== table.rows) {
      throw new BackupFileError(
        `The backup is damaged: ${table.name} has ${rows} rows, the header says ${table.rows}.`,
      );
    }
    if (load) total += rows;
  }
  if (line !== "#end" || (await next()) !== undefined) {
    throw new BackupFileError("The backup is damaged or cut short (no end marker).");
  }
  return total;
}

/** Sequences as they were, and never below the largest value of the column that owns them. */
async function resetSequences(client: pg.ClientBase, header: Header): Promise<void> {
  const saved = new Map(header.sequences.map((s) => [s.name, s]));
  const owned = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT sn.nspname || '.' || s.relname AS seq, tn.nspname || '.' || t.relname AS tbl,
            a.attname AS col
       FROM pg_class s
       JOIN pg_namespace sn ON sn.oid = s.relnamespace
       JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
                       AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_namespace tn ON tn.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND sn.nspname = ANY($1)`,
    [DATA_SCHEMAS],
  );
  const ownedBy = new Map(owned.rows.map((r) => [r.seq, r]));
  const all = await client.query<{ name: string }>(
    "SELECT schemaname || '.' || sequencename AS name FROM pg_sequences WHERE schemaname = ANY($1)",
    [DATA_SCHEMAS],
  );
  for (const { name } of all.rows) {
    const s = saved.get(name);
    let value = s?.isCalled ? BigInt(s.lastValue) : 0n;
    const owner = ownedBy.get(name);
    if (owner) {
      const max = await client.query<{ max: string | null }>(
        `SELECT max(${ident(owner.col)})::text AS max FROM ${ident(owner.tbl)}`,
      );
      const m = max.rows[0]?.max;
      if (m !== null && m !== undefined && BigInt(m) > value) value = BigInt(m);
    }
    if (value > 0n) await client.query("SELECT setval($1::regclass, $2, true)", [name, value]);
    else await client.query("SELECT setval($1::regclass, 1, false)", [name]);
  }
}

export const restoreCommand: CliCommand = async (args, io) => {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith("-")) {
    io.stderr(`${RESTORE_USAGE}\n`);
    return EXIT.usage;
  }
  const source = path.resolve(file);
  const fail = (message: string) => {
    io.stderr(`${message}\nNothing was changed.\n`);
    return EXIT.failure;
  };
  let backup: Awaited<ReturnType<typeof openBackup>>;
  try {
    await fs.access(source);
    backup = await openBackup(source);
    checkMigrations(backup.header, source);
  } catch (error) {
    if (error instanceof BackupFileError) return fail(error.message);
    return fail(`Cannot read ${source}: ${(error as Error).message}`);
  }
  const config = configForCli(io);
  if (!config) {
    backup.close();
    return EXIT.usage;
  }
  try {
    return await withDatabase(
      config,
      io,
      async ({ pool }) => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await fixTextFormats(client);
          try {
            await client.query("SET LOCAL session_replication_role = replica");
          } catch (error) {
            if ((error as { code?: string }).code === "42501") {
              throw new BackupFileError(
                "Restoring sets session_replication_role (to load the audit log as it was), which the owner role may not. As a superuser run: GRANT SET ON PARAMETER session_replication_role TO <owner role>; or restore with DATABASE_OWNER_URL naming a superuser. The embedded database's owner has the right.",
              );
            }
            throw error;
          }
          const rows = await loadTables(client, backup.header, backup.next);
          await resetSequences(client, backup.header);
          await client.query("SET LOCAL session_replication_role = origin");
          const chain = await verifyAuditChain(drizzle(client));
          if (!chain.ok) {
            throw new BackupFileError(
              `The restored audit log fails verification (${chain.problems.length} problem(s), first at seq ${chain.problems[0]!.seq}).`,
            );
          }
          await client.query("COMMIT");
          io.stdout(
            `Restored ${rows} rows in ${backup.header.tables.length - 1} tables from ${source} (made ${backup.header.created}). The audit log verifies.\n`,
          );
          return EXIT.ok;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
      { as: "owner", whenRunning: "refuse" },
    );
  } catch (error) {
    if (error instanceof BackupFileError) return fail(error.message);
    const pgError = error as { message?: string; code?: string };
    if (pgError.code) return fail(`Restore failed: ${pgError.message} (${pgError.code}).`);
    throw error;
  } finally {
    backup.close();
  }
};
