import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseAccess, cases, children, consents, referrals } from "../src/db/schema/support.ts";
import type { CaseScope } from "../src/domain/support/access.ts";
import { AccessContext, authorize } from "../src/server/plugins/access.ts";
import type { Actor } from "../src/server/plugins/actor.ts";
import { NotFoundError } from "../src/server/plugins/errors.ts";
import { accessibleCaseIds, listLiveCases } from "../src/server/support/queries.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildMunicipality, buildUser, signIn } from "./helpers/factories.ts";
import { closeCasesAsOwner } from "./helpers/support.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

function actorFor(user: {
  id: string;
  email: string;
  role: Actor["grants"][number]["role"];
  organisationId: string | null;
}): Actor {
  return {
    userId: user.id,
    email: user.email,
    displayName: "Test",
    locale: "sv",
    sessionId: "test",
    authMethod: "password",
    mfaPending: false,
    totpEnabled: false,
    mfaEnrolmentRequired: false,
    grants: [{ id: "g", role: user.role, organisationId: user.organisationId }],
  };
}

// Cases and access records are written as the owner: the runtime role sees and writes support
// rows only through a live access record of the acting user (row-level security, test/rls.test.ts).
async function buildCase(municipalityId: string) {
  const [child] = await t.owner.db
    .insert(children)
    .values({ municipalityId, givenName: "Elsa", familyName: "Fiktiv", birthDate: "2015-04-01" })
    .returning();
  const [row] = await t.owner.db
    .insert(cases)
    .values({ childId: child!.id, municipalityId })
    .returning();
  return row!;
}

describe("access to a child's case follows the case, not the organisation", () => {
  it("answers 404 to everyone without a live access record, even the platform administrator", async () => {
    const municipality = await buildMunicipality(t.db);
    const supportCase = await buildCase(municipality.id);
    for (const role of ["system_admin", "org_admin", "practitioner"] as const) {
      const user = await buildUser(t.db, {
        role,
        organisationId: role === "system_admin" ? null : municipality.id,
      });
      const ctx = new AccessContext(actorFor(user), t.db);
      await expect(
        authorize(ctx, "case.read", { caseId: supportCase.id, scope: "summary" }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("allows only the granted scopes, only while the record is live, and lists agree with detail checks", async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "practitioner", organisationId: municipality.id });
    const ctx = new AccessContext(actorFor(user), t.db);
    const live = await buildCase(municipality.id);
    const expired = await buildCase(municipality.id);
    const ended = await buildCase(municipality.id);
    const closed = await buildCase(municipality.id);
    const future = await buildCase(municipality.id);
    const base = {
      userId: user.id,
      role: "team_member" as const,
      basis: "case_role" as const,
      scopes: ["summary", "plan"],
    };
    const hour = 3_600_000;
    await t.owner.db.insert(caseAccess).values([
      { ...base, caseId: live.id, validUntil: new Date(Date.now() + hour) },
      {
        ...base,
        caseId: expired.id,
        validFrom: new Date(Date.now() - 2 * hour),
        validUntil: new Date(Date.now() - hour),
      },
      { ...base, caseId: ended.id, endedAt: new Date(), endedReason: "handover" },
      { ...base, caseId: closed.id },
      { ...base, caseId: future.id, validFrom: new Date(Date.now() + hour) },
    ]);
    await closeCasesAsOwner(t, [closed.id]);

    const allowed = async (caseId: string, scope: CaseScope) =>
      authorize(ctx, "case.read", { caseId, scope }).then(
        () => true,
        () => false,
      );
    expect(await allowed(live.id, "summary")).toBe(true);
    expect(await allowed(live.id, "plan")).toBe(true);
    expect(await allowed(live.id, "concern_reports")).toBe(false);
    for (const other of [expired, ended, closed, future])
      expect(await allowed(other.id, "summary")).toBe(false);

    const listed = await accessibleCaseIds(t.db, user.id, "summary");
    expect(listed).toEqual([live.id]);
  });

  it("lists a case once, with every role held there (the broadest first) and the parts they open together", async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "practitioner", organisationId: municipality.id });
    const both = await buildCase(municipality.id);
    const one = await buildCase(municipality.id);
    const record = { userId: user.id, basis: "case_role" as const };
    await t.owner.db.insert(caseAccess).values([
      { ...record, caseId: both.id, role: "discoverer", scopes: ["own_notes"] },
      { ...record, caseId: both.id, role: "child_contact", scopes: ["summary", "plan"] },
      { ...record, caseId: one.id, role: "discoverer", scopes: ["own_notes"] },
    ]);
    const rows = await listLiveCases(t.db, user.id);
    expect(rows.map((r) => [r.id, r.roles, r.scopes])).toEqual(
      expect.arrayContaining([
        [both.id, ["child_contact", "discoverer"], ["summary", "plan", "own_notes"]],
        [one.id, ["discoverer"], ["own_notes"]],
      ]),
    );
    expect(rows).toHaveLength(2);
    const headers = await signIn(t, user.email);
    const listed = await t.app.inject({ url: "/api/support/cases", headers });
    const items = listed.json<{ items: { id: string; role: string; title: string }[] }>().items;
    expect(items.find((i) => i.id === both.id)).toMatchObject({
      role: "child_contact",
      title: "Elsa Fiktiv",
    });
    expect(items.find((i) => i.id === one.id)!.role).toBe("discoverer");
    expect(items.find((i) => i.id === one.id)!.title).not.toContain("Elsa");
  });

  it("keeps no live access on a closed case: the database refuses a record left open on one", async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "practitioner", organisationId: municipality.id });
    const record = {
      userId: user.id,
      role: "team_member" as const,
      basis: "case_role" as const,
      scopes: ["summary"],
    };
    const supportCase = await buildCase(municipality.id);
    await t.owner.db.insert(caseAccess).values({ ...record, caseId: supportCase.id });
    // Closing without ending the access fails at commit, and the case stays open.
    await expect(
      t.owner.db
        .update(cases)
        .set({
          status: "closed",
          closedAt: new Date(),
          outcome: "needs_met",
          closureReason: "Klart",
        })
        .where(eq(cases.id, supportCase.id)),
    ).rejects.toMatchObject({ cause: { code: "23514" } });
    const [still] = await t.owner.db.select().from(cases).where(eq(cases.id, supportCase.id));
    expect(still!.status).toBe("open");

    await closeCasesAsOwner(t, [supportCase.id]);
    await expect(
      t.owner.db.insert(caseAccess).values({ ...record, caseId: supportCase.id }),
    ).rejects.toMatchObject({ cause: { code: "23514" } });
    // An ended record on the closed case is history, and is accepted.
    await t.owner.db.insert(caseAccess).values({
      ...record,
      caseId: supportCase.id,
      endedAt: new Date(),
      endedReason: "case_closed",
    });
  });

  it("keeps each access record's child equal to its case's, whatever the writer sends", async () => {
    // The children's read policy trusts this column (migration 0025).
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "practitioner", organisationId: municipality.id });
    const own = await buildCase(municipality.id);
    const other = await buildCase(municipality.id);
    const [record] = await t.owner.db
      .insert(caseAccess)
      .values({
        caseId: own.id,
        childId: other.childId,
        userId: user.id,
        role: "team_member",
        basis: "case_role",
        scopes: ["summary"],
      })
      .returning();
    expect(record!.childId).toBe(own.childId);
    const [updated] = await t.owner.db
      .update(caseAccess)
      .set({ childId: other.childId })
      .where(eq(caseAccess.id, record!.id))
      .returning();
    expect(updated!.childId).toBe(own.childId);
  });

  it("keeps a record's liveness with its consent and referral when they change on their own", async () => {
    // The live-access view trusts these columns (migration 0027); the property test changes
    // consents and referrals only together with their records, as the application does.
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "practitioner", organisationId: municipality.id });
    const supportCase = await buildCase(municipality.id);
    const live = async (id: string) =>
      (await t.owner.pool.query("SELECT 1 FROM support.live_access_records WHERE id = $1", [id]))
        .rows.length === 1;
    const hourAgo = new Date(Date.now() - 3_600_000);
    // A team member's record on `caseId`, resting on the basis and reference in `values`.
    const grant = async (caseId: string, values: Partial<typeof caseAccess.$inferInsert>) => {
      const [record] = await t.owner.db
        .insert(caseAccess)
        .values({
          caseId,
          userId: user.id,
          role: "team_member",
          basis: "consent",
          scopes: ["summary"],
          validFrom: hourAgo,
          ...values,
        })
        .returning();
      return record!;
    };
    const [consent] = await t.owner.db
      .insert(consents)
      .values({
        caseId: supportCase.id,
        kind: "sharing",
        givenBy: "guardian",
        giverName: "Vårdnadshavare",
        purpose: "Samverkan",
        sharingOrganisationIds: [municipality.id],
        recipientOrganisationIds: [municipality.id],
        scopes: ["summary"],
        validFrom: hourAgo,
      })
      .returning();
    const byConsent = await grant(supportCase.id, {
      consentId: consent!.id,
      // Derived columns are set by the trigger, whatever the writer sends.
      inForce: false,
      liveUntil: hourAgo,
    });
    expect(await live(byConsent.id)).toBe(true);
    const setConsent = (values: Partial<typeof consents.$inferInsert>) =>
      t.owner.db.update(consents).set(values).where(eq(consents.id, consent!.id));
    await setConsent({ validUntil: new Date(Date.now() - 60_000) });
    expect(await live(byConsent.id)).toBe(false);
    await setConsent({ validUntil: null });
    expect(await live(byConsent.id)).toBe(true);
    await setConsent({ validFrom: new Date(Date.now() + 60_000) });
    expect(await live(byConsent.id)).toBe(false);
    await setConsent({ validFrom: hourAgo, withdrawnAt: new Date() });
    expect(await live(byConsent.id)).toBe(false);
    await setConsent({ withdrawnAt: null });
    expect(await live(byConsent.id)).toBe(true);
    // A consent opens only its own case.
    const otherCase = await buildCase(municipality.id);
    const elsewhere = await grant(otherCase.id, { consentId: consent!.id });
    expect(await live(elsewhere.id)).toBe(false);

    const [referral] = await t.owner.db
      .insert(referrals)
      .values({
        caseId: supportCase.id,
        type: "intervention",
        fromUserId: user.id,
        toUserId: user.id,
      })
      .returning();
    const byReferral = await grant(supportCase.id, { basis: "referral", referralId: referral!.id });
    expect(await live(byReferral.id)).toBe(false);
    const setStatus = (status: (typeof referrals.$inferSelect)["status"]) =>
      t.owner.db.update(referrals).set({ status }).where(eq(referrals.id, referral!.id));
    await setStatus("accepted");
    expect(await live(byReferral.id)).toBe(true);
    await setStatus("revoked");
    expect(await live(byReferral.id)).toBe(false);
  });

  it("refuses emergency access without a stated reason", async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: "practitioner", organisationId: municipality.id });
    const supportCase = await buildCase(municipality.id);
    await expect(
      t.owner.db.insert(caseAccess).values({
        caseId: supportCase.id,
        userId: user.id,
        role: "emergency",
        basis: "emergency",
        scopes: ["summary"],
        validUntil: new Date(Date.now() + 3_600_000),
      }),
    ).rejects.toMatchObject({
      cause: { code: "23514", constraint: "case_access_emergency_reason" },
    });
    // The same row with a reason is accepted: the constraint, not something else, refused it.
    await t.owner.db.insert(caseAccess).values({
      caseId: supportCase.id,
      userId: user.id,
      role: "emergency",
      basis: "emergency",
      reason: "Akut skyddsbedömning",
      scopes: ["summary"],
      validUntil: new Date(Date.now() + 3_600_000),
    });
  });
});
