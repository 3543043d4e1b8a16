import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUnit, buildUser } from "./helpers/factories.ts";
import {
  buildChildContact,
  buildConsent,
  buildSupportCase,
  fictionalPersonalNumber,
  grantAs,
} from "./helpers/support.ts";
import {
  grantRelations,
  RELATIONS,
  type Relation,
  type RelationPeople,
  relationPeople,
} from "./helpers/support-relations.ts";

/**
 * Every support route × every relation a person can have to a case: the answer AND the audit
 * row. Each cell gets a fresh case with every relation on it, so that a write in one cell
 * (closing, withdrawing) cannot change another's answer.
 */

const LIVE: readonly Relation[] = [
  "discoverer",
  "child_contact",
  "coordinator",
  "team_member",
  "emergency",
];

interface World {
  caseId: string;
  personalNumber: string;
  access: Partial<Record<Relation, string>>;
  contactId: string;
  consentId: string;
}

let t: TestApp;
let municipality: { id: string };
let unit: { id: string };
let people: RelationPeople;

beforeAll(async () => {
  t = await buildTestApp();
  municipality = await buildMunicipality(t.db);
  unit = await buildUnit(t.db, municipality.id);
  people = await relationPeople(t, municipality.id, unit.id);
});
afterAll(() => t.close());

async function buildWorld(): Promise<World> {
  const supportCase = await buildSupportCase(t, municipality.id);
  const access = await grantRelations(t, supportCase.id, people);
  const contactPerson = await buildUser(t.db, { role: "practitioner", organisationId: unit.id });
  const contactId = await buildChildContact(t, supportCase.childId, contactPerson.id, unit.id);
  const consentId = await buildConsent(t, supportCase.id);
  return {
    caseId: supportCase.id,
    personalNumber: supportCase.personalNumber,
    access,
    contactId,
    consentId,
  };
}

interface RouteCase {
  method: "GET" | "POST";
  url: (w: World) => string;
  payload?: (w: World) => unknown;
  /** The status per relation; 404 (hidden) when not named. */
  allowed: Partial<Record<Relation, number>>;
  /** The audit action of a success and of a denial (the policy action). */
  action: string;
  deniedAction?: string;
  /** A list whose audit row names the cases it showed. */
  list?: boolean;
  /** Changes the fresh world before the call. */
  prepare?: (w: World) => Promise<void>;
}

const everyone = (status: number) =>
  Object.fromEntries(RELATIONS.map((r) => [r, status])) as Record<Relation, number>;
const readers = {
  discoverer: 200,
  child_contact: 200,
  coordinator: 200,
  team_member: 200,
  emergency: 200,
};
const inHour = () => new Date(Date.now() + 3_600_000).toISOString();

const ROUTES: Record<string, RouteCase> = {
  "GET case": {
    method: "GET",
    url: (w) => `/api/support/cases/${w.caseId}`,
    allowed: readers,
    action: "case.read",
  },
  "GET contacts": {
    method: "GET",
    url: (w) => `/api/support/cases/${w.caseId}/contacts`,
    allowed: readers,
    action: "case.read",
  },
  "GET access log": {
    method: "GET",
    url: (w) => `/api/support/cases/${w.caseId}/access-log`,
    allowed: { coordinator: 200 },
    action: "case.access_log",
    deniedAction: "case.read",
  },
  "POST child contact": {
    method: "POST",
    url: (w) => `/api/support/cases/${w.caseId}/child-contact`,
    payload: (w) => ({ contactId: w.contactId }),
    allowed: { discoverer: 201, child_contact: 201, coordinator: 201 },
    action: "case.activate_contact",
  },
  "POST consent": {
    method: "POST",
    url: (w) => `/api/support/cases/${w.caseId}/consents`,
    payload: () => ({
      kind: "sharing",
      givenBy: "guardian",
      giverName: "Vårdnadshavare Fiktiv",
      purpose: "Samordning mellan skola och socialtjänst",
      sharingOrganisationIds: [],
      recipientOrganisationIds: [],
      scopes: ["summary", "plan"],
      validFrom: new Date().toISOString(),
      validUntil: null,
    }),
    allowed: { child_contact: 201, coordinator: 201 },
    action: "consent.record",
  },
  "POST withdraw consent": {
    method: "POST",
    url: (w) => `/api/support/cases/${w.caseId}/consents/${w.consentId}/withdraw`,
    payload: () => ({ note: "Vårdnadshavaren ringde" }),
    allowed: { child_contact: 200, coordinator: 200 },
    action: "consent.withdraw",
  },
  "POST identify": {
    method: "POST",
    url: (w) => `/api/support/cases/${w.caseId}/identify`,
    payload: () => ({
      personalNumber: fictionalPersonalNumber(),
      givenName: "Maja",
      familyName: "Fiktiv",
    }),
    // The world's case as a consultation without identity.
    prepare: async (w) => {
      await t.owner.pool.query(
        `UPDATE support.cases SET kind = 'consultation', child_id = NULL, label = 'Flicka, åk 4'
          WHERE id = $1`,
        [w.caseId],
      );
    },
    allowed: { discoverer: 200, child_contact: 200, coordinator: 200 },
    action: "case.identify",
  },
  "POST close": {
    method: "POST",
    url: (w) => `/api/support/cases/${w.caseId}/close`,
    payload: () => ({ outcome: "needs_met", reason: "Behoven är tillgodosedda" }),
    allowed: { child_contact: 200, coordinator: 200 },
    action: "case.close",
  },
  "POST emergency access": {
    method: "POST",
    url: (w) => `/api/support/cases/${w.caseId}/emergency-access`,
    payload: () => ({ reason: "Barnet är i akut fara", validUntil: inHour() }),
    allowed: {
      ...everyone(201),
      // Without the permission to work with support, refused before the case is looked at.
      none: 403,
      org_admin: 403,
      other_municipality: 404,
    },
    action: "case.emergency",
  },
  "GET my cases": {
    method: "GET",
    url: () => "/api/support/cases",
    allowed: everyone(200),
    action: "case.list",
    list: true,
  },
  "GET search": {
    method: "GET",
    url: (w) => `/api/support/cases/search?personalNumber=${w.personalNumber}`,
    allowed: everyone(200),
    action: "case.search",
    list: true,
  },
};

async function auditRows(userId: string, caseId: string) {
  const res = await t.pool.query<{
    action: string;
    outcome: string;
    subject_id: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT action, outcome, subject_id, details FROM platform.audit_log
      WHERE actor_id = $1 AND (subject_id = $2 OR details->'params'->>'id' = $2)
      ORDER BY seq`,
    [userId, caseId],
  );
  return res.rows;
}

async function lastList(userId: string, action: string) {
  const res = await t.pool.query<{ details: { caseIds: string[] } }>(
    `SELECT details FROM platform.audit_log WHERE actor_id = $1 AND action = $2
      ORDER BY seq DESC LIMIT 1`,
    [userId, action],
  );
  return res.rows[0]?.details.caseIds;
}

describe("support routes × relations to the case: status and audit row", () => {
  it.each(Object.keys(ROUTES))("%s", async (name) => {
    const spec = ROUTES[name]!;
    const observed: Record<string, string> = {};
    const expected: Record<string, string> = {};
    await Promise.all(
      RELATIONS.map(async (relation) => {
        const world = await buildWorld();
        await spec.prepare?.(world);
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
        const rows = await auditRows(person.id, world.caseId);
        if (spec.list) {
          const shown = (await lastList(person.id, spec.action)) ?? [];
          const listed = res.json().items.map((i: { id: string }) => i.id);
          if (listed.includes(world.caseId) !== LIVE.includes(relation)) audit = "list wrong";
          else if (shown.includes(world.caseId) !== LIVE.includes(relation)) audit = "audit wrong";
        } else if (status === 404) {
          const denied = rows.filter(
            (r) => r.action === (spec.deniedAction ?? spec.action) && r.outcome === "denied",
          );
          if (denied.length !== 1) audit = `denied rows ${JSON.stringify(rows)}`;
          if (rows.some((r) => r.outcome === "success")) audit = "success row on a denial";
        } else if (status === 403) {
          if (rows.length > 0) audit = `rows on 403 ${JSON.stringify(rows)}`;
        } else {
          const row = rows.find((r) => r.action === spec.action && r.outcome === "success");
          if (!row) audit = `no ${spec.action} row in ${JSON.stringify(rows)}`;
          // A read states the access record it rests on.
          else if (spec.method === "GET" && row.details.accessId !== world.access[relation]) {
            audit = `read attributed to ${String(row.details.accessId)}`;
          }
        }
        observed[relation] =
          res.statusCode === status ? `${status} ${audit}` : `${res.statusCode} ${res.body}`;
      }),
    );
    expect(observed).toEqual(expected);
  });

  it("answers a case that does not exist exactly as one the caller may not see", async () => {
    const world = await buildWorld();
    const stranger = people.get("same_unit")!;
    const hiddenRes = await t.app.inject({
      url: `/api/support/cases/${world.caseId}`,
      headers: stranger.headers,
    });
    const missing = await t.app.inject({
      url: `/api/support/cases/${crypto.randomUUID()}`,
      headers: stranger.headers,
    });
    expect(hiddenRes.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const { requestId: _a, ...hiddenError } = hiddenRes.json().error;
    const { requestId: _b, ...missingError } = missing.json().error;
    expect(hiddenError).toEqual(missingError);
  });

  it("shows each reader only the parts of their scopes", async () => {
    const world = await buildWorld();
    const parts = async (relation: Relation) => {
      const res = await t.app.inject({
        url: `/api/support/cases/${world.caseId}`,
        headers: people.get(relation)!.headers,
      });
      const body = res.json();
      return {
        summary: body.summary !== null,
        consents: body.consents !== null,
        role: body.access.role,
        basis: body.access.basis,
      };
    };
    expect(await parts("discoverer")).toEqual({
      summary: true,
      consents: false,
      role: "discoverer",
      basis: "case_role",
    });
    expect(await parts("child_contact")).toMatchObject({ summary: true, consents: true });
    expect(await parts("emergency")).toEqual({
      summary: true,
      consents: false,
      role: "emergency",
      basis: "emergency",
    });
  });
});

describe("discovering, activating, withdrawing and closing through the API", () => {
  it("refuses a wrong check digit and opens a consultation without identity for its discoverer only", async () => {
    const discoverer = people.get("same_unit")!;
    const open = await t.app.inject({
      method: "POST",
      url: "/api/support/cases",
      headers: discoverer.headers,
      payload: {
        kind: "child",
        organisationId: unit.id,
        personalNumber: "151212-1217",
        givenName: "Maja",
        familyName: "Fiktiv",
        observation: "Ledsen på rasterna",
        immediateSupport: "Samtal",
      },
    });
    // 151212-1217 is not a valid number: its check digit is wrong.
    expect(open.statusCode).toBe(400);
    expect(open.body).toMatch(/kontrollsiffra/);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/support/cases",
      headers: discoverer.headers,
      payload: {
        kind: "consultation",
        organisationId: unit.id,
        label: "Pojke, åk 3",
        observation: "Ledsen på rasterna",
        immediateSupport: "Samtal",
      },
    });
    expect(created.statusCode).toBe(201);
    const caseId = created.json().id as string;
    const detail = await t.app.inject({
      url: `/api/support/cases/${caseId}`,
      headers: discoverer.headers,
    });
    expect(detail.json()).toMatchObject({
      kind: "consultation",
      access: { role: "discoverer", basis: "case_role" },
      summary: { title: "Pojke, åk 3", child: null },
    });
    for (const relation of ["org_admin", "other_municipality", "team_member"] as const) {
      const res = await t.app.inject({
        url: `/api/support/cases/${caseId}`,
        headers: people.get(relation)!.headers,
      });
      expect(res.statusCode).toBe(404);
    }
    // Once there is consent, the discoverer names the child.
    const personalNumber = fictionalPersonalNumber();
    const identify = () =>
      t.app.inject({
        method: "POST",
        url: `/api/support/cases/${caseId}/identify`,
        headers: discoverer.headers,
        payload: { personalNumber, givenName: "Maja", familyName: "Fiktiv" },
      });
    expect((await identify()).statusCode).toBe(200);
    expect((await identify()).statusCode).toBe(409);
    const named = await t.app.inject({
      url: `/api/support/cases/${caseId}`,
      headers: discoverer.headers,
    });
    expect(named.json()).toMatchObject({
      kind: "child",
      summary: { title: "Maja Fiktiv", child: { personalNumber } },
    });
  });

  it("ends consent-based access at once when the consent is withdrawn", async () => {
    const world = await buildWorld();
    const reader = await actorWith(t, "practitioner", unit.id);
    const consentId = await buildConsent(t, world.caseId, { scopes: ["summary"] });
    await grantAs(t, world.caseId, reader.user.id, {
      role: "team_member",
      basis: "consent",
      consentId,
      scopes: ["summary"],
    });
    const read = () =>
      t.app.inject({ url: `/api/support/cases/${world.caseId}`, headers: reader.headers });
    expect((await read()).statusCode).toBe(200);
    const withdrawn = await t.app.inject({
      method: "POST",
      url: `/api/support/cases/${world.caseId}/consents/${consentId}/withdraw`,
      headers: people.get("child_contact")!.headers,
      payload: { note: "" },
    });
    expect(withdrawn.json()).toEqual({ id: consentId, endedAccess: 1 });
    expect((await read()).statusCode).toBe(404);
    const ended = await t.owner.pool.query(
      "SELECT ended_reason FROM support.case_access WHERE consent_id = $1",
      [consentId],
    );
    expect(ended.rows).toEqual([{ ended_reason: "consent_withdrawn" }]);
  });

  it("closes a case and every access ends with the reason case_closed", async () => {
    const world = await buildWorld();
    const res = await t.app.inject({
      method: "POST",
      url: `/api/support/cases/${world.caseId}/close`,
      headers: people.get("coordinator")!.headers,
      payload: { outcome: "needs_met", reason: "Behoven är tillgodosedda" },
    });
    // Five live records, and the expired one (not ended, only run out) is ended too.
    expect(res.json()).toEqual({ id: world.caseId, endedAccess: 6 });
    for (const relation of LIVE) {
      const after = await t.app.inject({
        url: `/api/support/cases/${world.caseId}`,
        headers: people.get(relation)!.headers,
      });
      expect(after.statusCode).toBe(404);
    }
  });

  it("lists emergency access for the municipality's reviewer, who records a verdict", async () => {
    const world = await buildWorld();
    const admin = people.get("org_admin")!;
    const list = await t.app.inject({
      url: "/api/support/emergency-access?pending=true",
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { caseId: string }) => i.caseId === world.caseId);
    expect(item).toMatchObject({ accessId: world.access.emergency, reason: "Akut fara" });
    const verdict = await t.app.inject({
      method: "POST",
      url: `/api/support/emergency-access/${world.access.emergency}/review`,
      headers: admin.headers,
      payload: { verdict: "unjustified", note: "Ingen akut fara förelåg" },
    });
    expect(verdict.statusCode).toBe(200);
    const reviewed = await t.owner.pool.query(
      "SELECT verdict, reviewed_by FROM support.case_access WHERE id = $1",
      [world.access.emergency],
    );
    expect(reviewed.rows).toEqual([{ verdict: "unjustified", reviewed_by: admin.id }]);
    // The reviewer still cannot open the case.
    const open = await t.app.inject({
      url: `/api/support/cases/${world.caseId}`,
      headers: admin.headers,
    });
    expect(open.statusCode).toBe(404);
  });
});

describe("protected identity", () => {
  it("shows the address only to the named roles, and marks the child everywhere", async () => {
    const addressSeen = async (protectedIdentity: boolean) => {
      const world = await buildWorld();
      await t.owner.pool.query(
        `UPDATE support.children SET address = 'Storgatan 1, Åmål', protected_identity = $2
          WHERE id = (SELECT child_id FROM support.cases WHERE id = $1)`,
        [world.caseId, protectedIdentity ? "protected" : "none"],
      );
      const seen: Partial<Record<Relation, unknown>> = {};
      for (const relation of LIVE) {
        const headers = people.get(relation)!.headers;
        const detail = await t.app.inject({ url: `/api/support/cases/${world.caseId}`, headers });
        const child = detail.json().summary.child;
        const list = await t.app.inject({ url: "/api/support/cases", headers });
        const item = list.json().items.find((i: { id: string }) => i.id === world.caseId);
        expect(child.protectedIdentity).toBe(protectedIdentity);
        expect(item.protectedIdentity).toBe(protectedIdentity);
        seen[relation] = child.address;
      }
      return seen;
    };
    expect(await addressSeen(false)).toEqual({
      discoverer: null,
      child_contact: "Storgatan 1, Åmål",
      coordinator: "Storgatan 1, Åmål",
      team_member: null,
      emergency: null,
    });
    expect(await addressSeen(true)).toEqual({
      discoverer: null,
      child_contact: null,
      coordinator: "Storgatan 1, Åmål",
      team_member: null,
      emergency: null,
    });
  });
});

describe("log review", () => {
  it("lists unusual reads in the reviewer's municipality and records a verdict on one", async () => {
    const world = await buildWorld();
    // A practitioner in another unit of the municipality, made child contact: outside their unit.
    const elsewhere = await buildUnit(t.db, municipality.id);
    const outsider = await actorWith(t, "practitioner", elsewhere.id);
    await t.owner.pool.query("UPDATE support.cases SET organisation_id = $2 WHERE id = $1", [
      world.caseId,
      unit.id,
    ]);
    await grantAs(t, world.caseId, outsider.user.id, { role: "child_contact" });
    for (const headers of [outsider.headers, people.get("emergency")!.headers]) {
      const res = await t.app.inject({ url: `/api/support/cases/${world.caseId}`, headers });
      expect(res.statusCode).toBe(200);
    }
    const insider = await t.app.inject({
      url: `/api/support/cases/${world.caseId}`,
      headers: people.get("team_member")!.headers,
    });
    expect(insider.statusCode).toBe(200);

    const admin = people.get("org_admin")!;
    const review = await t.app.inject({
      url: "/api/support/access-review",
      headers: admin.headers,
    });
    expect(review.statusCode).toBe(200);
    const mine = review
      .json()
      .items.filter((i: { caseId: string }) => i.caseId === world.caseId)
      .map((i: { actorId: string; reasons: string[] }) => [
        i.actorId,
        i.reasons.filter((r) => r !== "after_hours"),
      ]);
    // The team member works in the case's unit: not unusual (unless after hours).
    expect(mine).toEqual(
      expect.arrayContaining([
        [outsider.user.id, ["outside_units"]],
        [people.get("emergency")!.id, ["emergency"]],
      ]),
    );
    expect(
      mine.find(([actor]: [string]) => actor === people.get("team_member")!.id)?.[1] ?? [],
    ).toEqual([]);
    const item = review
      .json()
      .items.find((i: { actorId: string }) => i.actorId === outsider.user.id);
    const verdict = await t.app.inject({
      method: "POST",
      url: `/api/support/access-review/${item.auditId}/verdict`,
      headers: admin.headers,
      payload: { verdict: "justified", note: "Barnkontakt från annan skola" },
    });
    expect(verdict.statusCode).toBe(200);
    const pending = await t.app.inject({
      url: "/api/support/access-review?pending=true",
      headers: admin.headers,
    });
    expect(pending.json().items.map((i: { auditId: number }) => i.auditId)).not.toContain(
      item.auditId,
    );
    // Another municipality's reviewer sees none of it and cannot judge it.
    const foreign = await actorWith(t, "org_admin", (await buildMunicipality(t.db)).id);
    const theirs = await t.app.inject({
      url: "/api/support/access-review",
      headers: foreign.headers,
    });
    expect(
      theirs.json().items.filter((i: { caseId: string }) => i.caseId === world.caseId),
    ).toEqual([]);
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/support/access-review/${item.auditId}/verdict`,
      headers: foreign.headers,
      payload: { verdict: "unjustified", note: "" },
    });
    expect(refused.statusCode).toBe(404);
  });
});

describe("input a person can understand", () => {
  it("answers 400 with a message for a bad number, a too long emergency and a consent ending before it starts", async () => {
    const world = await buildWorld();
    const contact = people.get("child_contact")!;
    const search = await t.app.inject({
      url: "/api/support/cases/search?personalNumber=12345",
      headers: contact.headers,
    });
    expect(search.statusCode).toBe(400);
    expect(search.body).toMatch(/10 eller 12 siffror/);
    const emergency = await t.app.inject({
      method: "POST",
      url: `/api/support/cases/${world.caseId}/emergency-access`,
      headers: people.get("same_unit")!.headers,
      payload: {
        reason: "Akut",
        validUntil: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      },
    });
    expect(emergency.statusCode).toBe(400);
    expect(emergency.body).toMatch(/24 timmar/);
    const consent = await t.app.inject({
      method: "POST",
      url: `/api/support/cases/${world.caseId}/consents`,
      headers: contact.headers,
      payload: {
        kind: "sharing",
        givenBy: "child",
        giverName: "Barnet",
        purpose: "Samordning",
        sharingOrganisationIds: [],
        recipientOrganisationIds: [],
        scopes: ["summary"],
        validFrom: "2026-12-01T00:00:00Z",
        validUntil: "2026-11-01T00:00:00Z",
      },
    });
    expect(consent.statusCode).toBe(400);
    expect(consent.body).toMatch(/sluta före/);
    // Nothing was written by the refused emergency access.
    const rows = await t.owner.pool.query(
      "SELECT count(*)::int AS n FROM support.case_access WHERE case_id = $1 AND basis = 'emergency'",
      [world.caseId],
    );
    expect(rows.rows[0].n).toBe(1);
  });
});
