import { Alert, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { CASE_OUTCOMES } from "../../../domain/support/access.ts";
import { api } from "../../api.ts";
import {
  FormActions,
  Options,
  SelectField,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { Loading } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { CaseHeader, useCase } from "./case.tsx";
import { isNotFound, urls } from "./shared.tsx";

/** Close the case with its outcome and reason; every access to it ends with it. */
export function SupportClosePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const detail = useCase(id);
  const form = useFormErrors("close");
  const [outcome, setOutcome] = useState("");
  const [reason, setReason] = useState("");
  const close = useMutation({
    mutationFn: () => api("POST", urls.close(id), { outcome, reason }),
    onSuccess: async () => {
      // The closing person's access ended too: the case is no longer theirs to open.
      client.removeQueries({ queryKey: ["support", "case", id] });
      await client.invalidateQueries({ queryKey: ["support"] });
      navigate("/support", { state: { closed: true } });
    },
    onError: form.fromError,
  });
  if (detail.isPending) return <Loading />;
  if (isNotFound(detail.error)) return <NotFoundPage />;
  if (!detail.data) return <Paragraph>{t("common.unknownError")}</Paragraph>;
  const labels = { outcome: t("support.close.outcome"), reason: t("support.close.reason") };
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!outcome) missing.outcome = t("support.close.chooseOutcome");
    if (!reason.trim()) missing.reason = t("common.required");
    if (form.validate(missing)) close.mutate();
  };
  return (
    <>
      <CaseHeader detail={detail.data} title={t("support.close.title")} />
      <Alert data-color="warning">{t("support.close.warning")}</Alert>
      <div className="support-form">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("support.close.submit")}
              pending={close.isPending}
              onCancel={() => navigate(`/support/cases/${id}`)}
            />
          }
        >
          <SelectField
            {...form.field("outcome")}
            label={labels.outcome}
            value={outcome}
            onChange={setOutcome}
          >
            <Options
              values={CASE_OUTCOMES}
              label={(o) => t(`support.close.outcomes.${o}`)}
              placeholder={t("support.close.chooseOutcome")}
            />
          </SelectField>
          <Textfield
            {...form.field("reason")}
            label={labels.reason}
            multiline
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </ValidatedForm>
      </div>
    </>
  );
}
