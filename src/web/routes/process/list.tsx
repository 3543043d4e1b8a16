import { Card, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PHASES, type PhaseNumber } from "../../../domain/process/phases.ts";
import {
  ProcessCreateBodySchema,
  type ProcessDetail,
  type ProcessSummary,
} from "../../../domain/process/schemas.ts";
import { type ApiError, api, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { useOrganisations } from "../../components/organisations.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { API, ProgressBar, today, useLang } from "./shared.tsx";

function StartProcessForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orgs = useOrganisations();
  const form = useFormErrors("start-process");
  const [organisationId, setOrganisationId] = useState("");
  const [collaborationId, setCollaborationId] = useState("");
  const [startedOn, setStartedOn] = useState(today());
  const communities = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => !o.archived && (o.kind === "municipality" || o.kind === "area"))
        .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    [orgs.data],
  );
  const collaborations = (orgs.data ?? []).filter((o) => o.kind === "collaboration");
  const start = useMutation({
    mutationFn: (body: unknown) => api<ProcessDetail>("POST", `${API}/processes`, body),
    onSuccess: (created) => navigate(`/process/${created.id}`),
    onError: form.fromError,
  });
  const submit = () => {
    const parsed = form.parse(
      ProcessCreateBodySchema,
      { organisationId, collaborationId: collaborationId || null, startedOn },
      {
        organisationId: t("process.start.organisationRequired"),
        startedOn: t("process.start.dateInvalid"),
      },
    );
    if (parsed) start.mutate(parsed);
  };
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm" id="start-process-title">
        {t("process.start.title")}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy="start-process-title"
        submitLabel={t("process.start.submit")}
        pending={start.isPending}
        labels={{
          organisationId: t("process.start.organisation"),
          collaborationId: t("process.start.collaboration"),
          startedOn: t("process.start.startedOn"),
        }}
      >
        <SelectField
          {...form.field("organisationId")}
          label={t("process.start.organisation")}
          value={organisationId}
          onChange={setOrganisationId}
          required
        >
          <option value="">{t("process.start.choose")}</option>
          {communities.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          {...form.field("collaborationId")}
          label={t("process.start.collaboration")}
          value={collaborationId}
          onChange={setCollaborationId}
        >
          <option value="">{t("process.start.noCollaboration")}</option>
          {collaborations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <Textfield
          {...form.field("startedOn")}
          label={t("process.start.startedOn")}
          type="date"
          value={startedOn}
          onChange={(e) => setStartedOn(e.target.value)}
          required
        />
      </ValidatedForm>
    </Card>
  );
}

export function ProcessListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const list = useQuery<ProcessSummary[], ApiError>({
    queryKey: ["process", "list"],
    queryFn: () => get<ProcessSummary[]>(`${API}/processes`),
  });
  const orgs = useOrganisations();
  const boards = [...new Set((list.data ?? []).map((p) => p.collaborationId).filter(Boolean))];

  return (
    <>
      <PageTitle title={t("process.title")}>{t("process.title")}</PageTitle>
      <Paragraph>{t("process.intro")}</Paragraph>
      <Paragraph>
        <AppLink to="/process/checklists">{t("process.checklists.link")}</AppLink>
      </Paragraph>
      {boards.length > 0 ? (
        <ul>
          {boards.map((id) => (
            <li key={id}>
              <AppLink to={`/process/overview?collaborationId=${id}`}>
                {t("process.boardFor", {
                  name: orgs.data?.find((o) => o.id === id)?.name ?? t("process.boardOverview"),
                })}
              </AppLink>
            </li>
          ))}
        </ul>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <Paragraph>{t("common.unknownError")}</Paragraph> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{t("process.empty")}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <DataTable
          caption={t("process.listCaption")}
          columns={[
            t("process.community"),
            t("process.cycle"),
            t("process.phase"),
            t("process.progress"),
            t("process.overdue"),
          ]}
        >
          {list.data.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>
                <AppLink to={`/process/${p.id}`}>{p.name}</AppLink>
              </Table.Cell>
              <Table.Cell>{p.cycleNumber ?? "–"}</Table.Cell>
              <Table.Cell>
                {p.currentPhase
                  ? t("process.phaseN", {
                      phase: p.currentPhase,
                      name: PHASES[p.currentPhase as PhaseNumber].name[lang],
                    })
                  : t("process.noOpenCycle")}
              </Table.Cell>
              <Table.Cell>
                {p.phaseProgress ? (
                  <ProgressBar percent={p.phaseProgress.percent} label={t("process.progress")} />
                ) : (
                  "–"
                )}
              </Table.Cell>
              <Table.Cell>{p.overdue}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
      {can("community.edit") ? <StartProcessForm /> : null}
    </>
  );
}
