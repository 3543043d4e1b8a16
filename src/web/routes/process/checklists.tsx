import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChecklistItem } from "../../../domain/process/checklist.ts";
import { PHASE_NUMBERS, PHASES } from "../../../domain/process/phases.ts";
import { type Checklist, ChecklistCreateBodySchema } from "../../../domain/process/schemas.ts";
import { type ApiError, api, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import {
  FormActions,
  SelectField,
  StatusMessage,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { useOrganisations } from "../../components/organisations.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { API, useLang } from "./shared.tsx";

export type ChecklistView = Omit<Checklist, "id"> & { id: string | null };

export function useChecklists() {
  return useQuery<ChecklistView[], ApiError>({
    queryKey: ["process", "checklists"],
    queryFn: () => get<ChecklistView[]>(`${API}/checklists`),
  });
}

function Editor({
  base,
  onDone,
}: {
  base: ChecklistView;
  onDone: (saved: Checklist | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const orgs = useOrganisations();
  const form = useFormErrors("checklist");
  const owners = useMemo(
    () =>
      (orgs.data ?? []).filter(
        (o) => !o.archived && ["municipality", "area", "collaboration"].includes(o.kind),
      ),
    [orgs.data],
  );
  const [organisationId, setOrganisationId] = useState(base.organisationId ?? "");
  const [items, setItems] = useState<ChecklistItem[]>(
    base.items.map((i) => ({ ...i, phase: i.phase as ChecklistItem["phase"] })),
  );
  const [added, setAdded] = useState(0);
  const save = useMutation({
    mutationFn: (body: unknown) => api<Checklist>("POST", `${API}/checklists`, body),
    onSuccess: onDone,
    onError: form.fromError,
  });
  const change = (index: number, patch: Partial<ChecklistItem>) =>
    setItems((all) => all.map((it, i) => (i === index ? { ...it, ...patch } : it)));
  const submit = () => {
    const parsed = form.parse(
      ChecklistCreateBodySchema,
      { organisationId, baseChecklistId: base.id, title: base.title, items },
      { organisationId: t("process.checklists.ownerRequired") },
    );
    if (parsed) save.mutate(parsed);
  };
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm" id="checklist-editor-title">
        {t("process.checklists.editorTitle", { title: base.title[lang], version: base.version })}
      </Heading>
      <Paragraph data-size="sm">{t("process.checklists.editorIntro")}</Paragraph>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy="checklist-editor-title"
        labels={{
          organisationId: t("process.checklists.owner"),
          items: t("process.checklists.items"),
        }}
        actions={
          <FormActions
            submitLabel={t("process.checklists.save")}
            pending={save.isPending}
            onCancel={() => onDone(null)}
          />
        }
      >
        <SelectField
          {...form.field("organisationId")}
          label={t("process.checklists.owner")}
          value={organisationId}
          onChange={setOrganisationId}
          required
        >
          <option value="">{t("process.start.choose")}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        {PHASE_NUMBERS.map((phase) => (
          <Fieldset key={phase}>
            <Fieldset.Legend>
              {t("process.phaseN", { phase, name: PHASES[phase].name[lang] })}
            </Fieldset.Legend>
            {items.map((item, index) =>
              item.phase === phase ? (
                <div key={item.key} className="process-item">
                  <Textfield
                    label={t("process.checklists.textSv")}
                    value={item.text.sv}
                    onChange={(e) => change(index, { text: { ...item.text, sv: e.target.value } })}
                  />
                  <Textfield
                    label={t("process.checklists.textEn")}
                    value={item.text.en}
                    onChange={(e) => change(index, { text: { ...item.text, en: e.target.value } })}
                  />
                  <Checkbox
                    label={t("process.checklists.required")}
                    checked={item.required}
                    onChange={(e) => change(index, { required: e.target.checked })}
                  />
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => setItems((all) => all.filter((_, i) => i !== index))}
                  >
                    {t("process.checklists.removeItem", { text: item.text[lang] })}
                  </Button>
                </div>
              ) : null,
            )}
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => {
                setAdded((n) => n + 1);
                setItems((all) => [
                  ...all,
                  {
                    key: `${phase}-own-${added + 1}`,
                    phase,
                    required: true,
                    text: { sv: "", en: "" },
                  },
                ]);
              }}
            >
              {t("process.checklists.addItem", { phase })}
            </Button>
          </Fieldset>
        ))}
      </ValidatedForm>
    </Card>
  );
}

export function ProcessChecklistsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const client = useQueryClient();
  const list = useChecklists();
  const orgs = useOrganisations();
  const [base, setBase] = useState<ChecklistView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const owner = (id: string | null) =>
    id === null
      ? t("process.checklists.paraply")
      : (orgs.data?.find((o) => o.id === id)?.name ?? "");
  return (
    <>
      <nav aria-label={t("process.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/process">{t("process.title")}</AppLink>
      </nav>
      <PageTitle title={t("process.checklists.title")}>{t("process.checklists.title")}</PageTitle>
      <Paragraph>{t("process.checklists.intro")}</Paragraph>
      <StatusMessage message={message} />
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        <DataTable
          caption={t("process.checklists.caption")}
          columns={[
            t("process.checklists.name"),
            t("process.checklists.owner"),
            t("process.checklists.version"),
            t("process.checklists.items"),
            t("process.checklists.actions"),
          ]}
        >
          {list.data.map((c) => (
            <Table.Row key={c.id ?? "paraply"}>
              <Table.Cell>{c.title[lang]}</Table.Cell>
              <Table.Cell>{owner(c.organisationId)}</Table.Cell>
              <Table.Cell>{c.version}</Table.Cell>
              <Table.Cell>{c.items.length}</Table.Cell>
              <Table.Cell>
                {can("community.edit") ? (
                  <Button variant="secondary" data-size="sm" onClick={() => setBase(c)}>
                    {t("process.checklists.copy")}
                    <span className="visually-hidden">
                      {`: ${c.title[lang]}, ${owner(c.organisationId)}, ${c.version}`}
                    </span>
                  </Button>
                ) : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
      {base ? (
        <Editor
          key={`${base.id}-${base.version}`}
          base={base}
          onDone={(saved) => {
            setBase(null);
            if (saved) {
              void client.invalidateQueries({ queryKey: ["process", "checklists"] });
              setMessage(t("process.checklists.saved", { version: saved.version }));
            }
          }}
        />
      ) : null}
    </>
  );
}
