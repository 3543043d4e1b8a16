import { existsSync } from "node:fs";
import path from "node:path";
import type pino from "pino";
import type { Config } from "../config.ts";
import {
  connectReadReplica,
  type Database,
  migrationsCurrent,
  openDatabase,
  prepareDatabase,
  withConnection,
} from "../db/database.ts";
import { ensureProfileReferenceData } from "../db/reference/profile.ts";
import { ensureReadinessReferenceData } from "../db/reference/readiness.ts";
import { checkRuntimeRole } from "../db/roles.ts";
import { databaseIsEmpty, seedDemo } from "../db/seed/demo.ts";
import { JOBS } from "../jobs/index.ts";
import { JobQueue } from "../jobs/queue.ts";
import { buildApp, WEB_DIST } from "./app.ts";
import { createLogger } from "./logger.ts";
import { sealTotpSecrets } from "./platform/commands/totp.ts";
import { secretBoxFor } from "./platform/secret-box.ts";

export interface RunningServer {
  url: string;
  database: Database;
  close: () => Promise<void>;
}

/** Builds the web UI when no build is there yet, so that a fresh clone starts with one command. */
async function ensureWebBuild(log: pino.Logger): Promise<void> {
  if (existsSync(path.join(WEB_DIST, "index.html"))) return;
  log.info("Building the web interface (first start)…");
  const { build } = await import("vite");
  await build({ configFile: path.resolve(WEB_DIST, "../../vite.config.ts"), logLevel: "warn" });
}

export async function startServer(
  config: Config,
  options: {
    demo: boolean;
    onDemoUsers?: (users: { email: string; role: string; password: string }[]) => void;
  },
): Promise<RunningServer> {
  const log = createLogger(config.LOG_LEVEL);
  if (config.NODE_ENV === "development") await ensureWebBuild(log);
  const database = await openDatabase(config, {
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
  });
  try {
    await prepareDatabase(database, () =>
      checkRuntimeRole(database.pool, {
        production: config.NODE_ENV === "production",
        variable: database.embedded ? "The embedded database's runtime role" : "DATABASE_URL",
        warn: (m) => log.warn(m),
      }),
    );
    // Start-up data is written as the owner; the app itself runs as the runtime role.
    const demoUsers = await withConnection(database.ownerUrl, async (owner) => {
      await ensureReadinessReferenceData(owner.db);
      await ensureProfileReferenceData(owner.db);
      if (options.demo && (await databaseIsEmpty(owner.db))) return seedDemo(owner.db);
      return undefined;
    });
    if (demoUsers) options.onDemoUsers?.(demoUsers);
    const secrets = secretBoxFor(config);
    const { sealed, unknown } = await sealTotpSecrets({ db: database.db, secrets });
    if (sealed > 0) log.info(`Sealed ${sealed} two-factor secrets under the current key`);
    if (unknown > 0) {
      log.warn(
        `${unknown} two-factor secrets are sealed under a key this instance does not have; those people cannot sign in with a code until PARAPLY_SECRET_KEY(_PREVIOUS) is right or their two-factor is reset`,
      );
    }
    const replica = connectReadReplica(config);
    const jobs = new JobQueue({ db: database.db, config, jobs: JOBS, log });
    const app = await buildApp({
      jobs,
      config,
      db: database.db,
      ready: async () => {
        await database.pool.query("SELECT 1");
        return migrationsCurrent(database.pool);
      },
      logger: log,
      secrets,
      ...(replica ? { readDb: replica.db } : {}),
    });
    await app.listen({ host: config.HOST, port: config.PORT });
    await jobs.start();
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    return {
      url: `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`,
      database,
      close: async () => {
        await jobs.stop();
        await app.close();
        await replica?.pool.end();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
