import {
  Card,
  Field,
  Heading,
  Label,
  Paragraph,
  Textarea,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CycleCreateBodySchema,
  PhaseCompleteBodySchema,
  type PhaseState,
  type ProcessDetail,
} from "../../../domain/process/schemas.ts";
import { api } from "../../api.ts";
import { useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { API, today } from "./shared.tsx";

/** The decision that the current phase is done; the server refuses while items block it. */
export function CompletePhaseForm({
  process,
  phase,
  onSaved,
}: {
  process: ProcessDetail;
  phase: PhaseState;
  onSaved: (detail: ProcessDetail, message: string) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(`complete-${phase.phase}`);
  const [decidedOn, setDecidedOn] = useState(today());
  const [note, setNote] = useState("");
  const complete = useMutation({
    mutationFn: (body: unknown) =>
      api<ProcessDetail>(
        "POST",
        `${API}/processes/${process.id}/phases/${phase.phase}/complete`,
        body,
      ),
    onSuccess: (detail) => onSaved(detail, t("process.complete.done", { phase: phase.phase })),
    onError: form.fromError,
  });
  const submit = () => {
    const parsed = form.parse(PhaseCompleteBodySchema, {
      decidedOn,
      note,
      version: process.current!.version,
    });
    if (parsed) complete.mutate(parsed);
  };
  const titleId = `complete-${phase.phase}-title`;
  return (
    <Card data-color="neutral">
      <Heading level={3} data-size="xs" id={titleId}>
        {t("process.complete.title", { phase: phase.phase })}
      </Heading>
      <Paragraph data-size="sm">
        {phase.blockers > 0 ? t("process.complete.blocked") : t("process.complete.intro")}
      </Paragraph>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy={titleId}
        submitLabel={t("process.complete.submit", { phase: phase.phase })}
        pending={complete.isPending}
        labels={{ decidedOn: t("process.complete.decidedOn"), note: t("process.complete.note") }}
      >
        <Textfield
          {...form.field("decidedOn")}
          label={t("process.complete.decidedOn")}
          type="date"
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
          required
        />
        <Field>
          <Label htmlFor={form.fieldId("note")}>{t("process.complete.note")}</Label>
          <Textarea
            id={form.fieldId("note")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
          />
        </Field>
      </ValidatedForm>
    </Card>
  );
}

/** After phase 5: the next cycle, at phase 2. */
export function NewCycleForm({
  process,
  onSaved,
}: {
  process: ProcessDetail;
  onSaved: (detail: ProcessDetail, message: string) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors("new-cycle");
  const [startedOn, setStartedOn] = useState(today());
  const [note, setNote] = useState("");
  const number = (process.cycleNumber ?? 0) + 1;
  const start = useMutation({
    mutationFn: (body: unknown) =>
      api<ProcessDetail>("POST", `${API}/processes/${process.id}/cycles`, body),
    onSuccess: (detail) => onSaved(detail, t("process.newCycle.done", { number })),
    onError: form.fromError,
  });
  const submit = () => {
    const parsed = form.parse(CycleCreateBodySchema, { startedOn, note });
    if (parsed) start.mutate(parsed);
  };
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm" id="new-cycle-title">
        {t("process.newCycle.title")}
      </Heading>
      <Paragraph data-size="sm">{t("process.newCycle.intro")}</Paragraph>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy="new-cycle-title"
        submitLabel={t("process.newCycle.submit", { number })}
        pending={start.isPending}
        labels={{ startedOn: t("process.newCycle.startedOn"), note: t("process.newCycle.note") }}
      >
        <Textfield
          {...form.field("startedOn")}
          label={t("process.newCycle.startedOn")}
          type="date"
          value={startedOn}
          onChange={(e) => setStartedOn(e.target.value)}
          required
        />
        <Field>
          <Label htmlFor={form.fieldId("note")}>{t("process.newCycle.note")}</Label>
          <Textarea
            id={form.fieldId("note")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
          />
        </Field>
      </ValidatedForm>
    </Card>
  );
}
