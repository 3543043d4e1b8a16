import { Fieldset, Heading, Paragraph, Radio, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { RATING_MAX, RATING_MIN } from "../../../domain/support/compass.ts";
import { api } from "../../api.ts";
import { FormActions, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Loading } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { CaseHeader, useCase } from "./case.tsx";
import { type AssessmentList, isNotFound, urls, useLang, useSupportQuery } from "./shared.tsx";

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

interface Rated {
  rating: string;
  reason: string;
}

/** A needs-compass assessment: each need rated with a reason, the child's and guardians' views apart. */
export function SupportAssessmentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const detail = useCase(id);
  const list = useSupportQuery<AssessmentList>(["assessments", id], urls.assessments(id));
  const form = useFormErrors("assessment");
  const [assessedOn, setAssessedOn] = useState(today);
  const [rated, setRated] = useState<Record<string, Rated>>({});
  const [childView, setChildView] = useState("");
  const [guardiansView, setGuardiansView] = useState("");
  const [summary, setSummary] = useState("");
  const needs = list.data?.needs ?? [];

  const save = useMutation({
    mutationFn: (body: unknown) => api("POST", urls.assessments(id), body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["support"] });
      navigate(`/support/cases/${id}`);
    },
    onError: form.fromError,
  });

  if (detail.isPending || list.isPending) return <Loading />;
  if (isNotFound(detail.error) || isNotFound(list.error)) return <NotFoundPage />;
  if (!detail.data) return <Paragraph>{t("common.unknownError")}</Paragraph>;

  const set = (need: string, change: Partial<Rated>) =>
    setRated((r) => ({ ...r, [need]: { rating: "", reason: "", ...r[need], ...change } }));

  const labels: Record<string, string> = {
    assessedOn: t("support.assessment.assessedOn"),
    summary: t("support.assessment.summary"),
  };
  needs.forEach((n, i) => {
    labels[`ratings.${i}.rating`] = n[lang];
    labels[`ratings.${i}.reason`] = `${n[lang]}: ${t("support.assessment.reason")}`;
  });

  const submit = () => {
    const missing: Record<string, string> = {};
    needs.forEach((n, i) => {
      if (!rated[n.key]?.rating) missing[`ratings.${i}.rating`] = t("support.assessment.rate");
      if (!rated[n.key]?.reason.trim()) missing[`ratings.${i}.reason`] = t("common.required");
    });
    if (!summary.trim()) missing.summary = t("common.required");
    if (!form.validate(missing)) return;
    save.mutate({
      assessedOn,
      ratings: needs.map((n) => ({
        need: n.key,
        rating: Number(rated[n.key]?.rating),
        reason: rated[n.key]?.reason ?? "",
      })),
      childView,
      guardiansView,
      summary,
    });
  };

  return (
    <>
      <CaseHeader detail={detail.data} title={t("support.assessment.new")} />
      <Paragraph>{t("support.assessment.intro", { min: RATING_MIN, max: RATING_MAX })}</Paragraph>
      <div className="support-form">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("support.assessment.submit")}
              pending={save.isPending}
              onCancel={() => navigate(`/support/cases/${id}`)}
            />
          }
        >
          <Textfield
            {...form.field("assessedOn")}
            label={labels.assessedOn}
            type="date"
            value={assessedOn}
            onChange={(e) => setAssessedOn(e.target.value)}
          />
          {needs.map((n, i) => (
            <div key={n.key} className="support-need">
              <Heading level={2} data-size="xs">
                {n[lang]}
              </Heading>
              <Fieldset
                id={form.fieldId(`ratings.${i}.rating`)}
                tabIndex={-1}
                className="support-inline"
              >
                <Fieldset.Legend>
                  {t("support.assessment.ratingOf", { need: n[lang] })}
                </Fieldset.Legend>
                {RATINGS.map((r) => (
                  <Radio
                    key={r}
                    name={`rating-${n.key}`}
                    value={String(r)}
                    label={t(`support.assessment.scale.${r}`, { defaultValue: String(r) })}
                    checked={rated[n.key]?.rating === String(r)}
                    onChange={() => set(n.key, { rating: String(r) })}
                  />
                ))}
              </Fieldset>
              {form.fieldErrors[`ratings.${i}.rating`] ? (
                <Paragraph data-size="sm" className="support-error">
                  {form.fieldErrors[`ratings.${i}.rating`]}
                </Paragraph>
              ) : null}
              <Textfield
                {...form.field(`ratings.${i}.reason`)}
                label={t("support.assessment.reasonFor", { need: n[lang] })}
                multiline
                rows={2}
                value={rated[n.key]?.reason ?? ""}
                onChange={(e) => set(n.key, { reason: e.target.value })}
              />
            </div>
          ))}
          <Textfield
            {...form.field("childView")}
            label={t("support.assessment.childView")}
            description={t("support.assessment.childViewHint")}
            multiline
            rows={3}
            value={childView}
            onChange={(e) => setChildView(e.target.value)}
          />
          <Textfield
            {...form.field("guardiansView")}
            label={t("support.assessment.guardiansView")}
            multiline
            rows={3}
            value={guardiansView}
            onChange={(e) => setGuardiansView(e.target.value)}
          />
          <Textfield
            {...form.field("summary")}
            label={labels.summary}
            description={t("support.assessment.summaryHint")}
            multiline
            rows={4}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </ValidatedForm>
      </div>
    </>
  );
}
