import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";

/**
 * Observable Plot draws into a detached SVG; this mounts it as one image with a text
 * alternative. The data is always also given as a table next to the chart.
 */
function PlotFigure({ make, label }: { make: () => SVGSVGElement | HTMLElement; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    el.setAttribute("role", "img");
    el.setAttribute("aria-label", label);
    el.removeAttribute("aria-description");
    for (const child of el.querySelectorAll("[aria-label]")) child.removeAttribute("aria-label");
    for (const child of el.querySelectorAll("[aria-description]")) {
      child.removeAttribute("aria-description");
    }
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [make, label]);
  return <div ref={ref} className="readiness-chart" />;
}

const STAGE_BANDS = Array.from({ length: 9 }, (_, i) => ({ stage: i + 1, from: i + 1, to: i + 2 }));
const BAR = "#1f4e79";
const BAND_A = "#e9eff6";
const BAND_B = "#f8fafc";

export interface BarDatum {
  label: string;
  score: number;
  strong?: boolean;
}

/** Horizontal bars per dimension (and overall) over the nine stage bands. */
export function ScoreBarChart({
  data,
  label,
  axisLabel,
  format,
}: {
  data: BarDatum[];
  label: string;
  axisLabel: string;
  format: (n: number) => string;
}) {
  const make = () =>
    Plot.plot({
      width: 560,
      height: 76 + data.length * 40,
      marginTop: 28,
      marginBottom: 48,
      marginLeft: 200,
      marginRight: 40,
      style: { fontSize: "13px", color: "#1a1a1a", background: "transparent" },
      x: {
        domain: [0, 10],
        ticks: [1, 2, 3, 4, 5, 6, 7, 8, 9],
        label: axisLabel,
        labelAnchor: "center",
        labelArrow: "none",
        labelOffset: 40,
      },
      y: { domain: data.map((d) => d.label), label: null, tickSize: 0 },
      marks: [
        Plot.rect(STAGE_BANDS, {
          x1: "from",
          x2: "to",
          fill: (d: { stage: number }) => (d.stage % 2 ? BAND_A : BAND_B),
        }),
        Plot.text(STAGE_BANDS, {
          x: (d: { from: number }) => d.from + 0.5,
          frameAnchor: "top",
          dy: -14,
          text: (d: { stage: number }) => String(d.stage),
          fill: "#4a5563",
        }),
        Plot.barX(data, {
          y: "label",
          x1: 0,
          x2: "score",
          fill: (d: BarDatum) => (d.strong ? "#0b2a45" : BAR),
          insetTop: 8,
          insetBottom: 8,
        }),
        Plot.text(data, {
          y: "label",
          x: "score",
          text: (d: BarDatum) => format(d.score),
          textAnchor: "start",
          dx: 4,
          fill: "#1a1a1a",
          fontWeight: "bold",
        }),
        Plot.ruleX([0]),
      ],
    });
  return <PlotFigure make={make} label={label} />;
}

export interface TrendDatum {
  series: string;
  period: Date;
  score: number;
}

/** Lines over time, one per series, each labelled at its last point (not by colour alone). */
export function TrendChart({
  data,
  label,
  axisLabel,
}: {
  data: TrendDatum[];
  label: string;
  axisLabel: string;
}) {
  const make = () =>
    Plot.plot({
      width: 640,
      height: 320,
      marginRight: 120,
      style: { fontSize: "13px", color: "#1a1a1a", background: "transparent" },
      y: { domain: [1, 10], ticks: [1, 2, 3, 4, 5, 6, 7, 8, 9], label: axisLabel, grid: true },
      x: { label: null, type: "utc" },
      color: { scheme: "dark2" },
      marks: [
        Plot.line(data, { x: "period", y: "score", stroke: "series", strokeWidth: 2 }),
        Plot.dot(data, { x: "period", y: "score", fill: "series", r: 4 }),
        Plot.text(
          data,
          Plot.selectLast({
            x: "period",
            y: "score",
            z: "series",
            text: "series",
            textAnchor: "start",
            dx: 8,
            fill: "#1a1a1a",
          }),
        ),
      ],
    });
  return <PlotFigure make={make} label={label} />;
}
