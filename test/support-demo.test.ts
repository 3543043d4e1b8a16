import { describe, expect, it } from "vitest";
import { connect } from "../src/db/database.ts";
import { seedDemo } from "../src/db/seed/demo.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../src/db/seed/demo-organisations.ts";
import type { Home } from "../src/domain/platform/home.ts";
import { buildTestApp, withOwnDatabase } from "./helpers/app.ts";
import { signIn } from "./helpers/factories.ts";

/** Who holds which demo case, by the child's name; everyone else must see none of them. */
const EXPECTED: Record<string, string[]> = {
  "upptackare@amal.example": ["Alva Nilsson", "Elsa Lund", "Leo Karlsson"],
  "barnkontakt@amal.example": ["Alva Nilsson", "Leo Karlsson"],
  "stodsamordnare@amal.example": ["Leo Karlsson"],
  "teammedlem@amal.example": ["Leo Karlsson"],
  "mottagning@amal.example": [],
};

describe("the support demo", () => {
  it("gives each support demo user their cases and every other demo user none, through the API", async () => {
    await withOwnDatabase(async ({ url, ownerUrl }) => {
      const owner = connect(ownerUrl, 1);
      try {
        await seedDemo(owner.db);
      } finally {
        await owner.pool.end();
      }
      const t = await buildTestApp({ DATABASE_URL: url, DATABASE_OWNER_URL: ownerUrl });
      try {
        const seen: Record<string, string[] | number> = {};
        for (const user of DEMO_USERS) {
          const { cookie } = await signIn(t, user.email, DEMO_PASSWORD);
          const res = await t.app.inject({
            method: "GET",
            url: "/api/support/cases",
            headers: { cookie },
          });
          seen[user.email] =
            res.statusCode === 200
              ? (res.json() as { items: { title: string }[] }).items.map((c) => c.title).sort()
              : res.statusCode;
        }
        const others = Object.fromEntries(
          DEMO_USERS.filter((u) => !(u.email in EXPECTED)).map((u) => [u.email, []]),
        );
        expect(seen).toEqual({ ...others, ...EXPECTED });

        // The protected child is marked in the list; a search by number finds only live cases.
        const coordinator = await signIn(t, "stodsamordnare@amal.example", DEMO_PASSWORD);
        const list = await t.app.inject({
          method: "GET",
          url: "/api/support/cases",
          headers: coordinator,
        });
        expect(list.json().items[0]).toMatchObject({
          title: "Leo Karlsson",
          protectedIdentity: true,
        });
        const outsider = await signIn(t, "praktiker@amal.example", DEMO_PASSWORD);
        const search = await t.app.inject({
          method: "GET",
          url: "/api/support/cases/search?personalNumber=20130417-9623",
          headers: outsider,
        });
        expect(search.json()).toEqual({ items: [] });
        const detail = await t.app.inject({
          method: "GET",
          url: `/api/support/cases/${list.json().items[0].id}`,
          headers: outsider,
        });
        expect(detail.statusCode).toBe(404);

        // The home page: the intake officer has a report waiting for feedback; nobody else does.
        const supportPart = async (email: string) => {
          const { cookie } = await signIn(t, email, DEMO_PASSWORD);
          const res = await t.app.inject({ method: "GET", url: "/api/home", headers: { cookie } });
          return (res.json() as Home).parts.find((p) => p.module === "support")?.items ?? [];
        };
        expect(await supportPart("mottagning@amal.example")).toEqual([
          {
            section: "waiting",
            kind: "awaitingFeedback",
            count: 1,
            items: [expect.objectContaining({ href: "/support/reports" })],
          },
        ]);
        expect(await supportPart("praktiker@amal.example")).toEqual([]);
        expect(await supportPart("upptackare@amal.example")).toEqual([]);

        // A newly activated child contact finds the case to assess, without the child's name.
        const discoverer = await signIn(t, "upptackare@amal.example", DEMO_PASSWORD);
        const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: discoverer });
        const opened = await t.app.inject({
          method: "POST",
          url: "/api/support/cases",
          headers: discoverer,
          payload: {
            kind: "child",
            organisationId: me.json().grants[0].organisationId,
            personalNumber: "20170905-8463",
            givenName: "Noah",
            familyName: "Berg",
            observation: "Gråter vid lämning.",
            immediateSupport: "",
          },
        });
        expect(opened.statusCode).toBe(201);
        const caseId = opened.json().id as string;
        const contacts = await t.app.inject({
          method: "GET",
          url: `/api/support/cases/${caseId}/contacts`,
          headers: discoverer,
        });
        const activated = await t.app.inject({
          method: "POST",
          url: `/api/support/cases/${caseId}/child-contact`,
          headers: discoverer,
          payload: { contactId: contacts.json().items[0].id },
        });
        expect(activated.statusCode).toBe(201);
        const toAssess = await supportPart("barnkontakt@amal.example");
        expect(toAssess).toEqual([
          {
            section: "waiting",
            kind: "toAssess",
            count: 1,
            items: [expect.objectContaining({ href: `/support/cases/${caseId}/assessment` })],
          },
        ]);
        expect(JSON.stringify(toAssess)).not.toContain("Noah");
      } finally {
        await t.close();
      }
    });
  });
});
