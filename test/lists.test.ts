import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLists } from "../src/db/lists.ts";
import { buildTestApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

// Rows in a deliberately scrambled order: each list must come back in its own ORDER BY.
const numbers = sql`(VALUES (3, 'c'), (1, 'a'), (5, 'e'), (2, 'b'), (4, 'd')) v(n, s)`;

describe("readLists", () => {
  it("returns each list in its own order, cut at its limit, with the count of all matches", async () => {
    const lists = await readLists<{
      up: { total: number; n: number; s: string }[];
      down: { total: number; n: number }[];
      none: { total: number; n: number }[];
      evens: { total: number; n: number }[];
    }>(t.db, {
      up: { columns: sql`v.n, v.s`, from: sql`${numbers}`, orderBy: sql`v.n`, limit: 3 },
      down: {
        columns: sql`v.n`,
        from: sql`${numbers} WHERE v.n > 1`,
        orderBy: sql`v.n DESC`,
        limit: 2,
      },
      none: { columns: sql`v.n`, from: sql`${numbers} WHERE false`, orderBy: sql`v.n`, limit: 5 },
      evens: {
        columns: sql`v.n`,
        from: sql`${numbers} WHERE v.n % 2 = 0`,
        orderBy: sql`v.n`,
        limit: 5,
      },
    });
    expect(lists).toEqual({
      up: [
        { total: 5, n: 1, s: "a" },
        { total: 5, n: 2, s: "b" },
        { total: 5, n: 3, s: "c" },
      ],
      down: [
        { total: 4, n: 5 },
        { total: 4, n: 4 },
      ],
      none: [],
      evens: [
        { total: 2, n: 2 },
        { total: 2, n: 4 },
      ],
    });
  });

  it("refuses a list name that is not a plain identifier", async () => {
    await expect(
      readLists<{ 'x" FROM y; --': { total: number }[] }>(t.db, {
        'x" FROM y; --': {
          columns: sql`1 AS n`,
          from: sql`(SELECT 1) s`,
          orderBy: sql`1`,
          limit: 1,
        },
      }),
    ).rejects.toThrow("not a list name");
  });
});
