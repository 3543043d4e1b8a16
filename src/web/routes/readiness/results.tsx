import { Alert, Card, Heading, Link, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Results } from "../../../domain/readiness/api.ts";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../../domain/readiness/dimensions.ts";
import { type ApiError, get } from "../../api.ts";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { ScoreBarChart, TrendChart, type TrendDatum } from "./charts.tsx";
import {
  API,
  assessmentTitle,
  BackToAssessment,
  dimensionName,
  formatPercent,
  formatPeriod,
  formatPeriodShort,
  formatScore,
  sectorLabel,
  stageName,
  useLang,
} from "./shared.tsx";

type StageText = NonNullable<Results["stage"]>;

export function ReadinessResultsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const results = useQuery<Results, ApiError>({
    queryKey: ["readiness", "results", id],
    queryFn: () => get<Results>(`${API}/assessments/${id}/results`),
  });
  if (results.isPending) return <Loading />;
  if (results.isError) return isForbidden(results.error) ? <ForbiddenPage /> : <NotFoundPage />;
  const r = results.data;
  const title = t("readiness.results.titleFor", { title: assessmentTitle(r.assessment, lang, t) });
  const fmt = (n: number | null | undefined) => formatScore(n, lang);
  const scored = DIMENSION_LETTERS.filter((d) => r.dimensions[d]);
  const lowestStages = new Map<number, { stage: StageText; dims: DimensionLetter[] }>();
  for (const d of r.lowest) {
    const s = r.dimensionStages[d];
    if (!s) continue;
    const entry = lowestStages.get(s.stage) ?? { stage: s, dims: [] };
    entry.dims.push(d);
    lowestStages.set(s.stage, entry);
  }
  const chartData = [
    ...scored.map((d) => ({
      label: `${d}. ${dimensionName(d, lang)}`,
      score: r.dimensions[d]?.score ?? 0,
    })),
    ...(r.score !== null
      ? [{ label: t("readiness.results.overall"), score: r.score, strong: true }]
      : []),
  ];

  return (
    <>
      <BackToAssessment id={id} />
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>
        {formatPeriod(r.assessment.periodStart, r.assessment.periodEnd, lang)} ·{" "}
        {t("readiness.interviewsOf", {
          count: r.assessment.interviewCount,
          target: r.assessment.targetInterviews,
        })}
      </Paragraph>
      {r.interviewNotice.warning ? (
        <Alert data-color="warning">{r.interviewNotice.warning[lang]}</Alert>
      ) : null}
      {!r.complete ? (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t("readiness.results.incompleteTitle")}
          </Heading>
          <Paragraph>
            {t("readiness.results.missing", {
              dimensions: r.missing.map((d) => `${d}. ${dimensionName(d, lang)}`).join(", "),
            })}
          </Paragraph>
        </Alert>
      ) : null}
      {r.stage && r.score !== null ? (
        <Card data-color="accent" className="readiness-stage-card">
          <Heading level={2} data-size="md">
            {t("readiness.results.stageHeading", {
              stage: r.stage.stage,
              name: r.stage.name[lang],
            })}
          </Heading>
          <Paragraph>{t("readiness.results.overallScore", { score: fmt(r.score) })}</Paragraph>
          <Paragraph>{r.stage.description[lang]}</Paragraph>
          <Paragraph data-size="sm">{t("readiness.results.truncateNote")}</Paragraph>
        </Card>
      ) : null}
      {r.lowest.length > 0 ? (
        <Alert data-color="info" className="readiness-lowest">
          <Heading level={2} data-size="xs">
            {t("readiness.results.lowestTitle")}
          </Heading>
          <Paragraph>{t("readiness.results.lowestText")}</Paragraph>
          <ul>
            {r.lowest.map((d) => (
              <li key={d}>
                {d}. {dimensionName(d, lang)}: {fmt(r.dimensions[d]?.score)} (
                {t("readiness.stageN", {
                  stage: r.dimensions[d]?.stage,
                  name: stageName(r.dimensions[d]?.stage ?? 1, lang),
                })}
                )
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <section aria-labelledby="dims-heading" className="readiness-section">
        <Heading level={2} data-size="sm" id="dims-heading">
          {t("readiness.results.perDimension")}
        </Heading>
        <div className="readiness-chart-and-table">
          {chartData.length > 0 ? (
            <ScoreBarChart
              data={chartData}
              axisLabel={t("readiness.results.axis")}
              format={fmt}
              label={t("readiness.results.chartLabel", {
                values: chartData.map((c) => `${c.label} ${fmt(c.score)}`).join("; "),
              })}
            />
          ) : null}
          <div className="table-wrap">
            <Table zebra>
              <caption>{t("readiness.results.tableCaption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("readiness.dimension")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("readiness.score")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("readiness.stage")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("readiness.interviews")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {DIMENSION_LETTERS.map((d) => {
                  const dim = r.dimensions[d];
                  return (
                    <Table.Row key={d}>
                      <Table.HeaderCell scope="row">
                        {d}. {dimensionName(d, lang)}
                        {r.lowest.includes(d) ? (
                          <>
                            {" "}
                            <Tag data-color="warning" data-size="sm">
                              {t("readiness.results.lowestTag")}
                            </Tag>
                          </>
                        ) : null}
                      </Table.HeaderCell>
                      <Table.Cell>
                        {dim ? fmt(dim.score) : t("readiness.results.noConsensus")}
                      </Table.Cell>
                      <Table.Cell>
                        {dim ? `${dim.stage} – ${stageName(dim.stage, lang)}` : "–"}
                      </Table.Cell>
                      <Table.Cell>{dim?.interviews ?? 0}</Table.Cell>
                    </Table.Row>
                  );
                })}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t("readiness.results.overall")}</Table.HeaderCell>
                  <Table.Cell>{fmt(r.score)}</Table.Cell>
                  <Table.Cell>
                    {r.stage ? `${r.stage.stage} – ${r.stage.name[lang]}` : "–"}
                  </Table.Cell>
                  <Table.Cell>{r.assessment.interviewCount}</Table.Cell>
                </Table.Row>
              </Table.Body>
            </Table>
          </div>
        </div>
      </section>

      {r.stage ? (
        <section aria-labelledby="strategies-heading" className="readiness-section">
          <Heading level={2} data-size="sm" id="strategies-heading">
            {t("readiness.results.strategiesTitle")}
          </Heading>
          <StageAdvice
            heading={t("readiness.results.forOverall", {
              stage: r.stage.stage,
              name: r.stage.name[lang],
            })}
            stage={r.stage}
          />
          {[...lowestStages.values()]
            .filter((e) => e.stage.stage !== r.stage?.stage)
            .map((e) => (
              <StageAdvice
                key={e.stage.stage}
                heading={t("readiness.results.forLowest", {
                  dimensions: e.dims.map((d) => `${d}. ${dimensionName(d, lang)}`).join(", "),
                  stage: e.stage.stage,
                  name: e.stage.name[lang],
                })}
                stage={e.stage}
              />
            ))}
        </section>
      ) : null}

      <div className="grid-2 readiness-section">
        <section aria-labelledby="agreement-res-heading">
          <Heading level={2} data-size="sm" id="agreement-res-heading">
            {t("readiness.agreement.title")}
          </Heading>
          {r.agreement && r.agreement.pairs > 0 ? (
            <dl className="facts">
              <dt>{t("readiness.agreement.pairs")}</dt>
              <dd>{r.agreement.pairs}</dd>
              <dt>{t("readiness.agreement.exact")}</dt>
              <dd>{formatPercent(r.agreement.exactAgreement, lang)}</dd>
              <dt>{t("readiness.agreement.withinOne")}</dt>
              <dd>{formatPercent(r.agreement.withinOnePoint, lang)}</dd>
              <dt>{t("readiness.agreement.mad")}</dt>
              <dd>{fmt(r.agreement.meanAbsoluteDifference)}</dd>
            </dl>
          ) : (
            <Paragraph>{t("readiness.agreement.none")}</Paragraph>
          )}
        </section>
        <section aria-labelledby="sectors-heading">
          <Heading level={2} data-size="sm" id="sectors-heading">
            {t("readiness.results.bySector")}
          </Heading>
          {r.respondentsBySector.length === 0 ? (
            <Paragraph>{t("readiness.respondents.none")}</Paragraph>
          ) : (
            <ul>
              {r.respondentsBySector.map((s) => (
                <li key={s.sector}>
                  {sectorLabel(s.sector, lang)}: {s.count}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="downloads-heading" className="readiness-section">
        <Heading level={2} data-size="sm" id="downloads-heading">
          {t("readiness.results.downloads")}
        </Heading>
        <ul className="link-list">
          <li>
            <Link href={`${API}/assessments/${id}/report.pdf`} download>
              {t("readiness.overview.pdf")}
            </Link>
          </li>
          <li>
            <Link href={`${API}/assessments/${id}/scores.csv`} download>
              {t("readiness.overview.csv")}
            </Link>
          </li>
          <li>
            <AppLink to={`/readiness/compare?ids=${id}`}>{t("readiness.compare.title")}</AppLink>
          </li>
        </ul>
      </section>

      <Trend id={id} />
    </>
  );
}

function StageAdvice({ heading, stage }: { heading: string; stage: StageText }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card data-color="neutral" className="readiness-advice">
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      <Paragraph>
        <strong>{t("readiness.results.goal")}:</strong> {stage.goal[lang]}
      </Paragraph>
      <Paragraph>
        <strong>{t("readiness.results.strategies")}:</strong>
      </Paragraph>
      <ul>
        {stage.strategies.map((s) => (
          <li key={s.sv}>{s[lang]}</li>
        ))}
      </ul>
      {stage.provenance === "handbook_summary" ? (
        <Paragraph data-size="sm" className="readiness-provenance">
          <Tag data-color="neutral" data-size="sm">
            {t("readiness.results.handbookSummary")}
          </Tag>{" "}
          {t("readiness.results.handbookSummaryNote")}
        </Paragraph>
      ) : null}
    </Card>
  );
}

/** A point of the trend, whatever the exact shape the server sends (results or summaries). */
interface TrendPoint {
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

function Trend({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const trend = useQuery<unknown, ApiError>({
    queryKey: ["readiness", "trend", id],
    queryFn: () => get<unknown>(`${API}/assessments/${id}/trend`),
  });
  const points = normaliseTrend(trend.data).sort((a, b) =>
    a.periodStart.localeCompare(b.periodStart),
  );
  const fmt = (n: number | null | undefined) => formatScore(n, lang);
  const series: TrendDatum[] = [];
  for (const p of points) {
    const period = new Date(`${p.periodStart}T00:00:00Z`);
    for (const d of DIMENSION_LETTERS) {
      const v = p.dimensions[d];
      if (v !== undefined) series.push({ series: d, period, score: v });
    }
    if (p.score !== null)
      series.push({ series: t("readiness.results.overall"), period, score: p.score });
  }
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
      {points.length > 0 ? (
        <div className="readiness-chart-and-table">
          {points.length > 1 ? (
            <TrendChart
              data={series}
              axisLabel={t("readiness.score")}
              label={t("readiness.trend.chartLabel", {
                values: points
                  .map((p) => `${formatPeriod(p.periodStart, p.periodEnd, lang)}: ${fmt(p.score)}`)
                  .join("; "),
              })}
            />
          ) : null}
          <div className="table-wrap">
            <Table zebra>
              <caption>{t("readiness.trend.caption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("readiness.period")}</Table.HeaderCell>
                  {DIMENSION_LETTERS.map((d) => (
                    <Table.HeaderCell key={d}>
                      <abbr title={dimensionName(d, lang)}>{d}</abbr>
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell>{t("readiness.results.overall")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("readiness.stage")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {points.map((p) => (
                  <Table.Row key={p.id || p.periodStart}>
                    <Table.HeaderCell scope="row">
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
                    <Table.Cell>
                      {p.stage ? `${p.stage} – ${stageName(p.stage, lang)}` : "–"}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
