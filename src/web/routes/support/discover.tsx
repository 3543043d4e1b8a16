import { Fieldset, Paragraph, Radio, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api.ts";
import { FormActions, SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { PageTitle } from "../../components/page.tsx";
import { urls, usePractitionerUnits } from "./shared.tsx";

type Identity = "child" | "consultation";

/** Record a concern: a child by personnummer, or a consultation without identity. */
export function SupportDiscoverPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useFormErrors("discover");
  const [identity, setIdentity] = useState<Identity>("child");
  const [personalNumber, setPersonalNumber] = useState("");
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [observation, setObservation] = useState("");
  const [immediateSupport, setImmediateSupport] = useState("");
  const [label, setLabel] = useState("");
  const units = usePractitionerUnits();
  const [organisationId, setOrganisationId] = useState("");
  const unitId = organisationId || units[0]?.id || "";

  const create = useMutation({
    mutationFn: (body: unknown) => api<{ id: string }>("POST", urls.cases, body),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ["support"] });
      navigate(`/support/cases/${created.id}`);
    },
    onError: form.fromError,
  });

  const labels = {
    personalNumber: t("support.personalNumber"),
    givenName: t("support.givenName"),
    familyName: t("support.familyName"),
    observation: t("support.discover.observation"),
    immediateSupport: t("support.discover.immediateSupport"),
    label: t("support.discover.label"),
    organisationId: t("support.discover.unit"),
  };

  const submit = () => {
    const missing: Record<string, string> = {};
    if (identity === "child") {
      if (!personalNumber.trim()) missing.personalNumber = t("support.personalNumberRequired");
      if (!givenName.trim()) missing.givenName = t("common.required");
      if (!familyName.trim()) missing.familyName = t("common.required");
    } else if (!label.trim()) missing.label = t("support.discover.labelRequired");
    if (!unitId) missing.organisationId = t("common.required");
    if (!observation.trim()) missing.observation = t("common.required");
    if (!form.validate(missing)) return;
    const common = { organisationId: unitId, observation, immediateSupport };
    create.mutate(
      identity === "child"
        ? { kind: "child", personalNumber: personalNumber.trim(), givenName, familyName, ...common }
        : { kind: "consultation", label, ...common },
    );
  };

  return (
    <>
      <PageTitle title={t("support.discover.title")}>{t("support.discover.title")}</PageTitle>
      <Paragraph>{t("support.discover.intro")}</Paragraph>
      <div className="support-form">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("support.discover.submit")}
              pending={create.isPending}
              onCancel={() => navigate("/support")}
            />
          }
        >
          <Fieldset>
            <Fieldset.Legend>{t("support.discover.identity")}</Fieldset.Legend>
            <Radio
              name="identity"
              value="child"
              label={t("support.discover.identityChild")}
              checked={identity === "child"}
              onChange={() => setIdentity("child")}
            />
            <Radio
              name="identity"
              value="consultation"
              label={t("support.discover.identityConsultation")}
              description={t("support.discover.identityConsultationHint")}
              checked={identity === "consultation"}
              onChange={() => setIdentity("consultation")}
            />
          </Fieldset>
          {units.length > 1 ? (
            <SelectField
              {...form.field("organisationId")}
              label={labels.organisationId}
              value={unitId}
              onChange={setOrganisationId}
            >
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          {identity === "child" ? (
            <>
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
            </>
          ) : (
            <Textfield
              {...form.field("label")}
              label={labels.label}
              description={t("support.discover.labelHint")}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              autoComplete="off"
            />
          )}
          <Textfield
            {...form.field("observation")}
            label={labels.observation}
            description={t("support.discover.observationHint")}
            multiline
            rows={5}
            value={observation}
            onChange={(e) => setObservation(e.target.value)}
          />
          <Textfield
            {...form.field("immediateSupport")}
            label={labels.immediateSupport}
            multiline
            rows={3}
            value={immediateSupport}
            onChange={(e) => setImmediateSupport(e.target.value)}
          />
        </ValidatedForm>
      </div>
    </>
  );
}
