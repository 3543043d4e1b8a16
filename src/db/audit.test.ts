import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { quoteLiteral } from "./audit.ts";

describe("the literals of deferred audit rows", () => {
  it("are quoted exactly as pg's escapeLiteral quotes them", () => {
    for (const text of ["", "'", "\\", "a'b\\c", "O'Brien \\\\ 'x'", '{"q":"\\"it\'s\\""}']) {
      expect(quoteLiteral(text)).toBe(pg.escapeLiteral(text));
    }
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(quoteLiteral(text)).toBe(pg.escapeLiteral(text));
      }),
      { numRuns: 5000 },
    );
  });
});
