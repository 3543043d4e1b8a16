import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";

const dataDir = path.resolve(`.tmp/lifecycle-${process.pid}`);

// Apps started here, stopped at the end even when a test fails halfway, so none is left running.
const running: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function start(
  port: number,
  pgPort: number,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["bin/paraply.js", "start", "--demo"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      PORT: String(port),
      PARAPLY_DATA_DIR: dataDir,
      PARAPLY_EMBEDDED_PG_PORT: String(pgPort),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const deadline = Date.now() + 60_000;
  while (!out.includes("Press Ctrl-C to stop")) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`app did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

/** Runs one CLI command to its end against the same data directory; its exit code and output. */
function cli(args: string[], pgPort: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["bin/paraply.js", ...args], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      PORT: "0",
      PARAPLY_DATA_DIR: dataDir,
      PARAPLY_EMBEDDED_PG_PORT: String(pgPort),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

afterAll(async () => {
  for (const child of running.filter((c) => c.exitCode === null && c.signalCode === null)) {
    child.kill("SIGINT");
    await exited(child);
  }
  await fs.rm(dataDir, { recursive: true, force: true });
});

// Its own embedded database whatever the run's target: the external run would repeat it exactly.
describe.skipIf(inject("databaseTarget") === "external")(
  "the embedded database's life cycle",
  () => {
    it("seeds once, survives kill -9 of the app, and stops cleanly on Ctrl-C", async () => {
      const port = await freePort();
      const pgPort = await freePort();
      const first = await start(port, pgPort);
      expect(first.output(), first.output()).toContain("Demo data was seeded");
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);

      first.child.kill("SIGKILL");
      await exited(first.child);
      // The orphaned PostgreSQL server still holds the data directory here.
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid")), first.output()).toBe(true);

      const second = await start(port, pgPort);
      expect(second.output(), second.output()).not.toContain("Demo data was seeded");
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@paraply.example", password: "Paraply-demo-2026" }),
      });
      expect(login.status, second.output()).toBe(200);

      second.child.kill("SIGINT");
      expect(await exited(second.child), second.output()).toBe(0);
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid")), second.output()).toBe(false);
    }, 120_000);

    it("lets backup and audit verify use a running app's database and leaves it running", async () => {
      const port = await freePort();
      const pgPort = await freePort();
      const app = await start(port, pgPort);
      const ready = async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
      expect(await ready()).toBe(200);
      const verify = await cli(["audit", "verify"], pgPort);
      expect(verify.code, verify.output).toBe(0);
      expect(await ready(), app.output()).toBe(200);
      expect(verify.output).not.toContain("orphaned");
      expect(verify.output).toContain("running Paraply process");

      const file = path.join(dataDir, "backup-while-running.gz");
      const backup = await cli(["backup", file], pgPort);
      expect(backup.code, backup.output).toBe(0);
      expect(existsSync(file)).toBe(true);
      expect(await ready(), app.output()).toBe(200);

      // Restore replaces everything under the app's feet, and a second app would share the
      // database it stops: both refuse, saying why, and the running app is untouched.
      const restore = await cli(["restore", file], pgPort);
      expect(restore.code, restore.output).toBe(1);
      expect(restore.output).toContain(`pid ${app.child.pid}`);
      const second = await cli(["start"], pgPort);
      expect(second.code, second.output).toBe(1);
      expect(second.output).toContain("Stop that process first");
      expect(await ready(), app.output()).toBe(200);

      expect(existsSync(path.join(dataDir, "paraply.pid"))).toBe(true);
      app.child.kill("SIGINT");
      expect(await exited(app.child), app.output()).toBe(0);
      expect(existsSync(path.join(dataDir, "paraply.pid"))).toBe(false);
    }, 180_000);
  },
);
