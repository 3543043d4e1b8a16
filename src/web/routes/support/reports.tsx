import { Button, Heading, Paragraph, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { StatusMessage, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import {
  type ConcernReceiptList,
  type ConcernReportList,
  formatDate,
  formatDateTime,
  formatPersonalNumber,
  isNotFound,
  urls,
  useLang,
  useSupportQuery,
} from "./shared.tsx";

type Report = ConcernReportList["reports"][number];

function Deadline({ due, overdue }: { due: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!due) return <>–</>;
  return (
    <>
      {formatDate(due, lang)}
      {overdue ? (
        <Tag data-color="danger" data-size="sm" className="support-protected">
          {t("support.inbox.overdue")}
        </Tag>
      ) : null}
    </>
  );
}

/** The reporter's own reports of concern, with their receipts. */
export function MyReports() {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useSupportQuery<ConcernReceiptList>(["concern", "mine"], urls.concernReports);
  const reports = list.data?.reports ?? [];
  if (reports.length === 0) return null;
  return (
    <section className="support-section" aria-labelledby="my-reports">
      <Heading level={2} data-size="md" id="my-reports">
        {t("support.report.mine")}
      </Heading>
      <DataTable
        caption={t("support.report.mine")}
        hiddenCaption
        columns={[
          t("support.inbox.unit"),
          t("support.inbox.sent"),
          t("support.inbox.received"),
          t("support.inbox.feedbackDue"),
        ]}
      >
        {reports.map((r) => (
          <Table.Row key={r.id}>
            <Table.Cell>{r.intakeUnit}</Table.Cell>
            <Table.Cell>{formatDateTime(r.sentAt, lang)}</Table.Cell>
            <Table.Cell>{formatDateTime(r.receivedAt, lang) || "–"}</Table.Cell>
            <Table.Cell>
              <Deadline due={r.feedbackDueAt} overdue={r.feedbackOverdue} />
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </section>
  );
}

function ReportItem({ report, onDone }: { report: Report; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const form = useFormErrors(`feedback-${report.id}`);
  const [feedback, setFeedback] = useState("");
  const refresh = () => client.invalidateQueries({ queryKey: ["support", "concern"] });
  const receive = useMutation({
    mutationFn: () => api("POST", urls.receiveConcern(report.id), {}),
    onSuccess: async () => {
      await refresh();
      onDone(t("support.inbox.receivedNow"));
    },
    onError: form.fromError,
  });
  const give = useMutation({
    mutationFn: () => api("POST", urls.concernFeedback(report.id), { feedback }),
    onSuccess: async () => {
      await refresh();
      onDone(t("support.inbox.feedbackSent"));
    },
    onError: form.fromError,
  });
  const headingId = `report-${report.id}`;
  const child = report.unbornChild
    ? t("support.inbox.unborn")
    : [
        report.childName,
        report.childPersonalNumber && formatPersonalNumber(report.childPersonalNumber),
      ]
        .filter(Boolean)
        .join(", ");
  return (
    <article className="support-row" aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {child || t("support.inbox.unknownChild")} – {formatDateTime(report.sentAt, lang)}
      </Heading>
      <dl className="support-facts">
        <dt>{t("support.inbox.reporter")}</dt>
        <dd>
          {report.reporter.name}, {t(`support.report.roles.${report.reporterRole}`)},{" "}
          {report.reporterOrganisation} {report.reporterPhone}
        </dd>
        <dt>{t("support.report.observation")}</dt>
        <dd>{report.observation}</dd>
        <dt>{t("support.report.childTold")}</dt>
        <dd>{report.childTold ? t("common.yes") : t("common.no")}</dd>
        <dt>{t("support.report.guardiansTold")}</dt>
        <dd>{report.guardiansTold ? t("common.yes") : t("common.no")}</dd>
        {report.notToldReason ? (
          <>
            <dt>{t("support.report.notToldReason")}</dt>
            <dd>{report.notToldReason}</dd>
          </>
        ) : null}
        <dt>{t("support.report.interpreter")}</dt>
        <dd>
          {report.interpreterNeeded
            ? `${t("common.yes")}${report.interpreterLanguage ? `, ${report.interpreterLanguage}` : ""}`
            : t("common.no")}
        </dd>
        {report.otherServices ? (
          <>
            <dt>{t("support.report.otherServices")}</dt>
            <dd>{report.otherServices}</dd>
          </>
        ) : null}
        <dt>{t("support.inbox.received")}</dt>
        <dd>{formatDateTime(report.receivedAt, lang) || t("support.inbox.notReceived")}</dd>
        <dt>{t("support.inbox.feedbackDue")}</dt>
        <dd>
          <Deadline due={report.feedbackDueAt} overdue={report.feedbackOverdue} />
        </dd>
        {report.feedback ? (
          <>
            <dt>{t("support.inbox.feedback")}</dt>
            <dd>{report.feedback}</dd>
          </>
        ) : null}
      </dl>
      {report.status === "sent" ? (
        <Button onClick={() => receive.mutate()} disabled={receive.isPending}>
          {t("support.inbox.receive")}
        </Button>
      ) : null}
      {report.status === "received" ? (
        <ValidatedForm
          form={form}
          onSubmit={() => {
            if (form.validate(feedback.trim() ? {} : { feedback: t("common.required") }))
              give.mutate();
          }}
          submitLabel={t("support.inbox.giveFeedback")}
          pending={give.isPending}
          variant="secondary"
        >
          <Textfield
            {...form.field("feedback")}
            label={t("support.inbox.feedbackLabel")}
            multiline
            rows={2}
            value={feedback}
            onChange={(e) => setFeedback(e.target.value)}
          />
        </ValidatedForm>
      ) : null}
    </article>
  );
}

/** The intake unit's inbox: reports routed to it, with receipt and feedback deadline. */
export function SupportReportsPage() {
  const { t } = useTranslation();
  const inbox = useSupportQuery<ConcernReportList>(["concern", "inbox"], urls.concernInbox);
  const [status, setStatus] = useState<string | null>(null);
  if (inbox.isPending) return <Loading />;
  if (isForbidden(inbox.error) || isNotFound(inbox.error)) return <ForbiddenPage />;
  const reports = inbox.data?.reports ?? [];
  return (
    <>
      <PageTitle title={t("support.inbox.title")}>{t("support.inbox.title")}</PageTitle>
      <Paragraph>{t("support.inbox.intro")}</Paragraph>
      <StatusMessage message={status} />
      {inbox.isError ? <Paragraph>{t("common.unknownError")}</Paragraph> : null}
      {inbox.data && reports.length === 0 ? (
        <Paragraph>{t("support.inbox.empty")}</Paragraph>
      ) : null}
      {reports.map((r) => (
        <ReportItem key={r.id} report={r} onDone={setStatus} />
      ))}
    </>
  );
}
