import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildMunicipality, buildUser, signIn } from "./helpers/factories.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** Runs the real CLI against the run's database; asynchronous so that several can run at once. */
function paraply(
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/paraply.js", ...args], {
      env: {
        ...process.env,
        DATABASE_URL: inject("databaseUrl"),
        DATABASE_OWNER_URL: inject("ownerDatabaseUrl"),
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const NO_STACK = /\bat \S+ \(|\.ts:\d+:\d+/;
const email = () => `cli-${randomUUID().slice(0, 8)}@test.example`;

// No database: the external run would repeat these exactly.
describe.skipIf(inject("databaseTarget") === "external")("paraply --help and usage", () => {
  it("lists the commands", async () => {
    const help = await paraply("--help");
    expect(help.status).toBe(0);
    for (const command of ["start", "migrate", "seed", "user", "audit"]) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, "m"));
    }
  });

  it("exits 2 with usage on bad arguments", async () => {
    const pw = ["--password", "a-long-enough-password"];
    const cases: [string[], RegExp][] = [
      [[], /Usage: paraply/],
      [["frobnicate"], /unknown command 'frobnicate'/],
      [["user", "delete", "--email", "a@b.se"], /paraply user create/],
      [["user", "create", "--bogus", "x"], /bogus[\s\S]*Usage:/],
      [["user", "create", "--email", "nope", "--name", "N", "--role", "reader", ...pw], /--email/],
      [["user", "create", "--email", "a@b.se", "--name", "N", "--role", "king", ...pw], /--role/],
      [
        ["user", "create", "--email", "a@b.se", "--name", "N", "--role", "reader", ...pw],
        /--organisation is required/,
      ],
      [["user", "reset-password", "--email", "a@b.se", "--password", "short"], /--password/],
      [["audit", "check"], /Usage:\s+paraply audit verify/],
      [["audit", "anchor"], /paraply audit anchor FILE/],
      [["audit", "verify", "--anchor", "x"], /anchor[\s\S]*Usage:/],
      [["audit", "verify", "--anchors", "/no/such/anchors.jsonl"], /Cannot read the anchor file/],
    ];
    // Two at a time: each run starts its own Node process.
    const results: { args: string[]; status: number | null; out: string }[] = [];
    for (let i = 0; i < cases.length; i += 2) {
      const batch = cases.slice(i, i + 2);
      const runs = await Promise.all(batch.map(([args]) => paraply(...args)));
      for (const [j, run] of runs.entries()) {
        results.push({ args: batch[j]![0], status: run.status, out: run.stdout + run.stderr });
      }
    }
    cases.forEach(([args, message], i) => {
      const result = results[i]!;
      expect({ args, status: result.status }).toEqual({ args, status: 2 });
      expect(result.out).toMatch(message);
      expect(result.out).not.toMatch(NO_STACK);
    });
  });
});

describe("paraply user", () => {
  it("creates a user who can sign in, audited as the CLI", async () => {
    const municipality = await buildMunicipality(t.db);
    const address = email();
    const run = await paraply(
      "user",
      "create",
      "--email",
      address,
      "--name",
      "Cli Användare",
      "--role",
      "org_admin",
      "--organisation",
      municipality.id,
      "--password",
      "a-long-enough-password",
    );
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Created user ${address}`);
    const { cookie } = await signIn(t, address, "a-long-enough-password");
    const me = await t.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.json()).toMatchObject({
      displayName: "Cli Användare",
      grants: [{ role: "org_admin", organisationId: municipality.id }],
    });
    const audit = await t.pool.query(
      "SELECT actor_id, actor_label FROM platform.audit_log WHERE action = 'user.create' AND subject_id = $1",
      [me.json().id],
    );
    expect(audit.rows).toEqual([{ actor_id: null, actor_label: "paraply user create" }]);

    const again = await paraply(
      "user",
      "create",
      "--email",
      address,
      "--name",
      "Dubblett",
      "--role",
      "system_admin",
      "--password",
      "a-long-enough-password",
    );
    expect(again.status).toBe(1);
    expect(again.stderr).not.toMatch(NO_STACK);
  });

  it("resets a password, ending the user's sessions; an unknown e-mail exits 1", async () => {
    const user = await buildUser(t.db);
    const { cookie } = await signIn(t, user.email);
    const [run, unknown] = await Promise.all([
      paraply("user", "reset-password", "--email", user.email, "--password", "the-new-password"),
      paraply("user", "reset-password", "--email", email(), "--password", "the-new-password"),
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Password reset");
    expect((await t.app.inject({ url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
    await signIn(t, user.email, "the-new-password");
    const audit = await t.pool.query(
      "SELECT actor_label FROM platform.audit_log WHERE action = 'user.reset_password' AND subject_id = $1",
      [user.id],
    );
    expect(audit.rows).toEqual([{ actor_label: "paraply user reset-password" }]);

    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No user with e-mail");
  });

  it("turns two-factor off for someone who lost their app, audited as the CLI", async () => {
    const user = await buildUser(t.db);
    await t.pool.query(
      "UPDATE platform.users SET totp_secret = 'v1.x', totp_enabled_at = now() WHERE id = $1",
      [user.id],
    );
    const [run, unknown, bad] = await Promise.all([
      paraply("user", "reset-totp", "--email", user.email),
      paraply("user", "reset-totp", "--email", email()),
      paraply("user", "reset-totp", "--email", "not-an-address"),
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Two-factor authentication turned off");
    const row = await t.pool.query(
      "SELECT totp_secret, totp_enabled_at FROM platform.users WHERE id = $1",
      [user.id],
    );
    expect(row.rows[0]).toEqual({ totp_secret: null, totp_enabled_at: null });
    const audit = await t.pool.query(
      "SELECT actor_label FROM platform.audit_log WHERE action = 'user.reset_totp' AND subject_id = $1",
      [user.id],
    );
    expect(audit.rows).toEqual([{ actor_label: "paraply user reset-totp" }]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No user with e-mail");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--email");
  });
});
