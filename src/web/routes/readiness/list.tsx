import { Button, Paragraph, Table } from "@digdir/designsystemet-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { type ApiError, get, query } from "../../api.ts";
import { SelectField } from "../../components/forms.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import {
  API,
  type AssessmentSummary,
  formatPeriod,
  formatScore,
  StageTag,
  useCommunities,
  useLang,
} from "./shared.tsx";

const PAGE_SIZE = 100;

/** The list in pages, newest first; `data` is every page loaded so far. */
export function useAssessments(organisationId?: string) {
  const pages = useInfiniteQuery<
    AssessmentSummary[],
    ApiError,
    AssessmentSummary[],
    string[],
    number
  >({
    queryKey: ["readiness", "assessments", organisationId ?? ""],
    queryFn: ({ pageParam }) =>
      get<AssessmentSummary[]>(
        `${API}/assessments${query({ organisationId, limit: PAGE_SIZE, offset: pageParam || undefined })}`,
      ),
    initialPageParam: 0,
    // A full page may have a next one; a short page is the last.
    getNextPageParam: (last, all) => (last.length < PAGE_SIZE ? undefined : all.length * PAGE_SIZE),
    select: (data) => data.pages.flat(),
  });
  return pages;
}

export function ReadinessListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const organisationId = params.get("organisationId") ?? "";
  const list = useAssessments(organisationId || undefined);
  const communities = useCommunities();

  return (
    <>
      <PageTitle title={t("readiness.title")}>{t("readiness.title")}</PageTitle>
      <Paragraph>{t("readiness.intro")}</Paragraph>
      <div className="button-row">
        {can("community.edit") ? (
          <Button onClick={() => navigate("/readiness/new")}>{t("readiness.new.button")}</Button>
        ) : null}
        <AppLink to="/readiness/compare">{t("readiness.compare.title")}</AppLink>
        <AppLink to="/readiness/guides">{t("readiness.guides.title")}</AppLink>
      </div>
      <search className="filter-bar">
        <SelectField
          id="readiness-filter-org"
          label={t("readiness.filterOrganisation")}
          value={organisationId}
          onChange={(v) => setParams(v ? { organisationId: v } : {}, { replace: true })}
        >
          <option value="">{t("readiness.allCommunities")}</option>
          {communities.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      </search>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <Paragraph>{t("common.unknownError")}</Paragraph> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{t("readiness.empty")}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-wrap">
          <Table zebra>
            <caption>{t("readiness.listCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("readiness.topic")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.community")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.period")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.interviews")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.score")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.stage")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <AppLink to={`/readiness/${a.id}`}>{a.topicName[lang]}</AppLink>
                  </Table.Cell>
                  <Table.Cell>{a.organisationName}</Table.Cell>
                  <Table.Cell>{formatPeriod(a.periodStart, a.periodEnd, lang)}</Table.Cell>
                  <Table.Cell>
                    {t("readiness.interviewsOf", {
                      count: a.interviewCount,
                      target: a.targetInterviews,
                    })}
                  </Table.Cell>
                  <Table.Cell>{formatScore(a.score, lang)}</Table.Cell>
                  <Table.Cell>
                    <StageTag stage={a.stage} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <Button
          variant="secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {t("readiness.showMore")}
        </Button>
      ) : null}
    </>
  );
}
