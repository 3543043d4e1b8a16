import { Button, Field, Heading, Label, Textarea } from "@digdir/designsystemet-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  PROMOTIVE_ELEMENT_NAMES,
  PROMOTIVE_ELEMENTS,
  type PromotiveElement,
} from "../../../domain/process/parts.ts";
import { type ProcessDetail, ProcessUpdateBodySchema } from "../../../domain/process/schemas.ts";
import { api } from "../../api.ts";
import { FormActions, SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { useChecklists } from "./checklists.tsx";
import { API, useLang } from "./shared.tsx";

/** The vision and the promotive part, edited from the version read (409 when stale). */
export function PartsForm({
  process,
  onSaved,
}: {
  process: ProcessDetail;
  onSaved: (detail: ProcessDetail, message: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors("process-parts");
  const [open, setOpen] = useState(false);
  const [vision, setVision] = useState(process.vision);
  const [promotive, setPromotive] = useState<Partial<Record<PromotiveElement, string>>>(
    process.promotive,
  );
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<ProcessDetail>("PATCH", `${API}/processes/${process.id}`, body),
    onSuccess: (detail) => {
      setOpen(false);
      onSaved(detail, t("process.parts.saved"));
    },
    onError: form.fromError,
  });
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("process.parts.edit")}
      </Button>
    );
  }
  const submit = () => {
    const parsed = form.parse(ProcessUpdateBodySchema, {
      vision,
      promotive: Object.fromEntries(Object.entries(promotive).filter(([, v]) => v?.trim())),
      version: process.version,
    });
    if (parsed) save.mutate(parsed);
  };
  const area = (name: string, label: string, value: string, set: (v: string) => void) => (
    <Field key={name}>
      <Label htmlFor={form.fieldId(name)}>{label}</Label>
      <Textarea
        id={form.fieldId(name)}
        value={value}
        onChange={(e) => set(e.target.value)}
        rows={2}
      />
    </Field>
  );
  return (
    <section aria-labelledby="parts-form-title">
      <Heading level={2} data-size="xs" id="parts-form-title">
        {t("process.parts.edit")}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy="parts-form-title"
        actions={
          <FormActions
            submitLabel={t("process.item.save")}
            pending={save.isPending}
            onCancel={() => setOpen(false)}
          />
        }
      >
        {area("vision", t("process.detail.vision"), vision, setVision)}
        {PROMOTIVE_ELEMENTS.map((e) =>
          area(`promotive.${e}`, PROMOTIVE_ELEMENT_NAMES[e][lang], promotive[e] ?? "", (v) =>
            setPromotive((p) => ({ ...p, [e]: v })),
          ),
        )}
      </ValidatedForm>
    </section>
  );
}

/** Another checklist version for the process: it applies to the phases not yet started. */
export function ChecklistChooser({
  process,
  onSaved,
}: {
  process: ProcessDetail;
  onSaved: (detail: ProcessDetail, message: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormErrors("process-checklist");
  const checklists = useChecklists();
  const [checklistId, setChecklistId] = useState(process.checklist.id ?? "");
  const own = (checklists.data ?? []).filter((c) => c.id !== null);
  const apply = useMutation({
    mutationFn: (body: unknown) =>
      api<ProcessDetail>("PATCH", `${API}/processes/${process.id}`, body),
    onSuccess: (detail) => onSaved(detail, t("process.checklists.applied")),
    onError: form.fromError,
  });
  if (own.length === 0) return null;
  return (
    <ValidatedForm
      form={form}
      onSubmit={() => apply.mutate({ checklistId, version: process.version })}
      submitLabel={t("process.checklists.apply")}
      pending={apply.isPending}
      variant="secondary"
      labels={{ checklistId: t("process.checklists.use") }}
    >
      <SelectField
        {...form.field("checklistId")}
        label={t("process.checklists.use")}
        value={checklistId}
        onChange={setChecklistId}
      >
        <option value="">{t("process.checklists.choose")}</option>
        {own.map((c) => (
          <option key={c.id} value={c.id ?? ""}>
            {`${c.title[lang]} (${t("process.checklists.version")} ${c.version})`}
          </option>
        ))}
      </SelectField>
    </ValidatedForm>
  );
}
