/**
 * Page breaking over measured pieces, kept free of PDF calls so its rules can be tested alone:
 * - a piece never splits; a piece that does not fit goes to the next page;
 * - keep-with-next: a piece marked so shares a page with the piece after it (chains follow), so a
 *   heading or a lead-in is never the last thing on a page; a chain taller than a page gives way;
 * - a table row that starts a page gets the table's header row drawn above it again;
 * - the space above a piece is dropped at the top of a page.
 */

export interface Piece {
  height: number;
  spaceBefore: number;
  keepWithNext: boolean;
  /** A table row: the header row to repeat when this row starts a page. */
  repeatHeader?: Piece;
  /** For tests and debugging: what the piece is. */
  role: string;
}

export interface Placed<P extends Piece> {
  piece: P;
  y: number;
  /** A table header drawn again on a later page (a pagination artifact, not content). */
  repeated: boolean;
}

export interface Frame {
  top: number;
  bottom: number;
}

function chainHeight(pieces: readonly Piece[], from: number): number {
  let height = pieces[from]!.height;
  let index = from;
  while (pieces[index]!.keepWithNext && index + 1 < pieces.length) {
    index += 1;
    const next = pieces[index]!;
    height += next.spaceBefore + next.height;
  }
  return height;
}

export function paginate<P extends Piece>(pieces: readonly P[], frame: Frame): Placed<P>[][] {
  const capacity = frame.bottom - frame.top;
  const pages: Placed<P>[][] = [[]];
  let y = frame.top;
  let fresh = true;
  const newPage = () => {
    pages.push([]);
    y = frame.top;
    fresh = true;
  };
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index]!;
    const before = fresh ? 0 : piece.spaceBefore;
    const header = piece.repeatHeader;
    if (!fresh) {
      const chain = chainHeight(pieces, index);
      const chainFits = chain + before <= frame.bottom - y;
      const chainCouldFit = chain + (header ? header.height : 0) <= capacity;
      const pieceFits = before + piece.height <= frame.bottom - y;
      if (!pieceFits || (!chainFits && chainCouldFit)) newPage();
    }
    const page = pages[pages.length - 1]!;
    if (fresh && header && page.length === 0) {
      page.push({ piece: header as P, y, repeated: true });
      y += header.height;
    }
    y += fresh ? 0 : piece.spaceBefore;
    page.push({ piece, y, repeated: false });
    y += piece.height;
    fresh = false;
  }
  return pages;
}
