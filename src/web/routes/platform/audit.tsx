import { Button, Heading, Paragraph, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import { AUDIT_PAGE_SIZE, type AuditEntrySchema } from "../../../domain/platform/schemas.ts";
import { type ApiError, get, query } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { SelectField } from "../../components/forms.tsx";
import { actionName, formatDateTime } from "../../components/labels.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { detailParts, subjectTypeName } from "./audit-text.ts";
import { useOrganisations } from "./organisations.tsx";

type AuditEntry = z.infer<typeof AuditEntrySchema>;
const FILTERS = ["from", "to", "actor", "action", "subjectId", "organisationId"] as const;
type Filter = (typeof FILTERS)[number];

function dayStart(d: string): string | undefined {
  return d ? new Date(`${d}T00:00:00`).toISOString() : undefined;
}
function dayEnd(d: string): string | undefined {
  return d ? new Date(`${d}T23:59:59.999`).toISOString() : undefined;
}

export function AuditPage() {
  const { t } = useTranslation();
  const allowed = useCan()("audit.read");
  const [params, setParams] = useSearchParams();
  const orgs = useOrganisations();
  const current = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])) as Record<
    Filter,
    string
  >;
  const before = params.get("before") ?? undefined;
  const [draft, setDraft] = useState(current);
  const apiFilter = {
    from: dayStart(current.from),
    to: dayEnd(current.to),
    actor: current.actor || undefined,
    action: current.action || undefined,
    subjectId: current.subjectId || undefined,
    organisationId: current.organisationId || undefined,
  };
  const entries = useQuery<AuditEntry[], ApiError>({
    queryKey: ["audit", apiFilter, before],
    queryFn: () =>
      get<AuditEntry[]>(`/api/audit${query({ ...apiFilter, limit: AUDIT_PAGE_SIZE, before })}`),
    enabled: allowed,
  });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (draft[f].trim()) next.set(f, draft[f].trim());
    setParams(next);
  };
  const reset = () => {
    const empty = Object.fromEntries(FILTERS.map((f) => [f, ""])) as Record<Filter, string>;
    setDraft(empty);
    setParams(new URLSearchParams());
  };
  const page = (nextBefore?: number) => {
    const next = new URLSearchParams(params);
    if (nextBefore) next.set("before", String(nextBefore));
    else next.delete("before");
    setParams(next);
  };
  const set = (f: Filter) => (v: string) => setDraft((d) => ({ ...d, [f]: v }));
  const last = entries.data?.at(-1);
  const orgName = (id: string | null) =>
    id ? (orgs.data?.find((o) => o.id === id)?.name ?? id) : t("common.none");
  if (!allowed || isForbidden(entries.error)) return <ForbiddenPage />;

  return (
    <>
      <PageTitle title={t("audit.title")}>{t("audit.title")}</PageTitle>
      <Paragraph>{t("audit.intro")}</Paragraph>
      <section aria-labelledby="audit-filter-heading" className="panel">
        <Heading level={2} data-size="sm" id="audit-filter-heading">
          {t("audit.filters")}
        </Heading>
        <search aria-labelledby="audit-filter-heading">
          <form onSubmit={apply}>
            <div className="filter-grid">
              <Textfield
                label={t("audit.from")}
                type="date"
                value={draft.from}
                onChange={(e) => set("from")(e.target.value)}
              />
              <Textfield
                label={t("audit.to")}
                type="date"
                value={draft.to}
                onChange={(e) => set("to")(e.target.value)}
              />
              <Textfield
                label={t("audit.actor")}
                value={draft.actor}
                onChange={(e) => set("actor")(e.target.value)}
              />
              <Textfield
                label={t("audit.action")}
                description={t("audit.actionHint")}
                value={draft.action}
                onChange={(e) => set("action")(e.target.value)}
              />
              <Textfield
                label={t("audit.subjectId")}
                value={draft.subjectId}
                onChange={(e) => set("subjectId")(e.target.value)}
              />
              <SelectField
                id="audit-organisation"
                label={t("audit.organisation")}
                value={draft.organisationId}
                onChange={set("organisationId")}
              >
                <option value="">{t("audit.allOrganisations")}</option>
                {(orgs.data ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="button-row">
              <Button type="submit">{t("audit.apply")}</Button>
              <Button type="button" variant="secondary" onClick={reset}>
                {t("audit.reset")}
              </Button>
              <Button asChild variant="tertiary">
                <a href={`/api/audit/export.csv${query(apiFilter)}`} download>
                  {t("audit.export")}
                </a>
              </Button>
              <Button asChild variant="tertiary">
                <a
                  href={`/api/audit/export.csv${query({ ...apiFilter, format: "xlsx" })}`}
                  download
                >
                  {t("audit.exportXlsx")}
                </a>
              </Button>
            </div>
          </form>
        </search>
      </section>
      {entries.isPending ? <Loading /> : null}
      {entries.data && entries.data.length === 0 ? <Paragraph>{t("audit.empty")}</Paragraph> : null}
      {entries.data && entries.data.length > 0 ? (
        <DataTable
          data-size="sm"
          className="audit-table"
          caption={t("audit.caption")}
          columns={[
            t("audit.time"),
            t("audit.actorColumn"),
            t("audit.event"),
            t("audit.subjectColumn"),
            t("audit.outcome"),
            t("audit.organisation"),
            t("audit.details"),
          ]}
        >
          {entries.data.map((e) => (
            <AuditRow key={e.seq} entry={e} organisation={orgName(e.organisationId)} />
          ))}
        </DataTable>
      ) : null}
      <div className="button-row">
        {before ? (
          <Button variant="secondary" onClick={() => page(undefined)}>
            {t("audit.newest")}
          </Button>
        ) : null}
        {entries.data && entries.data.length === AUDIT_PAGE_SIZE && last ? (
          <Button variant="secondary" onClick={() => page(last.seq)}>
            {t("audit.older")}
          </Button>
        ) : null}
      </div>
    </>
  );
}

function AuditRow({ entry: e, organisation }: { entry: AuditEntry; organisation: string }) {
  const { t, i18n } = useTranslation();
  const parts = detailParts(t, e.details, i18n.language);
  return (
    <Table.Row>
      <Table.Cell>{formatDateTime(e.occurredAt, i18n.language)}</Table.Cell>
      <Table.Cell className="break">
        {e.actorName ?? (e.actorId ? e.actorLabel : `${t("audit.system")} (${e.actorLabel})`)}
        {e.actorName ? <div className="muted">{e.actorLabel}</div> : null}
      </Table.Cell>
      <Table.Cell>{actionName(t, e.action)}</Table.Cell>
      <Table.Cell className="break">
        {e.subjectName && e.subjectPath ? (
          <AppLink to={e.subjectPath}>{e.subjectName}</AppLink>
        ) : (
          (e.subjectName ?? (e.subjectType ? subjectTypeName(t, e.subjectType) : t("common.none")))
        )}
        {e.subjectName && e.subjectType ? (
          <div className="muted">{subjectTypeName(t, e.subjectType)}</div>
        ) : null}
      </Table.Cell>
      <Table.Cell>
        <Tag
          data-size="sm"
          data-color={
            e.outcome === "success" ? "success" : e.outcome === "denied" ? "warning" : "danger"
          }
        >
          {t(`audit.outcomes.${e.outcome}`)}
        </Tag>
        {e.personalData ? <div className="muted">{t("audit.personalData")}</div> : null}
      </Table.Cell>
      <Table.Cell>{organisation}</Table.Cell>
      <Table.Cell className="break">
        {parts.length > 0 ? (
          <ul className="plain-list">
            {parts.map((p) => (
              <li key={p.key}>
                {p.label}: {p.value}
              </li>
            ))}
          </ul>
        ) : null}
        <details>
          <summary>{t("audit.technical")}</summary>
          <dl className="audit-technical">
            <dt>{t("audit.eventCode")}</dt>
            <dd className="mono">{e.action}</dd>
            <dt>{t("audit.seq")}</dt>
            <dd>{e.seq}</dd>
            {e.subjectType ? (
              <>
                <dt>{t("audit.subjectType")}</dt>
                <dd className="mono">{e.subjectType}</dd>
                <dt>{t("audit.subjectId")}</dt>
                <dd className="mono">{e.subjectId}</dd>
              </>
            ) : null}
            {e.reason ? (
              <>
                <dt>{t("audit.reasonCode")}</dt>
                <dd className="mono">{e.reason}</dd>
              </>
            ) : null}
            {e.ip ? (
              <>
                <dt>{t("audit.ip")}</dt>
                <dd className="mono">{e.ip}</dd>
              </>
            ) : null}
            <dt>{t("audit.details")}</dt>
            <dd className="mono">{JSON.stringify(e.details)}</dd>
          </dl>
        </details>
      </Table.Cell>
    </Table.Row>
  );
}
