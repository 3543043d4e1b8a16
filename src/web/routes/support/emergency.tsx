import { Alert, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { EMERGENCY_MAX_HOURS } from "../../../domain/support/access.ts";
import { api } from "../../api.ts";
import { FormActions, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { PageTitle } from "../../components/page.tsx";
import { urls } from "./shared.tsx";

/** A local date-time for an input, `hours` from now. */
function localInput(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/**
 * Emergency access to a case the person cannot otherwise open: a reason and an end time, logged
 * and reviewed afterwards. Nothing of the case shows here, so the page reveals nothing.
 */
export function SupportEmergencyPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useFormErrors("emergency");
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState(() => localInput(4));
  const take = useMutation({
    mutationFn: () =>
      api("POST", urls.emergency(id), { reason, validUntil: new Date(until).toISOString() }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["support"] });
      navigate(`/support/cases/${id}`);
    },
    onError: form.fromError,
  });
  const labels = {
    reason: t("support.emergency.reason"),
    validUntil: t("support.emergency.until"),
  };
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!reason.trim()) missing.reason = t("common.required");
    if (!until) missing.validUntil = t("common.required");
    if (form.validate(missing)) take.mutate();
  };
  return (
    <>
      <PageTitle title={t("support.emergency.title")}>{t("support.emergency.title")}</PageTitle>
      <Alert data-color="warning">
        {t("support.emergency.warning", { hours: EMERGENCY_MAX_HOURS })}
      </Alert>
      <Paragraph>{t("support.emergency.intro")}</Paragraph>
      <div className="support-form">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("support.emergency.submit")}
              pending={take.isPending}
              onCancel={() => navigate("/support")}
            />
          }
        >
          <Textfield
            {...form.field("reason")}
            label={labels.reason}
            description={t("support.emergency.reasonHint")}
            multiline
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Textfield
            {...form.field("validUntil")}
            label={labels.validUntil}
            type="datetime-local"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
        </ValidatedForm>
      </div>
    </>
  );
}
