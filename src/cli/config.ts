import { type Config, ConfigError, loadConfig } from "../config.ts";
import type { CliIo } from "./io.ts";

/** Loads configuration for a command; prints what is wrong and returns null when invalid. */
export function configForCli(io: CliIo, overrides: NodeJS.ProcessEnv = {}): Config | null {
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return null;
    }
    throw error;
  }
}
