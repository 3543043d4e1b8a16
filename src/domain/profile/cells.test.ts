import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareKeys, expandMargins, type FineCount } from "./cells.ts";

describe("expandMargins", () => {
  const fine: FineCount[] = [
    { key: ["A01", "7"], n: [10, 0], flagged: [3, 0] },
    { key: ["A01", "8"], n: [5, 2], flagged: [1, 2] },
    { key: ["A02", "7"], n: [4, 4], flagged: [4, 1] },
  ];
  it("gives every combination and margin with n > 0, ordered by factor then key", () => {
    const cells = expandMargins(fine, 2);
    expect(cells.filter((c) => c.factor === 0)).toEqual([
      { factor: 0, key: [null, null], n: 19, flagged: 8 },
      { factor: 0, key: [null, "7"], n: 14, flagged: 7 },
      { factor: 0, key: [null, "8"], n: 5, flagged: 1 },
      { factor: 0, key: ["A01", null], n: 15, flagged: 4 },
      { factor: 0, key: ["A01", "7"], n: 10, flagged: 3 },
      { factor: 0, key: ["A01", "8"], n: 5, flagged: 1 },
      { factor: 0, key: ["A02", null], n: 4, flagged: 4 },
      { factor: 0, key: ["A02", "7"], n: 4, flagged: 4 },
    ]);
    // n = 0 cells are left out: factor 1 has no A01/7.
    expect(cells.filter((c) => c.factor === 1).map((c) => c.key)).toEqual([
      [null, null],
      [null, "7"],
      [null, "8"],
      ["A01", null],
      ["A01", "8"],
      ["A02", null],
      ["A02", "7"],
    ]);
  });
  it("with no grouping columns gives the total only", () => {
    expect(expandMargins([{ key: [], n: [3], flagged: [1] }], 0)).toEqual([
      { factor: 0, key: [], n: 3, flagged: 1 },
    ]);
  });
  it("orders grades and ids naturally with 'all' first", () => {
    expect(compareKeys([null], ["7"])).toBeLessThan(0);
    expect(compareKeys(["7"], ["12"])).toBeLessThan(0);
    expect(compareKeys(["A2"], ["A10"])).toBeLessThan(0);
    expect(compareKeys(["unknown"], ["7"])).toBeGreaterThan(0);
  });
  it("keeps margins equal to the sum of their children along every column", () => {
    const row = fc.record({
      key: fc.tuple(
        fc.constantFrom("a", "b", "c"),
        fc.constantFrom("7", "8"),
        fc.constantFrom("g", "b"),
      ),
      n: fc.nat(20),
      extra: fc.nat(20),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 15 }), (rows) => {
        const fine = rows.map((r) => ({ key: [...r.key], n: [r.n + r.extra], flagged: [r.n] }));
        const cells = expandMargins(fine, 3);
        const byKey = new Map(cells.map((c) => [JSON.stringify(c.key), c]));
        for (const cell of cells) {
          expect(cell.n).toBeGreaterThan(0);
          expect(cell.flagged).toBeLessThanOrEqual(cell.n);
          for (let d = 0; d < 3; d++) {
            if (cell.key[d] !== null) continue;
            const children = cells.filter(
              (c) => c.key[d] !== null && c.key.every((v, i) => i === d || v === cell.key[i]),
            );
            expect(children.reduce((s, c) => s + c.n, 0)).toBe(cell.n);
            expect(children.reduce((s, c) => s + c.flagged, 0)).toBe(cell.flagged);
          }
        }
        const total = byKey.get(JSON.stringify([null, null, null]));
        const sum = fine.reduce((s, r) => s + (r.n[0] as number), 0);
        expect(total?.n).toBe(sum > 0 ? sum : undefined);
      }),
    );
  });
});
