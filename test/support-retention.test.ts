import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemAuditContext } from "../src/db/audit.ts";
import { luhnCheckDigit } from "../src/domain/support/personnummer.ts";
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

const jobContext = () => ({
  id: "test",
  attempt: 1,
  db: t.db,
  config: t.config,
  audit: systemAuditContext("gallring"),
  signal: new AbortController().signal,
  checkpoint: null,
  progress: async () => {},
});

const yearsAgo = (years: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
};

/** A valid 12-digit number for a birth day as written in it (a samordningsnummer adds 60). */
const identityNumber = (yyyymmdd: string) =>
  `${yyyymmdd}123${luhnCheckDigit(`${yyyymmdd.slice(2)}123`)}`;

/** The retention dry run as the holder of `headers` sees it, by record id. */
async function dryRunById(headers: Record<string, string>) {
  const dry = await t.app.inject({ url: "/api/support/retention/dry-run", headers });
  expect(dry.statusCode).toBe(200);
  return new Map<string, unknown>(
    dry.json().items.map((i: { recordId: string }) => [i.recordId, i]),
  );
}

/**
 * A report of concern sent `sent` years ago about a child with `personalNumber`, received then
 * and, with `feedback`, answered that many years ago.
 */
async function concernReport(
  municipalityId: string,
  reporterId: string,
  {
    sent,
    feedback,
    personalNumber,
  }: { sent: number; feedback?: number; personalNumber: string | null },
) {
  const sentAt = yearsAgo(sent);
  const answered = feedback === undefined ? null : yearsAgo(feedback);
  const row = await t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.concern_reports
       (municipality_id, intake_unit_id, child_personal_number, child_name, reporter_id,
        reporter_role, reporter_organisation, observation, child_told, guardians_told, status,
        sent_at, received_at, feedback_due_at, feedback, feedback_at)
     VALUES ($1, $1, $2, 'Elsa Fiktiv', $3, 'school', 'Skolan', 'Oro', true, true, $4,
             $5, $5, $5, $6, $7)
     RETURNING id`,
    [
      municipalityId,
      personalNumber,
      reporterId,
      answered ? "feedback_given" : "received",
      sentAt,
      answered ? "Utredning inledd" : "",
      answered,
    ],
  );
  return row.rows[0]!.id;
}

const reportExists = async (id: string) =>
  (await t.owner.pool.query("SELECT 1 FROM support.concern_reports WHERE id = $1", [id]))
    .rowCount === 1;

const exists = async (caseId: string) =>
  (await t.owner.pool.query("SELECT 1 FROM support.cases WHERE id = $1", [caseId])).rowCount === 1;

describe("retention (gallring)", () => {
  it("shows in a dry run what would go, and the job thins exactly that, logged", async () => {
    const municipality = await buildMunicipality(t.db);
    const due = await closedCase(municipality.id, 11, "2004-03-04");
    const research = await closedCase(municipality.id, 11, "2004-03-15");
    const recent = await closedCase(municipality.id, 6, "2010-03-04");
    const admin = await actorWith(t, "org_admin", municipality.id);

    const byId = await dryRunById(admin.headers);
    expect(byId.get(due.id)).toMatchObject({
      recordType: "coordination",
      thin: true,
      reason: null,
    });
    expect(byId.get(research.id)).toMatchObject({ thin: false, reason: "research_birth_day" });
    expect(byId.get(recent.id)).toMatchObject({ thin: false, reason: "not_due" });
    // Another municipality's reviewer sees none of them.
    const other = await actorWith(t, "org_admin", (await buildMunicipality(t.db)).id);
    expect([...(await dryRunById(other.headers)).keys()]).not.toContain(due.id);

    const ctx = jobContext();
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

  it("thins reports of concern under social services' law, 5 years after their last entry", async () => {
    const municipality = await buildMunicipality(t.db);
    const reporter = (await actorWith(t, "practitioner", municipality.id)).user.id;
    const due = await concernReport(municipality.id, reporter, {
      sent: 6,
      personalNumber: identityNumber("20100304"),
    });
    const anonymous = await concernReport(municipality.id, reporter, {
      sent: 7,
      feedback: 6,
      personalNumber: null,
    });
    // Sent long ago, but the feedback 4 years ago is its last entry.
    const recent = await concernReport(municipality.id, reporter, {
      sent: 7,
      feedback: 4,
      personalNumber: identityNumber("20100304"),
    });
    const research = await concernReport(municipality.id, reporter, {
      sent: 6,
      personalNumber: identityNumber("20100315"),
    });
    // A samordningsnummer: day 75 is the 15th.
    const researchCoordination = await concernReport(municipality.id, reporter, {
      sent: 6,
      personalNumber: identityNumber("20100375"),
    });
    const admin = await actorWith(t, "org_admin", municipality.id);

    const byId = await dryRunById(admin.headers);
    const thinned = { recordType: "social_services", thin: true, reason: null };
    expect(byId.get(due)).toMatchObject({ ...thinned, law: "SoL (2001:453) 12 kap." });
    expect(byId.get(anonymous)).toMatchObject(thinned);
    // Not past even the shortest retention, so not a candidate at all.
    expect(byId.has(recent)).toBe(false);
    const kept = { recordType: "social_services", thin: false, reason: "research_birth_day" };
    expect(byId.get(research)).toMatchObject({ ...kept, dueAt: null });
    expect(byId.get(researchCoordination)).toMatchObject(kept);
    const other = await actorWith(t, "org_admin", (await buildMunicipality(t.db)).id);
    expect([...(await dryRunById(other.headers)).keys()]).not.toContain(due);

    await supportRetentionJob.run(jobContext(), { dryRun: false });
    expect(await reportExists(due)).toBe(false);
    expect(await reportExists(anonymous)).toBe(false);
    expect(await reportExists(recent)).toBe(true);
    expect(await reportExists(research)).toBe(true);
    expect(await reportExists(researchCoordination)).toBe(true);
    const logged = await t.pool.query(
      `SELECT subject_id, subject_type, organisation_id, details FROM platform.audit_log
        WHERE action = 'support.concern.thin' AND subject_id = ANY ($1)`,
      [[due, anonymous, recent, research, researchCoordination]],
    );
    const row = (id: string) => ({
      subject_id: id,
      subject_type: "support_concern_report",
      organisation_id: municipality.id,
      details: expect.objectContaining({ law: "SoL (2001:453) 12 kap.", rows: 1 }),
    });
    expect(logged.rows).toHaveLength(2);
    expect(logged.rows).toEqual(expect.arrayContaining([row(due), row(anonymous)]));
  });
});
