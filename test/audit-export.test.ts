import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStandaloneAudit } from "../src/db/audit.ts";
import { users } from "../src/db/schema/platform.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUser, signIn } from "./helpers/factories.ts";
import {
  buildAssessment,
  buildInterview,
  callReadiness,
  consensusRows,
  submittedSheet,
} from "./helpers/readiness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const get = (url: string, headers: object) =>
  t.app.inject({ url, headers: headers as Record<string, string> });

/** A signed-in person whose chosen language is English. */
async function englishActor(role: "org_admin" | "coordinator", organisationId: string) {
  const user = await buildUser(t.db, { role, organisationId });
  await t.db.update(users).set({ locale: "en" }).where(eq(users.id, user.id));
  return { user, headers: await signIn(t, user.email) };
}

/** An area created through the API: one audited row in the municipality's log. */
async function createArea(headers: object, parentId: string, name: string) {
  const created = await t.app.inject({
    method: "POST",
    url: "/api/organisations",
    headers: headers as Record<string, string>,
    payload: { kind: "area", parentId, name, areaType: "district" },
  });
  expect(created.statusCode).toBe(201);
  return created.json() as { id: string };
}

function csvRows(body: string) {
  expect(body.startsWith("\uFEFF")).toBe(true);
  return parse(body.slice(1), { delimiter: ";", columns: true }) as Record<string, string>[];
}

describe("names in the audit log", () => {
  it("names the person who acted and the subject, with a link, in one page", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await actorWith(t, "org_admin", municipality.id);
    const area = await createArea(admin.headers, municipality.id, "Norra Åmål");
    const res = await get(`/api/audit?subjectId=${area.id}`, admin.headers);
    expect(res.statusCode).toBe(200);
    const [entry] = res.json();
    expect(entry).toMatchObject({
      action: "organisation.create",
      actorLabel: admin.user.email,
      actorName: admin.user.displayName,
      subjectName: "Norra Åmål",
      subjectPath: `/organisations/${area.id}`,
    });
  });

  it("names a readiness assessment by topic and year, and nothing outside the caller's log", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await actorWith(t, "org_admin", municipality.id);
    const assessment = await buildAssessment(t.db, { organisationId: municipality.id });
    const foreign = await buildMunicipality(t.db);
    const foreignAssessment = await buildAssessment(t.db, { organisationId: foreign.id });
    // A row in the administrator's log about a record of another municipality: its id is shown,
    // never its name.
    for (const subject of [assessment, foreignAssessment]) {
      await recordStandaloneAudit(
        t.db,
        {
          actorId: admin.user.id,
          actorLabel: admin.user.email,
          ip: null,
          userAgent: null,
          requestId: null,
        },
        {
          action: "readiness.assessment.create",
          subjectType: "readiness_assessment",
          subjectId: subject.id,
          organisationId: municipality.id,
        },
      );
    }
    const own = (await get(`/api/audit?subjectId=${assessment.id}`, admin.headers)).json();
    expect(own[0]).toMatchObject({
      subjectName: "Alkohol, narkotika, dopning och tobak (ANDT) 2026",
      subjectPath: `/readiness/${assessment.id}`,
    });
    const other = (await get(`/api/audit?subjectId=${foreignAssessment.id}`, admin.headers)).json();
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ subjectName: null, subjectPath: null });
  });
});

describe("the audit export as Swedish CSV and as XLSX", () => {
  it("writes Swedish headers, semicolons, the names and neutralised text", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await actorWith(t, "org_admin", municipality.id);
    const area = await createArea(admin.headers, municipality.id, "=1+1 Södra");
    const res = await get(`/api/audit/export.csv?subjectId=${area.id}`, admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="paraply-granskningslogg.csv"',
    );
    expect(res.body.split("\n")[0]).toBe(
      "\uFEFFNr;Tidpunkt;Utförare;Utförarens e-post;Händelse (kod);Utfall;Post;Posttyp;Post-id;Organisations-id;Personuppgifter;Orsak;IP-adress;Detaljer (JSON);Utförar-id",
    );
    const rows = csvRows(res.body);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Utförare: admin.user.displayName,
      "Händelse (kod)": "organisation.create",
      Utfall: "Lyckades",
      // The name a person typed is neutralised: a spreadsheet shows it, never runs it.
      Post: "'=1+1 Södra",
      Personuppgifter: "nej",
    });
    expect(rows[0]!.Nr).toMatch(/^\d+$/);
    expect(rows[0]!.Tidpunkt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("gives the same table as a workbook: numbers as numbers, times as dates, and records it", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await actorWith(t, "org_admin", municipality.id);
    const area = await createArea(admin.headers, municipality.id, "=1+1 Södra");
    const res = await get(`/api/audit/export.csv?subjectId=${area.id}&format=xlsx`, admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="paraply-granskningslogg.xlsx"',
    );
    const sheet = await readSheet(res.rawPayload);
    expect(sheet[0]!.slice(0, 5)).toEqual([
      "Nr",
      "Tidpunkt",
      "Utförare",
      "Utförarens e-post",
      "Händelse (kod)",
    ]);
    expect(sheet).toHaveLength(2);
    const [seq, time, actor, , action, , subject] = sheet[1]!;
    expect(typeof seq).toBe("number");
    expect(time).toBeInstanceOf(Date);
    expect(actor).toBe(admin.user.displayName);
    expect(action).toBe("organisation.create");
    // Stored as text, so it is neither run nor altered.
    expect(subject).toBe("=1+1 Södra");
    const recorded = await t.pool.query(
      "SELECT details FROM platform.audit_log WHERE action = 'audit.export' AND actor_id = $1",
      [admin.user.id],
    );
    expect(recorded.rows.map((r) => r.details.format)).toEqual(["xlsx"]);
  });

  it("heads the columns in English for a person who reads English", async () => {
    const municipality = await buildMunicipality(t.db);
    const admin = await englishActor("org_admin", municipality.id);
    const res = await get(`/api/audit/export.csv?organisationId=${municipality.id}`, admin.headers);
    expect(res.body.split("\n")[0]).toMatch(/^\uFEFFNo\.;Time;Actor;Actor's e-mail;Event \(code\)/);
  });

  it("refuses a format it does not write with a 400", async () => {
    const admin = await actorWith(t, "system_admin", null);
    const res = await get("/api/audit/export.csv?format=ods", admin.headers);
    expect(res.statusCode).toBe(400);
  });
});

describe("the readiness scores export", () => {
  async function scored() {
    const municipality = await buildMunicipality(t.db);
    const lead = await actorWith(t, "coordinator", municipality.id);
    const assessment = await buildAssessment(t.db, {
      organisationId: municipality.id,
      team: [{ userId: lead.user.id, roles: ["lead", "scorer"] }],
    });
    const interview = await buildInterview(t.db, assessment.id);
    await submittedSheet(t.db, interview.id, lead.user.id, { A: 4.5, B: 3 });
    await consensusRows(t.db, interview.id, { A: 4.5, B: 3.5 });
    return { municipality, lead, assessment };
  }

  it("writes a sheet and a consensus row with decimal commas under Swedish headers", async () => {
    const { lead, assessment } = await scored();
    const res = await callReadiness(
      t,
      "GET",
      `/assessments/${assessment.id}/scores.csv`,
      lead.headers,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.body.split("\n")[0]).toBe(
      "\uFEFFIntervju;Bedömare;A Insatser i lokalsamhället;" +
        res.body.split("\n")[0]!.split(";").slice(3).join(";"),
    );
    const [sheet, consensus] = res.body.slice(1).trim().split("\n").slice(1);
    expect(sheet).toBe(`1;${lead.user.displayName};4,5;3;;;;`);
    expect(consensus).toBe("1;Konsensus;4,5;3,5;;;;");
  });

  it("gives the same rows as a workbook with the scores as numbers", async () => {
    const { lead, assessment } = await scored();
    const res = await callReadiness(
      t,
      "GET",
      `/assessments/${assessment.id}/scores.csv?format=xlsx`,
      lead.headers,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet[0]!.slice(0, 3)).toEqual(["Intervju", "Bedömare", "A Insatser i lokalsamhället"]);
    expect(sheet.slice(1)).toEqual([
      [1, lead.user.displayName, 4.5, 3, null, null, null, null],
      [1, "Konsensus", 4.5, 3.5, null, null, null, null],
    ]);
  });

  it("heads the columns in English for a person who reads English", async () => {
    const { municipality, assessment } = await scored();
    const reader = await englishActor("coordinator", municipality.id);
    const res = await callReadiness(
      t,
      "GET",
      `/assessments/${assessment.id}/scores.csv`,
      reader.headers,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^\uFEFFInterview;Scorer;A Community efforts;/);
    expect(res.body).toContain("\n1;Consensus;4,5;3,5;");
  });
});
