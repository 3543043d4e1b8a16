import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/data-table.tsx";
import { AppLink, Loading } from "../../components/page.tsx";
import {
  API,
  type CaseTeam,
  type ChronologyEntry,
  type Consent,
  type Measure,
  type ReadLogEntry,
  type Sip,
  formatDate,
  formatDateTime,
  useLang,
  useSupportQuery,
} from "./shared.tsx";

/** One part of the case: a headed section that says when it has nothing yet. */
function Part({
  id,
  title,
  pending,
  empty,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  pending: boolean;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section className="support-section" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {pending ? <Loading /> : empty ? <Paragraph>{emptyText}</Paragraph> : children}
    </section>
  );
}

export function PlanPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useSupportQuery<Measure[]>(["measures", caseId], `${API}/cases/${caseId}/measures`);
  return (
    <Part
      id="case-plan"
      title={t("support.parts.plan")}
      pending={list.isPending}
      empty={(list.data ?? []).length === 0}
      emptyText={t("support.plan.none")}
    >
      <DataTable
        caption={t("support.plan.caption")}
        hiddenCaption
        columns={[
          t("support.plan.what"),
          t("support.plan.owner"),
          t("support.plan.due"),
          t("support.plan.evaluation"),
          t("support.plan.status"),
        ]}
      >
        {(list.data ?? []).map((m) => (
          <Table.Row key={m.id}>
            <Table.Cell>{m.what}</Table.Cell>
            <Table.Cell>{m.ownerName}</Table.Cell>
            <Table.Cell>{formatDate(m.dueDate, lang)}</Table.Cell>
            <Table.Cell>{formatDate(m.evaluationDate, lang)}</Table.Cell>
            <Table.Cell>{t(`support.plan.statuses.${m.status}`)}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </Part>
  );
}

export function TeamPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const team = useSupportQuery<CaseTeam>(["team", caseId], `${API}/cases/${caseId}/team`);
  const members = team.data?.members ?? [];
  return (
    <Part
      id="case-team"
      title={t("support.parts.team")}
      pending={team.isPending}
      empty={members.length === 0}
      emptyText={t("support.team.none")}
    >
      {team.data?.kind ? <Paragraph>{t(`support.team.kinds.${team.data.kind}`)}</Paragraph> : null}
      <ul>
        {members.map((m) => (
          <li key={m.userId}>
            {m.name} ({m.organisationName}): {t(`support.roles.${m.role}`)}
          </li>
        ))}
      </ul>
    </Part>
  );
}

export function SipPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sip = useSupportQuery<Sip | null>(["sip", caseId], `${API}/cases/${caseId}/sip`);
  const s = sip.data;
  return (
    <Part
      id="case-sip"
      title={t("support.parts.sip")}
      pending={sip.isPending}
      empty={!s}
      emptyText={t("support.sip.none")}
    >
      {s ? (
        <>
          <dl className="support-facts">
            <dt>{t("support.sip.overall")}</dt>
            <dd>{s.overallResponsibility}</dd>
            <dt>{t("support.sip.meeting")}</dt>
            <dd>{formatDate(s.meetingDate, lang)}</dd>
            <dt>{t("support.sip.followUp")}</dt>
            <dd>{formatDate(s.followUpDate, lang)}</dd>
            <dt>{t("support.sip.childGoals")}</dt>
            <dd>{s.childGoals}</dd>
          </dl>
          <Paragraph>
            <a className="ds-link" href={`${API}/cases/${caseId}/sip.pdf`} download>
              {t("support.sip.pdf")}
            </a>
          </Paragraph>
        </>
      ) : (
        <AppLink to={`/support/cases/${caseId}/sip`}>{t("support.sip.edit")}</AppLink>
      )}
    </Part>
  );
}

export function ConsentsPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useSupportQuery<Consent[]>(["consents", caseId], `${API}/cases/${caseId}/consents`);
  return (
    <Part
      id="case-consents"
      title={t("support.parts.consents")}
      pending={list.isPending}
      empty={(list.data ?? []).length === 0}
      emptyText={t("support.consents.none")}
    >
      <ConsentTable consents={list.data ?? []} lang={lang} />
    </Part>
  );
}

export function ConsentTable({
  consents,
  lang,
  action,
}: {
  consents: Consent[];
  lang: "sv" | "en";
  action?: (consent: Consent) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t("support.consents.caption")}
      hiddenCaption
      columns={[
        t("support.consents.givenBy"),
        t("support.consents.purpose"),
        t("support.consents.valid"),
        t("support.consents.state"),
        ...(action ? [t("support.consents.actions")] : []),
      ]}
    >
      {consents.map((c) => (
        <Table.Row key={c.id}>
          <Table.Cell>
            {c.givenByName} ({t(`support.consents.givers.${c.givenBy}`)})
          </Table.Cell>
          <Table.Cell>{c.purpose}</Table.Cell>
          <Table.Cell>
            {formatDate(c.validFrom, lang)} – {formatDate(c.validUntil, lang)}
          </Table.Cell>
          <Table.Cell>
            {c.withdrawnAt
              ? t("support.consents.withdrawnAt", { date: formatDate(c.withdrawnAt, lang) })
              : t("support.consents.active")}
          </Table.Cell>
          {action ? <Table.Cell>{action(c)}</Table.Cell> : null}
        </Table.Row>
      ))}
    </DataTable>
  );
}

export function ChronologyPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useSupportQuery<ChronologyEntry[]>(
    ["chronology", caseId],
    `${API}/cases/${caseId}/chronology`,
  );
  return (
    <Part
      id="case-chronology"
      title={t("support.parts.chronology")}
      pending={list.isPending}
      empty={(list.data ?? []).length === 0}
      emptyText={t("support.chronology.none")}
    >
      <ol className="support-chronology">
        {(list.data ?? []).map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>: {e.text}
          </li>
        ))}
      </ol>
    </Part>
  );
}

export function AccessLogPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useSupportQuery<ReadLogEntry[]>(
    ["access-log", caseId],
    `${API}/cases/${caseId}/access-log`,
  );
  return (
    <Part
      id="case-access-log"
      title={t("support.parts.access_log")}
      pending={list.isPending}
      empty={(list.data ?? []).length === 0}
      emptyText={t("support.accessLog.none")}
    >
      <DataTable
        caption={t("support.accessLog.caption")}
        hiddenCaption
        columns={[
          t("support.accessLog.when"),
          t("support.accessLog.who"),
          t("support.accessLog.what"),
          t("support.accessLog.basis"),
        ]}
      >
        {(list.data ?? []).map((e) => (
          <Table.Row key={e.id}>
            <Table.Cell>{formatDateTime(e.at, lang)}</Table.Cell>
            <Table.Cell>{e.actorName}</Table.Cell>
            <Table.Cell>{e.action}</Table.Cell>
            <Table.Cell>{e.basis ? t(`support.bases.${e.basis}`) : "–"}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </Part>
  );
}
