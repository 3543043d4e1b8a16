import { DEFAULT_COMPASS_NEEDS } from "../../src/domain/support/compass.ts";
import { buildUnit, buildUser } from "../helpers/factories.ts";
import { buildSupportCase, fictionalPersonalNumber } from "../helpers/support.ts";
import { all, type Fixture, type ModuleMatrix, managed, scoped } from "./types.ts";

/*
 * The records of a case. Every caller here is on no case (the fixture's case has nobody on it),
 * so every case route answers 404, as for a case that does not exist; the relations to a case
 * are tried in test/support-records.test.ts. Reports of concern need no case: any practitioner
 * files one, and the intake unit (here the municipality itself, where the matrix's callers hold
 * their roles) reads and answers it.
 */

const caseUrl = async (f: Fixture, tail: string) =>
  `/api/support/cases/${(await buildSupportCase(f.t, f.org.id)).id}${tail}`;

/** A report of concern in the target municipality, filed by someone else. */
async function concernReport(f: Fixture, status: "sent" | "received" = "sent") {
  const reporter = await buildUser(f.t.db, { role: "practitioner", organisationId: f.org.id });
  const res = await f.t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.concern_reports (municipality_id, intake_unit_id, child_name, reporter_id,
       reporter_role, reporter_organisation, observation, child_told, guardians_told, status,
       received_at, feedback_due_at)
     VALUES ($1, $1, 'Elsa Fiktiv', $2, 'school', 'Skolan', 'Oro', true, true, $3,
       CASE WHEN $3 = 'received' THEN now() END, CASE WHEN $3 = 'received' THEN now() + interval '14 days' END)
     RETURNING id`,
    [f.org.id, reporter.id, status],
  );
  return `/api/support/concern-reports/${res.rows[0]!.id}`;
}

/** Case rows, built into the per-record-id parameters below. */
async function measureUrl(f: Fixture) {
  const supportCase = await buildSupportCase(f.t, f.org.id);
  const res = await f.t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.plan_measures (case_id, what, owner_name, due_on, evaluate_on, created_by)
     VALUES ($1, 'Läxhjälp', 'Karin', '2026-03-01', '2026-04-01',
             (SELECT id FROM platform.users LIMIT 1)) RETURNING id`,
    [supportCase.id],
  );
  return `/api/support/cases/${supportCase.id}/measures/${res.rows[0]!.id}`;
}
async function teamUrl(f: Fixture) {
  const supportCase = await buildSupportCase(f.t, f.org.id);
  const res = await f.t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.teams (case_id, kind, formed_by)
     VALUES ($1, 'individual', (SELECT id FROM platform.users LIMIT 1)) RETURNING id`,
    [supportCase.id],
  );
  return `/api/support/cases/${supportCase.id}/teams/${res.rows[0]!.id}`;
}
async function sipUrl(f: Fixture) {
  const supportCase = await buildSupportCase(f.t, f.org.id);
  const res = await f.t.owner.pool.query<{ id: string }>(
    `INSERT INTO support.sips (case_id, created_by)
     VALUES ($1, (SELECT id FROM platform.users LIMIT 1)) RETURNING id`,
    [supportCase.id],
  );
  return `/api/support/cases/${supportCase.id}/sips/${res.rows[0]!.id}`;
}

const hidden = all(404);
const practitioners = (own: number, foreign: number) => ({
  ...all(403),
  system_admin: own,
  practitioner: scoped(own, foreign),
});
const intakeOnly = { ...hidden, practitioner: scoped(200, 404) };
const sip = {
  interventions: [],
  overallResponsible: null,
  overallResponsibleName: "",
  meetingOn: null,
  participants: [],
  minutes: "",
  followUpOn: null,
  childGoals: "",
  childVoice: "",
  consentId: null,
};

export const supportRecordsMatrix: ModuleMatrix = {
  rows: {
    "GET /api/support/cases/{id}/assessments": hidden,
    "POST /api/support/cases/{id}/assessments": hidden,
    "GET /api/support/cases/{id}/measures": hidden,
    "POST /api/support/cases/{id}/measures": hidden,
    "PATCH /api/support/cases/{id}/measures/{measureId}": hidden,
    "GET /api/support/cases/{id}/teams": hidden,
    "GET /api/support/cases/{id}/role-candidates": hidden,
    "POST /api/support/cases/{id}/coordinator": hidden,
    "POST /api/support/cases/{id}/teams": hidden,
    "POST /api/support/cases/{id}/teams/{teamId}/members": hidden,
    "GET /api/support/cases/{id}/sips": hidden,
    "POST /api/support/cases/{id}/sips": hidden,
    "PUT /api/support/cases/{id}/sips/{sipId}": hidden,
    "POST /api/support/cases/{id}/sips/{sipId}/status": hidden,
    "GET /api/support/cases/{id}/sips/{sipId}/report.pdf": hidden,
    "GET /api/support/cases/{id}/concern-reports": hidden,
    "GET /api/support/cases/{id}/disclosures": hidden,
    "POST /api/support/cases/{id}/disclosures": hidden,
    "GET /api/support/cases/{id}/chronology": hidden,
    "POST /api/support/cases/{id}/chronology": hidden,
    // Filing is never blocked by access: any practitioner, any municipality.
    "POST /api/support/concern-reports": practitioners(201, 201),
    "GET /api/support/concern-reports": practitioners(200, 200),
    "GET /api/support/intake/concern-reports": practitioners(200, 200),
    "GET /api/support/concern-reports/{reportId}": intakeOnly,
    "POST /api/support/concern-reports/{reportId}/receive": intakeOnly,
    "POST /api/support/concern-reports/{reportId}/feedback": intakeOnly,
    "PUT /api/support/intake-units/{municipalityId}": managed(200),
    "GET /api/support/compass-needs/{municipalityId}": all(200),
    "PUT /api/support/compass-needs/{municipalityId}": managed(200),
  },
  requests: {
    "GET /api/support/cases/{id}/assessments": async (f) => ({
      url: await caseUrl(f, "/assessments"),
    }),
    "POST /api/support/cases/{id}/assessments": async (f) => ({
      url: await caseUrl(f, "/assessments"),
      payload: {
        assessedOn: "2026-01-10",
        ratings: DEFAULT_COMPASS_NEEDS.map((n) => ({ need: n.key, rating: 3, reason: "Skäl" })),
        childView: "",
        guardiansView: "",
        summary: "Sammanfattning",
      },
    }),
    "GET /api/support/cases/{id}/measures": async (f) => ({ url: await caseUrl(f, "/measures") }),
    "POST /api/support/cases/{id}/measures": async (f) => ({
      url: await caseUrl(f, "/measures"),
      payload: {
        what: "Läxhjälp",
        ownerName: "Karin",
        dueOn: "2026-03-01",
        evaluateOn: "2026-04-01",
      },
    }),
    "PATCH /api/support/cases/{id}/measures/{measureId}": async (f) => ({
      url: await measureUrl(f),
      payload: { status: "done", evaluation: "", version: 1 },
    }),
    "GET /api/support/cases/{id}/teams": async (f) => ({ url: await caseUrl(f, "/teams") }),
    "GET /api/support/cases/{id}/role-candidates": async (f) => ({
      url: await caseUrl(f, "/role-candidates"),
    }),
    "POST /api/support/cases/{id}/coordinator": async (f) => ({
      url: await caseUrl(f, "/coordinator"),
      payload: {
        userId: (await buildUser(f.t.db, { role: "practitioner", organisationId: f.org.id })).id,
      },
    }),
    "POST /api/support/cases/{id}/teams": async (f) => ({
      url: await caseUrl(f, "/teams"),
      payload: { kind: "individual" },
    }),
    "POST /api/support/cases/{id}/teams/{teamId}/members": async (f) => ({
      url: `${await teamUrl(f)}/members`,
      payload: {
        userId: (await buildUser(f.t.db, { role: "practitioner", organisationId: f.org.id })).id,
        organisationName: "Elevhälsan",
      },
    }),
    "GET /api/support/cases/{id}/sips": async (f) => ({ url: await caseUrl(f, "/sips") }),
    "POST /api/support/cases/{id}/sips": async (f) => ({
      url: await caseUrl(f, "/sips"),
      payload: sip,
    }),
    "PUT /api/support/cases/{id}/sips/{sipId}": async (f) => ({
      url: await sipUrl(f),
      payload: { ...sip, version: 1 },
    }),
    "POST /api/support/cases/{id}/sips/{sipId}/status": async (f) => ({
      url: `${await sipUrl(f)}/status`,
      payload: { status: "draft", version: 1 },
    }),
    "GET /api/support/cases/{id}/sips/{sipId}/report.pdf": async (f) => ({
      url: `${await sipUrl(f)}/report.pdf`,
    }),
    "GET /api/support/cases/{id}/concern-reports": async (f) => ({
      url: await caseUrl(f, "/concern-reports"),
    }),
    "GET /api/support/cases/{id}/disclosures": async (f) => ({
      url: await caseUrl(f, "/disclosures"),
    }),
    "POST /api/support/cases/{id}/disclosures": async (f) => ({
      url: await caseUrl(f, "/disclosures"),
      payload: {
        disclosedOn: "2026-03-01",
        recipient: "Polisen",
        information: "Frånvaro",
        reason: "Begäran",
        basis: "legal_duty",
        legalDuty: "law_enforcement_information",
      },
    }),
    "GET /api/support/cases/{id}/chronology": async (f) => ({
      url: await caseUrl(f, "/chronology"),
    }),
    "POST /api/support/cases/{id}/chronology": async (f) => ({
      url: await caseUrl(f, "/chronology"),
      payload: {
        occurredOn: "2026-02-02",
        category: "strength",
        text: "Bra dag",
        scope: "summary",
      },
    }),
    "POST /api/support/concern-reports": async (f) => ({
      url: "/api/support/concern-reports",
      payload: {
        municipalityId: f.org.id,
        caseId: null,
        childPersonalNumber: fictionalPersonalNumber(),
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
      },
    }),
    "GET /api/support/concern-reports": async () => ({ url: "/api/support/concern-reports" }),
    "GET /api/support/intake/concern-reports": async () => ({
      url: "/api/support/intake/concern-reports",
    }),
    "GET /api/support/concern-reports/{reportId}": async (f) => ({ url: await concernReport(f) }),
    "POST /api/support/concern-reports/{reportId}/receive": async (f) => ({
      url: `${await concernReport(f)}/receive`,
    }),
    "POST /api/support/concern-reports/{reportId}/feedback": async (f) => ({
      url: `${await concernReport(f, "received")}/feedback`,
      payload: { feedback: "Vi har inlett en utredning." },
    }),
    "PUT /api/support/intake-units/{municipalityId}": async (f) => ({
      url: `/api/support/intake-units/${f.org.id}`,
      payload: { unitId: (await buildUnit(f.t.db, f.org.id, "socialtjanst")).id },
    }),
    "GET /api/support/compass-needs/{municipalityId}": async (f) => ({
      url: `/api/support/compass-needs/${f.org.id}`,
    }),
    "PUT /api/support/compass-needs/{municipalityId}": async (f) => ({
      url: `/api/support/compass-needs/${f.org.id}`,
      payload: { needs: [{ key: "mabra", sv: "Må bra", en: "Well-being" }] },
    }),
  },
};

/**
 * Adds these rows to the support context's matrix (one context, two files of its routes), so
 * that index.ts only adds a line.
 */
export function addSupportRecordsRows(matrix: ModuleMatrix): void {
  Object.assign(matrix.rows, supportRecordsMatrix.rows);
  Object.assign(matrix.requests, supportRecordsMatrix.requests);
}
