import { describe, expect, it } from "vitest";
import { type Piece, paginate } from "./paginate.ts";

const frame = { top: 50, bottom: 550 };

const piece = (role: string, height: number, extra: Partial<Piece> = {}): Piece => ({
  role,
  height,
  spaceBefore: 0,
  keepWithNext: false,
  ...extra,
});

/** A table as the kit builds it: a header kept with the first two rows and the last two together. */
function table(rows: number, rowHeight = 20): Piece[] {
  const header = piece("THead", 24, { keepWithNext: true, spaceBefore: 8 });
  return [
    header,
    ...Array.from({ length: rows }, (_, i) =>
      piece(`TR${i + 1}`, rowHeight, {
        repeatHeader: header,
        keepWithNext: i < rows - 1 && (i === 0 || i === rows - 2),
      }),
    ),
  ];
}

const roles = (pages: ReturnType<typeof paginate>) =>
  pages.map((page) => page.map((p) => (p.repeated ? `(${p.piece.role})` : p.piece.role)));

describe("paginate", () => {
  it("breaks a long table between rows and repeats its header on every later page", () => {
    const pages = paginate(table(80), frame);
    expect(pages.length).toBeGreaterThan(3);
    const placed = pages.flat().filter((p) => !p.repeated);
    expect(placed.map((p) => p.piece.role)).toEqual([
      "THead",
      ...Array.from({ length: 80 }, (_, i) => `TR${i + 1}`),
    ]);
    for (const [index, page] of pages.entries()) {
      expect(page[0]!.piece.role).toBe("THead");
      expect(page[0]!.repeated).toBe(index > 0);
      expect(page[0]!.y).toBe(frame.top);
      for (const p of page) expect(p.y + p.piece.height).toBeLessThanOrEqual(frame.bottom);
    }
  });

  it("never leaves a heading as the last thing on a page", () => {
    const filler = Array.from({ length: 23 }, (_, i) => piece(`P${i}`, 20));
    const pages = paginate(
      [...filler, piece("H2", 30, { keepWithNext: true, spaceBefore: 18 }), piece("Figure", 200)],
      frame,
    );
    expect(roles(pages)).toEqual([filler.map((p) => p.role), ["H2", "Figure"]]);
    // The space above the heading is dropped at the top of the page.
    expect(pages[1]![0]!.y).toBe(frame.top);
  });

  it("keeps a lead-in with its table's header and first two rows", () => {
    const filler = Array.from({ length: 21 }, (_, i) => piece(`P${i}`, 20));
    const pages = paginate(
      [...filler, piece("lead-in", 14, { keepWithNext: true }), ...table(9)],
      frame,
    );
    expect(pages).toHaveLength(2);
    expect(roles(pages)[1]!.slice(0, 4)).toEqual(["lead-in", "THead", "TR1", "TR2"]);
  });

  it("keeps the last two rows of a table together", () => {
    // Room on the first page for the header and nine rows: row 9 of 10 goes over with row 10.
    const pages = paginate(table(10, 50), { top: 0, bottom: 24 + 9 * 50 + 10 });
    expect(roles(pages)).toEqual([
      ["THead", "TR1", "TR2", "TR3", "TR4", "TR5", "TR6", "TR7", "TR8"],
      ["(THead)", "TR9", "TR10"],
    ]);
  });

  it("lets a keep-with-next chain taller than a page give way instead of looping", () => {
    const chain = Array.from({ length: 40 }, (_, i) => piece(`K${i}`, 20, { keepWithNext: true }));
    const pages = paginate([piece("P", 20), ...chain], frame);
    expect(pages.flat()).toHaveLength(41);
    expect(pages.length).toBe(2);
  });
});
