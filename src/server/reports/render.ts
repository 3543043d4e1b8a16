import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { ReportSpec } from "./blocks.ts";
import { artifact, drawLine, hline, measurerOf } from "./draw.ts";
import { svDate } from "./format.ts";
import { type Placed, paginate } from "./paginate.ts";
import { type DrawPiece, piecesOf } from "./pieces.ts";
import { wrap } from "./text.ts";
import { COLOURS, FONT_FILES, type FontName, PAGE, TEXT, type TextStyle } from "./theme.ts";

export interface RenderedReport {
  pdf: Buffer;
  pages: number;
  /** Where each piece landed: for tests of the page-break rules on real content. */
  layout: Placed<DrawPiece>[][];
}

let fontData: Record<FontName, Buffer> | undefined;

/**
 * The font files are read once per process but parsed per document: a fontkit font shared between
 * documents gave a later document's subset a wrong Unicode map ("Rad" extracted as "R\u0002d").
 */
function fonts(): Record<FontName, Buffer> {
  fontData ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(file)]),
  ) as Record<FontName, Buffer>;
  return fontData;
}

function newDocument(spec: ReportSpec): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    lang: "sv-SE",
    displayTitle: true,
    pdfVersion: "1.7",
    // PDFKit writes the PDF/UA identifier into the XMP metadata; its typings list only PDF/A.
    subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
    info: {
      Title: spec.title,
      Author: spec.author ?? spec.organisation,
      Subject: spec.subject ?? spec.title,
      Keywords: (spec.keywords ?? []).join(", "),
      Creator: "Paraply",
      Producer: "Paraply",
      CreationDate: spec.date,
    },
  });
  // No `font` option: PDFKit then opens the regular face twice and compares the two by their
  // name tables, which took most of a render (1.8 s → 0.3 s median for the demo report). The
  // default Helvetica it keeps instead is never used, so never written (tests check the fonts).
  // A Buffer works as a source; the typings say path only.
  for (const [name, font] of Object.entries(fonts()))
    doc.registerFont(name, font as unknown as string);
  return doc;
}

/** Running header (organisation, diarienummer) and footer (title, date, page x of y). */
function drawFurniture(doc: PDFKit.PDFDocument, spec: ReportSpec, page: number, pages: number) {
  const measure = measurerOf(doc);
  const style: TextStyle = TEXT.furniture;
  const bold: TextStyle = { ...style, font: "semibold", colour: COLOURS.ink };
  const right = PAGE.width - PAGE.right;
  const width = right - PAGE.left;
  const one = (text: string, s: TextStyle = style) =>
    wrap(text, s, Number.POSITIVE_INFINITY, measure)[0]!;
  artifact(
    doc,
    () => {
      drawLine(doc, one(spec.organisation, bold), bold, PAGE.left, PAGE.headerY);
      if (spec.reference)
        drawLine(doc, one(`Dnr ${spec.reference}`), style, PAGE.left, PAGE.headerY, {
          width,
          align: "right",
        });
      hline(doc, PAGE.left, right, PAGE.headerY + style.leading + 3, COLOURS.rule, 0.5);
      hline(doc, PAGE.left, right, PAGE.footerY - 4, COLOURS.rule, 0.5);
      drawLine(
        doc,
        one(`${spec.footerTitle} · ${svDate(spec.date)}`),
        style,
        PAGE.left,
        PAGE.footerY,
      );
      drawLine(doc, one(`Sida ${page} av ${pages}`), style, PAGE.left, PAGE.footerY, {
        width,
        align: "right",
      });
    },
    "Pagination",
  );
}

/**
 * Lays out and draws a report as a tagged PDF (PDF/UA identifier, language sv-SE, title shown by
 * viewers, every font embedded as a subset). Content is tagged in reading order under one
 * Document element; rules, shading, page furniture and repeated table headers are artifacts.
 */
export async function renderReport(spec: ReportSpec): Promise<RenderedReport> {
  const doc = newDocument(spec);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const pieces = piecesOf(spec.blocks, measurerOf(doc));
  const layout = paginate(pieces, { top: PAGE.contentTop, bottom: PAGE.contentBottom });
  const root = doc.struct("Document");
  doc.addStructure(root);
  const ctx = { doc, root };
  for (const page of layout) {
    doc.addPage({ size: "A4", margin: 0 });
    for (const placed of page) placed.piece.draw(ctx, placed.y, placed.repeated);
  }
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    drawFurniture(doc, spec, index + 1, range.count);
  }
  root.end();
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pages: range.count, layout };
}
