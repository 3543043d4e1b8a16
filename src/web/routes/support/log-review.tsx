import { Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { EMERGENCY_VERDICTS } from "../../../domain/support/access.ts";
import { api } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { StatusMessage } from "../../components/forms.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import { RetentionDryRunSection } from "./retention-dry-run.tsx";
import {
  type AccessReviewList,
  type EmergencyReviewList,
  formatDateTime,
  type RetentionDryRun,
  urls,
  useLang,
  useSupportQuery,
} from "./shared.tsx";

type Verdict = (typeof EMERGENCY_VERDICTS)[number];

/** The verdict given, or a button for each verdict. */
function VerdictCell({
  verdict,
  name,
  pending,
  onVerdict,
}: {
  verdict: Verdict | null;
  name: string;
  pending: boolean;
  onVerdict: (v: Verdict) => void;
}): ReactNode {
  const { t } = useTranslation();
  if (verdict) return t(`support.logReview.verdicts.${verdict}`);
  return (
    <div className="button-row">
      {EMERGENCY_VERDICTS.map((v) => (
        <Button
          key={v}
          variant="secondary"
          data-size="sm"
          disabled={pending}
          onClick={() => onVerdict(v)}
          aria-label={t(`support.logReview.mark.${v}`, { name })}
        >
          {t(`support.logReview.verdicts.${v}`)}
        </Button>
      ))}
    </div>
  );
}

/**
 * Log review for the person responsible: unusual reads of cases and the emergency access taken,
 * who and why, with a verdict for each, and what the next retention run thins. It never shows a
 * case's content.
 */
export function SupportLogReviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const unusual = useSupportQuery<AccessReviewList>(["access-review"], urls.accessReview);
  const emergency = useSupportQuery<EmergencyReviewList>(
    ["emergency-review"],
    urls.emergencyReview,
  );
  const retention = useSupportQuery<RetentionDryRun>(["retention-dry-run"], urls.retentionDryRun);
  const [status, setStatus] = useState<string | null>(null);
  const saved = async () => {
    await client.invalidateQueries({ queryKey: ["support"] });
    setStatus(t("support.logReview.saved"));
  };
  const judgeRead = useMutation({
    mutationFn: (v: { auditId: number; verdict: Verdict }) =>
      api("POST", urls.accessReviewVerdict(v.auditId), { verdict: v.verdict, note: "" }),
    onSuccess: saved,
  });
  const judgeEmergency = useMutation({
    mutationFn: (v: { accessId: string; verdict: Verdict }) =>
      api("POST", urls.emergencyVerdict(v.accessId), { verdict: v.verdict, note: "" }),
    onSuccess: saved,
  });
  const queries = [unusual, emergency, retention];
  if (queries.some((q) => q.isPending)) return <Loading />;
  if (queries.some((q) => isForbidden(q.error))) return <ForbiddenPage />;
  const reads = unusual.data?.items ?? [];
  const taken = emergency.data?.items ?? [];
  return (
    <>
      <PageTitle title={t("support.logReview.title")}>{t("support.logReview.title")}</PageTitle>
      <Paragraph>{t("support.logReview.intro")}</Paragraph>
      <StatusMessage message={status} />
      {queries.some((q) => q.isError) ? <Paragraph>{t("common.unknownError")}</Paragraph> : null}
      <section className="support-section" aria-labelledby="review-unusual">
        <Heading level={2} data-size="md" id="review-unusual">
          {t("support.logReview.unusualTitle")}
        </Heading>
        <Paragraph>{t("support.logReview.unusualIntro")}</Paragraph>
        {reads.length === 0 ? (
          <Paragraph>{t("support.logReview.unusualEmpty")}</Paragraph>
        ) : (
          <DataTable
            caption={t("support.logReview.unusualCaption")}
            hiddenCaption
            columns={[
              t("support.logReview.when"),
              t("support.logReview.who"),
              t("support.logReview.why"),
              t("support.logReview.verdict"),
            ]}
          >
            {reads.map((r) => (
              <Table.Row key={r.auditId}>
                <Table.Cell>{formatDateTime(r.occurredAt, lang)}</Table.Cell>
                <Table.Cell>{r.actorLabel}</Table.Cell>
                <Table.Cell>
                  {r.reasons.map((reason) => t(`support.logReview.reasons.${reason}`)).join(", ")}
                </Table.Cell>
                <Table.Cell>
                  <VerdictCell
                    verdict={r.verdict}
                    name={r.actorLabel}
                    pending={judgeRead.isPending}
                    onVerdict={(verdict) => judgeRead.mutate({ auditId: r.auditId, verdict })}
                  />
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </section>
      <section className="support-section" aria-labelledby="review-emergency">
        <Heading level={2} data-size="md" id="review-emergency">
          {t("support.logReview.emergencyTitle")}
        </Heading>
        {taken.length === 0 ? (
          <Paragraph>{t("support.logReview.empty")}</Paragraph>
        ) : (
          <DataTable
            caption={t("support.logReview.caption")}
            hiddenCaption
            columns={[
              t("support.logReview.who"),
              t("support.logReview.reason"),
              t("support.logReview.period"),
              t("support.logReview.verdict"),
            ]}
          >
            {taken.map((i) => (
              <Table.Row key={i.accessId}>
                <Table.Cell>{i.displayName}</Table.Cell>
                <Table.Cell>{i.reason}</Table.Cell>
                <Table.Cell>
                  {formatDateTime(i.validFrom, lang)} – {formatDateTime(i.validUntil, lang)}
                </Table.Cell>
                <Table.Cell>
                  <VerdictCell
                    verdict={i.verdict}
                    name={i.displayName}
                    pending={judgeEmergency.isPending}
                    onVerdict={(verdict) =>
                      judgeEmergency.mutate({ accessId: i.accessId, verdict })
                    }
                  />
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </section>
      <RetentionDryRunSection items={retention.data?.items ?? []} />
    </>
  );
}
