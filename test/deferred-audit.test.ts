import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, systemAuditContext } from "../src/db/audit.ts";
import { runRequestTransaction } from "../src/db/request-transaction.ts";
import { organisations } from "../src/db/schema/platform.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUser } from "./helpers/factories.ts";
import { call } from "./helpers/http.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

// Quotes, a backslash before a quote, a statement of its own, and text beyond ASCII: the
// deferred audit rows are written out as literals, so each must arrive exactly as sent.
const HOSTILE = `x'); DELETE FROM platform.audit_log; -- \\' "ü" 😀 \\x00`;
// A header carries Latin-1 only.
const HOSTILE_HEADER = `x'); DELETE FROM platform.audit_log; -- \\' "q" \\`;

async function rowsWithSubject(subjectId: string) {
  const res = await t.pool.query<{ user_agent: string | null; details: unknown; reason: string }>(
    "SELECT user_agent, details, reason FROM platform.audit_log WHERE subject_id = $1 ORDER BY seq",
    [subjectId],
  );
  return res.rows;
}

describe("the request transaction", () => {
  it("writes a read's audit row with its commit, byte for byte, whatever the request carried", async () => {
    const municipality = await buildMunicipality(t.db);
    const { headers } = await actorWith(t, "org_admin", municipality.id);
    const colleague = await buildUser(t.db, {
      role: "practitioner",
      organisationId: municipality.id,
    });
    const before = await t.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM platform.audit_log",
    );
    const res = await call(t, "GET", `/api/users/${colleague.id}`, {
      ...headers,
      "user-agent": HOSTILE_HEADER,
    });
    expect(res.statusCode).toBe(200);
    const rows = await rowsWithSubject(colleague.id);
    expect(rows.at(-1)?.user_agent).toBe(HOSTILE_HEADER);
    const after = await t.pool.query<{ n: string }>("SELECT count(*) AS n FROM platform.audit_log");
    expect(Number(after.rows[0]!.n)).toBeGreaterThan(Number(before.rows[0]!.n));
  });

  it("names the acting user, commits the rows with the work, and keeps neither when the work fails", async () => {
    const user = await buildUser(t.db, { role: "practitioner" });
    const subject = crypto.randomUUID();
    const details = { note: HOSTILE, nested: { list: [1, "två", null] } };
    const seen = await runRequestTransaction(t.db, user.id, async (tx) => {
      await recordAudit(tx, systemAuditContext("test"), {
        action: "user.read",
        subjectType: "user",
        subjectId: subject,
        reason: HOSTILE,
        details,
      });
      // Deferred: not yet in the table inside the transaction.
      const inside = await tx.execute<{ n: string }>(
        sql`SELECT count(*) AS n FROM platform.audit_log WHERE subject_id = ${subject}`,
      );
      expect(Number(inside.rows[0]!.n)).toBe(0);
      const actor = await tx.execute<{ actor: string }>(
        sql`SELECT current_setting('paraply.actor_id', true) AS actor`,
      );
      return actor.rows[0]!.actor;
    });
    expect(seen).toBe(user.id);
    const rows = await rowsWithSubject(subject);
    expect(rows).toEqual([{ user_agent: null, details, reason: HOSTILE }]);

    const failed = crypto.randomUUID();
    await expect(
      runRequestTransaction(t.db, user.id, async (tx) => {
        await recordAudit(tx, systemAuditContext("test"), {
          action: "user.read",
          subjectId: failed,
        });
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect(await rowsWithSubject(failed)).toEqual([]);
    // The connection went back to the pool usable and outside any transaction.
    const idle = await t.pool.query<{ n: number }>("SELECT 1 AS n");
    expect(idle.rows[0]!.n).toBe(1);
  });

  it("commits nothing when an audit row cannot be written, and leaves the connection usable", async () => {
    const user = await buildUser(t.db, { role: "practitioner" });
    const name = `Region ${crypto.randomUUID()}`;
    // Odd rounds write one row, even rounds two: the failing row comes first or second.
    for (let i = 0; i < 12; i++) {
      await expect(
        runRequestTransaction(t.db, user.id, async (tx) => {
          await tx.insert(organisations).values({ kind: "region", name });
          if (i % 2 === 0) {
            await recordAudit(tx, systemAuditContext("test"), {
              action: "user.read",
              subjectId: name,
            });
          }
          // This row names an organisation that is no uuid: its INSERT fails in the database.
          await recordAudit(tx, systemAuditContext("test"), {
            action: "user.read",
            subjectId: name,
            organisationId: "not a uuid",
          });
        }),
      ).rejects.toThrow(/type uuid/);
    }
    const kept = await t.pool.query("SELECT 1 FROM platform.organisations WHERE name = $1", [name]);
    expect(kept.rows).toEqual([]);
    expect(await rowsWithSubject(name)).toEqual([]);
    // The same work with rows that can be written commits both.
    await runRequestTransaction(t.db, user.id, async (tx) => {
      await tx.insert(organisations).values({ kind: "region", name });
      await recordAudit(tx, systemAuditContext("test"), { action: "user.read", subjectId: name });
    });
    const written = await t.pool.query("SELECT 1 FROM platform.organisations WHERE name = $1", [
      name,
    ]);
    expect(written.rows).toHaveLength(1);
    expect(await rowsWithSubject(name)).toHaveLength(1);
  });

  it("runs the first statement, sent in one write with BEGIN, inside the transaction", async () => {
    const xid = sql`SELECT pg_current_xact_id()::text AS id`;
    const [first, second] = await runRequestTransaction(t.db, null, async (tx) => [
      (await tx.execute<{ id: string }>(xid)).rows[0]!.id,
      (await tx.execute<{ id: string }>(xid)).rows[0]!.id,
    ]);
    expect(first).toBe(second);
    // A first statement that fails rolls the transaction back and leaves the connections usable.
    for (let i = 0; i < 12; i++) {
      await expect(
        runRequestTransaction(t.db, null, (tx) => tx.execute(sql`SELECT 1 / 0`)),
      ).rejects.toThrow();
    }
    const after = await runRequestTransaction(t.db, null, (tx) => tx.execute(sql`SELECT 1 AS n`));
    expect(after.rows).toEqual([{ n: 1 }]);
  });

  it("refuses an acting user that is not a uuid before it reaches the database", async () => {
    await expect(
      runRequestTransaction(t.db, "x', true); SELECT 1; --", async () => 1),
    ).rejects.toThrow("not a uuid");
  });
});
