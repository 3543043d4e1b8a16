import { describe, expect, it } from "vitest";
import { connect } from "../src/db/database.ts";
import { seedDemo } from "../src/db/seed/demo.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../src/db/seed/demo-organisations.ts";
import { buildTestApp, withOwnDatabase } from "./helpers/app.ts";
import { signIn } from "./helpers/factories.ts";

/** Who holds which demo case, by the child's name; everyone else must see none of them. */
const EXPECTED: Record<string, string[]> = {
  "upptackare@amal.example": ["Alva Nilsson", "Elsa Lund", "Leo Karlsson"],
  "barnkontakt@amal.example": ["Alva Nilsson", "Leo Karlsson"],
  "stodsamordnare@dalsland.example": ["Leo Karlsson"],
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
        const coordinator = await signIn(t, "stodsamordnare@dalsland.example", DEMO_PASSWORD);
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
      } finally {
        await t.close();
      }
    });
  });
});
