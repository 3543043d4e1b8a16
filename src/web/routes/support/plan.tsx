import { Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { MEASURE_STATUSES } from "../../../domain/support/plan.ts";
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
import {
  formatDate,
  isNotFound,
  type MeasureList,
  urls,
  useLang,
  useSupportQuery,
} from "./shared.tsx";

type Measure = MeasureList["measures"][number];

/** Follow-up of one measure: done or not, and what came of it. */
function MeasureFollowUp({
  caseId,
  measure,
  onSaved,
}: {
  caseId: string;
  measure: Measure;
  onSaved: (m: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const form = useFormErrors(`measure-${measure.id}`);
  const [status, setStatus] = useState<string>(measure.status);
  const [evaluation, setEvaluation] = useState(measure.evaluation);
  const save = useMutation({
    mutationFn: () =>
      api("PATCH", urls.measure(caseId, measure.id), {
        status,
        evaluation,
        version: measure.version,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["support"] });
      onSaved(t("support.plan.saved"));
    },
    onError: form.fromError,
  });
  const headingId = `measure-${measure.id}-heading`;
  return (
    <article className="support-row" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {measure.what}
      </Heading>
      <Paragraph data-size="sm">
        {t("support.plan.line", {
          owner: measure.ownerName,
          due: formatDate(measure.dueOn, lang),
          evaluation: formatDate(measure.evaluateOn, lang),
        })}
        {measure.overdue ? ` (${t("support.plan.overdue")})` : null}
      </Paragraph>
      <ValidatedForm
        form={form}
        onSubmit={() => save.mutate()}
        submitLabel={t("support.plan.saveFollowUp")}
        pending={save.isPending}
        variant="secondary"
      >
        <SelectField
          {...form.field("status")}
          label={t("support.plan.statusOf", { what: measure.what })}
          value={status}
          onChange={setStatus}
        >
          <Options values={MEASURE_STATUSES} label={(s) => t(`support.plan.statuses.${s}`)} />
        </SelectField>
        <Textfield
          {...form.field("evaluation")}
          label={t("support.plan.evaluationOf", { what: measure.what })}
          multiline
          rows={2}
          value={evaluation}
          onChange={(e) => setEvaluation(e.target.value)}
        />
      </ValidatedForm>
    </article>
  );
}

/** The plan: every measure with a named owner, a date and an evaluation date; follow-up of each. */
export function SupportPlanPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const detail = useCase(id);
  const list = useSupportQuery<MeasureList>(["measures", id], urls.measures(id));
  const form = useFormErrors("measure");
  const [what, setWhat] = useState("");
  const [ownerName, setOwnerName] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [evaluateOn, setEvaluateOn] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => api("POST", urls.measures(id), { what, ownerName, dueOn, evaluateOn }),
    onSuccess: async () => {
      setWhat("");
      setOwnerName("");
      setDueOn("");
      setEvaluateOn("");
      await client.invalidateQueries({ queryKey: ["support"] });
      setStatus(t("support.plan.added"));
    },
    onError: form.fromError,
  });
  if (detail.isPending || list.isPending) return <Loading />;
  if (isNotFound(detail.error) || isNotFound(list.error)) return <NotFoundPage />;
  if (!detail.data) return <Paragraph>{t("common.unknownError")}</Paragraph>;
  const measures = list.data?.measures ?? [];
  const labels = {
    what: t("support.plan.what"),
    ownerName: t("support.plan.owner"),
    dueOn: t("support.plan.due"),
    evaluateOn: t("support.plan.evaluation"),
  };
  const submit = () => {
    const missing: Record<string, string> = {};
    for (const [key, value] of Object.entries({ what, ownerName, dueOn, evaluateOn })) {
      if (!value.trim()) missing[key] = t("common.required");
    }
    if (form.validate(missing)) add.mutate();
  };
  return (
    <>
      <CaseHeader detail={detail.data} title={t("support.plan.title")} />
      <Paragraph>{t("support.plan.intro")}</Paragraph>
      <StatusMessage message={status} />
      <section className="support-section" aria-labelledby="plan-measures">
        <Heading level={2} data-size="md" id="plan-measures">
          {t("support.plan.caption")}
        </Heading>
        {measures.length === 0 ? <Paragraph>{t("support.plan.none")}</Paragraph> : null}
        {measures.map((m) => (
          <MeasureFollowUp
            key={`${m.id}-${m.version}`}
            caseId={id}
            measure={m}
            onSaved={setStatus}
          />
        ))}
      </section>
      <section className="support-section support-form" aria-labelledby="plan-new">
        <Heading level={2} data-size="md" id="plan-new">
          {t("support.plan.new")}
        </Heading>
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("support.plan.add")}
              pending={add.isPending}
              onCancel={() => navigate(`/support/cases/${id}`)}
            />
          }
        >
          <Textfield
            {...form.field("what")}
            label={labels.what}
            value={what}
            onChange={(e) => setWhat(e.target.value)}
          />
          <Textfield
            {...form.field("ownerName")}
            label={labels.ownerName}
            description={t("support.plan.ownerHint")}
            value={ownerName}
            onChange={(e) => setOwnerName(e.target.value)}
          />
          <div className="support-inline">
            <Textfield
              {...form.field("dueOn")}
              label={labels.dueOn}
              type="date"
              value={dueOn}
              onChange={(e) => setDueOn(e.target.value)}
            />
            <Textfield
              {...form.field("evaluateOn")}
              label={labels.evaluateOn}
              type="date"
              value={evaluateOn}
              onChange={(e) => setEvaluateOn(e.target.value)}
            />
          </div>
        </ValidatedForm>
      </section>
    </>
  );
}
