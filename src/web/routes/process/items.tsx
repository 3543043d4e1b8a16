import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Tag,
  Textarea,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ITEM_STATUSES } from "../../../domain/process/rules.ts";
import {
  EvidenceCreateBodySchema,
  ItemUpdateBodySchema,
  type ItemView,
  type PhaseState,
  type ProcessDetail,
} from "../../../domain/process/schemas.ts";
import { type ApiError, api, get } from "../../api.ts";
import {
  FormActions,
  Options,
  SelectField,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { AppLink } from "../../components/page.tsx";
import { DocumentUpload, evidenceRemovalUrl } from "./document-upload.tsx";
import { type LinkableRecord, linkableRecords } from "./linked-profile.tsx";
import { API, formatDate, useLang } from "./shared.tsx";

type Candidate = { id: string; name: string };

function ItemEditor({
  process,
  item,
  onDone,
}: {
  process: ProcessDetail;
  item: ItemView;
  onDone: (detail: ProcessDetail | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors(`item-${item.id}`);
  const candidates = useQuery<Candidate[], ApiError>({
    queryKey: ["process", process.id, "candidates"],
    queryFn: () => get<Candidate[]>(`${API}/processes/${process.id}/responsible-candidates`),
  });
  const [status, setStatus] = useState<string>(item.status);
  const [naReason, setNaReason] = useState(item.naReason ?? "");
  const [responsibleId, setResponsibleId] = useState(item.responsible?.id ?? "");
  const [dueOn, setDueOn] = useState(item.dueOn ?? "");
  const [notes, setNotes] = useState(item.notes);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<ProcessDetail>("PATCH", `${API}/processes/${process.id}/items/${item.id}`, body),
    onSuccess: onDone,
    onError: form.fromError,
  });
  const submit = () => {
    const parsed = form.parse(ItemUpdateBodySchema, {
      status,
      naReason: status === "not_applicable" ? naReason : null,
      responsibleId: responsibleId || null,
      dueOn: dueOn || null,
      notes,
      version: item.version,
    });
    if (parsed) save.mutate(parsed);
  };
  const titleId = `item-${item.id}-edit`;
  return (
    <section aria-labelledby={titleId} className="form-stack">
      <Heading level={3} data-size="2xs" id={titleId}>
        {t("process.item.editTitle", { text: item.text[lang] })}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy={titleId}
        labels={{
          status: t("process.item.status"),
          naReason: t("process.item.naReason"),
          responsibleId: t("process.item.responsible"),
          dueOn: t("process.item.due"),
          notes: t("process.item.notes"),
        }}
        actions={
          <FormActions
            submitLabel={t("process.item.save")}
            pending={save.isPending}
            onCancel={() => onDone(null)}
          />
        }
      >
        <SelectField
          {...form.field("status")}
          label={t("process.item.status")}
          value={status}
          onChange={setStatus}
        >
          <Options values={ITEM_STATUSES} label={(s) => t(`process.item.statuses.${s}`)} />
        </SelectField>
        {status === "not_applicable" ? (
          <Textfield
            {...form.field("naReason")}
            label={t("process.item.naReason")}
            value={naReason}
            onChange={(e) => setNaReason(e.target.value)}
            required
          />
        ) : null}
        <SelectField
          {...form.field("responsibleId")}
          label={t("process.item.responsible")}
          value={responsibleId}
          onChange={setResponsibleId}
        >
          <option value="">{t("process.item.nobody")}</option>
          {(candidates.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Textfield
          {...form.field("dueOn")}
          label={t("process.item.due")}
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
        />
        <Field>
          <Label htmlFor={form.fieldId("notes")}>{t("process.item.notes")}</Label>
          <Textarea
            id={form.fieldId("notes")}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            rows={3}
          />
        </Field>
      </ValidatedForm>
    </section>
  );
}

function DocumentForm({
  process,
  item,
  records,
  onSaved,
}: {
  process: ProcessDetail;
  item: ItemView;
  records: LinkableRecord[];
  onSaved: (detail: ProcessDetail) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(`evidence-${item.id}`);
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  // The chosen record as "kind:id", so one list can offer several kinds.
  const [recordId, setRecordId] = useState("");
  const add = useMutation({
    mutationFn: (body: unknown) =>
      api<ProcessDetail>("POST", `${API}/processes/${process.id}/items/${item.id}/evidence`, body),
    onSuccess: (detail) => {
      setTitle("");
      setUrl("");
      setRecordId("");
      onSaved(detail);
    },
    onError: form.fromError,
  });
  const submit = () => {
    const [kind, id] = recordId.split(":");
    const body = recordId ? { kind, recordId: id } : { kind: "document", title, url };
    const parsed = form.parse(EvidenceCreateBodySchema, body);
    if (parsed) add.mutate(parsed);
  };
  const titleId = `evidence-${item.id}-title`;
  return (
    <section aria-labelledby={titleId}>
      <Heading level={3} data-size="2xs" id={titleId}>
        {t("process.item.addDocument")}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy={titleId}
        submitLabel={t("process.item.addEvidence")}
        pending={add.isPending}
        variant="secondary"
        labels={{
          title: t("process.item.documentTitle"),
          url: t("process.item.documentUrl"),
          recordId: t("process.item.linkRecord"),
        }}
      >
        {records.length > 0 ? (
          <SelectField
            {...form.field("recordId")}
            label={t("process.item.linkRecord")}
            value={recordId}
            onChange={setRecordId}
          >
            <option value="">{t("process.item.chooseRecord")}</option>
            {records.map((r) => (
              <option key={r.id} value={`${r.kind}:${r.id}`}>
                {`${t(`process.item.evidenceKinds.${r.kind}`)}: ${r.label}`}
              </option>
            ))}
          </SelectField>
        ) : null}
        {recordId ? null : (
          <>
            <Textfield
              {...form.field("title")}
              label={t("process.item.documentTitle")}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
            <Textfield
              {...form.field("url")}
              label={t("process.item.documentUrl")}
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </>
        )}
      </ValidatedForm>
    </section>
  );
}

function Evidence({
  process,
  item,
  editable,
  onSaved,
}: {
  process: ProcessDetail;
  item: ItemView;
  editable: boolean;
  onSaved: (detail: ProcessDetail) => void;
}) {
  const { t } = useTranslation();
  const remove = useMutation({
    mutationFn: (evidenceId: string) =>
      api<ProcessDetail>("DELETE", evidenceRemovalUrl(process, item, evidenceId)),
    onSuccess: onSaved,
  });
  if (item.evidence.length === 0) return null;
  return (
    <ul>
      {item.evidence.map((e) => {
        const label = `${t(`process.item.evidenceKinds.${e.kind}`)}: ${e.title ?? e.recordId ?? ""}`;
        return (
          <li key={e.id}>
            {e.url && e.kind !== "document" ? <AppLink to={e.url}>{label}</AppLink> : null}
            {e.url && e.kind === "document" ? (
              <a href={e.url} rel="noopener noreferrer" target="_blank">
                {label}
              </a>
            ) : null}
            {e.url ? null : `${label} ${t("process.item.unresolved")}`}{" "}
            {editable ? (
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() => remove.mutate(e.id)}
                aria-label={t("process.item.remove", { title: e.title ?? "" })}
              >
                ✕
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function ItemCard({
  process,
  item,
  editable,
  onSaved,
}: {
  process: ProcessDetail;
  item: ItemView;
  editable: boolean;
  onSaved: (detail: ProcessDetail) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const statusColor =
    item.status === "done" ? "success" : item.status === "in_progress" ? "info" : "neutral";
  return (
    <li className="process-item">
      <Paragraph>
        <strong>{item.text[lang]}</strong>{" "}
        <span className="visually-hidden">
          ({item.required ? t("process.item.required") : t("process.item.optional")})
        </span>
        {item.required ? null : <span> ({t("process.item.optional")})</span>}
      </Paragraph>
      <dl className="process-item-facts">
        <div>
          <dt>{t("process.item.status")}:</dt>
          <dd>
            <Tag data-color={statusColor} data-size="sm">
              {t(`process.item.statuses.${item.status}`)}
            </Tag>
            {item.naReason ? ` – ${item.naReason}` : null}
          </dd>
        </div>
        <div>
          <dt>{t("process.item.responsible")}:</dt>
          <dd>{item.responsible?.name ?? "–"}</dd>
        </div>
        <div>
          <dt>{t("process.item.due")}:</dt>
          <dd>
            {item.dueOn ? formatDate(item.dueOn, lang) : "–"}
            {item.overdue ? (
              <Tag data-color="danger" data-size="sm">
                {t("process.item.overdue")}
              </Tag>
            ) : null}
          </dd>
        </div>
      </dl>
      {item.notes ? <Paragraph data-size="sm">{item.notes}</Paragraph> : null}
      <Evidence process={process} item={item} editable={editable} onSaved={onSaved} />
      {editable && !editing ? (
        <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
          {t("process.item.edit")}
          <span className="visually-hidden">: {item.text[lang]}</span>
        </Button>
      ) : null}
      {editing ? (
        <>
          <ItemEditor
            process={process}
            item={item}
            onDone={(detail) => {
              setEditing(false);
              if (detail) onSaved(detail);
            }}
          />
          <DocumentForm
            process={process}
            item={item}
            records={linkableRecords(process, item.phase, lang, (date, wave) =>
              t("process.detail.prioritisation", { date, wave }),
            )}
            onSaved={onSaved}
          />
          <DocumentUpload process={process} item={item} onSaved={onSaved} />
        </>
      ) : null}
    </li>
  );
}

export function PhaseItems({
  process,
  phase,
  editable,
  onSaved,
}: {
  process: ProcessDetail;
  phase: PhaseState;
  editable: boolean;
  onSaved: (detail: ProcessDetail) => void;
}) {
  return (
    <ol className="process-items">
      {phase.items.map((item) => (
        <ItemCard
          key={`${item.id}-${item.version}`}
          process={process}
          item={item}
          editable={editable}
          onSaved={onSaved}
        />
      ))}
    </ol>
  );
}
