import type { Config } from "../config.ts";
import { connect, type Database, openDatabase, prepareDatabase } from "../db/database.ts";
import type { CliIo } from "./io.ts";

/**
 * Opens the configured database (starting the embedded one if needed), migrated, for one command.
 * `as: "owner"` hands `fn` the owner's connection (migrate, seed, backup, restore, audit verify);
 * commands that do what the app does run as the runtime role.
 */
export async function withDatabase<T>(
  config: Config,
  io: CliIo,
  fn: (database: Database) => Promise<T>,
  options: { as: "owner" | "runtime" } = { as: "runtime" },
): Promise<T> {
  const database = await openDatabase(config, {
    info: (m) => io.stderr(`${m}\n`),
    warn: (m) => io.stderr(`${m}\n`),
  });
  try {
    await prepareDatabase(database);
    if (options.as === "runtime") return await fn(database);
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
