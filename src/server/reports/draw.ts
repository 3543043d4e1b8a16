import type { Line, Measurer } from "./text.ts";
import type { FontName, TextStyle } from "./theme.ts";

/** What drawing needs: the PDFKit document and the structure element everything hangs from. */
export interface DrawContext {
  doc: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
}

export function measurerOf(doc: PDFKit.PDFDocument): Measurer {
  return {
    width: (text: string, font: FontName, size: number) =>
      doc.font(font).fontSize(size).widthOfString(text),
  };
}

/** Inter's ascender plus descender is about 1.21 em; centre that box in the line's leading. */
function baselineShift(style: TextStyle): number {
  return (style.leading - style.size * 1.21) / 2;
}

/** Draws one wrapped line; the caller has opened the marked content it belongs to. */
export function drawLine(
  doc: PDFKit.PDFDocument,
  line: Line,
  style: TextStyle,
  x: number,
  y: number,
  options: { width?: number; align?: "left" | "right" | "center"; colour?: string } = {},
): void {
  const width = options.width ?? line.width;
  let cursor =
    options.align === "right"
      ? x + width - line.width
      : options.align === "center"
        ? x + (width - line.width) / 2
        : x;
  doc.fillColor(options.colour ?? style.colour);
  for (const segment of line.segments) {
    doc.font(segment.font).fontSize(style.size);
    doc.text(segment.text, cursor, y + baselineShift(style), { lineBreak: false });
    cursor += doc.widthOfString(segment.text);
  }
}

/** Runs `paint` as an artifact: rules, shading and page furniture that are not content. */
export function artifact(
  doc: PDFKit.PDFDocument,
  paint: () => void,
  type: "Layout" | "Pagination" = "Layout",
): void {
  doc.markContent("Artifact", { type });
  paint();
  doc.endMarkedContent();
}

/** Runs `paint` as marked content of `element`, tagged with `tag`. */
export function tagged(
  doc: PDFKit.PDFDocument,
  element: PDFKit.PDFStructureElement,
  tag: string,
  paint: () => void,
): void {
  const content = doc.markStructureContent(tag);
  paint();
  doc.endMarkedContent();
  element.add(content);
}

/** A structure element created on first use and attached to its parent in reading order. */
export function lazyElement(
  type: string,
  options: Record<string, string> = {},
): (ctx: DrawContext, parent?: PDFKit.PDFStructureElement) => PDFKit.PDFStructureElement {
  let element: PDFKit.PDFStructureElement | undefined;
  return (ctx, parent) => {
    if (!element) {
      // `scope` (Table attribute of TH) is read by PDFKit but missing from its typings.
      element = ctx.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
      (parent ?? ctx.root).add(element);
    }
    return element;
  };
}

export function hline(
  doc: PDFKit.PDFDocument,
  x1: number,
  x2: number,
  y: number,
  colour: string,
  width: number,
): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(colour).stroke().restore();
}

/** Draws wrapped lines one leading apart, starting at `y`. */
export function drawLines(
  doc: PDFKit.PDFDocument,
  lines: readonly Line[],
  style: TextStyle,
  x: number,
  y: number,
  options: { width?: number; align?: "left" | "right" | "center" } = {},
): void {
  for (const [index, line] of lines.entries())
    drawLine(doc, line, style, x, y + index * style.leading, options);
}
