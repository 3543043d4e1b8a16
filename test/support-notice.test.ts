import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "./helpers/app.ts";
import { actorWith, buildMunicipality, buildUnit } from "./helpers/factories.ts";
import { type SmtpTestServer, startSmtpServer } from "./helpers/smtp.ts";
import { buildChildContact, buildSupportCase, grantAs } from "./helpers/support.ts";

let smtp: SmtpTestServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({
    SMTP_URL: smtp.url,
    MAIL_FROM: "Paraply <noreply@paraply.test>",
    PARAPLY_PUBLIC_URL: "https://paraply.test",
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("activating the child contact", () => {
  it("notifies the contact in the app and by an e-mail that names no child and no content", async () => {
    const municipality = await buildMunicipality(t.db);
    const unit = await buildUnit(t.db, municipality.id);
    const discoverer = await actorWith(t, "practitioner", unit.id);
    const contact = await actorWith(t, "practitioner", unit.id);
    const supportCase = await buildSupportCase(t, municipality.id);
    await grantAs(t, supportCase.id, discoverer.user.id, { role: "discoverer" });
    const contactId = await buildChildContact(t, supportCase.childId, contact.user.id, unit.id);

    const before = await t.app.inject({
      url: `/api/support/cases/${supportCase.id}`,
      headers: contact.headers,
    });
    expect(before.statusCode).toBe(404);

    const contacts = await t.app.inject({
      url: `/api/support/cases/${supportCase.id}/contacts`,
      headers: discoverer.headers,
    });
    expect(contacts.json().items).toEqual([
      expect.objectContaining({ id: contactId, title: "Rektor", active: false }),
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/support/cases/${supportCase.id}/child-contact`,
      headers: discoverer.headers,
      payload: { contactId },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().emailed).toBe(true);

    const again = await t.app.inject({
      method: "POST",
      url: `/api/support/cases/${supportCase.id}/child-contact`,
      headers: discoverer.headers,
      payload: { contactId },
    });
    expect(again.statusCode).toBe(409);

    const notices = await t.app.inject({
      url: "/api/support/notifications",
      headers: contact.headers,
    });
    expect(notices.json().items).toEqual([
      expect.objectContaining({ caseId: supportCase.id, kind: "child_contact_activated" }),
    ]);
    const detail = await t.app.inject({
      url: `/api/support/cases/${supportCase.id}`,
      headers: contact.headers,
    });
    expect(detail.json().access).toMatchObject({ role: "child_contact", basis: "case_role" });

    const mail = await smtp.mailTo(contact.user.email);
    const text = `${mail.subject} ${mail.text} ${mail.html}`;
    expect(text).toMatch(/barnkontakt/);
    for (const secret of ["Elsa", "Fiktiv", supportCase.personalNumber, "Trött", supportCase.id]) {
      expect(text).not.toContain(secret);
    }
  });
});
