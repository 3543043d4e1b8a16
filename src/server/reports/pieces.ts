import type {
  Block,
  BoxBlock,
  FigureBlock,
  HeadingBlock,
  Inline,
  ListBlock,
  ParagraphBlock,
  TableBlock,
} from "./blocks.ts";
import { chartHeight, drawChart } from "./charts.ts";
import {
  artifact,
  type DrawContext,
  drawLine,
  drawLines,
  hline,
  lazyElement,
  tagged,
} from "./draw.ts";
import type { Piece } from "./paginate.ts";
import { type Line, type Measurer, plainText, wrap } from "./text.ts";
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE, TEXT, type TextStyle } from "./theme.ts";

/** A measured piece that knows how to draw itself at a given top. */
export interface DrawPiece extends Piece {
  /** Plain text of the piece, for tests of order and page breaks. */
  text: string;
  draw(ctx: DrawContext, y: number, repeated: boolean): void;
}

const X = PAGE.left;

function headingPieces(block: HeadingBlock, measure: Measurer): DrawPiece[] {
  const style = TEXT[`h${block.level}`];
  const lines = wrap(block.text, style, CONTENT_WIDTH, measure);
  const after = block.level === 1 ? 10 : 4;
  const element = lazyElement(`H${block.level}`);
  return [
    {
      role: `H${block.level}`,
      text: block.text,
      height: lines.length * style.leading + after,
      spaceBefore: SPACE[`h${block.level}`],
      keepWithNext: true,
      draw: (ctx, y) =>
        tagged(ctx.doc, element(ctx), `H${block.level}`, () =>
          drawLines(ctx.doc, lines, style, X, y),
        ),
    },
  ];
}

/**
 * One piece per line, so a long paragraph may break between lines; the first two and the last
 * two lines stay together (no orphan or widow), and a lead-in keeps its last line with what follows.
 */
function paragraphPieces(block: ParagraphBlock, measure: Measurer): DrawPiece[] {
  const style = TEXT[block.style ?? "body"];
  const lines = wrap(block.text, style, CONTENT_WIDTH, measure);
  const element = lazyElement("P");
  return lines.map((line, index) => ({
    role: "P",
    text: line.segments.map((s) => s.text).join(""),
    height: style.leading,
    spaceBefore: index === 0 ? SPACE.paragraph : 0,
    keepWithNext:
      index === lines.length - 1
        ? Boolean(block.keepWithNext)
        : index === 0 || index === lines.length - 2,
    draw: (ctx, y) =>
      tagged(ctx.doc, element(ctx), "P", () => drawLine(ctx.doc, line, style, X, y)),
  }));
}

function listPieces(block: ListBlock, measure: Measurer): DrawPiece[] {
  const style = TEXT.body;
  const indent = block.ordered ? 20 : 14;
  const list = lazyElement("L");
  return block.items.map((item, index) => {
    const lines = wrap(item, style, CONTENT_WIDTH - indent, measure);
    return {
      role: "LI",
      text: plainText(item),
      height: lines.length * style.leading,
      spaceBefore: index === 0 ? SPACE.list : SPACE.item,
      // Two items at least on the page where a list starts and where it ends.
      keepWithNext:
        index < block.items.length - 1 && (index === 0 || index === block.items.length - 2),
      draw: (ctx, y) => {
        const li = ctx.doc.struct("LI");
        list(ctx).add(li);
        const label = ctx.doc.struct("Lbl");
        const body = ctx.doc.struct("LBody");
        li.add(label);
        li.add(body);
        tagged(ctx.doc, label, "Lbl", () =>
          drawLine(
            ctx.doc,
            {
              segments: [{ text: block.ordered ? `${index + 1}.` : "•", font: "regular" }],
              width: 0,
            },
            style,
            X + 3,
            y,
          ),
        );
        tagged(ctx.doc, body, "LBody", () => drawLines(ctx.doc, lines, style, X + indent, y));
      },
    };
  });
}

const PAD_X = 4;
const PAD_Y = 3.5;

interface LaidCell {
  lines: Line[];
  style: TextStyle;
  align: "left" | "right";
  /** A header cell and what it heads: its column (header row) or its row (first cell). */
  scope: "Column" | "Row" | null;
}

/** A table: a header piece, then one piece per row; a row that starts a page repeats the header. */
export function tablePieces(block: TableBlock, measure: Measurer): DrawPiece[] {
  const tableWidth = CONTENT_WIDTH * (block.widthShare ?? 1);
  const shares = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => (c.width / shares) * tableWidth);
  const lefts = widths.map((_, i) => X + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const right = X + tableWidth;
  const table = lazyElement("Table");
  const withHeader = block.headerRow !== false;

  const layRow = (
    cells: readonly Inline[],
    style: TextStyle,
    scope: (column: number) => "Column" | "Row" | null,
  ) => {
    const laid: LaidCell[] = block.columns.map((column, i) => ({
      lines: wrap(cells[i] ?? "", style, widths[i]! - 2 * PAD_X, measure),
      style,
      align: column.align ?? "left",
      scope: scope(i),
    }));
    const height = Math.max(...laid.map((c) => c.lines.length * c.style.leading)) + 2 * PAD_Y;
    return { laid, height };
  };

  const drawCells = (
    ctx: DrawContext,
    row: PDFKit.PDFStructureElement | null,
    laid: LaidCell[],
    y: number,
  ) => {
    for (const [i, cell] of laid.entries()) {
      const paint = () =>
        drawLines(ctx.doc, cell.lines, cell.style, lefts[i]! + PAD_X, y + PAD_Y, {
          width: widths[i]! - 2 * PAD_X,
          align: cell.align,
        });
      if (!row) {
        paint();
        continue;
      }
      const tag = cell.scope ? "TH" : "TD";
      const options: Record<string, string> = cell.scope ? { scope: cell.scope } : {};
      const element = ctx.doc.struct(tag, options as PDFKit.Mixins.StructureElementOptions);
      row.add(element);
      if (cell.lines.some((line) => line.segments.length > 0)) tagged(ctx.doc, element, tag, paint);
    }
  };

  const pieces: DrawPiece[] = [];
  let header: DrawPiece | undefined;
  if (withHeader) {
    const { laid, height } = layRow(
      block.columns.map((c) => c.title),
      TEXT.headerCell,
      () => "Column",
    );
    header = {
      role: "THead",
      text: block.columns.map((c) => c.title).join(" | "),
      height,
      spaceBefore: SPACE.table,
      keepWithNext: true,
      draw: (ctx, y, repeated) => {
        artifact(ctx.doc, () => {
          hline(ctx.doc, X, right, y, COLOURS.ink, 0.75);
          hline(ctx.doc, X, right, y + height, COLOURS.ink, 0.75);
        });
        if (repeated) artifact(ctx.doc, () => drawCells(ctx, null, laid, y), "Pagination");
        else {
          const tr = ctx.doc.struct("TR");
          table(ctx).add(tr);
          drawCells(ctx, tr, laid, y);
        }
      },
    };
    pieces.push(header);
  }
  block.rows.forEach((cells, index) => {
    const last = index === block.rows.length - 1;
    const style = block.boldLastRow && last ? { ...TEXT.cell, font: "bold" as const } : TEXT.cell;
    const { laid, height } = layRow(cells, style, (i) =>
      block.rowHeaders && i === 0 ? "Row" : null,
    );
    const first = index === 0;
    pieces.push({
      role: "TR",
      text: cells.map(plainText).join(" | "),
      height,
      spaceBefore: first && !withHeader ? SPACE.table : 0,
      // At least two rows where the table starts and where it ends.
      keepWithNext: !last && (first || index === block.rows.length - 2),
      repeatHeader: header,
      draw: (ctx, y) => {
        artifact(ctx.doc, () => {
          if (first && !withHeader) hline(ctx.doc, X, right, y, COLOURS.ink, 0.75);
          hline(
            ctx.doc,
            X,
            right,
            y + height,
            last ? COLOURS.ink : COLOURS.rule,
            last ? 0.75 : 0.5,
          );
        });
        const tr = ctx.doc.struct("TR");
        table(ctx).add(tr);
        drawCells(ctx, tr, laid, y);
      },
    });
  });
  return pieces;
}

function boxPieces(block: BoxBlock, measure: Measurer): DrawPiece[] {
  const pad = 10;
  const inner = CONTENT_WIDTH - 2 * pad - (block.tone === "warning" ? 3 : 0);
  const titleStyle = TEXT[`h${block.titleLevel ?? 3}`];
  const titleLines = block.title ? wrap(block.title, titleStyle, inner, measure) : [];
  const paragraphs = block.paragraphs.map((p) => wrap(p, TEXT.body, inner, measure));
  const gap = 4;
  const height =
    2 * pad +
    titleLines.length * titleStyle.leading +
    (titleLines.length ? 3 : 0) +
    paragraphs.reduce((sum, lines) => sum + lines.length * TEXT.body.leading, 0) +
    gap * Math.max(paragraphs.length - 1, 0);
  return [
    {
      role: "Box",
      text: [block.title ?? "", ...block.paragraphs.map(plainText)].join(" "),
      height,
      spaceBefore: SPACE.box,
      keepWithNext: false,
      draw: (ctx, y) => {
        const { doc } = ctx;
        const textX = X + pad + (block.tone === "warning" ? 3 : 0);
        artifact(doc, () => {
          doc
            .save()
            .rect(X, y, CONTENT_WIDTH, height)
            .fill(block.tone === "warning" ? COLOURS.warnBackground : COLOURS.shade)
            .restore();
          if (block.tone === "warning")
            doc.save().rect(X, y, 3, height).fill(COLOURS.warnBorder).restore();
        });
        let cursor = y + pad;
        if (block.title) {
          const tag = `H${block.titleLevel ?? 3}`;
          const h = doc.struct(tag);
          ctx.root.add(h);
          tagged(doc, h, tag, () => drawLines(doc, titleLines, titleStyle, textX, cursor));
          cursor += titleLines.length * titleStyle.leading + 3;
        }
        for (const lines of paragraphs) {
          const p = doc.struct("P");
          ctx.root.add(p);
          const top = cursor;
          tagged(doc, p, "P", () => drawLines(doc, lines, TEXT.body, textX, top));
          cursor += lines.length * TEXT.body.leading + gap;
        }
      },
    },
  ];
}

function figurePieces(block: FigureBlock, measure: Measurer): DrawPiece[] {
  const height = chartHeight(block.chart);
  const figure: DrawPiece = {
    role: "Figure",
    text: block.alt,
    height,
    spaceBefore: SPACE.figure,
    keepWithNext: true,
    draw: (ctx, y) => {
      const element = ctx.doc.struct("Figure", {
        alt: block.alt,
        bbox: [X, y, X + CONTENT_WIDTH, y + height],
        placement: "Block",
      } as PDFKit.Mixins.StructureElementOptions);
      ctx.root.add(element);
      tagged(ctx.doc, element, "Figure", () =>
        drawChart(ctx.doc, block.chart, X, y, CONTENT_WIDTH, measure),
      );
    },
  };
  const caption = block.caption
    ? paragraphPieces(
        { kind: "paragraph", text: block.caption, style: "small", keepWithNext: true },
        measure,
      )
    : [];
  return [figure, ...caption, ...tablePieces(block.table, measure)];
}

export function piecesOf(blocks: readonly Block[], measure: Measurer): DrawPiece[] {
  return blocks.flatMap((block): DrawPiece[] => {
    switch (block.kind) {
      case "figure":
        return figurePieces(block, measure);
      case "heading":
        return headingPieces(block, measure);
      case "paragraph":
        return paragraphPieces(block, measure);
      case "list":
        return listPieces(block, measure);
      case "table":
        return tablePieces(block, measure);
      default:
        return boxPieces(block, measure);
    }
  });
}
