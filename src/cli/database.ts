import type { Config } from "../config.ts";
import { type Database, migrateDatabase, openDatabase } from "../db/database.ts";
import type { EmbeddedOptions } from "../db/embedded.ts";
import type { CliIo } from "./io.ts";

/**
 * Opens the configured database (starting the embedded one if needed), migrated, for one
 * command. While the app runs on the same embedded database, a command uses the app's server and
 * leaves it running; a command that must not run beside the app (restore) refuses instead.
 */
export async function withDatabase<T>(
  config: Config,
  io: CliIo,
  fn: (database: Database) => Promise<T>,
  options: EmbeddedOptions = { whenRunning: "share" },
): Promise<T> {
  const database = await openDatabase(
    config,
    {
      info: (m) => io.stderr(`${m}\n`),
      warn: (m) => io.stderr(`${m}\n`),
    },
    options,
  );
  try {
    await migrateDatabase(database.url);
    return await fn(database);
  } finally {
    await database.close();
  }
}
