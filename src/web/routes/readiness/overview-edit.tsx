import { Button, Card, Heading } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AssessmentDetail,
  AssessmentUpdateBodySchema,
} from "../../../domain/readiness/api.ts";
import { ApiError, api, get } from "../../api.ts";
import { FormActions, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import {
  AssessmentFields,
  assessmentBody,
  assessmentDraft,
  assessmentLabels,
  assessmentMessages,
} from "./new.tsx";
import { API } from "./shared.tsx";

/** Topic, period and target of an assessment; the edit starts from the version shown. */
export function AssessmentEditSection({
  a,
  onSaved,
}: {
  a: AssessmentDetail;
  onSaved: (s: string) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const close = (saved: boolean) => {
    setEditing(false);
    if (saved) onSaved(t("readiness.edit.saved"));
    requestAnimationFrame(() => document.getElementById("assessment-edit-open")?.focus());
  };
  return (
    <section aria-labelledby="assessment-edit-heading" className="readiness-section">
      <Heading level={2} data-size="md" id="assessment-edit-heading">
        {t("readiness.edit.title")}
      </Heading>
      {editing ? (
        <AssessmentEditor a={a} onDone={close} />
      ) : (
        <Button
          type="button"
          variant="secondary"
          id="assessment-edit-open"
          onClick={() => setEditing(true)}
        >
          {t("readiness.edit.open")}
        </Button>
      )}
    </section>
  );
}

function AssessmentEditor({
  a,
  onDone,
}: {
  a: AssessmentDetail;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("assessment-edit");
  const [draft, setDraft] = useState(() => assessmentDraft(a));
  const [version, setVersion] = useState(a.version);
  const [conflict, setConflict] = useState(false);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<AssessmentDetail>("PATCH", `${API}/assessments/${a.id}`, body),
    onSuccess: (updated) => {
      client.setQueryData(["readiness", "assessment", a.id], updated);
      void client.invalidateQueries({ queryKey: ["readiness", "assessments"] });
      onDone(true);
    },
    onError: (error) => {
      setConflict(error instanceof ApiError && error.status === 409);
      form.fromError(error);
    },
  });
  const reload = async () => {
    const fresh = await client.fetchQuery<AssessmentDetail>({
      queryKey: ["readiness", "assessment", a.id],
      queryFn: () => get<AssessmentDetail>(`${API}/assessments/${a.id}`),
      staleTime: 0,
    });
    setDraft(assessmentDraft(fresh));
    setVersion(fresh.version);
    setConflict(false);
    form.clear();
    document.getElementById(form.fieldId("topic"))?.focus();
  };
  const submit = () => {
    const parsed = form.parse(
      AssessmentUpdateBodySchema,
      { ...assessmentBody(draft), version },
      assessmentMessages(t),
    );
    if (!parsed) return;
    if (draft.periodEnd < draft.periodStart) {
      form.validate({ periodEnd: t("readiness.new.endBeforeStart") });
      return;
    }
    setConflict(false);
    save.mutate(parsed);
  };
  return (
    <Card data-color="neutral" className="readiness-subcard">
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labels={assessmentLabels(t)}
        labelledBy="assessment-edit-heading"
        actions={
          <FormActions
            submitLabel={t("readiness.edit.save")}
            pending={save.isPending}
            onCancel={() => onDone(false)}
          >
            {conflict ? (
              <Button type="button" variant="secondary" onClick={() => void reload()}>
                {t("readiness.edit.reload")}
              </Button>
            ) : null}
          </FormActions>
        }
      >
        <AssessmentFields form={form} draft={draft} onChange={setDraft} />
      </ValidatedForm>
    </Card>
  );
}
