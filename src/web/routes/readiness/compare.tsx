import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Table,
} from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { Results } from "../../../domain/readiness/api.ts";
import { DIMENSION_LETTERS } from "../../../domain/readiness/dimensions.ts";
import { type ApiError, get } from "../../api.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useAssessments } from "./list.tsx";
import { API, dimensionName, formatPeriod, formatScore, stageName, useLang } from "./shared.tsx";

export function ReadinessComparePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const ids = (params.get("ids") ?? "").split(",").filter(Boolean);
  const [picked, setPicked] = useState<string[]>(ids);
  const idsKey = ids.join(",");
  useEffect(() => setPicked(idsKey ? idsKey.split(",") : []), [idsKey]);
  const all = useAssessments();
  const compare = useQuery<Results[], ApiError>({
    queryKey: ["readiness", "compare", idsKey],
    queryFn: () => get<Results[]>(`${API}/compare?ids=${idsKey}`),
    enabled: ids.length > 0,
  });
  const fmt = (n: number | null | undefined) => formatScore(n, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(picked.length ? { ids: picked.join(",") } : {});
  };
  const title = t("readiness.compare.title");
  return (
    <>
      <nav aria-label={t("readiness.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/readiness">{t("readiness.title")}</AppLink>
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{t("readiness.compare.intro")}</Paragraph>
      <form onSubmit={submit} className="form-stack">
        <Fieldset>
          <Fieldset.Legend>{t("readiness.compare.pick")}</Fieldset.Legend>
          {all.isPending ? <Loading /> : null}
          {(all.data ?? []).map((a) => (
            <Checkbox
              key={a.id}
              label={`${a.organisationName}: ${a.topicName[lang]}, ${formatPeriod(a.periodStart, a.periodEnd, lang)}`}
              checked={picked.includes(a.id)}
              onChange={(e) =>
                setPicked((prev) =>
                  e.target.checked ? [...prev, a.id] : prev.filter((x) => x !== a.id),
                )
              }
            />
          ))}
        </Fieldset>
        <div>
          <Button type="submit">{t("readiness.compare.submit")}</Button>
        </div>
      </form>
      {compare.isFetching ? <Loading /> : null}
      {compare.data && compare.data.length > 0 ? (
        <section aria-labelledby="compare-heading" className="readiness-section">
          <Heading level={2} data-size="sm" id="compare-heading">
            {t("readiness.compare.tableTitle")}
          </Heading>
          <div className="table-wrap">
            <Table zebra>
              <caption>{t("readiness.compare.caption")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("readiness.dimension")}</Table.HeaderCell>
                  {compare.data.map((r) => (
                    <Table.HeaderCell key={r.assessment.id}>
                      <AppLink to={`/readiness/${r.assessment.id}/results`}>
                        {r.assessment.organisationName}
                      </AppLink>
                      <span className="readiness-th-sub">
                        {r.assessment.topicName[lang]}
                        <br />
                        {formatPeriod(r.assessment.periodStart, r.assessment.periodEnd, lang)}
                      </span>
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {DIMENSION_LETTERS.map((d) => (
                  <Table.Row key={d}>
                    <Table.HeaderCell scope="row">
                      {d}. {dimensionName(d, lang)}
                    </Table.HeaderCell>
                    {compare.data.map((r) => {
                      const dim = r.dimensions[d];
                      return (
                        <Table.Cell key={r.assessment.id}>
                          {dim
                            ? `${fmt(dim.score)} (${t("readiness.stageShort", { stage: dim.stage })})`
                            : "–"}
                          {r.lowest.includes(d) ? ` · ${t("readiness.results.lowestTag")}` : ""}
                        </Table.Cell>
                      );
                    })}
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t("readiness.results.overall")}</Table.HeaderCell>
                  {compare.data.map((r) => (
                    <Table.Cell key={r.assessment.id}>
                      <strong>{fmt(r.score)}</strong>
                    </Table.Cell>
                  ))}
                </Table.Row>
                <Table.Row>
                  <Table.HeaderCell scope="row">{t("readiness.stage")}</Table.HeaderCell>
                  {compare.data.map((r) => (
                    <Table.Cell key={r.assessment.id}>
                      {r.stage
                        ? `${r.stage.stage} – ${stageName(r.stage.stage, lang)}`
                        : t("readiness.noStage")}
                    </Table.Cell>
                  ))}
                </Table.Row>
                <Table.Row>
                  <Table.HeaderCell scope="row">{t("readiness.interviews")}</Table.HeaderCell>
                  {compare.data.map((r) => (
                    <Table.Cell key={r.assessment.id}>{r.assessment.interviewCount}</Table.Cell>
                  ))}
                </Table.Row>
              </Table.Body>
            </Table>
          </div>
        </section>
      ) : null}
    </>
  );
}
