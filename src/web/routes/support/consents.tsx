import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { CASE_SCOPES, CONSENT_GIVERS, CONSENT_KINDS } from "../../../domain/support/access.ts";
import { api } from "../../api.ts";
import {
  FormActions,
  Options,
  SelectField,
  StatusMessage,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { Loading } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { CaseHeader, useCase } from "./case.tsx";
import { ConsentTable } from "./case-parts.tsx";
import { Disclosures } from "./disclosures.tsx";
import { OrganisationChoice } from "./organisation-choice.tsx";
import { isNotFound, urls, useLang } from "./shared.tsx";

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

/** Record a consent with its scope and validity, or withdraw one (takes effect at once). */
export function SupportConsentsPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const detail = useCase(id);
  const form = useFormErrors("consent");
  const [kind, setKind] = useState("sharing");
  const [givenBy, setGivenBy] = useState("guardian");
  const [giverName, setGiverName] = useState("");
  const [purpose, setPurpose] = useState("");
  const [sharing, setSharing] = useState<string[]>([]);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [scopes, setScopes] = useState<string[]>(["summary", "plan"]);
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState("");
  const [status, setStatus] = useState<string | null>(null);

  const done = async (message: string) => {
    await client.invalidateQueries({ queryKey: ["support"] });
    setStatus(message);
  };
  const record = useMutation({
    mutationFn: (body: unknown) => api("POST", urls.consents(id), body),
    onSuccess: async () => {
      setGiverName("");
      setPurpose("");
      await done(t("support.consents.recorded"));
    },
    onError: form.fromError,
  });
  const withdraw = useMutation({
    mutationFn: (consentId: string) =>
      api<{ endedAccess: number }>("POST", urls.withdrawConsent(id, consentId), { note: "" }),
    onSuccess: (result) => done(t("support.consents.withdrawn", { count: result.endedAccess })),
    onError: form.fromError,
  });

  if (detail.isPending) return <Loading />;
  if (isNotFound(detail.error)) return <NotFoundPage />;
  if (!detail.data) return <Paragraph>{t("common.unknownError")}</Paragraph>;
  const consents = detail.data.consents ?? [];

  const labels = {
    giverName: t("support.consents.giverName"),
    purpose: t("support.consents.purpose"),
    scopes: t("support.consents.scopes"),
    validFrom: t("support.consents.validFrom"),
    validUntil: t("support.consents.validUntil"),
  };
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!giverName.trim()) missing.giverName = t("common.required");
    if (!purpose.trim()) missing.purpose = t("common.required");
    if (scopes.length === 0) missing.scopes = t("support.consents.scopesRequired");
    if (!validFrom) missing.validFrom = t("common.required");
    if (!form.validate(missing)) return;
    record.mutate({
      kind,
      givenBy,
      giverName,
      purpose,
      sharingOrganisationIds: sharing,
      recipientOrganisationIds: recipients,
      scopes,
      // A day chosen in the form runs from its start to its end, local time.
      validFrom: new Date(`${validFrom}T00:00:00`).toISOString(),
      validUntil: validUntil ? new Date(`${validUntil}T23:59:59`).toISOString() : null,
    });
  };

  return (
    <>
      <CaseHeader detail={detail.data} title={t("support.consents.title")} />
      <StatusMessage message={status} />
      <section className="support-section" aria-labelledby="consents-list">
        <Heading level={2} data-size="md" id="consents-list">
          {t("support.consents.recordedTitle")}
        </Heading>
        {consents.length === 0 ? (
          <Paragraph>{t("support.consents.none")}</Paragraph>
        ) : (
          <ConsentTable
            consents={consents}
            lang={lang}
            action={(c) =>
              c.withdrawnAt ? null : (
                <Button
                  variant="secondary"
                  data-size="sm"
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(c.id)}
                  aria-label={t("support.consents.withdrawOf", { name: c.giverName })}
                >
                  {t("support.consents.withdraw")}
                </Button>
              )
            }
          />
        )}
      </section>
      <section className="support-section support-form" aria-labelledby="consents-new">
        <Heading level={2} data-size="md" id="consents-new">
          {t("support.consents.new")}
        </Heading>
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("support.consents.submit")}
              pending={record.isPending}
              onCancel={() => navigate(`/support/cases/${id}`)}
            />
          }
        >
          <SelectField
            {...form.field("kind")}
            label={t("support.consents.kind")}
            value={kind}
            onChange={setKind}
          >
            <Options values={CONSENT_KINDS} label={(k) => t(`support.consents.kinds.${k}`)} />
          </SelectField>
          <SelectField
            {...form.field("givenBy")}
            label={t("support.consents.givenBy")}
            value={givenBy}
            onChange={setGivenBy}
          >
            <Options values={CONSENT_GIVERS} label={(g) => t(`support.consents.givers.${g}`)} />
          </SelectField>
          <Textfield
            {...form.field("giverName")}
            label={labels.giverName}
            value={giverName}
            onChange={(e) => setGiverName(e.target.value)}
            autoComplete="off"
          />
          <Textfield
            {...form.field("purpose")}
            label={labels.purpose}
            multiline
            rows={2}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
          <OrganisationChoice
            id={form.fieldId("sharingOrganisationIds")}
            legend={t("support.consents.sharing")}
            value={sharing}
            onChange={setSharing}
          />
          <OrganisationChoice
            id={form.fieldId("recipientOrganisationIds")}
            legend={t("support.consents.recipients")}
            value={recipients}
            onChange={setRecipients}
          />
          <Fieldset id={form.fieldId("scopes")} tabIndex={-1}>
            <Fieldset.Legend>{labels.scopes}</Fieldset.Legend>
            {CASE_SCOPES.map((s) => (
              <Checkbox
                key={s}
                label={t(`support.parts.${s}`)}
                value={s}
                checked={scopes.includes(s)}
                onChange={(e) =>
                  setScopes((all) => (e.target.checked ? [...all, s] : all.filter((x) => x !== s)))
                }
              />
            ))}
          </Fieldset>
          <div className="support-inline">
            <Textfield
              {...form.field("validFrom")}
              label={labels.validFrom}
              type="date"
              value={validFrom}
              onChange={(e) => setValidFrom(e.target.value)}
            />
            <Textfield
              {...form.field("validUntil")}
              label={labels.validUntil}
              description={t("support.consents.validUntilHint")}
              type="date"
              value={validUntil}
              onChange={(e) => setValidUntil(e.target.value)}
            />
          </div>
        </ValidatedForm>
      </section>
      <Disclosures caseId={id} consents={consents} />
    </>
  );
}
