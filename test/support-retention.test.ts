import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemAuditContext } from "../src/db/audit.ts";
import { supportRetentionJob } from "../src/jobs/support/retention.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality } from "./helpers/factories.ts";
import { buildConsent, buildSupportCase, closeCasesAsOwner, grantAs } from "./helpers/support.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function closedCase(municipalityId: string, yearsAgo: number, birthDate: string) {
  const c = await buildSupportCase(t, municipalityId);
  await grantAs(t, c.id, (await actorWith(t, "practitioner", municipalityId)).user.id, {
    role: "child_contact",
  });
  await buildConsent(t, c.id);
  await t.owner.pool.query("UPDATE support.children SET birth_date = $2 WHERE id = $1", [
    c.childId,
    birthDate,
  ]);
  await closeCasesAsOwner(t, [c.id], yearsAgo);
  return c;
}

const exists = async (caseId: string) =>
  (await t.owner.pool.query("SELECT 1 FROM support.cases WHERE id = $1", [caseId])).rowCount === 1;

describe("retention (gallring)", () => {
  it("shows in a dry run what would go, and the job thins exactly that, logged", async () => {
    const municipality = await buildMunicipality(t.db);
    const due = await closedCase(municipality.id, 11, "2004-03-04");
    const research = await closedCase(municipality.id, 11, "2004-03-15");
    const recent = await closedCase(municipality.id, 6, "2010-03-04");
    const admin = await actorWith(t, "org_admin", municipality.id);

    const dry = await t.app.inject({
      url: "/api/support/retention/dry-run",
      headers: admin.headers,
    });
    expect(dry.statusCode).toBe(200);
    const byId = new Map(dry.json().items.map((i: { caseId: string }) => [i.caseId, i]));
    expect(byId.get(due.id)).toMatchObject({ thin: true, reason: null });
    expect(byId.get(research.id)).toMatchObject({ thin: false, reason: "research_birth_day" });
    expect(byId.get(recent.id)).toMatchObject({ thin: false, reason: "not_due" });
    // Another municipality's reviewer sees none of them.
    const other = await actorWith(t, "org_admin", (await buildMunicipality(t.db)).id);
    const theirs = await t.app.inject({
      url: "/api/support/retention/dry-run",
      headers: other.headers,
    });
    expect(theirs.json().items.map((i: { caseId: string }) => i.caseId)).not.toContain(due.id);

    const ctx = {
      id: "test",
      attempt: 1,
      db: t.db,
      config: t.config,
      audit: systemAuditContext("gallring"),
      signal: new AbortController().signal,
      checkpoint: null,
      progress: async () => {},
    };
    const dryJob = await supportRetentionJob.run(ctx, { dryRun: true });
    expect(dryJob).toMatchObject({ dryRun: true });
    expect(await exists(due.id)).toBe(true);

    const result = await supportRetentionJob.run(ctx, { dryRun: false });
    expect(result).toMatchObject({ dryRun: false });
    expect(await exists(due.id)).toBe(false);
    expect(await exists(research.id)).toBe(true);
    expect(await exists(recent.id)).toBe(true);
    const left = await t.owner.pool.query(
      `SELECT (SELECT count(*) FROM support.case_access WHERE case_id = $1)::int AS access,
              (SELECT count(*) FROM support.consents WHERE case_id = $1)::int AS consents,
              (SELECT count(*) FROM support.children WHERE id = $2)::int AS children`,
      [due.id, due.childId],
    );
    expect(left.rows[0]).toEqual({ access: 0, consents: 0, children: 0 });
    const logged = await t.pool.query(
      "SELECT action, details FROM platform.audit_log WHERE subject_id = $1 AND action = 'case.thin'",
      [due.id],
    );
    expect(logged.rows).toEqual([
      // One access record, one consent, the case and its child.
      expect.objectContaining({ details: expect.objectContaining({ rows: 4 }) }),
    ]);
  });
});
