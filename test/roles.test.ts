import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { checkRuntimeRole } from "../src/db/roles.ts";
import { TEST_SECRET_KEY } from "./helpers/app.ts";

/** The role the app connects as, refused in production when it could defeat RLS or the audit log. */

const runtimeUrl = inject("databaseUrl");
const ownerUrl = inject("ownerDatabaseUrl");
const superuserUrl = inject("superuserDatabaseUrl");

let superuser: pg.Client;
const bypassRole = `paraply_test_bypass_${randomUUID().slice(0, 8)}`;
const bypassUrl = (() => {
  const url = new URL(runtimeUrl);
  url.username = bypassRole;
  url.password = bypassRole;
  return url.toString();
})();

beforeAll(async () => {
  superuser = new pg.Client({ connectionString: superuserUrl });
  await superuser.connect();
  await superuser.query(`CREATE ROLE ${bypassRole} LOGIN BYPASSRLS PASSWORD '${bypassRole}'`);
});
afterAll(async () => {
  await superuser.query(`DROP OWNED BY ${bypassRole}`);
  await superuser.query(`DROP ROLE ${bypassRole}`);
  await superuser.end();
});

/** `paraply start` in production, which must refuse before it listens. */
function startInProduction(databaseUrl: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["bin/paraply.js", "start"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      PORT: "0",
      PARAPLY_SECRET_KEY: TEST_SECRET_KEY,
      DATABASE_URL: databaseUrl,
      DATABASE_OWNER_URL: ownerUrl,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("the runtime connection in production", () => {
  it.each([
    ["a superuser", superuserUrl, /is a superuser/],
    ["the owner of the app's tables", ownerUrl, /owns the app's schemas or tables/],
    ["a role with BYPASSRLS", bypassUrl, /has BYPASSRLS/],
  ])("refuses to start as %s, naming DATABASE_URL", (_label, url, problem) => {
    const run = startInProduction(url);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^Paraply does not start: DATABASE_URL connects as role "/);
    expect(run.stderr).toMatch(problem);
    expect(run.stderr).not.toMatch(/\bat \S+ \(/);
    expect(run.stdout).not.toContain("Paraply is running");
  });

  it("passes the runtime role, and only warns outside production", async () => {
    const runtime = new pg.Pool({ connectionString: runtimeUrl, max: 1 });
    const owner = new pg.Pool({ connectionString: ownerUrl, max: 1 });
    try {
      const warnings: string[] = [];
      const warn = (m: string) => warnings.push(m);
      await checkRuntimeRole(runtime, { production: true, variable: "DATABASE_URL", warn });
      await checkRuntimeRole(owner, { production: false, variable: "DATABASE_URL", warn });
      expect(warnings).toEqual([expect.stringMatching(/^DATABASE_URL connects as role/)]);
      await expect(
        checkRuntimeRole(owner, { production: true, variable: "DATABASE_URL", warn }),
      ).rejects.toThrow(/owns the app's schemas or tables/);
    } finally {
      await runtime.end();
      await owner.end();
    }
  });

  it("gives a refused role no rights", async () => {
    const rights = await superuser.query(
      "SELECT has_table_privilege($1, 'platform.users', 'SELECT') AS users, has_schema_privilege($1, 'support', 'USAGE') AS support",
      [bypassRole],
    );
    expect(rights.rows[0]).toEqual({ users: false, support: false });
  });
});

describe("DATABASE_OWNER_URL", () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };
  const KEY = randomBytes(32).toString("base64");
  const URL_A = "postgres://app@db.example/paraply";
  const URL_B = "postgres://owner@db.example/paraply";

  it("is required in production beside DATABASE_URL", () => {
    expect(
      problemsOf({ NODE_ENV: "production", PARAPLY_SECRET_KEY: KEY, DATABASE_URL: URL_A }),
    ).toEqual([expect.stringMatching(/^DATABASE_OWNER_URL: is required in production/)]);
    const config = loadConfig({
      NODE_ENV: "production",
      PARAPLY_SECRET_KEY: KEY,
      DATABASE_URL: URL_A,
      DATABASE_OWNER_URL: URL_B,
    });
    expect(config.DATABASE_OWNER_URL).toBe(URL_B);
  });

  it("defaults to DATABASE_URL outside production, needs DATABASE_URL, and must be a PostgreSQL URL", () => {
    expect(loadConfig({ DATABASE_URL: URL_A }).DATABASE_OWNER_URL).toBeUndefined();
    expect(problemsOf({ DATABASE_OWNER_URL: URL_B })).toEqual([
      expect.stringMatching(/^DATABASE_OWNER_URL: needs DATABASE_URL/),
    ]);
    expect(problemsOf({ DATABASE_URL: URL_A, DATABASE_OWNER_URL: "mysql://x/y" })).toEqual([
      expect.stringMatching(/^DATABASE_OWNER_URL:/),
    ]);
    expect(() => loadConfig({ DATABASE_OWNER_URL: URL_B })).toThrow(ConfigError);
  });
});
