import { Button, Card, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AssessmentDetail,
  RespondentBodySchema,
  RespondentUpdateBodySchema,
} from "../../../domain/readiness/api.ts";
import { SECTOR_KEYS } from "../../../domain/readiness/sectors.ts";
import { api } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import {
  FormActions,
  type FormErrors,
  Options,
  SelectField,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { API, sectorLabel, useLang } from "./shared.tsx";

export function RespondentsSection({
  a,
  onSaved,
}: {
  a: AssessmentDetail;
  onSaved: (s: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const showIdentity = a.respondents.some((r) => r.name || r.contact);
  const [editing, setEditing] = useState<string | null>(null);
  const editingRespondent = a.abilities.edit
    ? a.respondents.find((r) => r.id === editing)
    : undefined;
  return (
    <section aria-labelledby="respondents-heading" className="readiness-section">
      <Heading level={2} data-size="md" id="respondents-heading">
        {t("readiness.respondents.title")}
      </Heading>
      <Paragraph data-size="sm">{t("readiness.respondents.intro")}</Paragraph>
      {a.respondents.length === 0 ? (
        <Paragraph>{t("readiness.respondents.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("readiness.respondents.title")}
          hiddenCaption
          columns={[
            t("readiness.respondents.code"),
            t("readiness.respondents.role"),
            t("readiness.respondents.sector"),
            ...(showIdentity
              ? [t("readiness.respondents.name"), t("readiness.respondents.contact")]
              : []),
            ...(a.abilities.edit ? [t("readiness.respondents.actions")] : []),
          ]}
        >
          {a.respondents.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{r.code}</Table.Cell>
              <Table.Cell>{r.role}</Table.Cell>
              <Table.Cell>{sectorLabel(r.sector, lang)}</Table.Cell>
              {showIdentity ? (
                <>
                  <Table.Cell>{r.name ?? "–"}</Table.Cell>
                  <Table.Cell>{r.contact ?? "–"}</Table.Cell>
                </>
              ) : null}
              {a.abilities.edit ? (
                <Table.Cell>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    id={`respondent-edit-${r.id}`}
                    aria-label={t("readiness.respondents.editNamed", { code: r.code })}
                    aria-expanded={editing === r.id}
                    onClick={() => setEditing(editing === r.id ? null : r.id)}
                  >
                    {t("readiness.respondents.edit")}
                  </Button>
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </DataTable>
      )}
      {editingRespondent ? (
        <RespondentEditor
          key={editingRespondent.id}
          a={a}
          respondent={editingRespondent}
          onDone={(message) => {
            const id = editingRespondent.id;
            setEditing(null);
            if (message) onSaved(message);
            requestAnimationFrame(() => document.getElementById(`respondent-edit-${id}`)?.focus());
          }}
        />
      ) : null}
      {a.abilities.edit || a.abilities.interview ? <NewRespondent a={a} onSaved={onSaved} /> : null}
    </section>
  );
}

type Respondent = AssessmentDetail["respondents"][number];
type RespondentDraft = { role: string; sector: string; name: string; contact: string };

function respondentLabels(t: TFunction) {
  return {
    role: t("readiness.respondents.role"),
    sector: t("readiness.respondents.sector"),
    name: t("readiness.respondents.nameOptional"),
    contact: t("readiness.respondents.contactOptional"),
  };
}

function respondentMessages(t: TFunction) {
  return {
    role: t("readiness.respondents.roleRequired"),
    sector: t("readiness.respondents.sectorRequired"),
  };
}

/** Role and sector, then the optional name and contact, of a respondent. */
function RespondentFields({
  form,
  draft,
  onChange,
  sectorPlaceholder,
  identityHint,
}: {
  form: FormErrors;
  draft: RespondentDraft;
  onChange: (draft: RespondentDraft) => void;
  sectorPlaceholder?: string;
  identityHint?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = respondentLabels(t);
  return (
    <>
      <div className="readiness-inline">
        <Textfield
          {...form.field("role")}
          label={labels.role}
          description={t("readiness.respondents.roleHint")}
          value={draft.role}
          onChange={(e) => onChange({ ...draft, role: e.target.value })}
          required
        />
        <SelectField
          {...form.field("sector")}
          label={labels.sector}
          value={draft.sector}
          onChange={(sector) => onChange({ ...draft, sector })}
          required
        >
          <Options
            values={SECTOR_KEYS}
            label={(s) => sectorLabel(s, lang)}
            placeholder={sectorPlaceholder}
          />
        </SelectField>
      </div>
      <div className="readiness-inline">
        <Textfield
          {...form.field("name")}
          label={labels.name}
          description={identityHint}
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
        />
        <Textfield
          {...form.field("contact")}
          label={labels.contact}
          description={identityHint}
          value={draft.contact}
          onChange={(e) => onChange({ ...draft, contact: e.target.value })}
        />
      </div>
    </>
  );
}

function NewRespondent({ a, onSaved }: { a: AssessmentDetail; onSaved: (s: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("respondent");
  const [draft, setDraft] = useState<RespondentDraft>({
    role: "",
    sector: "",
    name: "",
    contact: "",
  });
  const add = useMutation({
    mutationFn: (body: unknown) => api("POST", `${API}/assessments/${a.id}/respondents`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["readiness", "assessment", a.id] });
      onSaved(t("readiness.respondents.added", { role: draft.role }));
      setDraft((d) => ({ role: "", sector: d.sector, name: "", contact: "" }));
    },
    onError: form.fromError,
  });
  const submit = () => {
    const { role, sector, name, contact } = draft;
    const parsed = form.parse(
      RespondentBodySchema,
      {
        role,
        sector,
        ...(name.trim() ? { name } : {}),
        ...(contact.trim() ? { contact } : {}),
      },
      respondentMessages(t),
    );
    if (parsed) add.mutate(parsed);
  };
  return (
    <Card data-color="neutral" className="readiness-subcard">
      <Heading level={3} data-size="xs" id="new-respondent-heading">
        {t("readiness.respondents.add")}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labels={respondentLabels(t)}
        labelledBy="new-respondent-heading"
        submitLabel={t("readiness.respondents.addButton")}
        pending={add.isPending}
      >
        <RespondentFields
          form={form}
          draft={draft}
          onChange={setDraft}
          sectorPlaceholder={t("readiness.respondents.chooseSector")}
        />
      </ValidatedForm>
    </Card>
  );
}

/** Role, sector, name and contact of one respondent; an emptied name or contact is removed. */
function RespondentEditor({
  a,
  respondent,
  onDone,
}: {
  a: AssessmentDetail;
  respondent: Respondent;
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("respondent-edit");
  const [draft, setDraft] = useState<RespondentDraft>({
    role: respondent.role,
    sector: respondent.sector,
    name: respondent.name ?? "",
    contact: respondent.contact ?? "",
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api("PATCH", `${API}/assessments/${a.id}/respondents/${respondent.id}`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["readiness", "assessment", a.id] });
      onDone(t("readiness.respondents.saved", { code: respondent.code }));
    },
    onError: form.fromError,
  });
  const submit = () => {
    const { role, sector, name, contact } = draft;
    const parsed = form.parse(
      RespondentUpdateBodySchema,
      {
        role,
        sector,
        name: name.trim() ? name : null,
        contact: contact.trim() ? contact : null,
      },
      respondentMessages(t),
    );
    if (parsed) save.mutate(parsed);
  };
  const headingId = `respondent-edit-heading-${respondent.id}`;
  return (
    <Card data-color="neutral" className="readiness-subcard">
      <Heading level={3} data-size="xs" id={headingId} ref={headingRef} tabIndex={-1}>
        {t("readiness.respondents.editTitle", { code: respondent.code })}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labels={respondentLabels(t)}
        labelledBy={headingId}
        actions={
          <FormActions
            submitLabel={t("readiness.respondents.save")}
            pending={save.isPending}
            onCancel={() => onDone(null)}
          />
        }
      >
        <RespondentFields
          form={form}
          draft={draft}
          onChange={setDraft}
          identityHint={t("readiness.respondents.clearHint")}
        />
      </ValidatedForm>
    </Card>
  );
}
