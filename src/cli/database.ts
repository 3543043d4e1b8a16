import type { Config } from "../config.ts";
import { type Database, migrateDatabase, openDatabase } from "../db/database.ts";
import type { CliIo } from "./io.ts";

/** Opens the configured database (starting the embedded one if needed), migrated, for one command. */
export async function withDatabase<T>(
  config: Config,
  io: CliIo,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config, {
    info: (m) => io.stderr(`${m}\n`),
    warn: (m) => io.stderr(`${m}\n`),
  });
  try {
    await migrateDatabase(database.url);
    return await fn(database);
  } finally {
    await database.close();
  }
}
