import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Home, HomeItem } from "../src/domain/platform/home.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildMunicipality, buildUser, signIn } from "./helpers/factories.ts";
import {
  buildAssessment,
  buildInterview,
  consensusRows,
  submittedSheet,
} from "./helpers/readiness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const FULL = { A: 5, B: 3, C: 4, D: 4, E: 3.5, F: 4 };

async function homeOf(headers: { cookie: string }): Promise<Home> {
  const res = await t.app.inject({ method: "GET", url: "/api/home", headers });
  expect(res.statusCode).toBe(200);
  return res.json() as Home;
}

/** The readiness item of one kind, or undefined when the home page has none. */
function readinessItem(home: Home, kind: string): HomeItem | undefined {
  return home.parts.find((p) => p.module === "readiness")?.items.find((i) => i.kind === kind);
}

const hrefs = (item: HomeItem | undefined) => item?.items.map((i) => i.href) ?? [];

async function person(role: "coordinator" | "analyst" | "reader", organisationId: string) {
  const user = await buildUser(t.db, { role, organisationId });
  return { user, headers: await signIn(t, user.email) };
}

describe("GET /api/home", () => {
  it("needs a session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/home" });
    expect(res.statusCode).toBe(401);
  });

  it("shows a scorer the sheet waiting for them, the lead the consensus to set, a reader no work", async () => {
    const municipality = await buildMunicipality(t.db);
    const lead = await person("coordinator", municipality.id);
    const scorer = await person("analyst", municipality.id);
    const reader = await person("reader", municipality.id);
    const assessment = await buildAssessment(t.db, {
      organisationId: municipality.id,
      topic: { kind: "preset", key: "honour_violence" },
      team: [
        { userId: lead.user.id, roles: ["lead", "interviewer", "scorer"] },
        { userId: scorer.user.id, roles: ["scorer"] },
      ],
    });
    const first = await buildInterview(t.db, assessment.id, { interviewerId: lead.user.id });
    const second = await buildInterview(t.db, assessment.id, { interviewerId: lead.user.id });
    const third = await buildInterview(t.db, assessment.id, { interviewerId: lead.user.id });
    // First: both submitted, no consensus yet. Second: only the lead. Third: both, consensus set.
    await submittedSheet(t.db, first.id, lead.user.id, FULL);
    await submittedSheet(t.db, first.id, scorer.user.id, FULL);
    await submittedSheet(t.db, second.id, lead.user.id, FULL);
    await submittedSheet(t.db, third.id, lead.user.id, FULL);
    await submittedSheet(t.db, third.id, scorer.user.id, FULL);
    await consensusRows(t.db, third.id, FULL);
    const base = `/readiness/${assessment.id}`;

    const scorerHome = await homeOf(scorer.headers);
    const sheets = readinessItem(scorerHome, "scores");
    expect(sheets?.section).toBe("waiting");
    expect(sheets?.count).toBe(1);
    expect(hrefs(sheets)).toEqual([`${base}/interviews/${second.id}/scores`]);
    expect(sheets?.items[0]?.title.sv).toMatch(/^Intervju 2, .*: hedersrelaterat våld/);
    expect(sheets?.items[0]?.title.en).toMatch(/^Interview 2, .*: honour-related violence/);
    expect(sheets?.items[0]?.due).toBe(assessment.periodEnd);
    // A scorer may set consensus too, once every scorer has submitted the interview.
    expect(hrefs(readinessItem(scorerHome, "consensus"))).toEqual([`${base}/consensus`]);
    // The scorer holds no interview: no drafts.
    expect(readinessItem(scorerHome, "interviews")).toBeUndefined();

    const leadHome = await homeOf(lead.headers);
    expect(readinessItem(leadHome, "scores")).toBeUndefined();
    expect(hrefs(readinessItem(leadHome, "consensus"))).toEqual([`${base}/consensus`]);

    // The reader may read the assessment (it is in progress) but has no work in it.
    const readerHome = await homeOf(reader.headers);
    for (const kind of ["scores", "consensus", "interviews", "setup"]) {
      expect({ kind, item: readinessItem(readerHome, kind) }).toEqual({ kind, item: undefined });
    }
    expect(hrefs(readinessItem(readerHome, "inProgress"))).toContain(base);

    // Once the scorer submits, their sheet no longer waits.
    await submittedSheet(t.db, second.id, scorer.user.id, FULL);
    expect(readinessItem(await homeOf(scorer.headers), "scores")).toBeUndefined();
  });

  it("lists the interviews a person holds and the assessments they left without scorers", async () => {
    const municipality = await buildMunicipality(t.db);
    const lead = await person("coordinator", municipality.id);
    const bare = await buildAssessment(t.db, {
      organisationId: municipality.id,
      team: [{ userId: lead.user.id, roles: ["lead", "interviewer"] }],
    });
    const held = await buildInterview(t.db, bare.id, { interviewerId: lead.user.id });
    const home = await homeOf(lead.headers);
    expect(hrefs(readinessItem(home, "interviews"))).toEqual([
      `/readiness/${bare.id}/interviews/${held.id}`,
    ]);
    expect(hrefs(readinessItem(home, "setup"))).toEqual([`/readiness/${bare.id}`]);
  });

  it("never shows another municipality's assessment", async () => {
    const own = await buildMunicipality(t.db);
    const other = await buildMunicipality(t.db);
    const coordinator = await person("coordinator", own.id);
    const foreign = await buildAssessment(t.db, { organisationId: other.id });
    await buildInterview(t.db, foreign.id);
    const mine = await buildAssessment(t.db, { organisationId: own.id });
    const home = await homeOf(coordinator.headers);
    const everywhere = home.parts.flatMap((p) => p.items.flatMap((i) => hrefs(i)));
    expect(everywhere).toContain(`/readiness/${mine.id}`);
    expect(everywhere.filter((href) => href.includes(foreign.id))).toEqual([]);
  });
});
