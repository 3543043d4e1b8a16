import { Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { api } from "../../api.ts";
import { FormActions, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Loading } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { CaseHeader, useCase } from "./case.tsx";
import { isNotFound, urls } from "./shared.tsx";

/** A consultation becomes the named child's case once there is consent to name the child. */
export function SupportIdentifyPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const detail = useCase(id);
  const form = useFormErrors("identify");
  const [personalNumber, setPersonalNumber] = useState("");
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const identify = useMutation({
    mutationFn: () =>
      api("POST", urls.identify(id), {
        personalNumber: personalNumber.trim(),
        givenName,
        familyName,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["support"] });
      navigate(`/support/cases/${id}`);
    },
    onError: form.fromError,
  });
  if (detail.isPending) return <Loading />;
  if (isNotFound(detail.error)) return <NotFoundPage />;
  if (!detail.data) return <Paragraph>{t("common.unknownError")}</Paragraph>;
  const labels = {
    personalNumber: t("support.personalNumber"),
    givenName: t("support.givenName"),
    familyName: t("support.familyName"),
  };
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!personalNumber.trim()) missing.personalNumber = t("support.personalNumberRequired");
    if (!givenName.trim()) missing.givenName = t("common.required");
    if (!familyName.trim()) missing.familyName = t("common.required");
    if (form.validate(missing)) identify.mutate();
  };
  return (
    <>
      <CaseHeader detail={detail.data} title={t("support.identify.title")} />
      <Paragraph>{t("support.identify.intro")}</Paragraph>
      <div className="support-form">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("support.identify.submit")}
              pending={identify.isPending}
              onCancel={() => navigate(`/support/cases/${id}`)}
            />
          }
        >
          <Textfield
            {...form.field("personalNumber")}
            label={labels.personalNumber}
            description={t("support.personalNumberHint")}
            value={personalNumber}
            onChange={(e) => setPersonalNumber(e.target.value)}
            autoComplete="off"
          />
          <div className="support-inline">
            <Textfield
              {...form.field("givenName")}
              label={labels.givenName}
              value={givenName}
              onChange={(e) => setGivenName(e.target.value)}
              autoComplete="off"
            />
            <Textfield
              {...form.field("familyName")}
              label={labels.familyName}
              value={familyName}
              onChange={(e) => setFamilyName(e.target.value)}
              autoComplete="off"
            />
          </div>
        </ValidatedForm>
      </div>
    </>
  );
}
