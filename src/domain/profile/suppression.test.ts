import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CountCell,
  DEFAULT_MIN_N,
  disclosedCells,
  MIN_N_FLOOR,
  responseRateTooLow,
  suppressCells,
} from "./suppression.ts";
import { type FineCell, solveDisclosures, withMargins } from "./table-fixtures.test-util.ts";

const cell = (key: (string | null)[], n: number, flagged = 0): CountCell => ({ key, n, flagged });

/** Finest-grain tables of 1–3 columns with 1–4 categories each and counts from 0 to 30. */
const fineTables = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
  .chain((sizes) => {
    const keys: string[][] = [[]];
    sizes.forEach((size, d) => {
      const next: string[][] = [];
      for (const key of keys) for (let v = 0; v < size; v++) next.push([...key, `c${d}.${v}`]);
      keys.splice(0, keys.length, ...next);
    });
    return fc
      .array(fc.integer({ min: 0, max: 30 }), { minLength: keys.length, maxLength: keys.length })
      .chain((ns) =>
        fc.tuple(...ns.map((n) => fc.integer({ min: 0, max: n }))).map((flags) => ({
          dims: sizes.length,
          fine: keys.map((key, i): FineCell => ({ key, n: ns[i]!, flagged: flags[i]! })),
        })),
      );
  });

describe("suppressCells", () => {
  it("exports the default and the floor of the minimum n", () => {
    expect(DEFAULT_MIN_N).toBe(10);
    expect(MIN_N_FLOOR).toBe(5);
  });

  it("refuses a minimum n below the floor", () => {
    expect(() => suppressCells([], 1, 4)).toThrow(/at least 5/);
    expect(() => suppressCells([], 1, 7.5)).toThrow(RangeError);
  });

  it("suppresses nothing when no cell is below the minimum", () => {
    const cells = withMargins(
      [
        { key: ["A", "girl"], n: 12, flagged: 3 },
        { key: ["A", "boy"], n: 15, flagged: 4 },
        { key: ["B", "girl"], n: 20, flagged: 1 },
        { key: ["B", "boy"], n: 11, flagged: 0 },
      ],
      2,
    );
    expect(suppressCells(cells, 2, 10).every((s) => !s)).toBe(true);
  });

  it("protects a lone small cell of a one-column table with its smallest sibling", () => {
    const cells = [cell([null], 100), cell(["A"], 3), cell(["B"], 40), cell(["C"], 57)];
    expect(suppressCells(cells, 1, 10)).toEqual([false, true, true, false]);
  });

  it("suppresses the four corners of a rectangle in a two-way table", () => {
    const fine = [
      { key: ["A", "girl"], n: 4, flagged: 1 },
      { key: ["A", "boy"], n: 30, flagged: 5 },
      { key: ["B", "girl"], n: 25, flagged: 5 },
      { key: ["B", "boy"], n: 40, flagged: 9 },
      { key: ["C", "girl"], n: 60, flagged: 9 },
      { key: ["C", "boy"], n: 70, flagged: 9 },
    ];
    const cells = withMargins(fine, 2);
    const suppressed = suppressCells(cells, 2, 10);
    const names = cells.filter((_, i) => suppressed[i]).map((c) => c.key.join("/"));
    expect(names.sort()).toEqual(["A/boy", "A/girl", "B/boy", "B/girl"]);
    expect(disclosedCells(cells, 2, suppressed)).toEqual([]);
  });

  it("treats cells missing from the input as known zeros", () => {
    // B has only girls, so B/boy is an empty cell everyone knows; A/girl cannot pair with it.
    const fine = [
      { key: ["A", "girl"], n: 3, flagged: 1 },
      { key: ["A", "boy"], n: 30, flagged: 5 },
      { key: ["B", "girl"], n: 25, flagged: 5 },
      { key: ["C", "girl"], n: 60, flagged: 9 },
      { key: ["C", "boy"], n: 70, flagged: 9 },
    ];
    const cells = withMargins(fine, 2);
    const suppressed = suppressCells(cells, 2, 10);
    expect(solveDisclosures(cells, 2, suppressed)).toEqual([]);
    const names = cells.filter((_, i) => suppressed[i]).map((c) => c.key.join("/"));
    expect(names).not.toContain("B/boy");
    // B's total equals B/girl, and A/girl + A/boy = A's total: the cheapest protection.
    expect(names.sort()).toEqual(["A/", "A/girl", "B/", "B/girl"]);
  });

  it("rejects duplicate cells and keys of the wrong length", () => {
    expect(() => suppressCells([cell(["A"], 3), cell(["A"], 4)], 1, 10)).toThrow(/twice/);
    expect(() => suppressCells([cell(["A", "x"], 3)], 1, 10)).toThrow(/columns/);
  });

  it("publishes no cell below the minimum and leaves no suppressed cell recoverable", () => {
    fc.assert(
      fc.property(fineTables, fc.integer({ min: 5, max: 15 }), ({ dims, fine }, minN) => {
        const cells = withMargins(fine, dims);
        const suppressed = suppressCells(cells, dims, minN);
        cells.forEach((c, i) => {
          if (c.n < minN) expect(suppressed[i]).toBe(true);
        });
        expect(solveDisclosures(cells, dims, suppressed)).toEqual([]);
        if (cells.every((c) => c.n >= minN)) expect(suppressed.some(Boolean)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it("does not depend on the order of the cells", () => {
    fc.assert(
      fc.property(fineTables, ({ dims, fine }) => {
        const cells = withMargins(fine, dims);
        const forward = suppressCells(cells, dims, 10);
        const backward = suppressCells([...cells].reverse(), dims, 10).reverse();
        expect(backward).toEqual(forward);
      }),
      { numRuns: 50 },
    );
  });
});

describe("disclosedCells", () => {
  it("finds a lone suppressed cell recomputable from its margin", () => {
    const cells = [cell([null], 100), cell(["A"], 3), cell(["B"], 97)];
    expect(disclosedCells(cells, 1, [false, true, false])).toEqual([1]);
    expect(disclosedCells(cells, 1, [false, true, true])).toEqual([]);
  });

  it("counts the sums of suppressed parents", () => {
    const cells = withMargins(
      [
        { key: ["A", "x"], n: 3, flagged: 1 },
        { key: ["A", "y"], n: 30, flagged: 5 },
        { key: ["B", "x"], n: 25, flagged: 5 },
        { key: ["B", "y"], n: 40, flagged: 9 },
      ],
      2,
    );
    const hidden = (keys: string[]) => cells.map((c) => keys.includes(c.key.join("/")));
    const indexOf = (key: string) => cells.findIndex((c) => c.key.join("/") === key);
    // The grand total minus B's total gives A's total, which then gives A/x and the x total.
    const three = hidden(["A/x", "A/", "/x"]);
    expect(disclosedCells(cells, 2, three)).toEqual(
      [indexOf("A/x"), indexOf("A/"), indexOf("/x")].sort((a, b) => a - b),
    );
    expect(disclosedCells(cells, 2, hidden(["A/x", "A/", "/x", "/"]))).toEqual([]);
  });

  it("agrees with an independent solver of the full additivity system", () => {
    fc.assert(
      fc.property(
        fineTables.chain(({ dims, fine }) => {
          const cells = withMargins(fine, dims);
          return fc
            .array(fc.boolean(), { minLength: cells.length, maxLength: cells.length })
            .map((suppressed) => ({ dims, cells, suppressed }));
        }),
        ({ dims, cells, suppressed }) => {
          expect(disclosedCells(cells, dims, suppressed)).toEqual(
            solveDisclosures(cells, dims, suppressed),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("responseRateTooLow", () => {
  it("compares the rate exactly", () => {
    expect(responseRateTooLow(49, 100)).toBe(true);
    expect(responseRateTooLow(50, 100)).toBe(false);
    expect(responseRateTooLow(7, 10, 0.7)).toBe(false);
    expect(responseRateTooLow(69, 100, 0.7)).toBe(true);
    expect(responseRateTooLow(1, 3, 1 / 3)).toBe(false);
  });

  it("does not apply where nobody is known to be invited", () => {
    expect(responseRateTooLow(0, 0)).toBe(false);
  });

  it("refuses counts that are not counts", () => {
    expect(() => responseRateTooLow(-1, 10)).toThrow(RangeError);
    expect(() => responseRateTooLow(1, 10, 1.5)).toThrow(RangeError);
  });
});
