import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { setActingUser, withActor } from "../src/db/actor.ts";
import { recordStandaloneAudit, systemAuditContext } from "../src/db/audit.ts";
import { runtimeRoleFacts } from "../src/db/roles.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildMunicipality, buildUser } from "./helpers/factories.ts";
import { closeCasesAsOwner } from "./helpers/support.ts";

/**
 * Row-level security and the runtime role's rights, asked of PostgreSQL directly: these queries
 * skip every check of the application, as a forgetful query would.
 */

let t: TestApp;
let runtime: pg.Client;
beforeAll(async () => {
  t = await buildTestApp();
  runtime = new pg.Client({ connectionString: inject("databaseUrl") });
  await runtime.connect();
});
afterAll(async () => {
  await runtime.end();
  await t.close();
});

const HOUR = 3_600_000;

/** A child with an open case in a fresh municipality, written as the owner. */
async function buildCase() {
  const municipality = await buildMunicipality(t.db);
  const child = await t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.children (municipality_id, given_name, family_name, birth_date)
     VALUES ($1, 'Saga', 'Fiktiv', '2016-02-03') RETURNING id`,
    [municipality.id],
  );
  const row = await t.owner.pool.query<{ id: string }>(
    "INSERT INTO support.cases (child_id, municipality_id) VALUES ($1, $2) RETURNING id",
    [child.rows[0]!.id, municipality.id],
  );
  return { id: row.rows[0]!.id, childId: child.rows[0]!.id, municipalityId: municipality.id };
}

async function grant(
  caseId: string,
  userId: string,
  extra: { validFrom?: Date; validUntil?: Date; scopes?: string[] } = {},
) {
  const row = await t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.case_access (case_id, user_id, role, basis, scopes, valid_from, valid_until)
     VALUES ($1, $2, 'team_member', 'case_role', $3, coalesce($4, now()), $5) RETURNING id`,
    [caseId, userId, extra.scopes ?? ["summary", "plan"], extra.validFrom, extra.validUntil],
  );
  return row.rows[0]!.id;
}

/** What the runtime role sees of the support schema in one transaction as `actorId`. */
async function visibleAs(actorId: string | null) {
  await runtime.query("BEGIN");
  try {
    if (actorId) await runtime.query("SELECT set_config('paraply.actor_id', $1, true)", [actorId]);
    const ids = async (sql: string) => (await runtime.query(sql)).rows.map((r) => r.id).sort();
    return {
      cases: await ids("SELECT * FROM support.cases"),
      children: await ids("SELECT * FROM support.children"),
      access: await ids("SELECT * FROM support.case_access"),
    };
  } finally {
    await runtime.query("ROLLBACK");
  }
}

async function pgError(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  return promise.then(
    () => ({ message: "no error" }),
    (error: { code?: string; message: string }) => error,
  );
}

describe("row-level security on the support schema, as the runtime role", () => {
  it("shows nothing without an acting user, though the owner sees the rows", async () => {
    const supportCase = await buildCase();
    const user = await buildUser(t.db, { role: "practitioner" });
    await grant(supportCase.id, user.id);
    const owned = await t.owner.pool.query("SELECT count(*)::int AS n FROM support.cases");
    expect(owned.rows[0].n).toBeGreaterThan(0);
    expect(await visibleAs(null)).toEqual({ cases: [], children: [], access: [] });
    // Outside a transaction too, on a connection that never set it.
    expect((await runtime.query("SELECT * FROM support.cases")).rows).toEqual([]);
  });

  it("shows an acting user exactly the cases they have live access to, with their children and access records", async () => {
    const mine = await buildCase();
    const other = await buildCase();
    const user = await buildUser(t.db, { role: "practitioner" });
    const colleague = await buildUser(t.db, { role: "practitioner" });
    const myGrant = await grant(mine.id, user.id);
    const colleagueGrant = await grant(mine.id, colleague.id);
    await grant(other.id, colleague.id);

    expect(await visibleAs(user.id)).toEqual({
      cases: [mine.id],
      children: [mine.childId],
      access: [myGrant, colleagueGrant].sort(),
    });
    expect((await visibleAs(colleague.id)).cases).toEqual([mine.id, other.id].sort());
    expect(await visibleAs(randomUUID())).toEqual({ cases: [], children: [], access: [] });
  });

  it("shows nothing once access has ended, run out, not yet begun, or the case is closed", async () => {
    const user = await buildUser(t.db, { role: "practitioner" });
    const ended = await buildCase();
    const expired = await buildCase();
    const future = await buildCase();
    const closed = await buildCase();
    const endedGrant = await grant(ended.id, user.id);
    await grant(expired.id, user.id, {
      validFrom: new Date(Date.now() - 2 * HOUR),
      validUntil: new Date(Date.now() + HOUR),
    });
    await grant(future.id, user.id, { validFrom: new Date(Date.now() + HOUR) });
    await grant(closed.id, user.id);
    expect((await visibleAs(user.id)).cases).toEqual([ended.id, expired.id, closed.id].sort());

    await t.owner.pool.query(
      "UPDATE support.case_access SET ended_at = now(), ended_reason = 'handover' WHERE id = $1",
      [endedGrant],
    );
    await t.owner.pool.query(
      "UPDATE support.case_access SET valid_until = now() - interval '1 minute' WHERE case_id = $1",
      [expired.id],
    );
    await closeCasesAsOwner(t, [closed.id]);
    expect(await visibleAs(user.id)).toEqual({ cases: [], children: [], access: [] });
  });

  it("answers the application's question with the same definition, scope by scope", async () => {
    const supportCase = await buildCase();
    const user = await buildUser(t.db, { role: "practitioner" });
    await grant(supportCase.id, user.id, { scopes: ["plan"] });
    const ask = async (scope: string | null) =>
      (
        await runtime.query("SELECT support.live_access($1, $2, $3) AS live", [
          supportCase.id,
          user.id,
          scope,
        ])
      ).rows[0].live;
    expect(await ask("plan")).toBe(true);
    expect(await ask(null)).toBe(true);
    expect(await ask("summary")).toBe(false);
  });

  it("keeps the acting user to its transaction: the pooled connection forgets it", async () => {
    const supportCase = await buildCase();
    const user = await buildUser(t.db, { role: "practitioner" });
    await grant(supportCase.id, user.id);
    const client = await t.pool.connect();
    try {
      const seen = await withActor(t.db, user.id, async (tx) => {
        const rows = await tx.execute("SELECT id FROM support.cases");
        return rows.rows.map((r) => r.id);
      });
      expect(seen).toEqual([supportCase.id]);
      await client.query("BEGIN");
      await client.query("SELECT set_config('paraply.actor_id', $1, true)", [user.id]);
      expect((await client.query("SELECT id FROM support.cases")).rows).toHaveLength(1);
      await client.query("COMMIT");
      expect((await client.query("SELECT id FROM support.cases")).rows).toEqual([]);
    } finally {
      client.release();
    }
  });

  it("lets an acting user open a case and give themselves the first access, and nothing more", async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "practitioner" });
    const stranger = await buildCase();
    const [childId, caseId] = [randomUUID(), randomUUID()];
    const opened = await withActor(t.db, user.id, async (tx) => {
      await tx.execute(
        `INSERT INTO support.children (id, municipality_id, given_name, family_name, birth_date)
         VALUES ('${childId}', '${municipality.id}', 'Nova', 'Fiktiv', '2018-05-06')`,
      );
      await tx.execute(
        `INSERT INTO support.cases (id, child_id, municipality_id)
         VALUES ('${caseId}', '${childId}', '${municipality.id}')`,
      );
      await tx.execute(
        `INSERT INTO support.case_access (case_id, user_id, role, basis, scopes)
         VALUES ('${caseId}', '${user.id}', 'discoverer', 'case_role', '{summary}')`,
      );
      return (await tx.execute("SELECT id FROM support.cases")).rows.map((r) => r.id);
    });
    expect(opened).toEqual([caseId]);

    // Someone else's case: no access granted to oneself, no update, no delete.
    await runtime.query("BEGIN");
    try {
      await runtime.query("SELECT set_config('paraply.actor_id', $1, true)", [user.id]);
      await runtime.query("SAVEPOINT s");
      await grant(stranger.id, (await buildUser(t.db)).id);
      const selfGrant = await pgError(
        runtime.query(
          `INSERT INTO support.case_access (case_id, user_id, role, basis, scopes)
           VALUES ($1, $2, 'team_member', 'case_role', '{summary}')`,
          [stranger.id, user.id],
        ),
      );
      expect(selfGrant.code).toBe("42501");
      expect(selfGrant.message).toMatch(/row-level security/);
      await runtime.query("ROLLBACK TO SAVEPOINT s");
      const updated = await runtime.query(
        "UPDATE support.cases SET status = 'closed' WHERE id = $1",
        [stranger.id],
      );
      expect(updated.rowCount).toBe(0);
      const deleted = await runtime.query("DELETE FROM support.case_access WHERE case_id = $1", [
        caseId,
      ]);
      expect(deleted.rowCount).toBe(0);
      // Break the glass: emergency access to oneself, with a reason.
      await runtime.query(
        `INSERT INTO support.case_access (case_id, user_id, role, basis, scopes, reason, valid_until)
         VALUES ($1, $2, 'emergency', 'emergency', '{summary}', 'Akut fara', now() + interval '1 hour')`,
        [stranger.id, user.id],
      );
      const seen = await runtime.query("SELECT id FROM support.cases ORDER BY id");
      expect(seen.rows.map((r) => r.id)).toEqual([caseId, stranger.id].sort());
    } finally {
      await runtime.query("ROLLBACK");
    }
  });

  it("cannot be switched off, worked around or disabled by the runtime role", async () => {
    await buildCase();
    const attempts = [
      ["SET row_security = off; SELECT * FROM support.cases", /row-level security/],
      [`SET ROLE ${new URL(inject("ownerDatabaseUrl")).username}`, /permission denied/],
      ["ALTER TABLE support.cases DISABLE ROW LEVEL SECURITY", /must be owner/],
      ["ALTER TABLE support.cases NO FORCE ROW LEVEL SECURITY", /must be owner/],
      ["DROP POLICY case_read ON support.cases", /must be owner/],
    ] as const;
    for (const [statement, message] of attempts) {
      await runtime.query("BEGIN");
      try {
        const error = await pgError(runtime.query(statement));
        expect(error.code, statement).toBe("42501");
        expect(error.message, statement).toMatch(message);
      } finally {
        await runtime.query("ROLLBACK");
      }
    }
  });
});

describe("the owner", () => {
  it("keeps every row through its own policy, without evaluating live access", async () => {
    const supportCase = await buildCase();
    for (const table of ["cases", "children", "case_access"]) {
      const plan = await t.owner.pool.query(`EXPLAIN (COSTS OFF) SELECT * FROM support.${table}`);
      const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text, table).not.toMatch(/live_case_ids|SubPlan|Filter/);
    }
    const seen = await t.owner.pool.query("SELECT id FROM support.cases WHERE id = $1", [
      supportCase.id,
    ]);
    expect(seen.rows).toEqual([{ id: supportCase.id }]);
    // The runtime role's plan does consult it.
    const plan = await runtime.query("EXPLAIN (COSTS OFF) SELECT * FROM support.cases");
    expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/SubPlan/);
  });
});

describe("the runtime role", () => {
  it("is no superuser, has no BYPASSRLS and owns nothing", async () => {
    expect(await runtimeRoleFacts(t.pool)).toEqual({
      role: inject("runtimeRole"),
      superuser: false,
      bypassRls: false,
      ownsData: false,
    });
  });

  it.each([
    "UPDATE platform.audit_log SET details = '{}' WHERE seq = (SELECT max(seq) FROM platform.audit_log)",
    "DELETE FROM platform.audit_log WHERE seq = (SELECT max(seq) FROM platform.audit_log)",
    "TRUNCATE platform.audit_log",
  ])("is refused by the audit log's grants: %s", async (statement) => {
    await recordStandaloneAudit(t.db, systemAuditContext("rls test"), { action: "seed.demo" });
    await runtime.query("BEGIN");
    try {
      const error = await pgError(runtime.query(statement));
      expect(error.code).toBe("42501");
      expect(error.message).toMatch(/permission denied for table audit_log/);
    } finally {
      await runtime.query("ROLLBACK");
    }
  });

  it("appends to the audit log and reads it", async () => {
    const marker = randomUUID();
    await recordStandaloneAudit(t.db, systemAuditContext("rls test"), {
      action: "seed.demo",
      subjectId: marker,
    });
    const rows = await runtime.query(
      "SELECT seq, hash FROM platform.audit_log WHERE subject_id = $1",
      [marker],
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reaches a table the owner creates later without a grant by hand", async () => {
    const table = `platform.zz_later_${randomUUID().slice(0, 8)}`;
    await t.owner.pool.query(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, note text)`);
    try {
      await runtime.query(`INSERT INTO ${table} (note) VALUES ('new module')`);
      const rows = await runtime.query(`SELECT note FROM ${table}`);
      expect(rows.rows).toEqual([{ note: "new module" }]);
      const error = await pgError(runtime.query(`DROP TABLE ${table}`));
      expect(error.code).toBe("42501");
    } finally {
      await t.owner.pool.query(`DROP TABLE ${table}`);
    }
  });

  it("cannot create tables in the app's schemas", async () => {
    const error = await pgError(runtime.query("CREATE TABLE support.sneaky (id int)"));
    expect(error.code).toBe("42501");
  });
});

describe("setActingUser and withActor", () => {
  it("inside an open transaction, withActor names the actor for the rest of it", async () => {
    const supportCase = await buildCase();
    const user = await buildUser(t.db, { role: "practitioner" });
    await grant(supportCase.id, user.id);
    const seen = await t.db.transaction(async (tx) => {
      const before = (await tx.execute("SELECT id FROM support.cases")).rows.length;
      const inside = await withActor(tx, user.id, async (same) => {
        expect(same).toBe(tx);
        return (await same.execute("SELECT id FROM support.cases")).rows.length;
      });
      const after = (await tx.execute("SELECT id FROM support.cases")).rows.length;
      return { before, inside, after };
    });
    expect(seen).toEqual({ before: 0, inside: 1, after: 1 });
    expect((await t.pool.query("SELECT id FROM support.cases")).rows).toEqual([]);
  });

  it("clears the acting user with null", async () => {
    const supportCase = await buildCase();
    const user = await buildUser(t.db, { role: "practitioner" });
    await grant(supportCase.id, user.id);
    const seen = await t.db.transaction(async (tx) => {
      await setActingUser(tx, user.id);
      const before = (await tx.execute("SELECT id FROM support.cases")).rows.length;
      await setActingUser(tx, null);
      const after = (await tx.execute("SELECT id FROM support.cases")).rows.length;
      return { before, after };
    });
    expect(seen).toEqual({ before: 1, after: 0 });
  });
});
