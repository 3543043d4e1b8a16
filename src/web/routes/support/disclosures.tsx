import { Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DISCLOSURE_BASES } from "../../../domain/support/disclosures.ts";
import { api } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import {
  Options,
  SelectField,
  StatusMessage,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { Loading } from "../../components/page.tsx";
import {
  type Consent,
  type DisclosureList,
  formatDate,
  urls,
  useLang,
  useSupportQuery,
} from "./shared.tsx";

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

/**
 * Every disclosure across a secrecy boundary, with its legal basis: the list the family can be
 * shown, and (with `consents` given) the form to record one.
 */
export function Disclosures({ caseId, consents }: { caseId: string; consents?: Consent[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const list = useSupportQuery<DisclosureList>(["disclosures", caseId], urls.disclosures(caseId));
  const form = useFormErrors("disclosure");
  const [v, setV] = useState({
    disclosedOn: today(),
    recipient: "",
    information: "",
    reason: "",
    basis: "consent",
    consentId: "",
    legalDuty: "",
  });
  const [status, setStatus] = useState<string | null>(null);
  const set = (change: Partial<typeof v>) => setV((x) => ({ ...x, ...change }));
  const record = useMutation({
    mutationFn: () =>
      api("POST", urls.disclosures(caseId), {
        disclosedOn: v.disclosedOn,
        recipient: v.recipient,
        information: v.information,
        reason: v.reason,
        basis: v.basis,
        consentId: v.basis === "consent" ? v.consentId || null : null,
        legalDuty: v.basis === "legal_duty" ? v.legalDuty || null : null,
      }),
    onSuccess: async () => {
      set({ recipient: "", information: "", reason: "" });
      await client.invalidateQueries({ queryKey: ["support", "disclosures", caseId] });
      setStatus(t("support.disclosures.recorded"));
    },
    onError: form.fromError,
  });
  const duties = list.data?.legalDuties ?? [];
  const dutyName = (key: string | undefined) => duties.find((d) => d.key === key)?.[lang] ?? key;
  const basisText = (d: DisclosureList["disclosures"][number]) =>
    d.basis === "consent"
      ? t("support.disclosures.byConsent")
      : `${d.legalDuty?.[lang] ?? ""} (${d.legalDuty?.reference ?? ""})`;
  const labels = {
    recipient: t("support.disclosures.recipient"),
    information: t("support.disclosures.information"),
    reason: t("support.disclosures.reason"),
    consentId: t("support.disclosures.consent"),
    legalDuty: t("support.disclosures.legalDuty"),
  };
  const submit = () => {
    const missing: Record<string, string> = {};
    for (const key of ["recipient", "information", "reason"] as const) {
      if (!v[key].trim()) missing[key] = t("common.required");
    }
    if (v.basis === "consent" && !v.consentId) missing.consentId = t("common.required");
    if (v.basis === "legal_duty" && !v.legalDuty) missing.legalDuty = t("common.required");
    if (form.validate(missing)) record.mutate();
  };
  const disclosures = list.data?.disclosures ?? [];
  return (
    <section className="support-section" aria-labelledby="case-disclosures">
      <Heading level={2} data-size="md" id="case-disclosures">
        {t("support.disclosures.title")}
      </Heading>
      <Paragraph>{t("support.disclosures.intro")}</Paragraph>
      <StatusMessage message={status} />
      {list.isPending ? <Loading /> : null}
      {list.data && disclosures.length === 0 ? (
        <Paragraph>{t("support.disclosures.none")}</Paragraph>
      ) : null}
      {disclosures.length > 0 ? (
        <DataTable
          caption={t("support.disclosures.title")}
          hiddenCaption
          columns={[
            t("support.disclosures.date"),
            labels.recipient,
            labels.information,
            t("support.disclosures.basis"),
            t("support.disclosures.by"),
          ]}
        >
          {disclosures.map((d) => (
            <Table.Row key={d.id}>
              <Table.Cell>{formatDate(d.disclosedOn, lang)}</Table.Cell>
              <Table.Cell>{d.recipient}</Table.Cell>
              <Table.Cell>
                {d.information} {t("support.disclosures.because", { reason: d.reason })}
              </Table.Cell>
              <Table.Cell>{basisText(d)}</Table.Cell>
              <Table.Cell>{d.disclosedBy.name}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
      {consents ? (
        <div className="support-form">
          <Heading level={3} data-size="sm" id="disclosure-new">
            {t("support.disclosures.new")}
          </Heading>
          <ValidatedForm
            form={form}
            onSubmit={submit}
            labels={labels}
            labelledBy="disclosure-new"
            submitLabel={t("support.disclosures.submit")}
            pending={record.isPending}
            variant="secondary"
          >
            <Textfield
              {...form.field("disclosedOn")}
              label={t("support.disclosures.date")}
              type="date"
              value={v.disclosedOn}
              onChange={(e) => set({ disclosedOn: e.target.value })}
            />
            <Textfield
              {...form.field("recipient")}
              label={labels.recipient}
              value={v.recipient}
              onChange={(e) => set({ recipient: e.target.value })}
            />
            <Textfield
              {...form.field("information")}
              label={labels.information}
              multiline
              rows={2}
              value={v.information}
              onChange={(e) => set({ information: e.target.value })}
            />
            <Textfield
              {...form.field("reason")}
              label={labels.reason}
              value={v.reason}
              onChange={(e) => set({ reason: e.target.value })}
            />
            <SelectField
              {...form.field("basis")}
              label={t("support.disclosures.basis")}
              value={v.basis}
              onChange={(basis) => set({ basis })}
            >
              <Options
                values={DISCLOSURE_BASES}
                label={(b) => t(`support.disclosures.bases.${b}`)}
              />
            </SelectField>
            {v.basis === "consent" ? (
              <SelectField
                {...form.field("consentId")}
                label={labels.consentId}
                value={v.consentId}
                onChange={(consentId) => set({ consentId })}
              >
                <option value="">{t("support.disclosures.chooseConsent")}</option>
                {consents
                  .filter((c) => c.kind === "sharing" && !c.withdrawnAt)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.giverName}: {c.purpose}
                    </option>
                  ))}
              </SelectField>
            ) : (
              <SelectField
                {...form.field("legalDuty")}
                label={labels.legalDuty}
                value={v.legalDuty}
                onChange={(legalDuty) => set({ legalDuty })}
              >
                <option value="">{t("support.disclosures.chooseDuty")}</option>
                {duties.map((d) => (
                  <option key={d.key} value={d.key}>
                    {dutyName(d.key)} ({d.reference})
                  </option>
                ))}
              </SelectField>
            )}
          </ValidatedForm>
        </div>
      ) : null}
    </section>
  );
}
