import type { BarChart, LineChart, Scale } from "./blocks.ts";
import type { Measurer } from "./text.ts";
import { COLOURS, type TextStyle } from "./theme.ts";

/**
 * Charts drawn as vectors with PDFKit's path calls. The caller tags the whole drawing as one
 * Figure; the numbers also follow in a table, so nothing here needs to be read by a screen reader.
 */

const LABEL: TextStyle = { font: "regular", size: 8.5, leading: 11, colour: COLOURS.ink };
const TICK: TextStyle = { font: "regular", size: 7.5, leading: 9, colour: COLOURS.muted };
const BAR_ROW = 22;
const BAR_TOP = 16;
const AXIS_BELOW = 30;
const LINE_HEIGHT = 190;

export function chartHeight(chart: BarChart | LineChart): number {
  return chart.type === "bar" ? BAR_TOP + chart.bars.length * BAR_ROW + AXIS_BELOW : LINE_HEIGHT;
}

function label(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  x: number,
  baseline: number,
  align: "left" | "right" | "center" = "left",
  bold = false,
  colour: string = style.colour,
): void {
  doc
    .font(bold ? "bold" : style.font)
    .fontSize(style.size)
    .fillColor(colour);
  const width = doc.widthOfString(text);
  const left = align === "right" ? x - width : align === "center" ? x - width / 2 : x;
  // PDFKit places text by its top; the ascender of Inter is about 0.97 em.
  doc.text(text, left, baseline - style.size * 0.97, { lineBreak: false });
}

function scaleOf(scale: Scale, from: number, to: number): (value: number) => number {
  return (value) => {
    const clamped = Math.min(Math.max(value, scale.min), scale.max);
    return from + ((clamped - scale.min) / (scale.max - scale.min)) * (to - from);
  };
}

function drawBarChart(
  doc: PDFKit.PDFDocument,
  chart: BarChart,
  x: number,
  y: number,
  width: number,
  measure: Measurer,
): void {
  const labelWidth = Math.min(
    Math.max(...chart.bars.map((bar) => measure.width(bar.label, "bold", LABEL.size))) + 10,
    width * 0.4,
  );
  const plotLeft = x + labelWidth;
  const valueRoom = 64;
  const plotRight = x + width - valueRoom;
  const top = y + BAR_TOP;
  const bottom = top + chart.bars.length * BAR_ROW;
  const xOf = scaleOf(chart.scale, plotLeft, plotRight);

  chart.scale.ticks.forEach((tick, index) => {
    const next = chart.scale.ticks[index + 1];
    if (next !== undefined && index % 2 === 0)
      doc
        .save()
        .rect(xOf(tick), top, xOf(next) - xOf(tick), bottom - top)
        .fill(COLOURS.shade)
        .restore();
  });
  for (const tick of chart.scale.ticks) {
    doc
      .save()
      .moveTo(xOf(tick), top)
      .lineTo(xOf(tick), bottom + 3)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke()
      .restore();
    label(doc, String(tick), TICK, xOf(tick), bottom + 12, "center");
  }
  doc
    .save()
    .moveTo(plotLeft, bottom)
    .lineTo(plotRight, bottom)
    .lineWidth(0.75)
    .strokeColor(COLOURS.muted)
    .stroke()
    .restore();
  label(doc, chart.scale.label, TICK, (plotLeft + plotRight) / 2, bottom + 24, "center");

  chart.bars.forEach((bar, index) => {
    const rowTop = top + index * BAR_ROW;
    const baseline = rowTop + BAR_ROW / 2 + 3;
    label(doc, bar.label, LABEL, x, baseline, "left", Boolean(bar.highlight));
    if (bar.value === null) {
      // A white ground so that the grid does not run through the text.
      const textWidth = measure.width(chart.missingText, LABEL.font, LABEL.size);
      doc
        .save()
        .rect(plotLeft + 1, rowTop + 5, textWidth + 6, BAR_ROW - 10)
        .fill("#ffffff")
        .restore();
      label(
        doc,
        chart.missingText,
        LABEL,
        plotLeft + 4,
        baseline,
        "left",
        false,
        COLOURS.barHighlight,
      );
      return;
    }
    const end = xOf(bar.value);
    doc
      .save()
      .rect(plotLeft, rowTop + 5, Math.max(end - plotLeft, 0.5), BAR_ROW - 10)
      .fill(bar.highlight ? COLOURS.barHighlight : COLOURS.bar)
      .restore();
    label(doc, bar.valueText, LABEL, end + 4, baseline, "left", true);
  });

  if (chart.reference) {
    const at = xOf(chart.reference.value);
    doc
      .save()
      .moveTo(at, top - 2)
      .lineTo(at, bottom)
      .lineWidth(1.25)
      .dash(3, { space: 2 })
      .strokeColor(COLOURS.accent)
      .stroke()
      .undash()
      .restore();
    label(doc, chart.reference.label, TICK, at, top - 5, "center", true, COLOURS.accent);
  }
}

function drawLineChart(
  doc: PDFKit.PDFDocument,
  chart: LineChart,
  x: number,
  y: number,
  width: number,
  measure: Measurer,
): void {
  const legendWidth = Math.min(
    Math.max(...chart.series.map((s) => measure.width(s.label, "regular", LABEL.size))) + 18,
    width * 0.3,
  );
  const plotLeft = x + 28;
  const plotRight = x + width - legendWidth - 8;
  const top = y + 8;
  const bottom = y + LINE_HEIGHT - 34;
  const yOf = scaleOf(chart.scale, bottom, top);
  const step =
    chart.categories.length > 1 ? (plotRight - plotLeft - 40) / (chart.categories.length - 1) : 0;
  const xOf = (index: number) =>
    chart.categories.length > 1 ? plotLeft + 20 + index * step : (plotLeft + plotRight) / 2;

  for (const tick of chart.scale.ticks) {
    doc
      .save()
      .moveTo(plotLeft, yOf(tick))
      .lineTo(plotRight, yOf(tick))
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke()
      .restore();
    label(doc, String(tick), TICK, plotLeft - 6, yOf(tick) + 2.5, "right");
  }
  doc
    .save()
    .moveTo(plotLeft, bottom)
    .lineTo(plotRight, bottom)
    .lineWidth(0.75)
    .strokeColor(COLOURS.muted)
    .stroke()
    .restore();
  for (const [index, category] of chart.categories.entries())
    label(doc, category, TICK, xOf(index), bottom + 12, "center");
  label(doc, chart.scale.label, TICK, (plotLeft + plotRight) / 2, bottom + 26, "center");

  const ends: { y: number; label: string; colour: string }[] = [];
  chart.series.forEach((series, s) => {
    const colour = COLOURS.series[s % COLOURS.series.length]!;
    const points = series.values
      .map((value, index) => (value === null ? null : { x: xOf(index), y: yOf(value), value }))
      .filter((p): p is { x: number; y: number; value: number } => p !== null);
    if (points.length === 0) return;
    doc
      .save()
      .lineWidth(s === 0 ? 2 : 1.25)
      .strokeColor(colour);
    for (const [i, p] of points.entries()) {
      if (i === 0) doc.moveTo(p.x, p.y);
      else doc.lineTo(p.x, p.y);
    }
    doc.stroke().restore();
    for (const p of points) {
      doc
        .save()
        .circle(p.x, p.y, s === 0 ? 3 : 2)
        .fill(colour)
        .restore();
      if (chart.series.length === 1)
        label(doc, chart.valueText(p.value), TICK, p.x, p.y - 7, "center", true, colour);
    }
    const last = points[points.length - 1]!;
    ends.push({ y: last.y, label: series.label, colour });
  });
  // Direct labels at the right end of each line, pushed apart so that none overlaps another.
  ends.sort((a, b) => a.y - b.y);
  let previous = Number.NEGATIVE_INFINITY;
  for (const end of ends) {
    const at = Math.max(end.y, previous + LABEL.leading);
    previous = at;
    doc
      .save()
      .moveTo(plotRight + 4, at)
      .lineTo(plotRight + 12, at)
      .lineWidth(2)
      .strokeColor(end.colour)
      .stroke()
      .restore();
    label(doc, end.label, LABEL, plotRight + 15, at + 3, "left", false, end.colour);
  }
}

export function drawChart(
  doc: PDFKit.PDFDocument,
  chart: BarChart | LineChart,
  x: number,
  y: number,
  width: number,
  measure: Measurer,
): void {
  if (chart.type === "bar") drawBarChart(doc, chart, x, y, width, measure);
  else drawLineChart(doc, chart, x, y, width, measure);
}
