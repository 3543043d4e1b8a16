import { Paragraph, Table } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { type ApiError, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { StatusMessage } from "../../components/forms.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { useOrganisations } from "../platform/organisations.tsx";
import { GuideEditor } from "./guide-editor.tsx";
import { API, type Guide, useLang } from "./shared.tsx";

export function useGuides() {
  return useQuery<Guide[], ApiError>({
    queryKey: ["readiness", "guides"],
    queryFn: () => get<Guide[]>(`${API}/guides`),
  });
}

function GuidesBreadcrumb({ editor }: { editor?: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("readiness.breadcrumb")} className="breadcrumb-lite">
      <AppLink to="/readiness">{t("readiness.title")}</AppLink>
      {editor ? (
        <>
          {" / "}
          <AppLink to="/readiness/guides">{t("readiness.guides.title")}</AppLink>
        </>
      ) : null}
    </nav>
  );
}

/** The built-in guide and the organisations' edited copies, each version on its own row. */
export function ReadinessGuidesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const location = useLocation();
  const guides = useGuides();
  const orgs = useOrganisations();
  const created = (location.state as { created?: Guide } | null)?.created ?? null;
  const orgName = (id: string | null) =>
    id === null
      ? t("readiness.guides.builtIn")
      : (orgs.data?.find((o) => o.id === id)?.name ?? t("common.none"));
  const title = t("readiness.guides.title");
  return (
    <>
      <GuidesBreadcrumb />
      <PageTitle title={title}>{title}</PageTitle>
      <StatusMessage
        message={
          created
            ? t("readiness.guides.created", {
                version: created.version,
                owner: orgName(created.organisationId),
              })
            : null
        }
      />
      <Paragraph>{t("readiness.guides.intro")}</Paragraph>
      <Paragraph data-size="sm">{t("readiness.guides.versionNote")}</Paragraph>
      {guides.isPending ? <Loading /> : null}
      {guides.isError ? <Paragraph>{t("common.unknownError")}</Paragraph> : null}
      {guides.data ? (
        <DataTable
          caption={t("readiness.guides.caption")}
          columns={[
            t("readiness.guides.guideTitle"),
            t("readiness.guides.version"),
            t("readiness.guides.owner"),
            t("readiness.guides.questions"),
            ...(can("community.edit") ? [t("readiness.guides.actions")] : []),
          ]}
        >
          {guides.data.map((g) => (
            <Table.Row key={g.id} data-created={g.id === created?.id ? "" : undefined}>
              <Table.Cell>
                <AppLink to={`/readiness/guides/${g.id}`}>{g.title[lang]}</AppLink>
              </Table.Cell>
              <Table.Cell>{g.version}</Table.Cell>
              <Table.Cell>{orgName(g.organisationId)}</Table.Cell>
              <Table.Cell>{g.questions.length}</Table.Cell>
              {can("community.edit") ? (
                <Table.Cell>
                  <AppLink
                    to={`/readiness/guides/new?base=${g.id}`}
                    aria-label={t("readiness.guides.copyNamed", {
                      title: g.title[lang],
                      version: g.version,
                      owner: orgName(g.organisationId),
                    })}
                  >
                    {t("readiness.guides.copy")}
                  </AppLink>
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}

/** Copy a guide and edit it; saving makes a new version owned by an organisation. */
export function ReadinessGuideEditorPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const guides = useGuides();
  const baseId = params.get("base") ?? "";
  const base = guides.data?.find((g) => g.id === baseId) ?? guides.data?.[0];
  const title = t("readiness.guides.editorTitle");
  return (
    <>
      <GuidesBreadcrumb editor />
      <PageTitle title={title}>{title}</PageTitle>
      {guides.isPending ? <Loading /> : null}
      {guides.isError ? <Paragraph>{t("common.unknownError")}</Paragraph> : null}
      {base ? <GuideEditor key={base.id} base={base} /> : null}
    </>
  );
}
