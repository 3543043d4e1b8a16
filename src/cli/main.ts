import { EmbeddedInUseError } from "../db/embedded-in-use.ts";
import { type CliCommand, type CliIo, EXIT, processIo } from "./io.ts";

interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

// Commands are loaded lazily so that `paraply score …` does not start a database driver.
const commands: Record<string, CommandEntry> = {
  start: {
    summary: "Start the app (embedded PostgreSQL unless DATABASE_URL); --demo seeds demo data",
    load: async () => (await import("./commands/start.ts")).startCommand,
  },
  migrate: {
    summary: "Apply database migrations",
    load: async () => (await import("./commands/admin.ts")).migrateCommand,
  },
  seed: {
    summary: "seed --demo: fictional demo data into an empty database",
    load: async () => (await import("./commands/admin.ts")).seedCommand,
  },
  user: {
    summary: "user create | reset-password: manage accounts",
    load: async () => (await import("./commands/admin.ts")).userCommand,
  },
  audit: {
    summary:
      "audit verify [--anchors FILE] | anchor FILE: check the audit log's hash chains; record their heads",
    load: async () => (await import("./commands/admin.ts")).auditCommand,
  },
  backup: {
    summary: "backup FILE: write a logical backup of the database (gzip)",
    load: async () => (await import("./commands/backup.ts")).backupCommand,
  },
  restore: {
    summary: "restore FILE: replace all data with a backup (one transaction)",
    load: async () => (await import("./commands/backup.ts")).restoreCommand,
  },
  readiness: {
    summary: "Score a Community Readiness sheet (CSV) and print the stage as JSON",
    load: async () => (await import("./commands/readiness.ts")).readinessCommand,
  },
  score: {
    summary: "score sdq|ors FILE.csv: score SDQ or ORS/CORS forms and print JSON",
    load: async () => (await import("./commands/score.ts")).scoreCommand,
  },
  economics: {
    summary: "economics FILE.json [--format text]: SROI, NPV, break-even, sensitivity",
    load: async () => (await import("./commands/economics.ts")).economicsCommand,
  },
  profile: {
    summary: "profile compute --instrument F --data F --by COLS: area profile as JSON",
    load: async () => (await import("./commands/profile.ts")).profileCommand,
  },
  survey: {
    summary: "survey generate --rows N --areas K --seed S: a synthetic survey wave (CSV)",
    load: async () => (await import("./commands/survey.ts")).surveyCommand,
  },
};

function usage(): string {
  const lines = Object.entries(commands)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => `  ${name.padEnd(22)} ${entry.summary}`);
  return `Usage: paraply <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr(`paraply: unknown command '${name}'\n\n${usage()}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    return await command(rest, io);
  } catch (error) {
    // Another Paraply process runs this data directory's database: say so, not a stack trace.
    if (error instanceof EmbeddedInUseError) {
      io.stderr(`paraply ${name}: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}
