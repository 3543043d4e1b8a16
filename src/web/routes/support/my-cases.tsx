import { Alert, Button, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { query } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { StatusMessage } from "../../components/forms.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import {
  type CaseList,
  type CaseListItem,
  formatDate,
  type NotificationList,
  ProtectedMark,
  RoleTag,
  urls,
  useLang,
  useSupportQuery,
} from "./shared.tsx";

function CaseTable({ caption, cases }: { caption: string; cases: CaseListItem[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <DataTable
      caption={caption}
      columns={[
        t("support.child"),
        t("support.myRole"),
        t("support.openedAt"),
        t("support.status.label"),
      ]}
    >
      {cases.map((c) => (
        <Table.Row key={c.id}>
          <Table.Cell>
            <AppLink to={`/support/cases/${c.id}`}>
              {c.kind === "consultation"
                ? t("support.consultationTitle", { label: c.title })
                : c.title}
            </AppLink>
            <ProtectedMark marked={c.protectedIdentity} />
          </Table.Cell>
          <Table.Cell>
            <RoleTag role={c.role} />
          </Table.Cell>
          <Table.Cell>{formatDate(c.openedAt, lang)}</Table.Cell>
          <Table.Cell>{t(`support.status.${c.status}`)}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

/** Search by personnummer: the server answers only with cases the person already has access to. */
function CaseSearch() {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  const [submitted, setSubmitted] = useState("");
  const result = useSupportQuery<CaseList>(
    ["search", submitted],
    `${urls.search}${query({ personalNumber: submitted })}`,
    submitted !== "",
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(value.trim());
  };
  return (
    <section className="support-section" aria-labelledby="support-search-heading">
      <Heading level={2} data-size="md" id="support-search-heading">
        {t("support.search.title")}
      </Heading>
      <search>
        <form onSubmit={submit} className="support-inline" noValidate>
          <Textfield
            id="support-search"
            label={t("support.personalNumber")}
            description={t("support.personalNumberHint")}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={
              result.error?.status === 400
                ? (result.error.issues[0]?.message ?? result.error.message)
                : undefined
            }
          />
          <div>
            <Button type="submit" variant="secondary">
              {t("common.search")}
            </Button>
          </div>
        </form>
      </search>
      {result.isFetching ? <Loading /> : null}
      {result.data ? (
        <div role="status">
          {result.data.items.length === 0 ? (
            <Paragraph>{t("support.search.none")}</Paragraph>
          ) : (
            <CaseTable caption={t("support.search.caption")} cases={result.data.items} />
          )}
        </div>
      ) : null}
    </section>
  );
}

/** Cases the person was made child contact of: the notice names the case, never its content. */
function Notices() {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useSupportQuery<NotificationList>(["notifications"], urls.notifications);
  const unread = (list.data?.items ?? []).filter((n) => !n.readAt);
  if (unread.length === 0) return null;
  return (
    <Alert data-color="info" className="support-access">
      <Heading level={2} data-size="xs">
        {t("support.notices.title", { count: unread.length })}
      </Heading>
      <ul className="support-links">
        {unread.map((n) => (
          <li key={n.id}>
            <AppLink to={`/support/cases/${n.caseId}`}>
              {t(`support.notices.${n.kind}`, { date: formatDate(n.createdAt, lang) })}
            </AppLink>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function SupportMyCasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const closed = (useLocation().state as { closed?: boolean } | null)?.closed === true;
  const cases = useSupportQuery<CaseList>(["cases"], urls.cases);
  return (
    <>
      <PageTitle title={t("support.title")}>{t("support.title")}</PageTitle>
      <Paragraph>{t("support.intro")}</Paragraph>
      <StatusMessage message={closed ? t("support.close.done") : null} />
      <Notices />
      <div className="button-row">
        <Button data-color="accent" onClick={() => navigate("/support/discover")}>
          {t("support.discover.button")}
        </Button>
        <Button variant="secondary" onClick={() => navigate("/support/reports/new")}>
          {t("support.report.button")}
        </Button>
      </div>
      <ul className="support-links">
        <li>
          <AppLink to="/support/reports">{t("support.inbox.title")}</AppLink>
        </li>
      </ul>
      <section className="support-section" aria-labelledby="support-mine-heading">
        <Heading level={2} data-size="md" id="support-mine-heading">
          {t("support.mine.title")}
        </Heading>
        {cases.isPending ? <Loading /> : null}
        {cases.isError ? <Paragraph>{t("common.unknownError")}</Paragraph> : null}
        {cases.data && cases.data.items.length === 0 ? (
          <Paragraph>{t("support.mine.empty")}</Paragraph>
        ) : null}
        {cases.data && cases.data.items.length > 0 ? (
          <CaseTable caption={t("support.mine.caption")} cases={cases.data.items} />
        ) : null}
      </section>
      <CaseSearch />
    </>
  );
}
