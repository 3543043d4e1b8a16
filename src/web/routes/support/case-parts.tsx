import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/data-table.tsx";
import { AppLink, Loading } from "../../components/page.tsx";
import {
  type AccessLog,
  type Consent,
  formatDate,
  formatDateTime,
  latestSip,
  type MeasureList,
  type SipList,
  urls,
  useLang,
  useSupportQuery,
} from "./shared.tsx";

/** One part of the case: a headed section that says when it has nothing yet. */
export function Part({
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
  const list = useSupportQuery<MeasureList>(["measures", caseId], urls.measures(caseId));
  const measures = list.data?.measures ?? [];
  return (
    <Part
      id="case-plan"
      title={t("support.parts.plan")}
      pending={list.isPending}
      empty={measures.length === 0}
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
        {measures.map((m) => (
          <Table.Row key={m.id}>
            <Table.Cell>{m.what}</Table.Cell>
            <Table.Cell>{m.ownerName}</Table.Cell>
            <Table.Cell>{formatDate(m.dueOn, lang)}</Table.Cell>
            <Table.Cell>{formatDate(m.evaluateOn, lang)}</Table.Cell>
            <Table.Cell>
              {t(`support.plan.statuses.${m.status}`)}
              {m.overdue ? ` (${t("support.plan.overdue")})` : null}
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </Part>
  );
}

export function SipPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sip = useSupportQuery<SipList>(["sips", caseId], urls.sips(caseId));
  const s = latestSip(sip.data);
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
            <dt>{t("support.sip.statusLabel")}</dt>
            <dd>{t(`support.sip.statuses.${s.status}`)}</dd>
            <dt>{t("support.sip.overall")}</dt>
            <dd>
              {s.overallResponsible
                ? `${t(`support.sip.responsible.${s.overallResponsible}`)}${s.overallResponsibleName ? `, ${s.overallResponsibleName}` : ""}`
                : "–"}
            </dd>
            <dt>{t("support.sip.meeting")}</dt>
            <dd>{formatDate(s.meetingOn, lang) || "–"}</dd>
            <dt>{t("support.sip.followUp")}</dt>
            <dd>{formatDate(s.followUpOn, lang) || "–"}</dd>
            <dt>{t("support.sip.childGoals")}</dt>
            <dd>{s.childGoals || "–"}</dd>
          </dl>
          <ul>
            {s.interventions.map((iv, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: interventions have no id of their own
              <li key={i}>
                {iv.what}: {t(`support.sip.responsible.${iv.responsibleKind}`)},{" "}
                {iv.responsibleName}
              </li>
            ))}
          </ul>
          <Paragraph>
            <a className="ds-link" href={urls.sipPdf(caseId, s.id)} download>
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

export function ConsentsPart({ consents }: { consents: Consent[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Part
      id="case-consents"
      title={t("support.parts.consents")}
      pending={false}
      empty={consents.length === 0}
      emptyText={t("support.consents.none")}
    >
      <ConsentTable consents={consents} lang={lang} />
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
            {c.giverName} ({t(`support.consents.givers.${c.givenBy}`)})
          </Table.Cell>
          <Table.Cell>
            {t(`support.consents.kinds.${c.kind}`)}: {c.purpose}
          </Table.Cell>
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

export function AccessLogPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useSupportQuery<AccessLog>(["access-log", caseId], urls.accessLog(caseId));
  const items = list.data?.items ?? [];
  return (
    <Part
      id="case-access-log"
      title={t("support.parts.access_log")}
      pending={list.isPending}
      empty={items.length === 0}
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
        {items.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: log rows have no id in the contract
          <Table.Row key={i}>
            <Table.Cell>{formatDateTime(e.occurredAt, lang)}</Table.Cell>
            <Table.Cell>{e.actorLabel}</Table.Cell>
            <Table.Cell>
              {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
              {e.outcome === "denied" ? ` (${t("support.accessLog.denied")})` : null}
            </Table.Cell>
            <Table.Cell>{e.basis ? t(`support.bases.${e.basis}`) : "–"}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </Part>
  );
}
