import { buildAssessment, buildInterview, buildRespondent } from "../helpers/readiness.ts";
import { all, type Fixture, type ModuleMatrix, readable, scoped, targetUser } from "./types.ts";

/** An assessment in the target organisation whose team is another person, with one interview. */
async function readinessFixture(f: Fixture) {
  const assessment = await buildAssessment(f.t.db, { organisationId: f.org.id });
  const interview = await buildInterview(f.t.db, assessment.id);
  return { assessment, interview };
}
async function assessmentUrl(f: Fixture) {
  return `/api/readiness/assessments/${(await readinessFixture(f)).assessment.id}`;
}
async function interviewUrl(f: Fixture) {
  const { assessment, interview } = await readinessFixture(f);
  return `/api/readiness/assessments/${assessment.id}/interviews/${interview.id}`;
}
async function builtInGuideId(f: Fixture) {
  const res = await f.t.pool.query<{ id: string }>(
    "SELECT id FROM community.readiness_guides WHERE organisation_id IS NULL LIMIT 1",
  );
  return res.rows[0]!.id;
}

export const readinessMatrix: ModuleMatrix = {
  rows: {
    // Readiness: results are community data along the lineage; the work belongs to the team,
    // which no organisation role replaces (the fixture's team is someone else).
    "GET /api/readiness/guides": all(200),
    "POST /api/readiness/guides": { ...all(403), system_admin: 201, coordinator: scoped(201, 403) },
    "GET /api/readiness/assessments": all(200),
    "POST /api/readiness/assessments": {
      ...all(403),
      system_admin: 201,
      coordinator: scoped(201, 403),
    },
    "GET /api/readiness/assessments/{id}": readable,
    "PATCH /api/readiness/assessments/{id}": all(403),
    "PUT /api/readiness/assessments/{id}/team": all(403),
    "GET /api/readiness/assessments/{id}/team-candidates": all(403),
    "POST /api/readiness/assessments/{id}/respondents": all(403),
    "PATCH /api/readiness/assessments/{id}/respondents/{respondentId}": all(403),
    "POST /api/readiness/assessments/{id}/interviews": all(403),
    "GET /api/readiness/assessments/{id}/interviews/{interviewId}": {
      ...all(403),
      system_admin: 200,
    },
    "PUT /api/readiness/assessments/{id}/interviews/{interviewId}": all(403),
    "GET /api/readiness/assessments/{id}/interviews/{interviewId}/scores": all(403),
    "PUT /api/readiness/assessments/{id}/interviews/{interviewId}/scores": all(403),
    "POST /api/readiness/assessments/{id}/interviews/{interviewId}/scores/submit": all(403),
    "GET /api/readiness/assessments/{id}/consensus": all(403),
    "PUT /api/readiness/assessments/{id}/consensus": all(403),
    "GET /api/readiness/assessments/{id}/results": readable,
    "GET /api/readiness/assessments/{id}/trend": readable,
    "GET /api/readiness/compare": readable,
    "GET /api/readiness/assessments/{id}/scores.csv": readable,
    "GET /api/readiness/assessments/{id}/report.pdf": readable,
  },
  requests: {
    "GET /api/readiness/guides": async () => ({ url: "/api/readiness/guides" }),
    "POST /api/readiness/guides": async (f) => ({
      url: "/api/readiness/guides",
      payload: { organisationId: f.org.id, baseGuideId: await builtInGuideId(f) },
    }),
    "GET /api/readiness/assessments": async () => ({ url: "/api/readiness/assessments" }),
    "POST /api/readiness/assessments": async (f) => ({
      url: "/api/readiness/assessments",
      payload: {
        topic: { kind: "preset", key: "andt" },
        organisationId: f.org.id,
        periodStart: "2026-01-01",
        periodEnd: "2026-06-30",
      },
    }),
    "GET /api/readiness/assessments/{id}": async (f) => ({ url: await assessmentUrl(f) }),
    "PATCH /api/readiness/assessments/{id}": async (f) => ({
      url: await assessmentUrl(f),
      payload: { targetInterviews: 6, version: 1 },
    }),
    "PUT /api/readiness/assessments/{id}/team": async (f) => {
      const user = await targetUser(f);
      return {
        url: `${await assessmentUrl(f)}/team`,
        payload: { members: [{ userId: user.id, roles: ["lead"] }] },
      };
    },
    "GET /api/readiness/assessments/{id}/team-candidates": async (f) => ({
      url: `${await assessmentUrl(f)}/team-candidates`,
    }),
    "POST /api/readiness/assessments/{id}/respondents": async (f) => ({
      url: `${await assessmentUrl(f)}/respondents`,
      payload: { role: "Rektor", sector: "skola" },
    }),
    "PATCH /api/readiness/assessments/{id}/respondents/{respondentId}": async (f) => {
      const { assessment } = await readinessFixture(f);
      const respondent = await buildRespondent(f.t.db, assessment.id);
      return {
        url: `/api/readiness/assessments/${assessment.id}/respondents/${respondent.id}`,
        payload: { role: "Kurator" },
      };
    },
    "POST /api/readiness/assessments/{id}/interviews": async (f) => {
      const { assessment } = await readinessFixture(f);
      const respondent = await buildRespondent(f.t.db, assessment.id);
      return {
        url: `/api/readiness/assessments/${assessment.id}/interviews`,
        payload: { respondentId: respondent.id, heldOn: "2026-02-01", durationMinutes: 40 },
      };
    },
    "GET /api/readiness/assessments/{id}/interviews/{interviewId}": async (f) => ({
      url: await interviewUrl(f),
    }),
    "PUT /api/readiness/assessments/{id}/interviews/{interviewId}": async (f) => ({
      url: await interviewUrl(f),
      payload: { answers: { A1: "Anteckning" }, version: 1 },
    }),
    "GET /api/readiness/assessments/{id}/interviews/{interviewId}/scores": async (f) => ({
      url: `${await interviewUrl(f)}/scores`,
    }),
    "PUT /api/readiness/assessments/{id}/interviews/{interviewId}/scores": async (f) => ({
      url: `${await interviewUrl(f)}/scores`,
      payload: { scores: { A: 4 } },
    }),
    "POST /api/readiness/assessments/{id}/interviews/{interviewId}/scores/submit": async (f) => ({
      url: `${await interviewUrl(f)}/scores/submit`,
    }),
    "GET /api/readiness/assessments/{id}/consensus": async (f) => ({
      url: `${await assessmentUrl(f)}/consensus`,
    }),
    "PUT /api/readiness/assessments/{id}/consensus": async (f) => {
      const { assessment, interview } = await readinessFixture(f);
      return {
        url: `/api/readiness/assessments/${assessment.id}/consensus`,
        payload: { interviewId: interview.id, dimension: "A", score: 4 },
      };
    },
    "GET /api/readiness/assessments/{id}/results": async (f) => ({
      url: `${await assessmentUrl(f)}/results`,
    }),
    "GET /api/readiness/assessments/{id}/trend": async (f) => ({
      url: `${await assessmentUrl(f)}/trend`,
    }),
    "GET /api/readiness/compare": async (f) => ({
      url: `/api/readiness/compare?ids=${(await readinessFixture(f)).assessment.id}`,
    }),
    "GET /api/readiness/assessments/{id}/scores.csv": async (f) => ({
      url: `${await assessmentUrl(f)}/scores.csv`,
    }),
    "GET /api/readiness/assessments/{id}/report.pdf": async (f) => ({
      url: `${await assessmentUrl(f)}/report.pdf`,
    }),
  },
};
