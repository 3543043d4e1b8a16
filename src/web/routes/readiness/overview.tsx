import { Alert, Card, Heading, Link, Paragraph, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { StatusMessage } from "../../components/forms.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { AssessmentEditSection } from "./overview-edit.tsx";
import { NewInterview } from "./overview-interview.tsx";
import { RespondentsSection } from "./overview-respondents.tsx";
import { TeamSection } from "./overview-team.tsx";
import {
  API,
  assessmentTitle,
  formatDate,
  formatPeriod,
  formatScore,
  StageTag,
  sectorLabel,
  useAssessment,
  useLang,
} from "./shared.tsx";

export function ReadinessOverviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const location = useLocation();
  const assessment = useAssessment(id);
  const [status, setStatus] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created ? t("readiness.new.created") : null,
  );
  if (assessment.isPending) return <Loading />;
  if (assessment.isError)
    return isForbidden(assessment.error) ? <ForbiddenPage /> : <NotFoundPage />;
  const a = assessment.data;
  const title = assessmentTitle(a, lang, t);
  const scorers = a.team.filter((m) => m.roles.includes("scorer"));

  return (
    <>
      <nav aria-label={t("readiness.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/readiness">{t("readiness.title")}</AppLink>
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      <StatusMessage message={status} />
      <div className="grid-2">
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t("readiness.overview.facts")}
          </Heading>
          <dl className="facts">
            <dt>{t("readiness.topic")}</dt>
            <dd>{a.topicName[lang]}</dd>
            <dt>{t("readiness.community")}</dt>
            <dd>{a.organisationName}</dd>
            <dt>{t("readiness.period")}</dt>
            <dd>{formatPeriod(a.periodStart, a.periodEnd, lang)}</dd>
            <dt>{t("readiness.interviews")}</dt>
            <dd>
              {t("readiness.interviewsOf", { count: a.interviewCount, target: a.targetInterviews })}
            </dd>
            <dt>{t("readiness.new.grid")}</dt>
            <dd>{t(`readiness.grids.${a.scoreGrid}`)}</dd>
            <dt>{t("readiness.overview.guide")}</dt>
            <dd>
              {t("readiness.new.guideVersion", {
                title: a.guide.title[lang],
                version: a.guide.version,
              })}
            </dd>
            <dt>{t("readiness.score")}</dt>
            <dd>{formatScore(a.score, lang)}</dd>
            <dt>{t("readiness.stage")}</dt>
            <dd>
              <StageTag stage={a.stage} />
            </dd>
          </dl>
          <Paragraph data-size="sm">{a.interviewNotice.guidance[lang]}</Paragraph>
          {a.interviewNotice.warning ? (
            <Alert data-color="warning">{a.interviewNotice.warning[lang]}</Alert>
          ) : null}
        </Card>
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t("readiness.overview.next")}
          </Heading>
          <ul className="link-list">
            {a.abilities.consensus ? (
              <li>
                <AppLink to={`/readiness/${a.id}/consensus`}>
                  {t("readiness.consensus.title")}
                </AppLink>
              </li>
            ) : null}
            <li>
              <AppLink to={`/readiness/${a.id}/results`}>{t("readiness.results.title")}</AppLink>
            </li>
            <li>
              <AppLink to={`/readiness/compare?ids=${a.id}`}>
                {t("readiness.compare.title")}
              </AppLink>
            </li>
            <li>
              <Link href={`${API}/assessments/${a.id}/report.pdf`} download>
                {t("readiness.overview.pdf")}
              </Link>
            </li>
            <li>
              <Link href={`${API}/assessments/${a.id}/scores.csv`} download>
                {t("readiness.overview.csv")}
              </Link>
            </li>
            <li>
              <Link href={`${API}/assessments/${a.id}/scores.csv?format=xlsx`} download>
                {t("readiness.overview.xlsx")}
              </Link>
            </li>
          </ul>
        </Card>
      </div>

      {a.abilities.edit ? <AssessmentEditSection a={a} onSaved={setStatus} /> : null}
      <TeamSection a={a} onSaved={setStatus} />
      <RespondentsSection a={a} onSaved={setStatus} />

      <section aria-labelledby="interviews-heading" className="readiness-section">
        <Heading level={2} data-size="md" id="interviews-heading">
          {t("readiness.overview.interviews")}
        </Heading>
        {a.interviews.length === 0 ? (
          <Paragraph>{t("readiness.overview.noInterviews")}</Paragraph>
        ) : (
          <DataTable
            caption={t("readiness.overview.interviews")}
            hiddenCaption
            columns={[
              t("readiness.overview.interview"),
              t("readiness.overview.respondent"),
              t("readiness.overview.heldOn"),
              t("readiness.overview.scoring"),
              t("readiness.overview.consensus"),
              ...(a.abilities.score ? [t("readiness.overview.actions")] : []),
            ]}
          >
            {a.interviews.map((i) => {
              const r = a.respondents.find((x) => x.id === i.respondentId);
              const label = t("readiness.overview.interviewN", { n: i.number });
              return (
                <Table.Row key={i.id}>
                  <Table.Cell>
                    {a.abilities.interview || a.abilities.score ? (
                      <AppLink to={`/readiness/${a.id}/interviews/${i.id}`}>{label}</AppLink>
                    ) : (
                      label
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {r ? `${r.code} · ${r.role} (${sectorLabel(r.sector, lang)})` : "–"}
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(i.heldOn, lang)} ·{" "}
                    {t("readiness.overview.minutes", { count: i.durationMinutes })}
                  </Table.Cell>
                  <Table.Cell>
                    {t("readiness.overview.submitted", {
                      done: i.submittedScorerIds.length,
                      total: scorers.length,
                    })}
                  </Table.Cell>
                  <Table.Cell>
                    {t("readiness.overview.consensusOf", { done: i.consensusCount })}
                  </Table.Cell>
                  {a.abilities.score ? (
                    <Table.Cell>
                      <AppLink
                        to={`/readiness/${a.id}/interviews/${i.id}/scores`}
                        aria-label={t("readiness.overview.scoreInterview", { n: i.number })}
                      >
                        {t("readiness.overview.score")}
                      </AppLink>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              );
            })}
          </DataTable>
        )}
        {a.abilities.interview ? <NewInterview a={a} /> : null}
      </section>
    </>
  );
}
