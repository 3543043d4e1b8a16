import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_COMPASS_NEEDS } from "../src/domain/support/compass.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { buildMunicipality, buildUnit, buildUser } from "./helpers/factories.ts";
import { buildSupportCase } from "./helpers/support.ts";
import {
  grantRelations,
  RELATIONS,
  type Relation,
  type RelationPeople,
  relationPeople,
} from "./helpers/support-relations.ts";

/**
 * Every route of a case's records × every relation a person can have to the case: the answer
 * AND the audit row, as test/support-matrix.test.ts does for the case itself. A read succeeds
 * only with the part (scope) its route reads and states the access record it rests on; a write
 * also needs a role that writes that part; everything else is 404 with a denied row. Reports of
 * concern are the exception: their intake unit reads them with no access to any case.
 */

interface World {
  caseId: string;
  access: Partial<Record<Relation, string>>;
  measureId: string;
  teamId: string;
  sipId: string;
  reportId: string;
  newcomerId: string;
}

let t: TestApp;
let municipality: { id: string };
let unit: { id: string };
let people: RelationPeople;

beforeAll(async () => {
  t = await buildTestApp();
  municipality = await buildMunicipality(t.db);
  // The relations' unit is also the municipality's intake unit for reports of concern.
  unit = await buildUnit(t.db, municipality.id, "socialtjanst");
  await t.owner.pool.query(
    "INSERT INTO support.intake_units (municipality_id, unit_id) VALUES ($1, $2)",
    [municipality.id, unit.id],
  );
  people = await relationPeople(t, municipality.id, unit.id);
});
afterAll(() => t.close());

async function buildWorld(): Promise<World> {
  const supportCase = await buildSupportCase(t, municipality.id);
  const access = await grantRelations(t, supportCase.id, people);
  const author = people.get("child_contact")!.id;
  const owner = t.owner.pool;
  const one = async (sql: string, values: unknown[]) =>
    (await owner.query<{ id: string }>(sql, values)).rows[0]!.id;
  const measureId = await one(
    `INSERT INTO support.plan_measures (case_id, what, owner_name, due_on, evaluate_on, created_by)
     VALUES ($1, 'Läxhjälp', 'Karin', '2026-03-01', '2026-04-01', $2) RETURNING id`,
    [supportCase.id, author],
  );
  const teamId = await one(
    `INSERT INTO support.teams (case_id, kind, formed_by) VALUES ($1, 'individual', $2) RETURNING id`,
    [supportCase.id, author],
  );
  const sipId = await one(
    "INSERT INTO support.sips (case_id, created_by) VALUES ($1, $2) RETURNING id",
    [supportCase.id, author],
  );
  const reporter = await buildUser(t.db, { role: "practitioner", organisationId: municipality.id });
  const reportId = await one(
    `INSERT INTO support.concern_reports (municipality_id, intake_unit_id, filed_in_case_id, reporter_id,
       reporter_role, reporter_organisation, observation, child_told, guardians_told)
     VALUES ($1, $2, $3, $4, 'school', 'Skolan', 'Oro', true, true) RETURNING id`,
    [municipality.id, unit.id, supportCase.id, reporter.id],
  );
  const newcomer = await buildUser(t.db, { role: "practitioner", organisationId: unit.id });
  return {
    caseId: supportCase.id,
    access,
    measureId,
    teamId,
    sipId,
    reportId,
    newcomerId: newcomer.id,
  };
}

interface RouteCase {
  method: "GET" | "POST" | "PUT" | "PATCH";
  url: (w: World) => string;
  payload?: (w: World) => unknown;
  /** The status per relation; 404 (hidden) when not named. */
  allowed: Partial<Record<Relation, number>>;
  action: string;
  deniedAction: string;
  /** The audit rows' subject when it is not the case. */
  subject?: (w: World) => string;
}

const base = (w: World) => `/api/support/cases/${w.caseId}`;
const on = (relations: readonly Relation[], status: number) =>
  Object.fromEntries(relations.map((r) => [r, status])) as Partial<Record<Relation, number>>;
// The parts each case role holds by default (src/domain/support/access.ts, DEFAULT_SCOPES).
const WELLBEING = ["child_contact", "coordinator", "team_member"] as const;
const PLAN = ["child_contact", "coordinator", "team_member", "emergency"] as const;
const SUMMARY = ["discoverer", "child_contact", "coordinator", "team_member", "emergency"] as const;
const RESPONSIBLE = ["child_contact", "coordinator"] as const;
const WRITERS = ["discoverer", "child_contact", "coordinator", "team_member"] as const;
const read = (action: string) => ({ action, deniedAction: "case.read" });
const write = (action: string) => ({ action, deniedAction: "support.records.write" });
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

const ROUTES: Record<string, RouteCase> = {
  "GET assessments": {
    method: "GET",
    url: (w) => `${base(w)}/assessments`,
    allowed: on(WELLBEING, 200),
    ...read("support.assessment.list"),
  },
  "POST assessment": {
    method: "POST",
    url: (w) => `${base(w)}/assessments`,
    payload: () => ({
      assessedOn: "2026-01-10",
      ratings: DEFAULT_COMPASS_NEEDS.map((n) => ({ need: n.key, rating: 3, reason: "Skäl" })),
      childView: "",
      guardiansView: "",
      summary: "Sammanfattning",
    }),
    allowed: on(RESPONSIBLE, 201),
    ...write("support.assessment.create"),
  },
  "GET measures": {
    method: "GET",
    url: (w) => `${base(w)}/measures`,
    allowed: on(PLAN, 200),
    ...read("support.measure.list"),
  },
  "POST measure": {
    method: "POST",
    url: (w) => `${base(w)}/measures`,
    payload: () => ({
      what: "Läxhjälp",
      ownerName: "Karin",
      dueOn: "2026-03-01",
      evaluateOn: "2026-04-01",
    }),
    allowed: on(WELLBEING, 201),
    ...write("support.measure.create"),
  },
  "PATCH measure": {
    method: "PATCH",
    url: (w) => `${base(w)}/measures/${w.measureId}`,
    payload: () => ({ status: "done", evaluation: "Klart", version: 1 }),
    allowed: on(WELLBEING, 200),
    ...write("support.measure.update"),
  },
  "GET teams": {
    method: "GET",
    url: (w) => `${base(w)}/teams`,
    allowed: on(SUMMARY, 200),
    ...read("support.teams.read"),
  },
  "GET role candidates": {
    method: "GET",
    url: (w) => `${base(w)}/role-candidates`,
    allowed: on(RESPONSIBLE, 200),
    // Refused as the write it prepares: only those who may assign see whom they could.
    action: "support.role.candidates",
    deniedAction: "support.records.write",
  },
  "POST team": {
    method: "POST",
    url: (w) => `${base(w)}/teams`,
    payload: () => ({ kind: "age_6_12" }),
    allowed: on(RESPONSIBLE, 201),
    ...write("support.team.create"),
  },
  "POST team member": {
    method: "POST",
    url: (w) => `${base(w)}/teams/${w.teamId}/members`,
    payload: (w) => ({ userId: w.newcomerId, organisationName: "Elevhälsan" }),
    allowed: on(RESPONSIBLE, 201),
    ...write("support.team.member_add"),
  },
  "GET sips": {
    method: "GET",
    url: (w) => `${base(w)}/sips`,
    allowed: on(PLAN, 200),
    ...read("support.sip.list"),
  },
  "POST sip": {
    method: "POST",
    url: (w) => `${base(w)}/sips`,
    payload: () => sip,
    allowed: on(RESPONSIBLE, 201),
    ...write("support.sip.create"),
  },
  "PUT sip": {
    method: "PUT",
    url: (w) => `${base(w)}/sips/${w.sipId}`,
    payload: () => ({ ...sip, childGoals: "Våga gå till skolan", version: 1 }),
    allowed: on(RESPONSIBLE, 200),
    ...write("support.sip.update"),
  },
  "GET sip PDF": {
    method: "GET",
    url: (w) => `${base(w)}/sips/${w.sipId}/report.pdf`,
    allowed: on(PLAN, 200),
    ...read("support.sip.report"),
  },
  "GET concern reports of the case": {
    method: "GET",
    url: (w) => `${base(w)}/concern-reports`,
    allowed: on(["discoverer", "coordinator"], 200),
    ...read("support.concern.list_case"),
  },
  "GET disclosures": {
    method: "GET",
    url: (w) => `${base(w)}/disclosures`,
    allowed: on(RESPONSIBLE, 200),
    ...read("support.disclosure.list"),
  },
  "POST disclosure": {
    method: "POST",
    url: (w) => `${base(w)}/disclosures`,
    payload: () => ({
      disclosedOn: "2026-03-01",
      recipient: "Polisen",
      information: "Frånvaro",
      reason: "Begäran",
      basis: "legal_duty",
      legalDuty: "law_enforcement_information",
    }),
    allowed: on(WRITERS, 201),
    ...write("support.disclosure.create"),
  },
  "GET chronology": {
    method: "GET",
    url: (w) => `${base(w)}/chronology`,
    allowed: on(["child_contact", "coordinator", "emergency"], 200),
    ...read("support.chronology.read"),
  },
  "POST chronology entry": {
    method: "POST",
    url: (w) => `${base(w)}/chronology`,
    payload: () => ({
      occurredOn: "2026-02-02",
      category: "strength",
      text: "Bra dag",
      scope: "summary",
    }),
    allowed: on(WRITERS, 201),
    ...write("support.chronology.create"),
  },
  // The intake unit reads a report with no access to any case; being on the case gives nothing.
  "GET concern report": {
    method: "GET",
    url: (w) => `/api/support/concern-reports/${w.reportId}`,
    allowed: on(
      [
        "expired",
        "discoverer",
        "child_contact",
        "coordinator",
        "team_member",
        "same_unit",
        "emergency",
      ],
      200,
    ),
    action: "support.concern.read",
    deniedAction: "support.concern.read",
    subject: (w) => w.reportId,
  },
};

async function auditRows(userId: string, subjectId: string) {
  const res = await t.pool.query<{
    action: string;
    outcome: string;
    details: Record<string, unknown>;
  }>(
    `SELECT action, outcome, details FROM platform.audit_log
      WHERE actor_id = $1 AND (subject_id = $2 OR details->'params'->>'id' = $2
                               OR details->'params'->>'reportId' = $2)
      ORDER BY seq`,
    [userId, subjectId],
  );
  return res.rows;
}

describe("support records routes × relations to the case: status and audit row", () => {
  it.each(Object.keys(ROUTES))("%s", async (name) => {
    const spec = ROUTES[name]!;
    const observed: Record<string, string> = {};
    const expected: Record<string, string> = {};
    await Promise.all(
      RELATIONS.map(async (relation) => {
        const world = await buildWorld();
        const person = people.get(relation)!;
        const res = await t.app.inject({
          method: spec.method,
          url: spec.url(world),
          headers: person.headers,
          ...(spec.payload ? { payload: spec.payload(world) as object } : {}),
        });
        const status = spec.allowed[relation] ?? 404;
        expected[relation] = `${status} ok`;
        let audit = "ok";
        const rows = await auditRows(person.id, spec.subject?.(world) ?? world.caseId);
        if (status === 404) {
          const denied = rows.filter(
            (r) => r.action === spec.deniedAction && r.outcome === "denied",
          );
          if (denied.length !== 1) audit = `denied rows ${JSON.stringify(rows)}`;
          if (rows.some((r) => r.outcome === "success")) audit = "success row on a denial";
        } else {
          const row = rows.find((r) => r.action === spec.action && r.outcome === "success");
          if (!row) audit = `no ${spec.action} row in ${JSON.stringify(rows)}`;
          // A read of a case's part states the access record it rests on.
          else if (
            spec.method === "GET" &&
            !spec.subject &&
            row.details.accessId !== world.access[relation]
          ) {
            audit = `read attributed to ${String(row.details.accessId)}`;
          }
        }
        observed[relation] =
          res.statusCode === status ? `${status} ${audit}` : `${res.statusCode} ${res.body}`;
      }),
    );
    expect(observed).toEqual(expected);
  });
});
