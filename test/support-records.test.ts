import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseRole } from "../src/domain/support/access.ts";
import { DEFAULT_COMPASS_NEEDS } from "../src/domain/support/compass.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import {
  actorWith,
  buildMunicipality,
  buildRegion,
  buildUnit,
  buildUser,
  signIn,
} from "./helpers/factories.ts";
import { call } from "./helpers/http.ts";
import {
  buildConsent,
  buildSupportCase,
  closeCasesAsOwner,
  fictionalPersonalNumber,
  grantAs,
} from "./helpers/support.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A case with people on it in each role, signed in. */
async function scene() {
  const municipality = await buildMunicipality(t.db);
  const supportCase = await buildSupportCase(t, municipality.id);
  const person = async (role?: CaseRole) => {
    const a = await actorWith(t, "practitioner", municipality.id);
    const accessId = role ? await grantAs(t, supportCase.id, a.user.id, { role }) : null;
    return { ...a, accessId };
  };
  return {
    municipality,
    supportCase,
    base: `/api/support/cases/${supportCase.id}`,
    contact: await person("child_contact"),
    discoverer: await person("discoverer"),
    outsider: await person(),
    person,
  };
}

const ratings = (rating = 3) =>
  DEFAULT_COMPASS_NEEDS.map((n) => ({ need: n.key, rating, reason: `Skäl för ${n.sv}` }));

async function lastAudit(actorId: string, action: string) {
  const res = await t.pool.query(
    `SELECT action, outcome, subject_id, details FROM platform.audit_log
      WHERE actor_id = $1 AND action = $2 ORDER BY seq DESC LIMIT 1`,
    [actorId, action],
  );
  return res.rows[0];
}

describe("needs compass", () => {
  it("records assessments over time for the child contact, audited with the access they rest on", async () => {
    const s = await scene();
    for (const [assessedOn, rating] of [
      ["2026-01-10", 2],
      ["2026-05-10", 4],
    ] as const) {
      const res = await call(t, "POST", `${s.base}/assessments`, s.contact.headers, {
        assessedOn,
        ratings: ratings(rating),
        childView: "Jag vill ha en kompis på rasten",
        guardiansView: "Hon sover dåligt",
        summary: "Oro för trygghet i skolan",
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = await call(t, "GET", `${s.base}/assessments`, s.contact.headers);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.assessments).toHaveLength(2);
    expect(body.assessments[0].childView).toBe("Jag vill ha en kompis på rasten");
    expect(body.series[0]).toMatchObject({ need: "trygghet", change: 2 });
    const audit = await lastAudit(s.contact.user.id, "support.assessment.list");
    expect(audit.details).toMatchObject({
      accessId: s.contact.accessId,
      role: "child_contact",
      basis: "case_role",
      scope: "wellbeing",
    });
    const chronology = await t.owner.pool.query(
      "SELECT kind, scope FROM support.chronology_entries WHERE case_id = $1",
      [s.supportCase.id],
    );
    expect(chronology.rows).toEqual([
      { kind: "assessment", scope: "wellbeing" },
      { kind: "assessment", scope: "wellbeing" },
    ]);
  });

  it("refuses an incomplete assessment with a message per need", async () => {
    const s = await scene();
    const res = await call(t, "POST", `${s.base}/assessments`, s.contact.headers, {
      assessedOn: "2026-01-10",
      ratings: ratings().slice(1),
      childView: "",
      guardiansView: "",
      summary: "Sammanfattning",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].message).toBe("trygghet: är inte bedömt");
  });

  it("answers 404 and records the denial for a discoverer without the wellbeing part and for an outsider", async () => {
    const s = await scene();
    for (const who of [s.discoverer, s.outsider]) {
      const read = await call(t, "GET", `${s.base}/assessments`, who.headers);
      expect(read.statusCode).toBe(404);
      expect(await lastAudit(who.user.id, "case.read")).toMatchObject({ outcome: "denied" });
      const write = await call(t, "POST", `${s.base}/assessments`, who.headers, {
        assessedOn: "2026-01-10",
        ratings: ratings(),
        childView: "",
        guardiansView: "",
        summary: "Sammanfattning",
      });
      expect(write.statusCode).toBe(404);
      expect(await lastAudit(who.user.id, "support.records.write")).toMatchObject({
        outcome: "denied",
      });
    }
  });
});

describe("a municipality's own needs compass", () => {
  it("is set by its administrator and decides what an assessment rates", async () => {
    const s = await scene();
    const admin = await actorWith(t, "org_admin", s.municipality.id);
    const url = `/api/support/compass-needs/${s.municipality.id}`;
    expect((await call(t, "GET", url, s.contact.headers)).json()).toMatchObject({
      isDefault: true,
    });
    const needs = [
      { key: "trygghet", sv: "Trygghet", en: "Safe" },
      { key: "mabra", sv: "Må bra", en: "Well-being" },
    ];
    expect((await call(t, "PUT", url, s.contact.headers, { needs })).statusCode).toBe(403);
    const set = await call(t, "PUT", url, admin.headers, { needs });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ isDefault: false, needs });
    const eight = await call(t, "POST", `${s.base}/assessments`, s.contact.headers, {
      assessedOn: "2026-01-10",
      ratings: ratings(),
      childView: "",
      guardiansView: "",
      summary: "Sammanfattning",
    });
    expect(eight.statusCode).toBe(400);
    const two = await call(t, "POST", `${s.base}/assessments`, s.contact.headers, {
      assessedOn: "2026-01-10",
      ratings: needs.map((n) => ({ need: n.key, rating: 4, reason: "Skäl" })),
      childView: "",
      guardiansView: "",
      summary: "Sammanfattning",
    });
    expect(two.statusCode, two.body).toBe(201);
    expect(two.json().series.map((x: { need: string }) => x.need)).toEqual(["trygghet", "mabra"]);
  });
});

describe("plan measures", () => {
  it("adds measures with owner and dates, follows them up, and refuses a stale version", async () => {
    const s = await scene();
    const bad = await call(t, "POST", `${s.base}/measures`, s.contact.headers, {
      what: "Extra stöd i matematik",
      ownerName: "Mentor Karin",
      dueOn: "2026-03-01",
      evaluateOn: "2026-02-01",
    });
    expect(bad.statusCode).toBe(400);
    const created = await call(t, "POST", `${s.base}/measures`, s.contact.headers, {
      what: "Extra stöd i matematik",
      ownerName: "Mentor Karin",
      dueOn: "2020-03-01",
      evaluateOn: "2020-04-01",
    });
    expect(created.statusCode, created.body).toBe(201);
    const measure = created.json();
    expect(measure).toMatchObject({ status: "planned", overdue: true, evaluationDue: true });
    const url = `${s.base}/measures/${measure.id}`;
    const done = await call(t, "PATCH", url, s.contact.headers, {
      status: "done",
      evaluation: "Klarar nu proven",
      version: 1,
    });
    expect(done.json()).toMatchObject({ status: "done", overdue: false, version: 2 });
    const stale = await call(t, "PATCH", url, s.contact.headers, {
      status: "not_done",
      evaluation: "",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const list = await call(t, "GET", `${s.base}/measures`, s.contact.headers);
    expect(list.json().measures).toHaveLength(1);
  });
});

describe("escalation", () => {
  it("gives the coordinator and team members access through access records that end with the case", async () => {
    const s = await scene();
    const coordinator = await actorWith(t, "practitioner", s.municipality.id);
    const member = await actorWith(t, "practitioner", s.municipality.id);
    expect((await call(t, "GET", `${s.base}/teams`, coordinator.headers)).statusCode).toBe(404);

    const assigned = await call(t, "POST", `${s.base}/coordinator`, s.contact.headers, {
      userId: coordinator.user.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(assigned.json().coordinator.userId).toBe(coordinator.user.id);
    const again = await call(t, "POST", `${s.base}/coordinator`, s.contact.headers, {
      userId: member.user.id,
    });
    expect(again.statusCode).toBe(409);

    const team = await call(t, "POST", `${s.base}/teams`, coordinator.headers, {
      kind: "age_6_12",
    });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json().teams[0].id;
    const added = await call(t, "POST", `${s.base}/teams/${teamId}/members`, coordinator.headers, {
      userId: member.user.id,
      organisationName: "Elevhälsan",
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().teams[0].members[0]).toMatchObject({ userId: member.user.id, live: true });

    // The team member reads the plan but cannot form teams.
    expect((await call(t, "GET", `${s.base}/measures`, member.headers)).statusCode).toBe(200);
    const teams = await call(t, "GET", `${s.base}/teams`, member.headers);
    expect(teams.json().canManage).toBe(false);
    expect(
      (await call(t, "POST", `${s.base}/teams`, member.headers, { kind: "individual" })).statusCode,
    ).toBe(404);
    // A discoverer does not escalate.
    expect(
      (await call(t, "POST", `${s.base}/teams`, s.discoverer.headers, { kind: "individual" }))
        .statusCode,
    ).toBe(404);

    await closeCasesAsOwner(t, [s.supportCase.id]);
    for (const who of [coordinator, member, s.contact]) {
      expect((await call(t, "GET", `${s.base}/teams`, who.headers)).statusCode).toBe(404);
    }
  });
});

describe("role candidates", () => {
  it("lists practitioners of the municipality and its collaboration, to those who may assign", async () => {
    const region = await buildRegion(t.db);
    const [collaboration] = await t.owner.pool
      .query<{ id: string }>(
        `INSERT INTO platform.organisations (kind, parent_id, name)
         VALUES ('collaboration', $1, 'Samverkan Fiktiv') RETURNING id`,
        [region.id],
      )
      .then((r) => r.rows);
    const home = await buildMunicipality(t.db, { parentId: collaboration!.id });
    const neighbour = await buildMunicipality(t.db, { parentId: collaboration!.id });
    const outside = await buildMunicipality(t.db, { parentId: region.id });
    const school = await buildUnit(t.db, home.id, "skola", "Fiktiva skolan");
    const shared = await buildUnit(t.db, neighbour.id, "halso_och_sjukvard", "Gemensam BUP");
    const teacher = await buildUser(t.db, { role: "practitioner", organisationId: school.id });
    const psychologist = await buildUser(t.db, { role: "practitioner", organisationId: shared.id });
    const far = await buildUser(t.db, { role: "practitioner", organisationId: outside.id });
    const reader = await buildUser(t.db, { role: "reader", organisationId: home.id });
    const gone = await buildUser(t.db, { role: "practitioner", organisationId: school.id });
    await t.owner.pool.query("UPDATE platform.users SET disabled_at = now() WHERE id = $1", [
      gone.id,
    ]);

    const supportCase = await buildSupportCase(t, home.id);
    const base = `/api/support/cases/${supportCase.id}`;
    const contact = await actorWith(t, "practitioner", school.id);
    await grantAs(t, supportCase.id, contact.user.id, { role: "child_contact" });
    const discoverer = await actorWith(t, "practitioner", school.id);
    await grantAs(t, supportCase.id, discoverer.user.id, { role: "discoverer" });

    const res = await call(t, "GET", `${base}/role-candidates`, contact.headers);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { userId: string; name: string; units: string[] }[];
    const ids = items.map((i) => i.userId);
    expect(ids).toEqual(expect.arrayContaining([teacher.id, psychologist.id, contact.user.id]));
    for (const excluded of [far.id, reader.id, gone.id]) expect(ids).not.toContain(excluded);
    expect(items.find((i) => i.userId === psychologist.id)).toEqual({
      userId: psychologist.id,
      name: psychologist.displayName,
      units: ["Gemensam BUP"],
    });
    const audit = await lastAudit(contact.user.id, "support.role.candidates");
    expect(audit).toMatchObject({ outcome: "success", subject_id: supportCase.id });
    expect(audit.details).toMatchObject({ role: "child_contact", rows: items.length });

    // A candidate from the list can be made coordinator and then added to a team.
    const assigned = await call(t, "POST", `${base}/coordinator`, contact.headers, {
      userId: psychologist.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(201);

    // Hidden from those who cannot assign, as from those not on the case.
    const stranger = await actorWith(t, "practitioner", school.id);
    for (const who of [discoverer, stranger]) {
      expect((await call(t, "GET", `${base}/role-candidates`, who.headers)).statusCode).toBe(404);
    }
  });
});

/** A consent to a SIP (kept apart from consent to share), written as the owner. */
async function sipConsent(caseId: string) {
  const res = await t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.consents (case_id, kind, given_by, giver_name, purpose,
       sharing_organisation_ids, recipient_organisation_ids, scopes, valid_from)
     VALUES ($1, 'sip', 'guardian', 'Vårdnadshavare Fiktiv', 'SIP', '{}', '{}', '{plan}', now())
     RETURNING id`,
    [caseId],
  );
  return res.rows[0]!.id;
}

describe("SIP", () => {
  it("is agreed only with the law's content, and prints a tagged PDF for the family", async () => {
    const s = await scene();
    const consentId = await sipConsent(s.supportCase.id);
    const draft = {
      interventions: [
        { what: "Samtalsstöd", responsibleKind: "region", responsibleName: "BUP Dalsland" },
        { what: "Läxhjälp", responsibleKind: "other", responsibleName: "Röda korset" },
      ],
      overallResponsible: null,
      overallResponsibleName: "",
      meetingOn: null,
      participants: [],
      minutes: "",
      followUpOn: null,
      childGoals: "Att våga gå till skolan",
      childVoice: "Jag vill inte vara ensam",
      consentId,
    };
    const created = await call(t, "POST", `${s.base}/sips`, s.contact.headers, draft);
    expect(created.statusCode, created.body).toBe(201);
    const sip = created.json();
    expect(sip.missing).toEqual(["overall_responsibility", "meeting", "follow_up"]);
    const url = `${s.base}/sips/${sip.id}`;
    const early = await call(t, "POST", `${url}/status`, s.contact.headers, {
      status: "agreed",
      version: 1,
    });
    expect(early.statusCode).toBe(400);

    const otherCase = await buildSupportCase(t, s.municipality.id);
    for (const wrong of [await sipConsent(otherCase.id), await buildConsent(t, s.supportCase.id)]) {
      const refused = await call(t, "PUT", url, s.contact.headers, {
        ...draft,
        consentId: wrong,
        version: 1,
      });
      expect(refused.statusCode).toBe(400);
    }

    const complete = await call(t, "PUT", url, s.contact.headers, {
      ...draft,
      overallResponsible: "municipality",
      overallResponsibleName: "Åmåls kommun, socialtjänsten",
      meetingOn: "2026-02-01",
      participants: [{ name: "Anna Fiktiv", role: "Mamma" }],
      minutes: "Vi kom överens om stöd",
      followUpOn: "2026-05-01",
      version: 1,
    });
    expect(complete.statusCode, complete.body).toBe(200);
    expect(complete.json().missing).toEqual([]);
    const agreed = await call(t, "POST", `${url}/status`, s.contact.headers, {
      status: "agreed",
      version: 2,
    });
    expect(agreed.json().status).toBe("agreed");

    const pdf = await call(t, "GET", `${url}/report.pdf`, s.contact.headers);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.rawPayload.includes("/StructTreeRoot")).toBe(true);
    expect(await lastAudit(s.contact.user.id, "support.sip.report")).toMatchObject({
      outcome: "success",
    });
    expect((await call(t, "GET", `${url}/report.pdf`, s.discoverer.headers)).statusCode).toBe(404);

    const meetings = await t.owner.pool.query(
      "SELECT occurred_on::text FROM support.chronology_entries WHERE case_id = $1 AND kind = 'sip_meeting'",
      [s.supportCase.id],
    );
    expect(meetings.rows).toEqual([{ occurred_on: "2026-02-01" }]);
  });
});

describe("reports of concern", () => {
  const report = (municipalityId: string, caseId: string | null = null) => ({
    municipalityId,
    caseId,
    childPersonalNumber: fictionalPersonalNumber(),
    childName: "Elsa Fiktiv",
    unbornChild: false,
    reporterRole: "school",
    reporterOrganisation: "Kristinebergskolan",
    reporterPhone: "0532-000 00",
    observation: "Blåmärken på armarna, säger att hon är rädd att gå hem",
    childTold: true,
    guardiansTold: false,
    notToldReason: "Risk att barnet utsätts för mer våld",
    interpreterNeeded: false,
    interpreterLanguage: "",
    otherServices: "BVC",
  });

  it("is filed without any case access, received by the intake unit and answered by its deadline", async () => {
    const s = await scene();
    const intake = await buildUnit(t.db, s.municipality.id, "socialtjanst");
    const officer = await buildUser(t.db, { role: "practitioner", organisationId: intake.id });
    const officerHeaders = await signIn(t, officer.email);
    const admin = await actorWith(t, "org_admin", s.municipality.id);
    const set = await call(
      t,
      "PUT",
      `/api/support/intake-units/${s.municipality.id}`,
      admin.headers,
      { unitId: intake.id },
    );
    expect(set.statusCode, set.body).toBe(200);

    // An outsider names a case they are not on: the report goes, unlinked.
    const filed = await call(
      t,
      "POST",
      "/api/support/concern-reports",
      s.outsider.headers,
      report(s.municipality.id, s.supportCase.id),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = filed.json();
    expect(receipt).toMatchObject({ status: "sent", caseId: null, intakeUnit: intake.name });

    const inbox = await call(t, "GET", "/api/support/intake/concern-reports", officerHeaders);
    expect(inbox.json().reports.map((r: { id: string }) => r.id)).toContain(receipt.id);
    const otherInbox = await call(
      t,
      "GET",
      "/api/support/intake/concern-reports",
      s.contact.headers,
    );
    expect(otherInbox.json().reports).toEqual([]);

    const url = `/api/support/concern-reports/${receipt.id}`;
    expect((await call(t, "GET", url, s.contact.headers)).statusCode).toBe(404);
    expect(await lastAudit(s.contact.user.id, "support.concern.read")).toMatchObject({
      outcome: "denied",
    });
    // The reporter cannot receive their own report.
    expect((await call(t, "POST", `${url}/receive`, s.outsider.headers)).statusCode).toBe(404);

    const received = await call(t, "POST", `${url}/receive`, officerHeaders);
    expect(received.statusCode, received.body).toBe(200);
    const due =
      new Date(received.json().feedbackDueAt).getTime() -
      new Date(received.json().receivedAt).getTime();
    expect(due).toBe(14 * 86_400_000);
    const answered = await call(t, "POST", `${url}/feedback`, officerHeaders, {
      feedback: "Vi har inlett en utredning.",
    });
    expect(answered.json()).toMatchObject({ status: "feedback_given", feedbackOverdue: false });

    const mine = await call(t, "GET", "/api/support/concern-reports", s.outsider.headers);
    expect(mine.json().reports[0]).toMatchObject({ id: receipt.id, status: "feedback_given" });
  });

  it("links to the case of a reporter on it, and without an intake unit goes to the municipality", async () => {
    const s = await scene();
    const filed = await call(
      t,
      "POST",
      "/api/support/concern-reports",
      s.discoverer.headers,
      report(s.municipality.id, s.supportCase.id),
    );
    expect(filed.json()).toMatchObject({
      caseId: s.supportCase.id,
      intakeUnit: s.municipality.name,
    });
    const ofCase = await call(t, "GET", `${s.base}/concern-reports`, s.discoverer.headers);
    expect(ofCase.json().reports).toHaveLength(1);
    // The municipality receives it (no intake unit named): its staff read it, but not which case.
    const asIntake = await call(
      t,
      "GET",
      `/api/support/concern-reports/${filed.json().id}`,
      s.outsider.headers,
    );
    expect(asIntake.json()).toMatchObject({ id: filed.json().id, caseId: null });
    // The child contact lacks the concern_reports part.
    expect((await call(t, "GET", `${s.base}/concern-reports`, s.contact.headers)).statusCode).toBe(
      404,
    );
  });

  it("asks why the child or guardians were not told", async () => {
    const s = await scene();
    const res = await call(t, "POST", "/api/support/concern-reports", s.outsider.headers, {
      ...report(s.municipality.id),
      notToldReason: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("notToldReason");
  });
});

describe("disclosures and chronology", () => {
  it("records disclosures with a legal basis, listed with the consents part only", async () => {
    const s = await scene();
    const member = await s.person("team_member");
    const byDuty = await call(t, "POST", `${s.base}/disclosures`, member.headers, {
      disclosedOn: "2026-03-01",
      recipient: "Polisen i Åmål",
      information: "Uppgift om att barnet har uteblivit från skolan",
      reason: "Begäran från polisen",
      basis: "legal_duty",
      legalDuty: "law_enforcement_information",
    });
    expect(byDuty.statusCode, byDuty.body).toBe(201);
    expect(await lastAudit(member.user.id, "support.disclosure.create")).toMatchObject({
      details: expect.objectContaining({ withoutConsent: true }),
    });
    const unnamed = await call(t, "POST", `${s.base}/disclosures`, member.headers, {
      disclosedOn: "2026-03-01",
      recipient: "Polisen",
      information: "x",
      reason: "x",
      basis: "legal_duty",
      legalDuty: "because",
    });
    expect(unnamed.statusCode).toBe(400);
    const otherCase = await buildSupportCase(t, s.municipality.id);
    for (const wrong of [await buildConsent(t, otherCase.id), await sipConsent(s.supportCase.id)]) {
      const refused = await call(t, "POST", `${s.base}/disclosures`, member.headers, {
        disclosedOn: "2026-03-01",
        recipient: "BUP",
        information: "x",
        reason: "x",
        basis: "consent",
        consentId: wrong,
      });
      expect(refused.statusCode).toBe(400);
    }
    const byConsent = await call(t, "POST", `${s.base}/disclosures`, member.headers, {
      disclosedOn: "2026-03-02",
      recipient: "BUP",
      information: "Behovsbedömningen",
      reason: "Remiss",
      basis: "consent",
      consentId: await buildConsent(t, s.supportCase.id),
    });
    expect(byConsent.statusCode, byConsent.body).toBe(201);

    expect((await call(t, "GET", `${s.base}/disclosures`, member.headers)).statusCode).toBe(404);
    const listed = await call(t, "GET", `${s.base}/disclosures`, s.contact.headers);
    expect(listed.json().disclosures).toHaveLength(2);
    expect(listed.json().disclosures[1].legalDuty.key).toBe("law_enforcement_information");
  });

  it("shows each reader only entries in their parts", async () => {
    const s = await scene();
    for (const scope of ["summary", "wellbeing", "own_notes"]) {
      const res = await call(t, "POST", `${s.base}/chronology`, s.contact.headers, {
        occurredOn: "2026-02-02",
        category: "strength",
        text: `Anteckning i ${scope}`,
        sourceOrganisation: "BVC Åmål",
        scope,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // No one writes into a part they do not hold.
    expect(
      (
        await call(t, "POST", `${s.base}/chronology`, s.contact.headers, {
          occurredOn: "2026-02-02",
          category: "concern",
          text: "x",
          scope: "access_log",
        })
      ).statusCode,
    ).toBe(404);
    const emergency = await s.person("emergency");
    const seen = await call(t, "GET", `${s.base}/chronology`, emergency.headers);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().events.map((e: { scope: string }) => e.scope)).toEqual(["summary"]);
    const all = await call(t, "GET", `${s.base}/chronology`, s.contact.headers);
    expect(all.json().events).toHaveLength(3);
    expect(all.json().events[0]).toMatchObject({ sourceOrganisation: "BVC Åmål", kind: "manual" });
    expect((await call(t, "GET", `${s.base}/chronology`, s.discoverer.headers)).statusCode).toBe(
      404,
    );
  });
});

describe("row-level security on the records", () => {
  const TABLES = [
    "compass_assessments",
    "compass_ratings",
    "plan_measures",
    "sips",
    "teams",
    "disclosures",
    "chronology_entries",
  ] as const;

  /** Rows per table the runtime role sees as `actorId`, with no application check at all. */
  async function visibleAs(actorId: string | null, caseId: string) {
    const client = await t.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('paraply.actor_id', $1, true)", [actorId ?? ""]);
      const counts: Record<string, number> = {};
      for (const table of TABLES) {
        const res = await client.query(
          `SELECT count(*)::int AS n FROM support.${table} WHERE case_id = $1`,
          [caseId],
        );
        counts[table] = res.rows[0].n;
      }
      await client.query("ROLLBACK");
      return counts;
    } finally {
      client.release();
    }
  }

  it("shows each person only the parts their live access opens, and nothing once it ended", async () => {
    const s = await scene();
    const member = await s.person("team_member");
    const created = await call(t, "POST", `${s.base}/assessments`, s.contact.headers, {
      assessedOn: "2026-01-10",
      ratings: ratings(),
      childView: "",
      guardiansView: "",
      summary: "Sammanfattning",
    });
    expect(created.statusCode).toBe(201);
    await call(t, "POST", `${s.base}/sips`, s.contact.headers, {
      interventions: [],
      overallResponsible: null,
      overallResponsibleName: "",
      meetingOn: "2026-02-01",
      participants: [],
      minutes: "",
      followUpOn: null,
      childGoals: "",
      childVoice: "",
      consentId: null,
    });
    await call(t, "POST", `${s.base}/teams`, s.contact.headers, { kind: "individual" });
    await call(t, "POST", `${s.base}/disclosures`, s.contact.headers, {
      disclosedOn: "2026-03-01",
      recipient: "BUP",
      information: "Bedömningen",
      reason: "Remiss",
      basis: "legal_duty",
      legalDuty: "urgent_danger",
    });
    const none = Object.fromEntries(TABLES.map((x) => [x, 0]));
    expect(await visibleAs(null, s.supportCase.id)).toEqual(none);
    expect(await visibleAs(s.outsider.user.id, s.supportCase.id)).toEqual(none);
    expect(await visibleAs(s.contact.user.id, s.supportCase.id)).toEqual({
      compass_assessments: 1,
      compass_ratings: 8,
      plan_measures: 0,
      sips: 1,
      teams: 1,
      disclosures: 1,
      chronology_entries: 4,
    });
    // A team member holds summary, plan, wellbeing and own notes: no consents, no chronology.
    expect(await visibleAs(member.user.id, s.supportCase.id)).toEqual({
      ...none,
      compass_assessments: 1,
      compass_ratings: 8,
      sips: 1,
      teams: 1,
    });
    expect(await visibleAs(s.discoverer.user.id, s.supportCase.id)).toEqual({ ...none, teams: 1 });
    await t.owner.pool.query(
      "UPDATE support.case_access SET ended_at = now(), ended_reason = 'role_ended' WHERE id = $1",
      [member.accessId],
    );
    expect(await visibleAs(member.user.id, s.supportCase.id)).toEqual(none);
  });
});

describe("retention", () => {
  it("thins a closed case's records with it, and keeps a report of concern unlinked", async () => {
    const s = await scene();
    const created = await call(t, "POST", `${s.base}/assessments`, s.contact.headers, {
      assessedOn: "2026-01-10",
      ratings: ratings(),
      childView: "",
      guardiansView: "",
      summary: "Sammanfattning",
    });
    expect(created.statusCode).toBe(201);
    const team = await call(t, "POST", `${s.base}/teams`, s.contact.headers, {
      kind: "individual",
    });
    const teamId = team.json().teams[0].id;
    const other = await actorWith(t, "practitioner", s.municipality.id);
    await call(t, "POST", `${s.base}/teams/${teamId}/members`, s.contact.headers, {
      userId: other.user.id,
      organisationName: "Elevhälsan",
    });
    const report = await call(t, "POST", "/api/support/concern-reports", s.discoverer.headers, {
      municipalityId: s.municipality.id,
      caseId: s.supportCase.id,
      childPersonalNumber: null,
      childName: "Elsa Fiktiv",
      unbornChild: false,
      reporterRole: "school",
      reporterOrganisation: "Skolan",
      reporterPhone: "",
      observation: "Oro",
      childTold: true,
      guardiansTold: true,
      notToldReason: null,
      interpreterNeeded: false,
      interpreterLanguage: "",
      otherServices: "",
    });
    expect(report.json().caseId).toBe(s.supportCase.id);
    const owner = t.owner.pool;
    await closeCasesAsOwner(t, [s.supportCase.id]);
    await owner.query("SELECT support.thin_case($1)", [s.supportCase.id]);
    for (const table of [
      "compass_assessments",
      "compass_ratings",
      "teams",
      "team_members",
      "chronology_entries",
    ]) {
      const left = await owner.query(
        `SELECT count(*)::int AS n FROM support.${table} WHERE case_id = $1`,
        [s.supportCase.id],
      );
      expect(left.rows[0].n, table).toBe(0);
    }
    const kept = await owner.query(
      "SELECT filed_in_case_id FROM support.concern_reports WHERE id = $1",
      [report.json().id],
    );
    expect(kept.rows).toEqual([{ filed_in_case_id: null }]);
  });
});
