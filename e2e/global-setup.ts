import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../src/config.ts";
import { type RunningServer, startServer } from "../src/server/run.ts";
import { startSmtpServer } from "../test/helpers/smtp.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the run's SMTP server writes what the app sends, one `<n>.eml` per message. */
    mailDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Builds the web UI, then runs the real server (embedded PostgreSQL, demo data) for the run.
 * scripts/test-e2e.sh builds once and runs the journeys in parts side by side: it sets
 * PARAPLY_E2E_BUILT, and PARAPLY_E2E_PART so that each part has its own database and mail.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "..");
  if (!process.env.PARAPLY_E2E_BUILT) await buildForProduction(root);
  const part = process.env.PARAPLY_E2E_PART ?? "all";
  const dataDir = path.join(root, `.tmp/e2e-data-${part}`);
  await fs.rm(dataDir, { recursive: true, force: true });
  // A real SMTP server receives the app's e-mail (password reset); the journeys read its files.
  const mailDir = path.join(root, `.tmp/e2e-mail-${part}`);
  await fs.rm(mailDir, { recursive: true, force: true });
  await fs.mkdir(mailDir, { recursive: true });
  const smtp = await startSmtpServer({ saveTo: mailDir });
  // The port is chosen first, so that the links in the e-mail can name it.
  const port = await freePort();
  const config = loadConfig({
    PARAPLY_DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: String(port),
    PARAPLY_PUBLIC_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: smtp.url,
    MAIL_FROM: "Paraply <noreply@paraply.example>",
    PARAPLY_EMBEDDED_PG_PORT: String(await freePort()),
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
  });
  const server: RunningServer = await startServer(config, { demo: true });
  project.provide("baseUrl", server.url);
  project.provide("mailDir", mailDir);
  return async () => {
    await server.close();
    await smtp.close();
  };
}

// Vitest sets NODE_ENV=test, and Vite would then build React's development bundles: the journeys
// and the size test (web-bundle.test.ts) are to see what production serves.
async function buildForProduction(root: string) {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
