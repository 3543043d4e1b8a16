import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "react";

/** Widest a chart is drawn; wider containers leave it at this size. */
const MAX_WIDTH = 720;
const FONT = { fontSize: "13px", color: "#1a1a1a", background: "transparent" };
const ROW = 44;
const RISK = "#8a4b00";
const PROTECTIVE = "#1e6b34";
const REFERENCE = "#1a1a1a";

export interface ShareDatum {
  label: string;
  /** Share flagged in percent; null for a suppressed cell (no bar, the label says why). */
  value: number | null;
  valueText: string;
  kind: "risk" | "protective";
  /** The reference's share for the same factor, drawn as a black tick across the bar. */
  reference: number | null;
}

/**
 * Observable Plot draws a detached SVG; it is mounted as one image with a text alternative at
 * the width it gets on screen, so its text keeps its size at 320 px. The same figures are always
 * in a table next to the chart.
 */
function PlotFigure({ make, label }: { make: (width: number) => Element; label: string }) {
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
    for (const child of el.querySelectorAll("[aria-label],[aria-description]")) {
      child.removeAttribute("aria-label");
      child.removeAttribute("aria-description");
    }
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [make, label, width]);
  return <div ref={ref} className="profile-chart" />;
}

/**
 * Horizontal bars of the share flagged per factor on 0–100 %, risk and protective in two colours
 * (named in the text too), each factor's name above its bar and the reference as a tick.
 */
export function ShareBarChart({
  data,
  label,
  axisLabel,
}: {
  data: ShareDatum[];
  label: string;
  axisLabel: string;
}) {
  const withReference = data.filter((d) => d.reference !== null);
  const make = (width: number) =>
    Plot.plot({
      width,
      height: 56 + data.length * ROW,
      marginTop: 8,
      marginBottom: 44,
      marginLeft: 12,
      marginRight: 110,
      style: FONT,
      x: {
        domain: [0, 100],
        ticks: [0, 20, 40, 60, 80, 100],
        label: axisLabel,
        labelAnchor: "center",
        labelArrow: "none",
        labelOffset: 36,
        grid: true,
      },
      y: { domain: data.map((d) => d.label), axis: null, paddingInner: 0, paddingOuter: 0 },
      marks: [
        Plot.barX(
          data.filter((d) => d.value !== null),
          {
            y: "label",
            x1: 0,
            x2: "value",
            fill: (d: ShareDatum) => (d.kind === "risk" ? RISK : PROTECTIVE),
            insetTop: 20,
            insetBottom: 6,
          },
        ),
        Plot.tickX(withReference, {
          y: "label",
          x: "reference",
          stroke: REFERENCE,
          strokeWidth: 3,
          insetTop: 16,
          insetBottom: 2,
        }),
        Plot.text(data, {
          y: "label",
          x: 0,
          text: "label",
          textAnchor: "start",
          lineAnchor: "top",
          dy: -ROW / 2 + 3,
          fill: "#1a1a1a",
        }),
        Plot.text(data, {
          y: "label",
          x: (d: ShareDatum) => d.value ?? 0,
          text: "valueText",
          textAnchor: "start",
          dx: 6,
          dy: 7,
          fill: "#1a1a1a",
          fontWeight: "bold",
        }),
        Plot.ruleX([0]),
      ],
    });
  return <PlotFigure make={make} label={label} />;
}

export interface TrendDatum {
  factor: string;
  kind: "risk" | "protective";
  waves: { name: string; value: number | null; valueText: string }[];
}

interface TrendRow {
  key: string;
  /** The factor's name on its heading row, the wave's name on a bar row. */
  text: string;
  heading: boolean;
  kind: "risk" | "protective";
  value: number | null;
  valueText: string;
}

const TREND_ROW = 26;

/**
 * One block per factor: its name, then one bar per wave (oldest first) on 0–100 %, so each
 * factor's change over the waves reads top to bottom. Suppressed cells get no bar, only their text.
 */
export function TrendBarChart({
  data,
  label,
  axisLabel,
}: {
  data: TrendDatum[];
  label: string;
  axisLabel: string;
}) {
  const rows: TrendRow[] = data.flatMap((f, i) => [
    { key: `${i}`, text: f.factor, heading: true, kind: f.kind, value: null, valueText: "" },
    ...f.waves.map((w, j) => ({
      key: `${i}.${j}`,
      text: w.name,
      heading: false,
      kind: f.kind,
      value: w.value,
      valueText: w.valueText,
    })),
  ]);
  const bars = rows.filter((r) => !r.heading);
  const make = (width: number) =>
    Plot.plot({
      width,
      height: 56 + rows.length * TREND_ROW,
      marginTop: 8,
      marginBottom: 44,
      marginLeft: 140,
      marginRight: 110,
      style: FONT,
      x: {
        domain: [0, 100],
        ticks: [0, 20, 40, 60, 80, 100],
        label: axisLabel,
        labelAnchor: "center",
        labelArrow: "none",
        labelOffset: 36,
        grid: true,
      },
      y: { domain: rows.map((r) => r.key), axis: null, paddingInner: 0.2, paddingOuter: 0 },
      marks: [
        Plot.barX(
          bars.filter((r) => r.value !== null),
          {
            y: "key",
            x1: 0,
            x2: "value",
            fill: (r: TrendRow) => (r.kind === "risk" ? RISK : PROTECTIVE),
          },
        ),
        Plot.text(
          rows.filter((r) => r.heading),
          {
            y: "key",
            x: 0,
            text: "text",
            textAnchor: "start",
            dx: -132,
            fill: "#1a1a1a",
            fontWeight: "bold",
          },
        ),
        Plot.text(bars, {
          y: "key",
          x: 0,
          text: "text",
          textAnchor: "end",
          dx: -6,
          fill: "#1a1a1a",
        }),
        Plot.text(bars, {
          y: "key",
          x: (r: TrendRow) => r.value ?? 0,
          text: "valueText",
          textAnchor: "start",
          dx: 6,
          fill: "#1a1a1a",
          fontWeight: "bold",
        }),
        Plot.ruleX([0]),
      ],
    });
  return <PlotFigure make={make} label={label} />;
}
