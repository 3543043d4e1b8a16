import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Placeholder, type SQL, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { Config } from "../config.ts";
import { type EmbeddedOptions, type EmbeddedServer, startEmbeddedPostgres } from "./embedded.ts";
import { grantJobQueue, installJobQueue } from "./job-queue.ts";
import { grantRuntimeAccess } from "./roles.ts";

/**
 * Without drizzle's relational queries (`db.query.*`), which nothing here uses: given the schema,
 * drizzle builds a query builder for each of its tables with every transaction it opens, a sixteenth
 * of the app's CPU on a case page (bench/support).
 */
export type Db = NodePgDatabase;
/** A transaction handle: commands take this so the audit row lands in the same transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * The app's database. `db`/`pool` connect as the runtime role (`url`): no superuser, owner of
 * nothing, no BYPASSRLS. Migrations, seeding, backup, restore and audit verification connect as
 * the owner (`ownerUrl`); see docs/decisions.md, "Database roles".
 */
export interface Database {
  db: Db;
  pool: pg.Pool;
  url: string;
  ownerUrl: string;
  embedded: boolean;
  close: () => Promise<void>;
}

interface Logger {
  info: (msg: string) => void;
  warn: (msg: string) => void;
}

// Statements a connection keeps prepared: each costs the server some memory, and a statement
// whose text varies with its input (a list of n parameters) must not fill it. A statement with
// more parameters than a hand-written one has is such a list (a multi-row insert, an IN list):
// it is planned each time.
const PREPARED_PER_CONNECTION = 200;
const PREPARED_MAX_PARAMETERS = 24;
const statementNames = new Map<string, string>();
const FIXED_STATEMENT = "/* fixed */ ";

/**
 * A client that prepares each parameterised statement once per connection (a named statement)
 * instead of having it parsed, rewritten (under its row-level policies) and planned on every call:
 * the support case page went from 392 to 467 requests per second (bench/support's data, 50
 * connections), the readiness results from 982 to 1,297 and its trend from 712 to 1,442
 * (bench/api's data). PostgreSQL then reuses a generic plan where it looks as cheap, so a
 * statement must have a plan that holds for any of its parameters: the readiness list joins its
 * readable set for that reason (`listAssessmentPage`).
 */
class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  // pg's overloads do not survive an override; the arguments pass through unchanged.
  override query(...args: unknown[]): never {
    const config = args[0] as { text?: unknown; name?: unknown; values?: unknown[] } | null;
    // drizzle passes the values beside the config, pg's own callers inside it.
    const values = Array.isArray(args[1]) ? args[1] : config?.values;
    if (config !== null && typeof config === "object" && config.name === undefined) {
      const name = preparedStatementName(config.text, values);
      if (
        name !== null &&
        (this.prepared.has(name) || this.prepared.size < PREPARED_PER_CONNECTION)
      ) {
        this.prepared.add(name);
        args[0] = { ...config, name };
      }
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

/** The name a statement is prepared under, or null when it is sent to be planned each time. */
export function preparedStatementName(text: unknown, values: unknown): string | null {
  if (typeof text !== "string" || !Array.isArray(values)) return null;
  if (values.length > PREPARED_MAX_PARAMETERS) return null;
  if (values.length === 0 && !text.startsWith(FIXED_STATEMENT)) return null;
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `p_${createHash("sha1").update(text).digest("base64url")}`;
    if (statementNames.size < 10_000) statementNames.set(text, name);
  }
  return name;
}

export function connect(url: string, poolSize = 10): { db: Db; pool: pg.Pool } {
  // Connections are kept once opened (min = max: no idle timeout). A new one costs SCRAM
  // authentication and a backend with cold caches and none of its prepared statements; with the
  // 10-second idle timeout, bench/api saw backends replaced between its routes.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    min: poolSize,
    Client: PreparingClient,
  });
  // An idle client's connection can drop (server restart); without a listener that kills the process.
  pool.on("error", () => {});
  return { db: drizzle(pool), pool };
}

/** A Db over one checked-out client: for a transaction shared with another library (pg-boss). */
export function drizzleOn(client: pg.PoolClient): Db {
  return drizzle(client);
}

/**
 * The one client a drizzle transaction runs on, so that a library speaking plain pg (pg-boss)
 * can join the same BEGIN … COMMIT instead of taking a second pool connection while the
 * transaction holds one (under load, every request waiting for a second connection starves the
 * pool). drizzle's type does not show its session.
 */
export function clientOfTransaction(tx: Tx): pg.ClientBase {
  return (tx as unknown as { session: { client: pg.ClientBase } }).session.client;
}

/** The pool under a Db made by connect(); drizzle's type does not show it. For named statements and LISTEN. */
export function poolOf(db: Db): pg.Pool {
  return (db as Db & { $client: pg.Pool }).$client;
}

/**
 * The read replica for reporting reads that may lag the primary a little (DATABASE_READ_URL), or
 * none: those reads then go to the primary.
 */
export function connectReadReplica(config: Config): { db: Db; pool: pg.Pool } | undefined {
  return config.DATABASE_READ_URL ? connect(config.DATABASE_READ_URL, 5) : undefined;
}

/**
 * Connects to DATABASE_URL (the owner's DATABASE_OWNER_URL, which defaults to it outside
 * production), or starts the embedded server under the data directory.
 */
export async function openDatabase(
  config: Config,
  log: Logger,
  options: EmbeddedOptions = {},
): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  let ownerUrl = config.DATABASE_OWNER_URL ?? url;
  if (!url || !ownerUrl) {
    embedded = await startEmbeddedPostgres(
      config.dataDir,
      config.PARAPLY_EMBEDDED_PG_PORT,
      log,
      options,
    );
    url = embedded.url;
    ownerUrl = embedded.ownerUrl;
  }
  const { db, pool } = connect(url);
  return {
    db,
    pool,
    url,
    ownerUrl,
    embedded: Boolean(embedded),
    close: async () => {
      await pool.end();
      await embedded?.stop();
    },
  };
}

// Several app instances may start at once against one database; one migrates, the rest wait.
const MIGRATION_LOCK = 7_351_001;

/**
 * Applies the migrations as the owner (`ownerUrl`) and, when a runtime role is named, gives it its
 * rights (again: new tables, new schemas), under one lock so that instances starting together
 * take turns. `beforeGrant` may refuse the role first (it then gets nothing). Idempotent.
 */
export async function migrateDatabase(
  ownerUrl: string,
  options: { runtimeRole?: string; beforeGrant?: () => Promise<void> } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
    await installJobQueue(client);
    await options.beforeGrant?.();
    if (options.runtimeRole) {
      await grantRuntimeAccess(client, options.runtimeRole);
      await grantJobQueue(client, options.runtimeRole);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}

/**
 * Migrates the database as its owner and gives the role the app connects as its rights, after
 * `check` (which may refuse that role) has passed.
 */
export async function prepareDatabase(
  database: Pick<Database, "pool" | "ownerUrl">,
  check?: () => Promise<void>,
) {
  const result = await database.pool.query<{ role: string }>("SELECT current_user AS role");
  await migrateDatabase(database.ownerUrl, {
    runtimeRole: result.rows[0]!.role,
    ...(check ? { beforeGrant: check } : {}),
  });
}

/** A short-lived connection (the owner's, for start-up and maintenance work), closed after `fn`. */
export async function withConnection<T>(
  url: string,
  fn: (connection: { db: Db; pool: pg.Pool }) => Promise<T>,
): Promise<T> {
  const connection = connect(url, 2);
  try {
    return await fn(connection);
  } finally {
    await connection.pool.end();
  }
}

/** Whether every migration shipped with this build is applied (for /readyz). */
export async function migrationsCurrent(pool: pg.Pool): Promise<boolean> {
  const journal = await import("./migrations/meta/_journal.json", { with: { type: "json" } });
  const expected = journal.default.entries.length;
  const result = await pool
    .query<{ count: string }>("SELECT count(*) AS count FROM drizzle.__drizzle_migrations")
    .catch(() => null);
  return result !== null && Number(result.rows[0]?.count) >= expected;
}

/**
 * A uuid[] parameter. Drizzle spreads a JS array into a parameter list, so the ids travel as one
 * array literal; they are validated uuids, which contain no characters that need quoting.
 */
export function uuidArray(ids: Iterable<string>) {
  return sql`${`{${[...ids].join(",")}}`}::uuid[]`;
}

/** A nullable timestamp as a row of a written-out statement carries it (text), as a Date. */
export function nullableDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/**
 * A statement without parameters that is still prepared once per connection: its text is the
 * same on every call (a list of everything, say), and planning it anew cost more than running it
 * (the system administrator's users list: 0.45 ms of planning a request).
 */
export function fixedStatement(query: SQL) {
  return sql`${sql.raw(FIXED_STATEMENT)}${query}`;
}

/**
 * A uuid[] parameter the planner does not look into (a scalar subquery, evaluated once when the
 * statement runs). Given the ids, PostgreSQL estimates each against the column's statistics
 * while planning, which for a collaboration's sixty organisations cost more than the query, and
 * plans each run anew for its values. Unseen, every run gets the same plan and a prepared
 * statement keeps it.
 */
export function opaqueUuidArray(ids: Iterable<string> | Placeholder) {
  // A placeholder stands for the array in a statement built once (`preparedQuery`).
  const array = ids instanceof Placeholder ? sql`${ids}::uuid[]` : uuidArray(ids);
  return sql`(SELECT ${array})::uuid[]`;
}

/**
 * LIMIT written into the statement, OFFSET a parameter past the first page. A parameter in
 * either makes a plan kept for any value look dearer (PostgreSQL assumes a tenth of the rows
 * are wanted) than one made for the value at hand, so the statement is planned anew on every
 * run. Page sizes are few, so each is its own prepared statement; later pages, rarer and many,
 * share one statement planned each time rather than fill the connection's prepared statements.
 */
export function pageClause(limit: number, offset = 0) {
  if (!Number.isSafeInteger(limit) || limit < 0 || !Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`not a page: limit ${limit}, offset ${offset}`);
  }
  const first = sql.raw(`LIMIT ${limit}`);
  return offset > 0 ? sql`${first} OFFSET ${offset}` : first;
}
