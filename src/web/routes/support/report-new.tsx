import {
  Alert,
  Checkbox,
  Fieldset,
  Paragraph,
  Radio,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { REPORTER_ROLES } from "../../../domain/support/concern.ts";
import { api } from "../../api.ts";
import {
  FormActions,
  Options,
  SelectField,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { useOrganisations } from "../../components/organisations.ts";
import { PageTitle } from "../../components/page.tsx";
import { MyReports } from "./reports.tsx";
import { formatDateTime, urls, useLang, usePractitionerUnits } from "./shared.tsx";

interface Receipt {
  intakeUnit: string;
  sentAt: string;
  receivedAt: string | null;
}

/** A yes/no question as two radio buttons. */
function YesNo({
  id,
  legend,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  value: boolean | null;
  onChange: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset id={id} tabIndex={-1} className="support-inline">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Radio
        name={id}
        value="yes"
        label={t("common.yes")}
        checked={value === true}
        onChange={() => onChange(true)}
      />
      <Radio
        name={id}
        value="no"
        label={t("common.no")}
        checked={value === false}
        onChange={() => onChange(false)}
      />
    </Fieldset>
  );
}

/**
 * A report of concern to social services. Open to every practitioner, with or without access
 * to a case and without consent: the duty to report is never blocked.
 */
export function SupportReportNewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const caseId = params.get("caseId");
  const form = useFormErrors("report");
  const orgs = useOrganisations();
  const units = usePractitionerUnits();
  const municipalities = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => o.kind === "municipality" && !o.archived)
        .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    [orgs.data],
  );
  const [v, setV] = useState({
    municipalityId: "",
    childPersonalNumber: "",
    childName: "",
    unbornChild: false,
    reporterRole: "",
    reporterOrganisation: "",
    reporterPhone: "",
    observation: "",
    childTold: null as boolean | null,
    guardiansTold: null as boolean | null,
    notToldReason: "",
    interpreterNeeded: false,
    interpreterLanguage: "",
    otherServices: "",
  });
  const set = (change: Partial<typeof v>) => setV((x) => ({ ...x, ...change }));
  const organisation = v.reporterOrganisation || units[0]?.name || "";
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  const send = useMutation({
    mutationFn: (body: unknown) => api<Receipt>("POST", urls.concernReports, body),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ["support", "concern"] });
      setReceipt(r);
    },
    onError: form.fromError,
  });

  const labels = {
    municipalityId: t("support.report.municipality"),
    childPersonalNumber: t("support.personalNumber"),
    childName: t("support.report.childName"),
    reporterRole: t("support.report.reporterRole"),
    reporterOrganisation: t("support.report.reporterOrganisation"),
    observation: t("support.report.observation"),
    childTold: t("support.report.childTold"),
    guardiansTold: t("support.report.guardiansTold"),
    notToldReason: t("support.report.notToldReason"),
  };
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!v.municipalityId) missing.municipalityId = t("support.report.chooseMunicipality");
    if (!v.reporterRole) missing.reporterRole = t("support.report.chooseRole");
    if (!organisation.trim()) missing.reporterOrganisation = t("common.required");
    if (!v.observation.trim()) missing.observation = t("common.required");
    if (v.childTold === null) missing.childTold = t("support.report.answer");
    if (v.guardiansTold === null) missing.guardiansTold = t("support.report.answer");
    if (!form.validate(missing)) return;
    send.mutate({
      ...v,
      caseId,
      reporterOrganisation: organisation,
      childPersonalNumber: v.childPersonalNumber.trim() || null,
      notToldReason: v.childTold && v.guardiansTold ? null : v.notToldReason,
    });
  };

  if (receipt) {
    return (
      <>
        <PageTitle title={t("support.report.sentTitle")}>{t("support.report.sentTitle")}</PageTitle>
        <Alert data-color="success">
          {t("support.report.receipt", {
            unit: receipt.intakeUnit,
            time: formatDateTime(receipt.receivedAt ?? receipt.sentAt, lang),
          })}
        </Alert>
        <MyReports />
      </>
    );
  }

  return (
    <>
      <PageTitle title={t("support.report.title")}>{t("support.report.title")}</PageTitle>
      <Paragraph>{t("support.report.intro")}</Paragraph>
      <div className="support-form">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("support.report.submit")}
              pending={send.isPending}
              onCancel={() => navigate(caseId ? `/support/cases/${caseId}` : "/support")}
            />
          }
        >
          <SelectField
            {...form.field("municipalityId")}
            label={labels.municipalityId}
            description={t("support.report.municipalityHint")}
            value={v.municipalityId}
            onChange={(municipalityId) => set({ municipalityId })}
          >
            <option value="">{t("support.report.chooseMunicipality")}</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <Checkbox
            label={t("support.report.unborn")}
            checked={v.unbornChild}
            onChange={(e) => set({ unbornChild: e.target.checked })}
          />
          <Textfield
            {...form.field("childPersonalNumber")}
            label={labels.childPersonalNumber}
            description={t("support.report.personalNumberHint")}
            value={v.childPersonalNumber}
            onChange={(e) => set({ childPersonalNumber: e.target.value })}
            autoComplete="off"
          />
          <Textfield
            {...form.field("childName")}
            label={labels.childName}
            value={v.childName}
            onChange={(e) => set({ childName: e.target.value })}
            autoComplete="off"
          />
          <div className="support-inline">
            <SelectField
              {...form.field("reporterRole")}
              label={labels.reporterRole}
              value={v.reporterRole}
              onChange={(reporterRole) => set({ reporterRole })}
            >
              <Options
                values={REPORTER_ROLES}
                label={(r) => t(`support.report.roles.${r}`)}
                placeholder={t("support.report.chooseRole")}
              />
            </SelectField>
            <Textfield
              {...form.field("reporterOrganisation")}
              label={labels.reporterOrganisation}
              value={organisation}
              onChange={(e) => set({ reporterOrganisation: e.target.value })}
            />
          </div>
          <Textfield
            {...form.field("reporterPhone")}
            label={t("support.report.phone")}
            type="tel"
            autoComplete="tel"
            value={v.reporterPhone}
            onChange={(e) => set({ reporterPhone: e.target.value })}
          />
          <Textfield
            {...form.field("observation")}
            label={labels.observation}
            multiline
            rows={6}
            value={v.observation}
            onChange={(e) => set({ observation: e.target.value })}
          />
          <YesNo
            id={form.fieldId("childTold")}
            legend={labels.childTold}
            value={v.childTold}
            onChange={(childTold) => set({ childTold })}
          />
          <YesNo
            id={form.fieldId("guardiansTold")}
            legend={labels.guardiansTold}
            value={v.guardiansTold}
            onChange={(guardiansTold) => set({ guardiansTold })}
          />
          {v.childTold === false || v.guardiansTold === false ? (
            <Textfield
              {...form.field("notToldReason")}
              label={labels.notToldReason}
              multiline
              rows={2}
              value={v.notToldReason}
              onChange={(e) => set({ notToldReason: e.target.value })}
            />
          ) : null}
          <Checkbox
            label={t("support.report.interpreter")}
            checked={v.interpreterNeeded}
            onChange={(e) => set({ interpreterNeeded: e.target.checked })}
          />
          {v.interpreterNeeded ? (
            <Textfield
              {...form.field("interpreterLanguage")}
              label={t("support.report.language")}
              value={v.interpreterLanguage}
              onChange={(e) => set({ interpreterLanguage: e.target.value })}
            />
          ) : null}
          <Textfield
            {...form.field("otherServices")}
            label={t("support.report.otherServices")}
            multiline
            rows={2}
            value={v.otherServices}
            onChange={(e) => set({ otherServices: e.target.value })}
          />
        </ValidatedForm>
      </div>
      <MyReports />
    </>
  );
}
