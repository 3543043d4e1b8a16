import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/data-table.tsx";
import { formatDate, type RetentionDryRun, useLang } from "./shared.tsx";

type Item = RetentionDryRun["items"][number];

function Decision({ item }: { item: Item }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  if (item.thin) return t("support.logReview.retention.thin");
  return t(`support.logReview.retention.keep.${item.reason ?? "not_due"}`, {
    date: formatDate(item.dueAt, lang),
  });
}

/**
 * What the next retention run thins and what it keeps, by record type: the reviewer sees a
 * report of concern go under social services' law, not with the case it was filed in.
 */
export function RetentionDryRunSection({ items }: { items: Item[] }): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="support-section" aria-labelledby="review-retention">
      <Heading level={2} data-size="md" id="review-retention">
        {t("support.logReview.retention.title")}
      </Heading>
      <Paragraph>{t("support.logReview.retention.intro")}</Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t("support.logReview.retention.empty")}</Paragraph>
      ) : (
        <DataTable
          caption={t("support.logReview.retention.caption")}
          hiddenCaption
          columns={[
            t("support.logReview.retention.recordType"),
            t("support.logReview.retention.lastEntry"),
            t("support.logReview.retention.decision"),
            t("support.logReview.retention.law"),
          ]}
        >
          {items.map((i) => (
            <Table.Row key={i.recordId}>
              <Table.Cell>
                {t(`support.logReview.retention.recordTypes.${i.recordType}`)}
              </Table.Cell>
              <Table.Cell>{formatDate(i.lastEntryAt, lang)}</Table.Cell>
              <Table.Cell>
                <Decision item={i} />
              </Table.Cell>
              <Table.Cell>{i.law}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}
