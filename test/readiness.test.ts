import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUnit, buildUser, signIn } from "./helpers/factories.ts";
import { auditRowsFor } from "./helpers/http.ts";
import {
  buildAssessment,
  buildInterview,
  buildRespondent,
  callReadiness,
  consensusRows,
} from "./helpers/readiness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const auditOf = (subjectId: string) =>
  auditRowsFor(t, subjectId, "action, actor_id, organisation_id, personal_data, details");

const newAssessment = (organisationId: string) => ({
  topic: { kind: "preset", key: "andt" },
  organisationId,
  periodStart: "2026-01-01",
  periodEnd: "2026-06-30",
});

/** A municipality with a coordinator who created an assessment through the API. */
async function started() {
  const municipality = await buildMunicipality(t.db);
  const lead = await actorWith(t, "coordinator", municipality.id);
  const res = await callReadiness(
    t,
    "POST",
    "/assessments",
    lead.headers,
    newAssessment(municipality.id),
  );
  expect(res.statusCode).toBe(201);
  return { municipality, lead, assessment: res.json() };
}

async function member(organisationId: string, role: "analyst" | "reader" | "coordinator") {
  const user = await buildUser(t.db, { role, organisationId });
  return { user, headers: await signIn(t, user.email) };
}

describe("without a session", () => {
  const id = randomUUID();
  const iv = `/assessments/${id}/interviews/${randomUUID()}`;
  it.each([
    ["GET", "/guides"],
    ["POST", "/guides"],
    ["GET", "/assessments"],
    ["POST", "/assessments"],
    ["GET", `/assessments/${id}`],
    ["PATCH", `/assessments/${id}`],
    ["PUT", `/assessments/${id}/team`],
    ["GET", `/assessments/${id}/team-candidates`],
    ["POST", `/assessments/${id}/respondents`],
    ["PATCH", `/assessments/${id}/respondents/${randomUUID()}`],
    ["POST", `/assessments/${id}/interviews`],
    ["GET", iv],
    ["PUT", iv],
    ["GET", `${iv}/scores`],
    ["PUT", `${iv}/scores`],
    ["POST", `${iv}/scores/submit`],
    ["GET", `/assessments/${id}/consensus`],
    ["PUT", `/assessments/${id}/consensus`],
    ["GET", `/assessments/${id}/results`],
    ["GET", `/assessments/${id}/trend`],
    ["GET", `/compare?ids=${id}`],
    ["GET", `/assessments/${id}/scores.csv`],
    ["GET", `/assessments/${id}/report.pdf`],
  ] as const)("%s %s answers 401", async (method, url) => {
    const res = await callReadiness(t, method, url, {}, method === "GET" ? undefined : {});
    expect(res.statusCode).toBe(401);
  });
});

describe("bad ids in the path", () => {
  const iv = `/assessments/${randomUUID()}/interviews/nope`;
  it.each([
    ["GET", "/assessments/nope", "params.id"],
    ["GET", "/assessments/nope/team-candidates", "params.id"],
    ["GET", "/assessments/nope/consensus", "params.id"],
    ["GET", "/assessments/nope/results", "params.id"],
    ["GET", "/assessments/nope/trend", "params.id"],
    ["GET", "/assessments/nope/scores.csv", "params.id"],
    ["GET", "/assessments/nope/report.pdf", "params.id"],
    ["GET", iv, "params.interviewId"],
    ["GET", `${iv}/scores`, "params.interviewId"],
    ["POST", `${iv}/scores/submit`, "params.interviewId"],
    ["PATCH", `/assessments/${randomUUID()}/respondents/nope`, "params.respondentId"],
  ] as const)("%s %s answers 400 naming %s", async (method, url, path) => {
    const { headers } = await actorWith(t, "coordinator");
    const res = await callReadiness(
      t,
      method,
      url,
      headers,
      method === "PATCH" ? { role: "x" } : undefined,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe(path);
  });
});

describe("guides", () => {
  it("lists the built-in guide and copies it as a new version per organisation", async () => {
    const municipality = await buildMunicipality(t.db);
    const { headers, user } = await actorWith(t, "coordinator", municipality.id);
    const list = await callReadiness(t, "GET", "/guides", headers);
    expect(list.statusCode).toBe(200);
    const builtIn = list.json().find((g: { organisationId: null }) => g.organisationId === null);
    expect(builtIn).toMatchObject({ key: "paraply-crm-default", version: 1 });
    expect(builtIn.questions.length).toBeGreaterThan(20);

    const body = {
      organisationId: municipality.id,
      baseGuideId: builtIn.id,
      title: { sv: "Vår guide", en: "Our guide" },
      questions: builtIn.questions.slice(0, 6),
    };
    const first = await callReadiness(t, "POST", "/guides", headers, body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ organisationId: municipality.id, version: 1 });
    const second = await callReadiness(t, "POST", "/guides", headers, {
      ...body,
      baseGuideId: first.json().id,
    });
    expect(second.json().version).toBe(2);
    expect(second.json().questions).toHaveLength(6);
    const audit = await auditOf(second.json().id);
    expect(audit).toMatchObject([
      { action: "readiness.guide.create", actor_id: user.id, organisation_id: municipality.id },
    ]);
    // The base guide is untouched, and another municipality does not see the copies.
    const again = (await callReadiness(t, "GET", "/guides", headers)).json();
    expect(again.find((g: { id: string }) => g.id === builtIn.id).questions).toHaveLength(
      builtIn.questions.length,
    );
    const other = await actorWith(t, "coordinator");
    const ids = (await callReadiness(t, "GET", "/guides", other.headers))
      .json()
      .map((g: { id: string }) => g.id);
    expect(ids).not.toContain(first.json().id);
  });

  it("refuses a reader (403), a foreign organisation (403) and bad questions (400)", async () => {
    const municipality = await buildMunicipality(t.db);
    const builtIn = (
      await callReadiness(t, "GET", "/guides", (await actorWith(t, "reader")).headers)
    ).json()[0];
    const body = { organisationId: municipality.id, baseGuideId: builtIn.id };
    const reader = await actorWith(t, "reader", municipality.id);
    expect((await callReadiness(t, "POST", "/guides", reader.headers, body)).statusCode).toBe(403);
    const foreign = await actorWith(t, "coordinator");
    expect((await callReadiness(t, "POST", "/guides", foreign.headers, body)).statusCode).toBe(403);
    const own = await actorWith(t, "coordinator", municipality.id);
    const bad = await callReadiness(t, "POST", "/guides", own.headers, {
      ...body,
      questions: [{ id: "A1", dimension: "Q", text: { sv: "x", en: "x" } }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("questions.0.dimension");
  });
});

describe("POST /assessments", () => {
  it("creates an assessment whose creator leads, interviews and scores; audited", async () => {
    const { municipality, lead, assessment } = await started();
    expect(assessment).toMatchObject({
      organisationId: municipality.id,
      topicName: { sv: expect.stringContaining("ANDT") },
      scoreGrid: "half",
      targetInterviews: 5,
      interviewCount: 0,
      score: null,
      stage: null,
      guide: { key: "paraply-crm-default" },
      team: [{ userId: lead.user.id, roles: ["lead", "interviewer", "scorer"] }],
      version: 1,
      abilities: { edit: true, manageTeam: true, interview: true, score: true, consensus: true },
      interviewNotice: { warning: { sv: expect.stringContaining("0 intervjuer") } },
    });
    expect(await auditOf(assessment.id)).toMatchObject([
      {
        action: "readiness.assessment.create",
        actor_id: lead.user.id,
        organisation_id: municipality.id,
      },
    ]);
  });

  it("answers 400 with the field path, and 403 outside the caller's subtree or without edit", async () => {
    const municipality = await buildMunicipality(t.db);
    const own = await actorWith(t, "coordinator", municipality.id);
    const bad = await callReadiness(t, "POST", "/assessments", own.headers, {
      ...newAssessment(municipality.id),
      periodEnd: "2025-01-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([{ path: "periodEnd", message: expect.any(String) }]);
    const foreign = await actorWith(t, "coordinator");
    const res = await callReadiness(
      t,
      "POST",
      "/assessments",
      foreign.headers,
      newAssessment(municipality.id),
    );
    expect(res.statusCode).toBe(403);
    const reader = await actorWith(t, "reader", municipality.id);
    expect(
      (
        await callReadiness(
          t,
          "POST",
          "/assessments",
          reader.headers,
          newAssessment(municipality.id),
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe("reading assessments", () => {
  it("lists and shows along the lineage; another municipality gets 403", async () => {
    const { municipality, assessment } = await started();
    const unit = await buildUnit(t.db, municipality.id);
    const reader = await actorWith(t, "reader", unit.id);
    const list = await callReadiness(
      t,
      "GET",
      `/assessments?organisationId=${municipality.id}`,
      reader.headers,
    );
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([assessment.id]);
    const detail = await callReadiness(t, "GET", `/assessments/${assessment.id}`, reader.headers);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().abilities).toEqual({
      edit: false,
      manageTeam: false,
      interview: false,
      score: false,
      consensus: false,
    });
    const foreign = await actorWith(t, "reader");
    expect(
      (await callReadiness(t, "GET", "/assessments", foreign.headers)).json(),
    ).not.toContainEqual(expect.objectContaining({ id: assessment.id }));
    expect(
      (await callReadiness(t, "GET", `/assessments/${assessment.id}`, foreign.headers)).statusCode,
    ).toBe(403);
    expect(
      (await callReadiness(t, "GET", `/assessments/${randomUUID()}`, reader.headers)).statusCode,
    ).toBe(404);
    const bad = await callReadiness(t, "GET", "/assessments?organisationId=nope", reader.headers);
    expect(bad.json().error.issues[0].path).toBe("querystring.organisationId");
  });
});

describe("the list", () => {
  it("shows an entry as it now is after any change, and answers 304 to a page unchanged", async () => {
    const { municipality, lead, assessment } = await started();
    const url = `/assessments?organisationId=${municipality.id}`;
    const entry = async () => {
      const res = await callReadiness(t, "GET", url, lead.headers);
      expect(res.statusCode).toBe(200);
      return { etag: res.headers.etag as string, entry: res.json()[0] };
    };
    const first = await entry();
    expect(first.entry).toMatchObject({ id: assessment.id, interviewCount: 0, score: null });
    const again = await callReadiness(t, "GET", url, {
      ...lead.headers,
      "if-none-match": first.etag,
    });
    expect(again.statusCode).toBe(304);

    await callReadiness(t, "PATCH", `/assessments/${assessment.id}`, lead.headers, {
      targetInterviews: 8,
      version: 1,
    });
    const patched = await entry();
    expect(patched.entry.targetInterviews).toBe(8);
    expect(patched.etag).not.toBe(first.etag);

    const interview = await buildInterview(t.db, assessment.id);
    const scores = { A: 4, B: 5, C: 3, D: 4, E: 6, F: 2 };
    await consensusRows(t.db, interview.id, scores);
    expect((await entry()).entry).toMatchObject({ interviewCount: 1, score: 4 });

    await t.pool.query("UPDATE platform.organisations SET name = $1 WHERE id = $2", [
      "Nytt namn",
      municipality.id,
    ]);
    expect((await entry()).entry.organisationName).toBe("Nytt namn");
  });
});

describe("the list's pages", () => {
  it("never answers one page with another whose entries were written in the same transaction", async () => {
    const municipality = await buildMunicipality(t.db);
    const reader = await actorWith(t, "reader", municipality.id);
    // One transaction: both rows carry the same version, as a seed or an import writes them.
    const ids = await t.db.transaction(async (tx) => [
      (await buildAssessment(tx, { organisationId: municipality.id })).id,
      (await buildAssessment(tx, { organisationId: municipality.id })).id,
    ]);
    const page = async (offset: number) => {
      const res = await callReadiness(
        t,
        "GET",
        `/assessments?organisationId=${municipality.id}&limit=1&offset=${offset}`,
        reader.headers,
      );
      expect(res.statusCode).toBe(200);
      return { etag: res.headers.etag, ids: res.json().map((a: { id: string }) => a.id) };
    };
    const first = await page(0);
    const second = await page(1);
    expect([...first.ids, ...second.ids].sort()).toEqual([...ids].sort());
    expect(second.etag).not.toBe(first.etag);
  });
});

describe("PATCH /assessments/:id", () => {
  it("lets the lead edit with the current version; a stale one answers 409; audited", async () => {
    const { lead, assessment } = await started();
    const url = `/assessments/${assessment.id}`;
    const ok = await callReadiness(t, "PATCH", url, lead.headers, {
      targetInterviews: 8,
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ targetInterviews: 8, version: 2 });
    const stale = await callReadiness(t, "PATCH", url, lead.headers, {
      targetInterviews: 6,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    const bad = await callReadiness(t, "PATCH", url, lead.headers, {
      targetInterviews: 0,
      version: 2,
    });
    expect(bad.json().error.issues[0].path).toBe("targetInterviews");
    expect((await auditOf(assessment.id)).map((a) => a.action)).toContain(
      "readiness.assessment.update",
    );
  });

  it("refuses a scorer who does not lead, and an organisation administrator (403)", async () => {
    const { municipality, lead, assessment } = await started();
    const scorer = await member(municipality.id, "analyst");
    await callReadiness(t, "PUT", `/assessments/${assessment.id}/team`, lead.headers, {
      members: [
        { userId: lead.user.id, roles: ["lead"] },
        { userId: scorer.user.id, roles: ["scorer"] },
      ],
    });
    const body = { targetInterviews: 6, version: 1 };
    const url = `/assessments/${assessment.id}`;
    expect((await callReadiness(t, "PATCH", url, scorer.headers, body)).statusCode).toBe(403);
    const admin = await actorWith(t, "org_admin", municipality.id);
    expect((await callReadiness(t, "PATCH", url, admin.headers, body)).statusCode).toBe(403);
  });
});

describe("team", () => {
  it("replaces the team with people of the lineage; needs a lead; audited", async () => {
    const { municipality, lead, assessment } = await started();
    const scorer = await member(municipality.id, "analyst");
    const outsider = await buildUser(t.db, { role: "analyst" });
    const url = `/assessments/${assessment.id}/team`;
    const candidates = await callReadiness(
      t,
      "GET",
      `/assessments/${assessment.id}/team-candidates`,
      lead.headers,
    );
    expect(candidates.statusCode).toBe(200);
    const ids = candidates.json().map((c: { userId: string }) => c.userId);
    expect(ids).toEqual(expect.arrayContaining([lead.user.id, scorer.user.id]));
    expect(ids).not.toContain(outsider.id);

    const foreign = await callReadiness(t, "PUT", url, lead.headers, {
      members: [
        { userId: lead.user.id, roles: ["lead"] },
        { userId: outsider.id, roles: ["scorer"] },
      ],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues).toEqual([
      { path: "members.1.userId", message: expect.any(String) },
    ]);
    const leaderless = await callReadiness(t, "PUT", url, lead.headers, {
      members: [{ userId: scorer.user.id, roles: ["scorer"] }],
    });
    expect(leaderless.json().error.issues).toEqual([
      { path: "members", message: expect.any(String) },
    ]);

    const ok = await callReadiness(t, "PUT", url, lead.headers, {
      members: [
        { userId: lead.user.id, roles: ["lead", "scorer"] },
        { userId: scorer.user.id, roles: ["scorer"] },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().team).toHaveLength(2);
    expect((await auditOf(assessment.id)).map((a) => a.action)).toContain("readiness.team.set");
    // A scorer does not manage the team, nor see the candidates.
    expect((await callReadiness(t, "PUT", url, scorer.headers, { members: [] })).statusCode).toBe(
      400,
    );
    const asScorer = await callReadiness(t, "PUT", url, scorer.headers, {
      members: [{ userId: scorer.user.id, roles: ["lead"] }],
    });
    expect(asScorer.statusCode).toBe(403);
    expect(
      (
        await callReadiness(
          t,
          "GET",
          `/assessments/${assessment.id}/team-candidates`,
          scorer.headers,
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe("respondents", () => {
  it("shows name and contact to the team only; others see a code; audited", async () => {
    const { municipality, lead, assessment } = await started();
    const url = `/assessments/${assessment.id}/respondents`;
    const created = await callReadiness(t, "POST", url, lead.headers, {
      role: "Rektor",
      sector: "skola",
      name: "Eva Exempel",
      contact: "070-000 00 00",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: "R1", name: "Eva Exempel", sector: "skola" });
    const respondentId = created.json().id;

    const reader = await actorWith(t, "reader", municipality.id);
    const seen = (
      await callReadiness(t, "GET", `/assessments/${assessment.id}`, reader.headers)
    ).json();
    expect(seen.respondents).toEqual([
      { id: respondentId, code: "R1", role: "Rektor", sector: "skola" },
    ]);
    expect(JSON.stringify(seen)).not.toContain("Eva");
    const team = (
      await callReadiness(t, "GET", `/assessments/${assessment.id}`, lead.headers)
    ).json();
    expect(team.respondents[0]).toMatchObject({ name: "Eva Exempel", contact: "070-000 00 00" });
    expect((await auditOf(assessment.id)).map((a) => a.action)).toContain(
      "readiness.respondent.read",
    );

    const patched = await callReadiness(t, "PATCH", `${url}/${respondentId}`, lead.headers, {
      contact: null,
      sector: "fritid",
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ sector: "fritid", contact: null, name: "Eva Exempel" });
    expect((await auditOf(respondentId)).map((a) => a.action)).toEqual([
      "readiness.respondent.create",
      "readiness.respondent.update",
    ]);

    const bad = await callReadiness(t, "POST", url, lead.headers, {
      role: "Polis",
      sector: "rymden",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("sector");
    const outsider = await actorWith(t, "coordinator", municipality.id);
    expect(
      (await callReadiness(t, "POST", url, outsider.headers, { role: "Polis", sector: "polis" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await callReadiness(t, "PATCH", `${url}/${respondentId}`, outsider.headers, { role: "x" }))
        .statusCode,
    ).toBe(403);
  });
});

describe("interviews", () => {
  it("records an interview, autosaves with versions and audits every read", async () => {
    const { municipality, lead, assessment } = await started();
    const respondent = await buildRespondent(t.db, assessment.id, { name: "Nils Namn" });
    const url = `/assessments/${assessment.id}/interviews`;
    const created = await callReadiness(t, "POST", url, lead.headers, {
      respondentId: respondent.id,
      heldOn: "2026-02-03",
      durationMinutes: 50,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      number: 1,
      interviewerId: lead.user.id,
      version: 1,
      answers: {},
      respondent: { code: "R1", name: "Nils Namn" },
    });
    const id = created.json().id;

    const saved = await callReadiness(t, "PUT", `${url}/${id}`, lead.headers, {
      answers: { A1: "Det finns en föräldragrupp.", B1: "Få känner till den." },
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      answers: { A1: "Det finns en föräldragrupp." },
    });
    const stale = await callReadiness(t, "PUT", `${url}/${id}`, lead.headers, {
      answers: {},
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "stale_version",
      message: expect.stringContaining("Ladda om"),
    });
    const unknown = await callReadiness(t, "PUT", `${url}/${id}`, lead.headers, {
      answers: { ZZ9: "?" },
      version: 2,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([
      { path: "answers.ZZ9", message: expect.any(String) },
    ]);

    const read = await callReadiness(t, "GET", `${url}/${id}`, lead.headers);
    expect(read.statusCode).toBe(200);
    expect(read.json().guide.questions.length).toBeGreaterThan(20);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual([
      "readiness.interview.create",
      "readiness.interview.save",
      "readiness.interview.read",
    ]);
    expect(audit[2]).toMatchObject({ personal_data: true, organisation_id: municipality.id });

    // Outside the team: the municipality's coordinator may not read or write; the platform
    // administrator may read, without the respondent's identity.
    const outsider = await actorWith(t, "coordinator", municipality.id);
    expect((await callReadiness(t, "GET", `${url}/${id}`, outsider.headers)).statusCode).toBe(403);
    expect(
      (await callReadiness(t, "PUT", `${url}/${id}`, outsider.headers, { answers: {}, version: 2 }))
        .statusCode,
    ).toBe(403);
    const sysadmin = await actorWith(t, "system_admin", null);
    const asAdmin = await callReadiness(t, "GET", `${url}/${id}`, sysadmin.headers);
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().respondent).toEqual({
      id: respondent.id,
      code: "R1",
      role: "Rektor",
      sector: "skola",
    });
  });

  it("lets interviewers and leads create interviews but not a scorer; checks the respondent", async () => {
    const { municipality, lead, assessment } = await started();
    const scorer = await member(municipality.id, "analyst");
    await callReadiness(t, "PUT", `/assessments/${assessment.id}/team`, lead.headers, {
      members: [
        { userId: lead.user.id, roles: ["lead"] },
        { userId: scorer.user.id, roles: ["scorer"] },
      ],
    });
    const respondent = await buildRespondent(t.db, assessment.id);
    const url = `/assessments/${assessment.id}/interviews`;
    const body = { respondentId: respondent.id, heldOn: "2026-02-03", durationMinutes: 30 };
    expect((await callReadiness(t, "POST", url, scorer.headers, body)).statusCode).toBe(403);
    const other = await buildAssessment(t.db, { organisationId: municipality.id });
    const wrong = await callReadiness(t, "POST", url, lead.headers, {
      ...body,
      respondentId: (await buildRespondent(t.db, other.id)).id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].path).toBe("respondentId");
    const bad = await callReadiness(t, "POST", url, lead.headers, { ...body, durationMinutes: 0 });
    expect(bad.json().error.issues[0].path).toBe("durationMinutes");
    expect((await callReadiness(t, "POST", url, lead.headers, body)).statusCode).toBe(201);
    // An interview of another assessment is not found under this one.
    const foreignInterview = await buildInterview(t.db, other.id);
    expect(
      (await callReadiness(t, "GET", `${url}/${foreignInterview.id}`, lead.headers)).statusCode,
    ).toBe(404);
  });
});
