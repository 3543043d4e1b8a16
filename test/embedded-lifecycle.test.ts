import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = path.resolve(`.tmp/lifecycle-${process.pid}`);

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

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

describe("the embedded database's life cycle", () => {
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
});
