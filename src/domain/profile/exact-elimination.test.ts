import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nullSpace, nullSpaceBig, type Sparse } from "./exact-elimination.ts";

const sparse = (matrix: number[][]): Sparse[] =>
  matrix.map((row) => new Map(row.flatMap((v, c) => (v === 0 ? [] : [[c, v] as const]))));
const dense = <T extends number | bigint>(vector: Sparse<T>, width: number): number[] =>
  Array.from({ length: width }, (_, c) => Number(vector.get(c) ?? 0));

/** Rank by plain fraction-free elimination on bigint, as an independent reference. */
function rank(matrix: readonly number[][]): number {
  const rows = matrix.map((row) => row.map((v) => BigInt(v)));
  let r = 0;
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p === -1) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    for (let i = r + 1; i < rows.length; i++) {
      const a = rows[r]![c]!;
      const b = rows[i]![c]!;
      rows[i] = rows[i]!.map((v, j) => v * a - rows[r]![j]! * b);
    }
    r++;
  }
  return r;
}

const matrices = fc.integer({ min: 1, max: 9 }).chain((width) =>
  fc
    .array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: width, maxLength: width }), {
      maxLength: 9,
    })
    .map((matrix) => ({ width, matrix })),
);

describe("nullSpace", () => {
  it("returns independent integer solutions spanning the whole null space", () => {
    fc.assert(
      fc.property(matrices, ({ width, matrix }) => {
        const basis = nullSpace(sparse(matrix), width).map((z) => dense(z, width));
        for (const z of basis) {
          for (const row of matrix) expect(row.reduce((s, v, j) => s + v * z[j]!, 0)).toBe(0);
          expect(z.every(Number.isInteger)).toBe(true);
        }
        expect(basis.length).toBe(width - rank(matrix));
        if (basis.length > 0) expect(rank(basis)).toBe(basis.length);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the bigint elimination", () => {
    fc.assert(
      fc.property(matrices, ({ width, matrix }) => {
        const small = nullSpace(sparse(matrix), width).map((z) => dense(z, width));
        const big = nullSpaceBig(sparse(matrix), width).map((z) => dense(z, width));
        expect(big.length).toBe(small.length);
        if (small.length > 0) expect(rank([...small, ...big])).toBe(small.length);
      }),
      { numRuns: 200 },
    );
  });
});
