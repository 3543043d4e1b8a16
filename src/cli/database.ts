import type { Config } from "../config.ts";
import { connect, type Database, openDatabase, prepareDatabase } from "../db/database.ts";
import type { EmbeddedOptions } from "../db/embedded.ts";
import type { CliIo } from "./io.ts";

/**
 * Opens the configured database (starting the embedded one if needed), migrated, for one command.
 * `as: "owner"` hands `fn` the owner's connection (migrate, seed, backup, restore, audit verify);
 * commands that do what the app does run as the runtime role. While the app runs on the same
 * embedded database, a command uses the app's server and leaves it running; a command that must
 * not run beside the app (restore) refuses instead.
 */
export async function withDatabase<T>(
  config: Config,
  io: CliIo,
  fn: (database: Database) => Promise<T>,
  options: { as?: "owner" | "runtime" } & EmbeddedOptions = {},
): Promise<T> {
  const database = await openDatabase(
    config,
    {
      info: (m) => io.stderr(`${m}\n`),
      warn: (m) => io.stderr(`${m}\n`),
    },
    { whenRunning: "share", ...options },
  );
  try {
    await prepareDatabase(database);
    if (options.as !== "owner") return await fn(database);
    const owner = connect(database.ownerUrl, 2);
    try {
      return await fn({ ...database, ...owner, url: database.ownerUrl });
    } finally {
      await owner.pool.end();
    }
  } finally {
    await database.close();
  }
}
