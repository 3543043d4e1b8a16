import {
  Alert,
  Card,
  Fieldset,
  Heading,
  Link,
  Paragraph,
  Table,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Results } from "../../../domain/readiness/api.ts";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../../domain/readiness/dimensions.ts";
import { type ApiError, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { ScoreBarChart } from "./charts.tsx";
import {
  API,
  assessmentTitle,
  BackToAssessment,
  dimensionName,
  formatPercent,
  formatPeriod,
  formatScore,
  sectorLabel,
  stageName,
  useLang,
} from "./shared.tsx";
import { Trend, useTrend } from "./trend.tsx";

type StageText = NonNullable<Results["stage"]>;

export function ReadinessResultsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const results = useQuery<Results, ApiError>({
    queryKey: ["readiness", "results", id],
    queryFn: () => get<Results>(`${API}/assessments/${id}/results`),
  });
  const { points } = useTrend(id, results.data?.assessment.periodStart ?? "");
  if (results.isPending) return <Loading />;
  if (results.isError) return isForbidden(results.error) ? <ForbiddenPage /> : <NotFoundPage />;
  const r = results.data;
  const title = t("readiness.results.titleFor", { title: assessmentTitle(r.assessment, lang, t) });
  const fmt = (n: number | null | undefined) => formatScore(n, lang);
  // "Jämför" opens with this measurement and the one before it, so the table has two columns.
  const previous = points.filter((p) => p.id !== id).at(-1);
  const compareIds = previous ? [previous.id, id] : [id];
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
      lowest: r.lowest.includes(d),
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
              lowestLabel={t("readiness.results.lowestTag")}
              label={t("readiness.results.chartLabel", {
                values: chartData.map((c) => `${c.label} ${fmt(c.score)}`).join("; "),
              })}
            />
          ) : null}
          <DataTable
            caption={t("readiness.results.tableCaption")}
            hiddenCaption
            columns={[
              t("readiness.dimension"),
              t("readiness.score"),
              t("readiness.stage"),
              t("readiness.results.consensusInterviews"),
            ]}
          >
            {DIMENSION_LETTERS.map((d) => {
              const dim = r.dimensions[d];
              return (
                <Table.Row key={d}>
                  <Table.HeaderCell scope="row">
                    <span>
                      {d}. {dimensionName(d, lang)}
                      {r.lowest.includes(d) ? (
                        <>
                          {" "}
                          <Tag data-color="warning" data-size="sm">
                            {t("readiness.results.lowestTag")}
                          </Tag>
                        </>
                      ) : null}
                    </span>
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
              <Table.Cell>{r.stage ? `${r.stage.stage} – ${r.stage.name[lang]}` : "–"}</Table.Cell>
              <Table.Cell>{t("common.none")}</Table.Cell>
            </Table.Row>
          </DataTable>
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
        <ReportFacts id={id} />
        <ul className="link-list">
          <li>
            <Link href={`${API}/assessments/${id}/scores.csv`} download>
              {t("readiness.overview.csv")}
            </Link>
          </li>
          <li>
            <Link href={`${API}/assessments/${id}/scores.csv?format=xlsx`} download>
              {t("readiness.overview.xlsx")}
            </Link>
          </li>
          <li>
            <AppLink to={`/readiness/compare?ids=${compareIds.join(",")}`}>
              {t("readiness.compare.title")}
            </AppLink>
          </li>
        </ul>
      </section>

      <Trend id={id} periodStart={r.assessment.periodStart} />
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

/**
 * What a board paper carries on its first page (upprättad av, ansvarig enhet, diarienummer):
 * filled in here, sent with the download, and left as "Ej angivet" in the report when empty.
 */
function ReportFacts({ id }: { id: string }) {
  const { t } = useTranslation();
  const [facts, setFacts] = useState({ author: "", unit: "", reference: "" });
  const query = new URLSearchParams(
    Object.entries(facts).filter(([, value]) => value.trim() !== ""),
  ).toString();
  const field = (key: keyof typeof facts, size: number) => (
    <Textfield
      label={t(`readiness.results.reportFacts.${key}`)}
      value={facts[key]}
      maxLength={size}
      onChange={(e) => setFacts({ ...facts, [key]: e.target.value })}
    />
  );
  return (
    <Fieldset className="report-facts">
      <Fieldset.Legend>{t("readiness.results.reportFacts.legend")}</Fieldset.Legend>
      <Fieldset.Description>{t("readiness.results.reportFacts.description")}</Fieldset.Description>
      {field("author", 120)}
      {field("unit", 120)}
      {field("reference", 60)}
      <Paragraph>
        <Link href={`${API}/assessments/${id}/report.pdf${query ? `?${query}` : ""}`} download>
          {t("readiness.overview.pdf")}
        </Link>
      </Paragraph>
    </Fieldset>
  );
}
