import { Paragraph, Table } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PHASES, type PhaseNumber } from "../../../domain/process/phases.ts";
import type { Overview, OverviewRow } from "../../../domain/process/schemas.ts";
import { type ApiError, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { SelectField } from "../../components/forms.tsx";
import { useOrganisations } from "../../components/organisations.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { API, formatDate, ProgressBar, useLang } from "./shared.tsx";

function Decision({ row }: { row: OverviewRow }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = row.nextDecision;
  if (!d) return <>{t("process.overview.newCycle")}</>;
  return (
    <>
      {t("process.overview.decision", { phase: d.phase })}:{" "}
      {d.blockers === 0
        ? t("process.overview.decisionReady")
        : t("process.overview.decisionLeft", { count: d.blockers })}
      {d.typicalEnd
        ? ` (${t("process.detail.typicalEnd", { date: formatDate(d.typicalEnd, lang) })})`
        : ""}
    </>
  );
}

export function ProcessOverviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const collaborationId = params.get("collaborationId") ?? "";
  const orgs = useOrganisations();
  const collaborations = (orgs.data ?? []).filter((o) => o.kind === "collaboration");
  const overview = useQuery<Overview, ApiError>({
    queryKey: ["process", "overview", collaborationId],
    queryFn: () => get<Overview>(`${API}/overview?collaborationId=${collaborationId}`),
    enabled: Boolean(collaborationId),
  });
  const q = `collaborationId=${collaborationId}`;
  const title = overview.data
    ? t("process.boardFor", { name: overview.data.collaboration.name })
    : t("process.overview.title");
  return (
    <>
      <nav aria-label={t("process.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/process">{t("process.title")}</AppLink>
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{t("process.overview.intro")}</Paragraph>
      <search className="filter-bar">
        <SelectField
          id="overview-collaboration"
          label={t("process.overview.collaboration")}
          value={collaborationId}
          onChange={(v) => setParams(v ? { collaborationId: v } : {}, { replace: true })}
        >
          <option value="">{t("process.overview.choose")}</option>
          {collaborations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      </search>
      {overview.isLoading ? <Loading /> : null}
      {overview.isError ? (
        <Paragraph>{overview.error.message || t("common.unknownError")}</Paragraph>
      ) : null}
      {overview.data && overview.data.rows.length === 0 ? (
        <Paragraph>{t("process.overview.none")}</Paragraph>
      ) : null}
      {overview.data && overview.data.rows.length > 0 ? (
        <>
          <DataTable
            caption={t("process.overview.caption")}
            columns={[
              t("process.community"),
              t("process.cycle"),
              t("process.phase"),
              t("process.progress"),
              t("process.overdue"),
              t("process.overview.nextDecision"),
              t("process.overview.readinessStage"),
              t("process.overview.factors"),
            ]}
          >
            {overview.data.rows.map((r) => (
              <Table.Row key={r.processId}>
                <Table.Cell>
                  <AppLink to={`/process/${r.processId}`}>{r.organisationName}</AppLink>
                </Table.Cell>
                <Table.Cell>{r.cycleNumber ?? "–"}</Table.Cell>
                <Table.Cell>
                  {r.currentPhase
                    ? t("process.phaseN", {
                        phase: r.currentPhase,
                        name: PHASES[r.currentPhase as PhaseNumber].name[lang],
                      })
                    : t("process.noOpenCycle")}
                </Table.Cell>
                <Table.Cell>
                  {r.phaseProgress === null ? (
                    "–"
                  ) : (
                    <ProgressBar
                      percent={r.phaseProgress}
                      label={`${t("process.progress")}, ${r.organisationName}`}
                    />
                  )}
                </Table.Cell>
                <Table.Cell>{r.overdue}</Table.Cell>
                <Table.Cell>
                  <Decision row={r} />
                </Table.Cell>
                <Table.Cell>{r.readinessStage ?? "–"}</Table.Cell>
                <Table.Cell>
                  {r.prioritisedFactors.length > 0
                    ? r.prioritisedFactors.join(", ")
                    : t("process.overview.noFactors")}
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
          <section aria-labelledby="overview-downloads">
            <h2 id="overview-downloads" className="ds-heading" data-size="xs">
              {t("process.overview.downloads")}
            </h2>
            <ul>
              <li>
                <a href={`${API}/overview.pdf?${q}`} download>
                  {t("process.overview.pdf")}
                </a>
              </li>
              <li>
                <a href={`${API}/overview.csv?${q}`} download>
                  {t("process.overview.csv")}
                </a>
              </li>
              <li>
                <a href={`${API}/overview.csv?${q}&format=xlsx`} download>
                  {t("process.overview.xlsx")}
                </a>
              </li>
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
