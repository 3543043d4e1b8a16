import { Button, Paragraph, Table } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EMERGENCY_VERDICTS } from "../../../domain/support/access.ts";
import { api } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { StatusMessage } from "../../components/forms.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import {
  type EmergencyReviewList,
  formatDateTime,
  urls,
  useLang,
  useSupportQuery,
} from "./shared.tsx";

/**
 * Log review for the person responsible: emergency access taken, who took it, why and until
 * when, with a verdict for each. It shows who and why, never the case's content.
 */
export function SupportLogReviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const list = useSupportQuery<EmergencyReviewList>(["emergency-review"], urls.emergencyReview);
  const [status, setStatus] = useState<string | null>(null);
  const verdict = useMutation({
    mutationFn: (v: { accessId: string; verdict: string }) =>
      api("POST", urls.emergencyVerdict(v.accessId), { verdict: v.verdict, note: "" }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["support", "emergency-review"] });
      setStatus(t("support.logReview.saved"));
    },
  });
  if (list.isPending) return <Loading />;
  if (isForbidden(list.error)) return <ForbiddenPage />;
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle title={t("support.logReview.title")}>{t("support.logReview.title")}</PageTitle>
      <Paragraph>{t("support.logReview.intro")}</Paragraph>
      <StatusMessage message={status} />
      {list.isError ? <Paragraph>{t("common.unknownError")}</Paragraph> : null}
      {list.data && items.length === 0 ? (
        <Paragraph>{t("support.logReview.empty")}</Paragraph>
      ) : null}
      {items.length > 0 ? (
        <DataTable
          caption={t("support.logReview.caption")}
          columns={[
            t("support.logReview.who"),
            t("support.logReview.reason"),
            t("support.logReview.period"),
            t("support.logReview.verdict"),
          ]}
        >
          {items.map((i) => (
            <Table.Row key={i.accessId}>
              <Table.Cell>{i.displayName}</Table.Cell>
              <Table.Cell>{i.reason}</Table.Cell>
              <Table.Cell>
                {formatDateTime(i.validFrom, lang)} – {formatDateTime(i.validUntil, lang)}
              </Table.Cell>
              <Table.Cell>
                {i.verdict ? (
                  t(`support.logReview.verdicts.${i.verdict}`)
                ) : (
                  <div className="button-row">
                    {EMERGENCY_VERDICTS.map((v) => (
                      <Button
                        key={v}
                        variant="secondary"
                        data-size="sm"
                        disabled={verdict.isPending}
                        onClick={() => verdict.mutate({ accessId: i.accessId, verdict: v })}
                        aria-label={t(`support.logReview.mark.${v}`, { name: i.displayName })}
                      >
                        {t(`support.logReview.verdicts.${v}`)}
                      </Button>
                    ))}
                  </div>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
