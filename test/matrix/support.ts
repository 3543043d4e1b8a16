import { recordStandaloneAudit, systemAuditContext } from "../../src/db/audit.ts";
import { buildUser } from "../helpers/factories.ts";
import {
  buildChildContact,
  buildConsent,
  buildSupportCase,
  fictionalPersonalNumber,
  grantAs,
} from "../helpers/support.ts";
import { all, type Fixture, type ModuleMatrix, scoped } from "./types.ts";

/*
 * Support: no organisation role opens a case, so every case route answers 404 to every role
 * (the fixture's case has nobody on it but another person), exactly as for a case that does not
 * exist. The relations to a case (discoverer, child contact, …) are in test/support-matrix.test.ts.
 */

const caseUrl = async (f: Fixture, tail = "") =>
  `/api/support/cases/${(await buildSupportCase(f.t, f.org.id)).id}${tail}`;

/** A case in the target municipality on which someone else took emergency access. */
async function emergencyAccess(f: Fixture) {
  const supportCase = await buildSupportCase(f.t, f.org.id);
  const other = await buildUser(f.t.db, { role: "practitioner", organisationId: f.org.id });
  return grantAs(f.t, supportCase.id, other.id, { role: "emergency", reason: "Akut fara" });
}

/** The audit row of someone's read of a case in the target municipality. */
async function caseRead(f: Fixture) {
  const supportCase = await buildSupportCase(f.t, f.org.id);
  const reader = await buildUser(f.t.db, { role: "practitioner", organisationId: f.org.id });
  await recordStandaloneAudit(
    f.t.db,
    { ...systemAuditContext("test"), actorId: reader.id },
    {
      action: "case.read",
      subjectType: "support_case",
      subjectId: supportCase.id,
      organisationId: f.org.id,
      personalData: true,
      details: { basis: "emergency" },
    },
  );
  const res = await f.t.pool.query<{ seq: string }>(
    "SELECT seq FROM platform.audit_log WHERE subject_id = $1 ORDER BY seq DESC LIMIT 1",
    [supportCase.id],
  );
  return res.rows[0]!.seq;
}

const hidden = all(404);
const inHour = () => new Date(Date.now() + 3_600_000).toISOString();

export const supportMatrix: ModuleMatrix = {
  rows: {
    "POST /api/support/cases": { ...all(403), practitioner: scoped(201, 403) },
    "GET /api/support/cases": all(200),
    "GET /api/support/cases/search": all(200),
    "GET /api/support/cases/{id}": hidden,
    "POST /api/support/cases/{id}/close": hidden,
    "POST /api/support/cases/{id}/identify": hidden,
    "GET /api/support/cases/{id}/contacts": hidden,
    "POST /api/support/cases/{id}/child-contact": hidden,
    "POST /api/support/cases/{id}/consents": hidden,
    "POST /api/support/cases/{id}/consents/{consentId}/withdraw": hidden,
    // Staff of the case's municipality may break the glass; the platform administrator may not.
    "POST /api/support/cases/{id}/emergency-access": {
      ...all(403),
      system_admin: 404,
      practitioner: scoped(201, 404),
    },
    "GET /api/support/emergency-access": { ...all(403), system_admin: 200, org_admin: 200 },
    "POST /api/support/emergency-access/{accessId}/review": {
      ...all(403),
      system_admin: 200,
      org_admin: scoped(200, 404),
    },
    "GET /api/support/cases/{id}/access-log": hidden,
    "GET /api/support/access-review": { ...all(403), system_admin: 200, org_admin: 200 },
    "GET /api/support/retention/dry-run": { ...all(403), system_admin: 200, org_admin: 200 },
    "POST /api/support/access-review/{auditId}/verdict": {
      ...all(403),
      system_admin: 200,
      org_admin: scoped(200, 404),
    },
    "GET /api/support/notifications": all(200),
  },
  requests: {
    "POST /api/support/cases": async (f) => ({
      url: "/api/support/cases",
      payload: {
        kind: "child",
        organisationId: f.org.id,
        personalNumber: fictionalPersonalNumber(),
        givenName: "Elsa",
        familyName: "Fiktiv",
        observation: "Kommer ofta för sent",
        immediateSupport: "Samtal med eleven",
      },
    }),
    "GET /api/support/cases": async () => ({ url: "/api/support/cases" }),
    "GET /api/support/cases/search": async (f) => ({
      url: `/api/support/cases/search?personalNumber=${(await buildSupportCase(f.t, f.org.id)).personalNumber}`,
    }),
    "GET /api/support/cases/{id}": async (f) => ({ url: await caseUrl(f) }),
    "POST /api/support/cases/{id}/close": async (f) => ({
      url: await caseUrl(f, "/close"),
      payload: { outcome: "needs_met", reason: "Behoven är tillgodosedda" },
    }),
    "GET /api/support/cases/{id}/contacts": async (f) => ({ url: await caseUrl(f, "/contacts") }),
    "POST /api/support/cases/{id}/identify": async (f) => ({
      url: await caseUrl(f, "/identify"),
      payload: {
        personalNumber: fictionalPersonalNumber(),
        givenName: "Elsa",
        familyName: "Fiktiv",
      },
    }),
    "POST /api/support/cases/{id}/child-contact": async (f) => {
      const supportCase = await buildSupportCase(f.t, f.org.id);
      const contact = await buildUser(f.t.db, { role: "practitioner", organisationId: f.org.id });
      const contactId = await buildChildContact(f.t, supportCase.childId, contact.id, f.org.id);
      return { url: `/api/support/cases/${supportCase.id}/child-contact`, payload: { contactId } };
    },
    "POST /api/support/cases/{id}/consents": async (f) => ({
      url: await caseUrl(f, "/consents"),
      payload: {
        kind: "sharing",
        givenBy: "guardian",
        giverName: "Vårdnadshavare",
        purpose: "Samordning",
        sharingOrganisationIds: [],
        recipientOrganisationIds: [],
        scopes: ["summary"],
        validFrom: new Date().toISOString(),
        validUntil: null,
      },
    }),
    "POST /api/support/cases/{id}/consents/{consentId}/withdraw": async (f) => {
      const supportCase = await buildSupportCase(f.t, f.org.id);
      const consentId = await buildConsent(f.t, supportCase.id);
      return {
        url: `/api/support/cases/${supportCase.id}/consents/${consentId}/withdraw`,
        payload: { note: "" },
      };
    },
    "POST /api/support/cases/{id}/emergency-access": async (f) => ({
      url: await caseUrl(f, "/emergency-access"),
      payload: { reason: "Akut fara för barnet", validUntil: inHour() },
    }),
    "GET /api/support/emergency-access": async () => ({ url: "/api/support/emergency-access" }),
    "POST /api/support/emergency-access/{accessId}/review": async (f) => ({
      url: `/api/support/emergency-access/${await emergencyAccess(f)}/review`,
      payload: { verdict: "justified", note: "" },
    }),
    "GET /api/support/cases/{id}/access-log": async (f) => ({
      url: await caseUrl(f, "/access-log"),
    }),
    "GET /api/support/notifications": async () => ({ url: "/api/support/notifications" }),
    "GET /api/support/access-review": async () => ({ url: "/api/support/access-review" }),
    "GET /api/support/retention/dry-run": async () => ({ url: "/api/support/retention/dry-run" }),
    "POST /api/support/access-review/{auditId}/verdict": async (f) => ({
      url: `/api/support/access-review/${await caseRead(f)}/verdict`,
      payload: { verdict: "justified", note: "" },
    }),
  },
};
