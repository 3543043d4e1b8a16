import { existsSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import type { Config } from "../config.ts";
import {
  connectReadReplica,
  type Database,
  migrateDatabase,
  migrationsCurrent,
  openDatabase,
} from "../db/database.ts";
import { databaseIsEmpty, seedDemo } from "../db/seed/demo.ts";
import { JOBS } from "../jobs/index.ts";
import { JobQueue } from "../jobs/queue.ts";
import { buildApp, WEB_DIST } from "./app.ts";
import { sealTotpSecrets } from "./platform/commands/totp.ts";
import { secretBoxFor } from "./platform/secret-box.ts";
import { ensureReadinessReferenceData } from "./readiness/reference-data.ts";

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
  const log = pino({
    level: config.LOG_LEVEL,
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']"],
      remove: true,
    },
  });
  if (config.NODE_ENV === "development") await ensureWebBuild(log);
  const database = await openDatabase(config, {
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
  });
  try {
    await migrateDatabase(database.url);
    await ensureReadinessReferenceData(database.db);
    const secrets = secretBoxFor(config);
    const { sealed, unknown } = await sealTotpSecrets({ db: database.db, secrets });
    if (sealed > 0) log.info(`Sealed ${sealed} two-factor secrets under the current key`);
    if (unknown > 0) {
      log.warn(
        `${unknown} two-factor secrets are sealed under a key this instance does not have; those people cannot sign in with a code until PARAPLY_SECRET_KEY(_PREVIOUS) is right or their two-factor is reset`,
      );
    }
    if (options.demo && (await databaseIsEmpty(database.db))) {
      const users = await seedDemo(database.db);
      options.onDemoUsers?.(users);
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
