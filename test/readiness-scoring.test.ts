import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTaggedPdf } from "../src/server/reports/read-tagged.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUser, signIn } from "./helpers/factories.ts";
import { auditRowsFor } from "./helpers/http.ts";
import {
  buildAssessment,
  buildInterview,
  buildRespondent,
  callReadiness,
  consensusRows,
  submittedSheet,
  WORKED_EXAMPLE,
} from "./helpers/readiness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const actionsOf = (subjectId: string) => auditRowsFor(t, subjectId, "action, organisation_id");

async function signedIn(role: "coordinator" | "analyst" | "reader", organisationId: string) {
  const user = await buildUser(t.db, { role, organisationId });
  return { user, headers: await signIn(t, user.email) };
}

/** A municipality, a lead who also scores, a second scorer and one interview. */
async function scoringSetup() {
  const municipality = await buildMunicipality(t.db);
  const lead = await signedIn("coordinator", municipality.id);
  const second = await signedIn("analyst", municipality.id);
  const assessment = await buildAssessment(t.db, {
    organisationId: municipality.id,
    team: [
      { userId: lead.user.id, roles: ["lead", "interviewer", "scorer"] },
      { userId: second.user.id, roles: ["scorer"] },
    ],
  });
  const interview = await buildInterview(t.db, assessment.id);
  const scores = `/assessments/${assessment.id}/interviews/${interview.id}/scores`;
  return { municipality, lead, second, assessment, interview, scores };
}

const FULL = { A: 5, B: 3, C: 4, D: 4, E: 3.5, F: 4 };

/** An assessment with the worked example as consensus, the lead's sheets equal to it. */
async function workedExample(organisationId: string, periodStart = "2026-01-01") {
  const lead = await buildUser(t.db, { role: "coordinator", organisationId });
  const assessment = await buildAssessment(t.db, {
    organisationId,
    periodStart,
    team: [{ userId: lead.id, roles: ["lead", "scorer"] }],
  });
  const sectors = ["skola", "socialtjanst", "polis", "fritid", "skola"];
  for (const [i, row] of WORKED_EXAMPLE.entries()) {
    const respondent = await buildRespondent(t.db, assessment.id, {
      sector: sectors[i],
      name: `Hemlig ${i}`,
    });
    const interview = await buildInterview(t.db, assessment.id, { respondentId: respondent.id });
    await submittedSheet(t.db, interview.id, lead.id, row);
    await consensusRows(t.db, interview.id, row);
  }
  return assessment;
}

describe("score sheets", () => {
  it("validates every score on the grid with a field path and a Swedish message", async () => {
    const { lead, scores } = await scoringSetup();
    const offGrid = await callReadiness(t, "PUT", scores, lead.headers, {
      scores: { A: 4, B: 4.3 },
    });
    expect(offGrid.statusCode).toBe(400);
    expect(offGrid.json().error.issues).toEqual([
      { path: "scores.B", message: "Poängen ska vara hel eller halv, till exempel 4 eller 4,5." },
    ]);
    const outside = await callReadiness(t, "PUT", scores, lead.headers, { scores: { F: 10 } });
    expect(outside.json().error.issues).toEqual([
      { path: "scores.F", message: "Poängen ska vara mellan 1 och 9." },
    ]);
    const unknown = await callReadiness(t, "PUT", scores, lead.headers, { scores: { G: 4 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].path).toBe("scores.G");
  });

  it("saves drafts, submits only all six dimensions, then locks the sheet; audited", async () => {
    const { lead, scores, interview, municipality } = await scoringSetup();
    const draft = await callReadiness(t, "PUT", scores, lead.headers, { scores: { A: 5, B: 3 } });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ scores: { A: 5, B: 3 }, submitted: false });
    const early = await callReadiness(t, "POST", `${scores}/submit`, lead.headers);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain("C, D, E, F");
    await callReadiness(t, "PUT", scores, lead.headers, { scores: FULL });
    const submitted = await callReadiness(t, "POST", `${scores}/submit`, lead.headers);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ submitted: true, scores: FULL });
    const locked = await callReadiness(t, "PUT", scores, lead.headers, { scores: { A: 6 } });
    expect(locked.statusCode).toBe(409);
    expect((await callReadiness(t, "POST", `${scores}/submit`, lead.headers)).statusCode).toBe(409);
    const audit = await actionsOf(interview.id);
    expect(audit.map((a) => a.action)).toEqual([
      "readiness.scores.save",
      "readiness.scores.save",
      "readiness.scores.submit",
    ]);
    expect(audit[2]!.organisation_id).toBe(municipality.id);
  });

  it("is for the team's scorers only (403), not for an interviewer or the municipality", async () => {
    const { municipality, lead, assessment, interview } = await scoringSetup();
    const interviewer = await signedIn("coordinator", municipality.id);
    await callReadiness(t, "PUT", `/assessments/${assessment.id}/team`, lead.headers, {
      members: [
        { userId: lead.user.id, roles: ["lead", "scorer"] },
        { userId: interviewer.user.id, roles: ["interviewer"] },
      ],
    });
    const url = `/assessments/${assessment.id}/interviews/${interview.id}/scores`;
    for (const headers of [
      interviewer.headers,
      (await actorWith(t, "system_admin", null)).headers,
    ]) {
      expect((await callReadiness(t, "GET", url, headers)).statusCode).toBe(403);
      expect((await callReadiness(t, "PUT", url, headers, { scores: { A: 4 } })).statusCode).toBe(
        403,
      );
      expect((await callReadiness(t, "POST", `${url}/submit`, headers)).statusCode).toBe(403);
    }
  });
});

describe("blind scoring", () => {
  it("hides another scorer's scores until both have submitted for that interview", async () => {
    const { lead, second, scores } = await scoringSetup();
    await callReadiness(t, "PUT", scores, lead.headers, { scores: FULL });
    await callReadiness(t, "POST", `${scores}/submit`, lead.headers);
    await callReadiness(t, "PUT", scores, second.headers, { scores: { ...FULL, A: 6 } });

    // The second scorer has not submitted: neither sees the other's scores.
    const secondView = (await callReadiness(t, "GET", scores, second.headers)).json();
    expect(secondView.others).toEqual([
      { scorerId: lead.user.id, displayName: expect.any(String), submitted: true, scores: null },
    ]);
    const leadView = (await callReadiness(t, "GET", scores, lead.headers)).json();
    expect(leadView.others).toEqual([
      { scorerId: second.user.id, displayName: expect.any(String), submitted: false, scores: null },
    ]);
    expect(JSON.stringify(leadView)).not.toContain('"A":6');

    await callReadiness(t, "POST", `${scores}/submit`, second.headers);
    const after = (await callReadiness(t, "GET", scores, lead.headers)).json();
    expect(after.others[0]).toMatchObject({ submitted: true, scores: { ...FULL, A: 6 } });
    const secondAfter = (await callReadiness(t, "GET", scores, second.headers)).json();
    expect(secondAfter.others[0].scores).toEqual(FULL);
  });
});

describe("consensus", () => {
  it("opens only when every scorer has submitted; validates; highlights differences; audited", async () => {
    const { lead, second, assessment, interview, scores, municipality } = await scoringSetup();
    const url = `/assessments/${assessment.id}/consensus`;
    const body = { interviewId: interview.id, dimension: "A", score: 5.5, comment: "Enade" };
    await callReadiness(t, "PUT", scores, lead.headers, { scores: FULL });
    await callReadiness(t, "POST", `${scores}/submit`, lead.headers);

    const view = (await callReadiness(t, "GET", url, lead.headers)).json();
    expect(view.interviews[0]).toMatchObject({ ready: false });
    expect(view.interviews[0].rows[0].scores.every((s: { score: null }) => s.score === null)).toBe(
      true,
    );
    const closed = await callReadiness(t, "PUT", url, lead.headers, body);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("not_ready");

    await callReadiness(t, "PUT", scores, second.headers, { scores: { ...FULL, A: 6 } });
    await callReadiness(t, "POST", `${scores}/submit`, second.headers);
    const offGrid = await callReadiness(t, "PUT", url, lead.headers, { ...body, score: 5.25 });
    expect(offGrid.statusCode).toBe(400);
    expect(offGrid.json().error.issues[0].path).toBe("score");
    const ok = await callReadiness(t, "PUT", url, lead.headers, body);
    expect(ok.statusCode).toBe(200);
    const rows = ok.json().interviews[0].rows;
    expect(rows[0]).toMatchObject({
      dimension: "A",
      differs: true,
      consensus: { score: 5.5, comment: "Enade" },
    });
    expect(rows[1]).toMatchObject({ dimension: "B", differs: false, consensus: null });
    expect(ok.json().agreement).toEqual({
      pairs: 6,
      exactAgreement: 83.33,
      withinOnePoint: 100,
      meanAbsoluteDifference: 0.17,
    });
    expect((await actionsOf(interview.id)).at(-1)).toMatchObject({
      action: "readiness.consensus.set",
      organisation_id: municipality.id,
    });

    const reader = await signedIn("reader", municipality.id);
    expect((await callReadiness(t, "GET", url, reader.headers)).statusCode).toBe(403);
    expect((await callReadiness(t, "PUT", url, reader.headers, body)).statusCode).toBe(403);
    const bad = await callReadiness(t, "PUT", url, lead.headers, { ...body, dimension: "G" });
    expect(bad.json().error.issues[0].path).toBe("dimension");
  });
});

describe("results", () => {
  it("gives stage 4 with B and E lowest for the worked example", async () => {
    const municipality = await buildMunicipality(t.db);
    const assessment = await workedExample(municipality.id);
    const reader = await signedIn("reader", municipality.id);
    const res = await callReadiness(
      t,
      "GET",
      `/assessments/${assessment.id}/results`,
      reader.headers,
    );
    expect(res.statusCode).toBe(200);
    const results = res.json();
    expect(results).toMatchObject({
      complete: true,
      missing: [],
      message: null,
      score: 4.07,
      stage: { stage: 4, name: { sv: "Förplanering", en: "Preplanning" } },
      lowest: ["B", "E"],
      dimensions: {
        A: { score: 5, stage: 5, interviews: 5 },
        B: { score: 3.4, stage: 3 },
        E: { score: 3.4, stage: 3 },
      },
      dimensionStages: { B: { stage: 3 }, A: { stage: 5 } },
      assessment: { stage: 4, score: 4.07, interviewCount: 5 },
      interviewNotice: { warning: null },
    });
    expect(results.stage.strategies.length).toBeGreaterThan(0);
    expect(results.respondentsBySector).toEqual([
      { sector: "skola", count: 2 },
      { sector: "socialtjanst", count: 1 },
      { sector: "polis", count: 1 },
      { sector: "fritid", count: 1 },
    ]);
    expect(JSON.stringify(results)).not.toContain("Hemlig");
    const foreign = await actorWith(t, "reader");
    expect(
      (await callReadiness(t, "GET", `/assessments/${assessment.id}/results`, foreign.headers))
        .statusCode,
    ).toBe(403);
  });

  it("names the dimensions without consensus and gives no stage", async () => {
    const { lead, assessment, interview } = await scoringSetup();
    await consensusRows(t.db, interview.id, { A: 5, C: 4, D: 4, F: 4 });
    const res = (
      await callReadiness(t, "GET", `/assessments/${assessment.id}/results`, lead.headers)
    ).json();
    expect(res).toMatchObject({
      complete: false,
      missing: ["B", "E"],
      score: null,
      stage: null,
      lowest: [],
      dimensions: { A: { score: 5 } },
    });
    expect(res.message).toMatch(/^Konsensuspoäng saknas för B \(.+\), E \(.+\)\./);
  });
});

describe("the list", () => {
  const listOf = async (headers: Record<string, string>, query: string) =>
    (await callReadiness(t, "GET", `/assessments${query}`, headers)).json();

  it("shows the results' score, stage and interview count, and follows every change", async () => {
    const municipality = await buildMunicipality(t.db);
    const assessment = await workedExample(municipality.id);
    const reader = await signedIn("reader", municipality.id);
    const entry = async () =>
      (await listOf(reader.headers, `?organisationId=${municipality.id}`)).find(
        (a: { id: string }) => a.id === assessment.id,
      );
    const results = (
      await callReadiness(t, "GET", `/assessments/${assessment.id}/results`, reader.headers)
    ).json();
    expect(await entry()).toEqual(results.assessment);
    expect(await entry()).toMatchObject({ score: 4.07, stage: 4, interviewCount: 5 });

    // The list reads the sheets the assessment row carries: edits and deletions reach it.
    await t.db.execute(sql`
      UPDATE community.readiness_consensus c SET score = 1
      FROM community.readiness_interviews i
      WHERE i.id = c.interview_id AND i.assessment_id = ${assessment.id} AND c.dimension = 'A'`);
    const lowered = (
      await callReadiness(t, "GET", `/assessments/${assessment.id}/results`, reader.headers)
    ).json();
    expect(lowered.score).not.toBe(4.07);
    expect(await entry()).toEqual(lowered.assessment);
    await t.db.execute(sql`
      DELETE FROM community.readiness_consensus c USING community.readiness_interviews i
      WHERE i.id = c.interview_id AND i.assessment_id = ${assessment.id} AND c.dimension = 'B'`);
    expect(await entry()).toMatchObject({ score: null, stage: null, interviewCount: 5 });
    await t.db.execute(sql`
      DELETE FROM community.readiness_interviews
      WHERE assessment_id = ${assessment.id} AND number = 5`);
    expect(await entry()).toMatchObject({ interviewCount: 4 });
    const interview = await buildInterview(t.db, assessment.id);
    await consensusRows(t.db, interview.id, FULL);
    const after = (
      await callReadiness(t, "GET", `/assessments/${assessment.id}/results`, reader.headers)
    ).json();
    expect(after.assessment.interviewCount).toBe(5);
    expect(await entry()).toEqual(after.assessment);
  });

  it("comes in pages, newest period first; a page over 500 is refused", async () => {
    const municipality = await buildMunicipality(t.db);
    const periods = ["2022-01-01", "2026-01-01", "2024-01-01"];
    const ids = new Map<string, string>();
    for (const periodStart of periods) {
      const a = await buildAssessment(t.db, { organisationId: municipality.id, periodStart });
      ids.set(periodStart, a.id);
    }
    const reader = await signedIn("reader", municipality.id);
    const filter = `organisationId=${municipality.id}`;
    const idsOf = (list: { id: string }[]) => list.map((a) => a.id);
    expect(idsOf(await listOf(reader.headers, `?${filter}`))).toEqual([
      ids.get("2026-01-01"),
      ids.get("2024-01-01"),
      ids.get("2022-01-01"),
    ]);
    expect(idsOf(await listOf(reader.headers, `?${filter}&limit=2`))).toEqual([
      ids.get("2026-01-01"),
      ids.get("2024-01-01"),
    ]);
    expect(idsOf(await listOf(reader.headers, `?${filter}&limit=2&offset=2`))).toEqual([
      ids.get("2022-01-01"),
    ]);
    const tooMany = await callReadiness(t, "GET", `/assessments?limit=501`, reader.headers);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.issues[0].path).toBe("querystring.limit");
  });
});

describe("trend and comparison", () => {
  it("orders the same community and topic by period; leaves other topics out", async () => {
    const municipality = await buildMunicipality(t.db);
    const later = await workedExample(municipality.id, "2026-01-01");
    const earlier = await workedExample(municipality.id, "2024-01-01");
    await buildAssessment(t.db, {
      organisationId: municipality.id,
      topic: { kind: "preset", key: "integration" },
    });
    const reader = await signedIn("reader", municipality.id);
    const res = await callReadiness(t, "GET", `/assessments/${later.id}/trend`, reader.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { assessment: { id: string } }) => r.assessment.id)).toEqual([
      earlier.id,
      later.id,
    ]);
    // The series is read in one statement with the assessment: one outside the reader's
    // organisations is still refused, and one that does not exist is not found.
    const stranger = await signedIn("reader", (await buildMunicipality(t.db)).id);
    const refused = await callReadiness(
      t,
      "GET",
      `/assessments/${later.id}/trend`,
      stranger.headers,
    );
    expect(refused.statusCode).toBe(403);
    const missing = `/assessments/${crypto.randomUUID()}/trend`;
    expect((await callReadiness(t, "GET", missing, reader.headers)).statusCode).toBe(404);
  });

  it("compares readable assessments, and refuses the whole request if one is not", async () => {
    const region = await buildMunicipality(t.db);
    const other = await buildMunicipality(t.db, { parentId: region.parentId! });
    const a = await workedExample(region.id);
    const b = await buildAssessment(t.db, { organisationId: region.id });
    const foreign = await buildAssessment(t.db, { organisationId: other.id });
    const reader = await signedIn("reader", region.id);
    const ok = await callReadiness(t, "GET", `/compare?ids=${a.id},${b.id}`, reader.headers);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().map((r: { assessment: { id: string } }) => r.assessment.id)).toEqual([
      a.id,
      b.id,
    ]);
    expect(ok.json()[1]).toMatchObject({ complete: false, stage: null });
    const refused = await callReadiness(
      t,
      "GET",
      `/compare?ids=${a.id},${foreign.id}`,
      reader.headers,
    );
    expect(refused.statusCode).toBe(403);
    const bad = await callReadiness(t, "GET", "/compare?ids=x", reader.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toMatch(/^querystring\.ids/);
  });
});

describe("exports", () => {
  it("exports the score sheet as Swedish CSV with consensus rows, blind and audited", async () => {
    const { lead, second, assessment, interview, scores, municipality } = await scoringSetup();
    const second2 = await buildInterview(t.db, assessment.id);
    await callReadiness(t, "PUT", scores, lead.headers, { scores: FULL });
    await callReadiness(t, "POST", `${scores}/submit`, lead.headers);
    await callReadiness(t, "PUT", scores, second.headers, { scores: { ...FULL, B: 3.5 } });
    await callReadiness(t, "POST", `${scores}/submit`, second.headers);
    await callReadiness(t, "PUT", `/assessments/${assessment.id}/consensus`, lead.headers, {
      interviewId: interview.id,
      dimension: "B",
      score: 3,
    });
    // Only the lead has scored the second interview: not in the export until both submit.
    const other = `/assessments/${assessment.id}/interviews/${second2.id}/scores`;
    await callReadiness(t, "PUT", other, lead.headers, { scores: { ...FULL, A: 9 } });
    await callReadiness(t, "POST", `${other}/submit`, lead.headers);

    const reader = await signedIn("reader", municipality.id);
    const res = await callReadiness(
      t,
      "GET",
      `/assessments/${assessment.id}/scores.csv`,
      reader.headers,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const [leadFirst, secondFirst] = [lead, second].sort((x, y) =>
      x.user.id.localeCompare(y.user.id),
    );
    // The Swedish convention: semicolons, decimal commas, a byte-order mark, Swedish headers.
    const line = (who: typeof lead, b: string) => `1;${who.user.displayName};5;${b};4;4;3,5;4`;
    expect(res.body.startsWith("\uFEFFIntervju;Bedömare;A Insatser i lokalsamhället;B ")).toBe(
      true,
    );
    expect(res.body.slice(1).trim().split("\n").slice(1)).toEqual([
      line(leadFirst!, leadFirst === lead ? "3" : "3,5"),
      line(secondFirst!, secondFirst === lead ? "3" : "3,5"),
      "1;Konsensus;;3;;;;",
      "2;Konsensus;;;;;;",
    ]);
    expect((await actionsOf(assessment.id)).map((a) => a.action)).toContain(
      "readiness.scores.export",
    );
    const foreign = await actorWith(t, "reader");
    expect(
      (await callReadiness(t, "GET", `/assessments/${assessment.id}/scores.csv`, foreign.headers))
        .statusCode,
    ).toBe(403);
  });

  it("renders the PDF report as an attachment; audited", async () => {
    const municipality = await buildMunicipality(t.db);
    const assessment = await workedExample(municipality.id);
    const reader = await signedIn("reader", municipality.id);
    const facts = new URLSearchParams({
      author: "Anna Analytiker",
      unit: "Folkhälsoenheten",
      reference: "KS 2026/17",
    });
    const res = await callReadiness(
      t,
      "GET",
      `/assessments/${assessment.id}/report.pdf?${facts}`,
      reader.headers,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const fileName =
      /^attachment; filename="(beredskap-[a-z0-9-]+-andt-\d{4}-\d{2}-\d{2}\.pdf)"; filename\*=UTF-8''(.+)$/.exec(
        String(res.headers["content-disposition"]),
      );
    expect(fileName?.[2]).toBe(fileName?.[1]);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const tagged = await readTaggedPdf(new Uint8Array(res.rawPayload));
    expect(tagged.hasStructTreeRoot).toBe(true);
    expect(tagged.artifactText[0]).toContain("Dnr KS 2026/17");
    const cells = tagged.elements.map((e) => e.text);
    expect(cells[cells.indexOf("Upprättad av") + 1]).toBe("Anna Analytiker");
    expect(cells[cells.indexOf("Ansvarig enhet") + 1]).toBe("Folkhälsoenheten");
    for (const bad of [`reference=${"x".repeat(61)}`, "reference=a%00b", "colour=red"]) {
      const refused = await callReadiness(
        t,
        "GET",
        `/assessments/${assessment.id}/report.pdf?${bad}`,
        reader.headers,
      );
      expect(refused.statusCode, bad).toBe(400);
    }
    expect((await actionsOf(assessment.id)).map((a) => a.action)).toContain(
      "readiness.report.export",
    );
    const foreign = await actorWith(t, "reader");
    expect(
      (await callReadiness(t, "GET", `/assessments/${assessment.id}/report.pdf`, foreign.headers))
        .statusCode,
    ).toBe(403);
  });
});
