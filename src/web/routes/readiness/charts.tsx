import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "react";

/** Widest a chart is drawn; wider containers leave it at this size. */
const MAX_WIDTH = 720;
const FONT = { fontSize: "13px", color: "#1a1a1a", background: "transparent" };

/**
 * Observable Plot draws into a detached SVG; this mounts it as one image with a text
 * alternative. The chart is drawn at the width it is given on screen (not scaled down), so its
 * text keeps its size at 320 px. The data is always also given as a table next to the chart.
 */
function PlotFigure({
  make,
  label,
  className,
}: {
  make: (width: number) => SVGSVGElement | HTMLElement;
  label: string;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const measure = () => setWidth(Math.min(MAX_WIDTH, Math.floor(node.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (width <= 0) return;
    const el = make(width);
    el.setAttribute("role", "img");
    el.setAttribute("aria-label", label);
    el.removeAttribute("aria-description");
    for (const child of el.querySelectorAll("[aria-label]")) child.removeAttribute("aria-label");
    for (const child of el.querySelectorAll("[aria-description]")) {
      child.removeAttribute("aria-description");
    }
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [make, label, width]);
  return <div ref={ref} className={`readiness-chart ${className ?? ""}`.trim()} />;
}

const STAGES = [1, 2, 3, 4, 5, 6, 7, 8, 9];
/** Stage n covers scores from n up to n + 1; 9 is the top of the scale. */
const STAGE_BANDS = STAGES.slice(0, -1).map((stage) => ({ stage, from: stage, to: stage + 1 }));
const BAR = "#1f4e79";
const BAR_OVERALL = "#0b2a45";
const BAR_LOWEST = "#8a4b00";
const BAND_A = "#e9eff6";
const BAND_B = "#f8fafc";
const ROW = 54;

export interface BarDatum {
  label: string;
  score: number;
  strong?: boolean;
  /** One of the lowest dimensions: drawn in another colour and named in its value label. */
  lowest?: boolean;
}

/**
 * Horizontal bars per dimension (and overall) over the stage bands of the 1–9 scale. Each
 * bar's name sits above it, so long Swedish names need no margin and fit at 320 px.
 */
export function ScoreBarChart({
  data,
  label,
  axisLabel,
  format,
  lowestLabel,
}: {
  data: BarDatum[];
  label: string;
  axisLabel: string;
  format: (n: number) => string;
  lowestLabel: string;
}) {
  const make = (width: number) =>
    Plot.plot({
      width,
      height: 60 + data.length * ROW,
      marginTop: 8,
      marginBottom: 48,
      marginLeft: 12,
      marginRight: 96,
      style: FONT,
      x: {
        domain: [1, 9],
        ticks: STAGES,
        tickFormat: (n: number) => format(n),
        label: axisLabel,
        labelAnchor: "center",
        labelArrow: "none",
        labelOffset: 40,
      },
      y: { domain: data.map((d) => d.label), axis: null, paddingInner: 0, paddingOuter: 0 },
      marks: [
        Plot.rect(STAGE_BANDS, {
          x1: "from",
          x2: "to",
          fill: (d: { stage: number }) => (d.stage % 2 ? BAND_A : BAND_B),
        }),
        Plot.barX(data, {
          y: "label",
          x1: 1,
          x2: "score",
          fill: (d: BarDatum) => (d.strong ? BAR_OVERALL : d.lowest ? BAR_LOWEST : BAR),
          insetTop: 24,
          insetBottom: 6,
        }),
        Plot.text(data, {
          y: "label",
          x: 1,
          text: "label",
          textAnchor: "start",
          lineAnchor: "top",
          dy: -ROW / 2 + 4,
          fill: "#1a1a1a",
        }),
        Plot.text(data, {
          y: "label",
          x: "score",
          text: (d: BarDatum) =>
            d.lowest ? `${format(d.score)} · ${lowestLabel}` : format(d.score),
          textAnchor: "start",
          dx: 4,
          dy: 9,
          fill: "#1a1a1a",
          fontWeight: "bold",
        }),
        Plot.ruleX([1]),
      ],
    });
  return <PlotFigure make={make} label={label} />;
}

export interface TrendDatum {
  /** The series' name as the legend shows it. */
  series: string;
  /** The measurement's name on the time axis (e.g. "jan.–apr. 2024"). */
  measurement: string;
  score: number;
}

/** Distinct at a glance and at least 3:1 against the white page; overall is black. */
const SERIES_COLOURS = [
  "#0b5cad",
  "#c0392b",
  "#1e7b34",
  "#7b3fa0",
  "#a35a00",
  "#00707a",
  "#1a1a1a",
];
const SERIES_SYMBOLS = ["circle", "square", "triangle", "diamond", "star", "cross", "wye"];

/**
 * One line per series over the measurements in order, each with its own colour and marker, and
 * a legend (colour and marker together, so colour is not the only cue). No labels at the line
 * ends: they ran into each other when scores were close.
 */
export function TrendChart({
  data,
  series,
  measurements,
  label,
  axisLabel,
  format,
}: {
  data: TrendDatum[];
  /** Series names in legend order. */
  series: string[];
  /** Measurement names in time order. */
  measurements: string[];
  label: string;
  axisLabel: string;
  format: (n: number) => string;
}) {
  const make = (width: number) =>
    Plot.plot({
      width,
      height: 300,
      marginTop: 24,
      marginLeft: 44,
      marginRight: 48,
      marginBottom: 36,
      style: FONT,
      y: {
        domain: [1, 9],
        ticks: STAGES,
        tickFormat: (n: number) => format(n),
        label: axisLabel,
        labelArrow: "none",
        grid: true,
      },
      x: { type: "point", domain: measurements, label: null, padding: 0.3 },
      color: { domain: series, range: SERIES_COLOURS },
      symbol: { domain: series, range: SERIES_SYMBOLS, legend: true },
      marks: [
        Plot.line(data, {
          x: "measurement",
          y: "score",
          z: "series",
          stroke: "series",
          strokeWidth: (d: TrendDatum) => (d.series === series.at(-1) ? 3.5 : 2),
        }),
        Plot.dot(data, {
          x: "measurement",
          y: "score",
          fill: "series",
          symbol: "series",
          r: 5,
          stroke: "white",
          strokeWidth: 1,
        }),
      ],
    });
  return <PlotFigure make={make} label={label} className="readiness-chart--trend" />;
}
