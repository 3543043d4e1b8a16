import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { RATING_MAX, RATING_MIN } from "../../../domain/support/compass.ts";
import { DataTable } from "../../components/data-table.tsx";
import { Loading } from "../../components/page.tsx";
import { type AssessmentList, formatDate, urls, useLang, useSupportQuery } from "./shared.tsx";

const MAX_WIDTH = 720;
const FONT = { fontSize: "13px", color: "#1a1a1a", background: "transparent" };
const COLOURS = [
  "#1f4e79",
  "#8a4b00",
  "#2e6b30",
  "#7a1f5c",
  "#4b4b4b",
  "#005f73",
  "#9b2226",
  "#5a189a",
];
const SYMBOLS = ["circle", "square", "triangle", "diamond", "star", "cross", "wye", "asterisk"];

interface Point {
  need: string;
  when: string;
  rating: number;
}

/**
 * The needs over time, one line per need with its own colour and marker (colour is not the only
 * cue). Drawn at the width it gets, as one image with a text alternative; the same values are in
 * the table below it.
 */
function CompassChart({
  points,
  needs,
  times,
  scale,
  label,
}: {
  points: Point[];
  needs: string[];
  times: string[];
  scale: { min: number; max: number };
  label: string;
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
    const ticks = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
    const el = Plot.plot({
      width,
      height: 300,
      marginLeft: 40,
      marginRight: 24,
      style: FONT,
      y: { domain: [scale.min, scale.max], ticks, grid: true, label: null },
      x: { type: "point", domain: times, label: null, padding: 0.3 },
      color: { domain: needs, range: COLOURS },
      symbol: { domain: needs, range: SYMBOLS, legend: true },
      marks: [
        Plot.line(points, { x: "when", y: "rating", z: "need", stroke: "need", strokeWidth: 2 }),
        Plot.dot(points, {
          x: "when",
          y: "rating",
          fill: "need",
          symbol: "need",
          r: 5,
          stroke: "white",
        }),
      ],
    });
    el.setAttribute("role", "img");
    el.setAttribute("aria-label", label);
    for (const child of el.querySelectorAll("[aria-label]")) child.removeAttribute("aria-label");
    for (const child of el.querySelectorAll("[aria-description]")) {
      child.removeAttribute("aria-description");
    }
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [points, needs, times, scale, label, width]);
  return <div ref={ref} className="support-chart" />;
}

/** The needs compass: the latest assessment in words, and every assessment as chart and table. */
export function CompassPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useSupportQuery<AssessmentList>(["assessments", caseId], urls.assessments(caseId));
  const needs = list.data?.needs ?? [];
  const needName = (key: string) => needs.find((n) => n.key === key)?.[lang] ?? key;
  const oldestFirst = [...(list.data?.assessments ?? [])].reverse();
  const latest = oldestFirst.at(-1);
  const times = oldestFirst.map((a) => formatDate(a.assessedOn, lang));
  const timeOf = new Map(oldestFirst.map((a, i) => [a.id, times[i] ?? ""]));
  const points: Point[] = (list.data?.series ?? []).flatMap((s) =>
    s.points.map((p) => ({
      need: needName(s.need),
      when: timeOf.get(p.assessmentId) ?? "",
      rating: p.rating,
    })),
  );
  const ratingOf = (assessmentId: string, need: string) =>
    oldestFirst.find((a) => a.id === assessmentId)?.ratings.find((r) => r.need === need)?.rating;
  return (
    <section className="support-section" aria-labelledby="case-compass">
      <Heading level={2} data-size="md" id="case-compass">
        {t("support.parts.wellbeing")}
      </Heading>
      {list.isPending ? <Loading /> : null}
      {list.data && !latest ? <Paragraph>{t("support.assessment.none")}</Paragraph> : null}
      {latest ? (
        <>
          <Heading level={3} data-size="sm">
            {t("support.assessment.latest", {
              date: formatDate(latest.assessedOn, lang),
              name: latest.assessedBy.name,
            })}
          </Heading>
          <Paragraph>{latest.summary}</Paragraph>
          <dl className="support-facts">
            <dt>{t("support.assessment.childView")}</dt>
            <dd>{latest.childView || "–"}</dd>
            <dt>{t("support.assessment.guardiansView")}</dt>
            <dd>{latest.guardiansView || "–"}</dd>
          </dl>
          {oldestFirst.length > 1 ? (
            <CompassChart
              points={points}
              needs={needs.map((n) => n[lang])}
              times={times}
              scale={{ min: RATING_MIN, max: RATING_MAX }}
              label={t("support.assessment.chartLabel", { count: oldestFirst.length })}
            />
          ) : null}
          <DataTable
            caption={t("support.assessment.tableCaption", { min: RATING_MIN, max: RATING_MAX })}
            columns={[t("support.assessment.need"), ...times, t("support.assessment.reason")]}
          >
            {needs.map((n) => (
              <Table.Row key={n.key}>
                <Table.HeaderCell scope="row">{n[lang]}</Table.HeaderCell>
                {oldestFirst.map((a) => (
                  <Table.Cell key={a.id}>{ratingOf(a.id, n.key) ?? "–"}</Table.Cell>
                ))}
                <Table.Cell>{latest.ratings.find((r) => r.need === n.key)?.reason}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}
