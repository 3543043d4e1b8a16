import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../../domain/readiness/dimensions.ts";
import { type ApiError, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { AppLink, Loading } from "../../components/page.tsx";
import { TrendChart, type TrendDatum } from "./charts.tsx";
import {
  API,
  dimensionName,
  formatPeriod,
  formatPeriodShort,
  formatScore,
  stageName,
  useLang,
} from "./shared.tsx";

/** A point of the trend, whatever the exact shape the server sends (results or summaries). */
export interface TrendPoint {
  id: string;
  periodStart: string;
  periodEnd: string;
  score: number | null;
  stage: number | null;
  dimensions: Partial<Record<DimensionLetter, number>>;
}

function normaliseTrend(data: unknown): TrendPoint[] {
  const list: unknown[] = Array.isArray(data)
    ? data
    : ((data as { points?: unknown[]; assessments?: unknown[] } | null)?.points ??
      (data as { assessments?: unknown[] } | null)?.assessments ??
      []);
  return list.map((raw) => {
    const item = raw as Record<string, unknown>;
    const a = (item.assessment ?? item) as Record<string, unknown>;
    const dims = (item.dimensions ?? {}) as Record<string, unknown>;
    const stage = item.stage as number | { stage: number } | null | undefined;
    const dimensions: Partial<Record<DimensionLetter, number>> = {};
    for (const d of DIMENSION_LETTERS) {
      const v = dims[d];
      if (typeof v === "number") dimensions[d] = v;
      else if (v && typeof (v as { score?: unknown }).score === "number") {
        dimensions[d] = (v as { score: number }).score;
      }
    }
    return {
      id: String(a.id ?? item.id ?? ""),
      periodStart: String(a.periodStart ?? item.periodStart ?? ""),
      periodEnd: String(a.periodEnd ?? item.periodEnd ?? ""),
      score: typeof item.score === "number" ? item.score : null,
      stage: typeof stage === "number" ? stage : (stage?.stage ?? null),
      dimensions,
    };
  });
}

/**
 * This measurement and the earlier ones of the same community and topic, oldest first. Later
 * measurements are left out: a 2024 result is read as it stood, not beside what came after.
 */
export function useTrend(id: string, periodStart: string) {
  const trend = useQuery<unknown, ApiError>({
    queryKey: ["readiness", "trend", id],
    queryFn: () => get<unknown>(`${API}/assessments/${id}/trend`),
  });
  const points = normaliseTrend(trend.data)
    .filter((p) => p.id === id || p.periodStart < periodStart)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  return { trend, points };
}

/** The measurement's name on the chart's axis: its year when that tells them apart. */
function measurementNames(points: TrendPoint[], lang: "sv" | "en"): string[] {
  const years = points.map((p) => p.periodEnd.slice(0, 4));
  const unique = new Set(years).size === years.length;
  return points.map((p, i) =>
    unique ? (years[i] ?? "") : formatPeriodShort(p.periodStart, p.periodEnd, lang),
  );
}

export function Trend({ id, periodStart }: { id: string; periodStart: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { trend, points } = useTrend(id, periodStart);
  const fmt = (n: number | null | undefined) => formatScore(n, lang);
  const names = measurementNames(points, lang);
  const overall = t("readiness.results.overall");
  const seriesName = (d: DimensionLetter) => `${d}. ${dimensionName(d, lang)}`;
  const series: TrendDatum[] = [];
  points.forEach((p, i) => {
    const measurement = names[i] ?? "";
    for (const d of DIMENSION_LETTERS) {
      const v = p.dimensions[d];
      if (v !== undefined) series.push({ series: seriesName(d), measurement, score: v });
    }
    if (p.score !== null) series.push({ series: overall, measurement, score: p.score });
  });
  return (
    <section aria-labelledby="trend-heading" className="readiness-section">
      <Heading level={2} data-size="sm" id="trend-heading">
        {t("readiness.trend.title")}
      </Heading>
      <Paragraph>{t("readiness.trend.intro")}</Paragraph>
      {trend.isPending ? <Loading /> : null}
      {trend.isError ? <Paragraph>{t("readiness.trend.unavailable")}</Paragraph> : null}
      {trend.data && points.length < 2 ? (
        <Paragraph>{t("readiness.trend.single")}</Paragraph>
      ) : null}
      {points.length > 1 ? (
        <TrendChart
          data={series}
          series={[...DIMENSION_LETTERS.map(seriesName), overall]}
          measurements={names}
          axisLabel={t("readiness.score")}
          format={fmt}
          label={t("readiness.trend.chartLabel", {
            values: points
              .map((p) => `${formatPeriod(p.periodStart, p.periodEnd, lang)}: ${fmt(p.score)}`)
              .join("; "),
          })}
        />
      ) : null}
      {points.length > 0 ? (
        <DataTable
          caption={t("readiness.trend.caption")}
          hiddenCaption
          columns={[
            t("readiness.period"),
            ...DIMENSION_LETTERS.map((d) => (
              <abbr key={d} title={dimensionName(d, lang)}>
                {d}
              </abbr>
            )),
            overall,
            t("readiness.stage"),
          ]}
        >
          {points.map((p) => (
            <Table.Row key={p.id || p.periodStart}>
              <Table.HeaderCell scope="row" className="nowrap-words">
                {p.id && p.id !== id ? (
                  <AppLink to={`/readiness/${p.id}/results`}>
                    {formatPeriodShort(p.periodStart, p.periodEnd, lang)}
                  </AppLink>
                ) : (
                  formatPeriodShort(p.periodStart, p.periodEnd, lang)
                )}
              </Table.HeaderCell>
              {DIMENSION_LETTERS.map((d) => (
                <Table.Cell key={d}>{fmt(p.dimensions[d])}</Table.Cell>
              ))}
              <Table.Cell>{fmt(p.score)}</Table.Cell>
              <Table.Cell>{p.stage ? `${p.stage} – ${stageName(p.stage, lang)}` : "–"}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
