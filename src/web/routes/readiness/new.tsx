import { Alert, Card, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  AssessmentCreateBodySchema,
  type AssessmentDetail,
} from "../../../domain/readiness/api.ts";
import { GUIDANCE_INTERVIEWS, MIN_INTERVIEWS } from "../../../domain/readiness/interview-count.ts";
import { SCORE_GRIDS, type ScoreGrid } from "../../../domain/readiness/scoring.ts";
import { TOPIC_KEYS, TOPICS, type Topic } from "../../../domain/readiness/topics.ts";
import { type ApiError, api, get } from "../../api.ts";
import { ForbiddenPage } from "../../components/forbidden.tsx";
import {
  FormActions,
  type FormErrors,
  Options,
  SelectField,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { AppLink, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { API, CommunityField, type Guide, useLang } from "./shared.tsx";

const CUSTOM = "custom";
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the fields of an assessment hold while it is created or edited. */
export interface AssessmentDraft {
  /** A preset topic's key, or "custom" for free text. */
  topic: string;
  customTopic: string;
  periodStart: string;
  periodEnd: string;
  target: string;
}

/** The fields of an existing assessment, to edit. */
export function assessmentDraft(a: {
  topic: Topic;
  periodStart: string;
  periodEnd: string;
  targetInterviews: number;
}): AssessmentDraft {
  return {
    ...(a.topic.kind === "custom"
      ? { topic: CUSTOM, customTopic: a.topic.name }
      : { topic: a.topic.key, customTopic: "" }),
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    target: String(a.targetInterviews),
  };
}

/** The request body's topic, period and target from the fields. */
export function assessmentBody(draft: AssessmentDraft) {
  return {
    topic:
      draft.topic === CUSTOM
        ? { kind: "custom", name: draft.customTopic }
        : { kind: "preset", key: draft.topic },
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    targetInterviews: Number(draft.target),
  };
}

/**
 * The topic (one of the presets, or free text shown when "own topic" is chosen), any
 * `children`, then the period (first and last day side by side) and the planned interviews.
 */
export function AssessmentFields({
  form,
  draft,
  onChange,
  children,
}: {
  form: FormErrors;
  draft: AssessmentDraft;
  onChange: (draft: AssessmentDraft) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const set = (key: keyof AssessmentDraft) => (value: string) =>
    onChange({ ...draft, [key]: value });
  return (
    <>
      <SelectField
        {...form.field("topic")}
        label={t("readiness.topic")}
        value={draft.topic}
        onChange={set("topic")}
      >
        {TOPIC_KEYS.map((k) => (
          <option key={k} value={k}>
            {capitalise(TOPICS[k][lang])}
          </option>
        ))}
        <option value={CUSTOM}>{t("readiness.new.customOption")}</option>
      </SelectField>
      {draft.topic === CUSTOM ? (
        <Textfield
          {...form.field("topic.name")}
          label={t("readiness.new.customTopic")}
          description={t("readiness.new.customTopicHint")}
          value={draft.customTopic}
          onChange={(e) => set("customTopic")(e.target.value)}
          required
        />
      ) : null}
      {children}
      <div className="readiness-inline">
        <Textfield
          {...form.field("periodStart")}
          label={t("readiness.new.periodStart")}
          type="date"
          value={draft.periodStart}
          onChange={(e) => set("periodStart")(e.target.value)}
          required
        />
        <Textfield
          {...form.field("periodEnd")}
          label={t("readiness.new.periodEnd")}
          type="date"
          value={draft.periodEnd}
          onChange={(e) => set("periodEnd")(e.target.value)}
          required
        />
      </div>
      <Textfield
        {...form.field("targetInterviews")}
        label={t("readiness.new.target")}
        description={t("readiness.new.targetHint", {
          min: GUIDANCE_INTERVIEWS.min,
          max: GUIDANCE_INTERVIEWS.max,
          least: MIN_INTERVIEWS,
        })}
        type="number"
        inputMode="numeric"
        min={1}
        max={20}
        value={draft.target}
        onChange={(e) => set("target")(e.target.value)}
        required
      />
    </>
  );
}

/** Labels of the fields an assessment is created and edited with, for the error summary. */
export function assessmentLabels(t: TFunction) {
  return {
    topic: t("readiness.topic"),
    "topic.name": t("readiness.new.customTopic"),
    periodStart: t("readiness.new.periodStart"),
    periodEnd: t("readiness.new.periodEnd"),
    targetInterviews: t("readiness.new.target"),
  };
}

/** Messages for an assessment's fields that fail the schema. */
export function assessmentMessages(t: TFunction) {
  return {
    "topic.name": t("readiness.new.topicRequired"),
    targetInterviews: t("readiness.new.targetInvalid"),
    periodStart: t("readiness.new.dateInvalid"),
    periodEnd: t("readiness.new.dateInvalid"),
  };
}

export function ReadinessNewPage() {
  const { t } = useTranslation();
  const allowed = useCan()("community.edit");
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const guides = useQuery<Guide[], ApiError>({
    queryKey: ["readiness", "guides"],
    queryFn: () => get<Guide[]>(`${API}/guides`),
  });
  const year = new Date().getFullYear();
  const [draft, setDraft] = useState<AssessmentDraft>({
    topic: "andt",
    customTopic: "",
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    target: "5",
  });
  const [organisationId, setOrganisationId] = useState("");
  const [grid, setGrid] = useState<ScoreGrid>("half");
  const [guideId, setGuideId] = useState("");
  const form = useFormErrors("new-assessment");

  const create = useMutation({
    mutationFn: (body: unknown) => api<AssessmentDetail>("POST", `${API}/assessments`, body),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ["readiness", "assessments"] });
      navigate(`/readiness/${created.id}`, { state: { created: true } });
    },
    onError: form.fromError,
  });

  const targetNumber = Number(draft.target);
  const lowTarget =
    Number.isInteger(targetNumber) && targetNumber > 0 && targetNumber < MIN_INTERVIEWS;

  const submit = () => {
    const { periodStart, periodEnd } = draft;
    const body = {
      ...assessmentBody(draft),
      organisationId,
      scoreGrid: grid,
      ...(guideId ? { guideId } : {}),
    };
    const parsed = form.parse(AssessmentCreateBodySchema, body, {
      ...assessmentMessages(t),
      organisationId: t("readiness.new.communityRequired"),
      periodEnd:
        periodEnd && periodStart
          ? t("readiness.new.endBeforeStart")
          : t("readiness.new.dateInvalid"),
    });
    if (parsed) create.mutate(parsed);
  };

  const labels = {
    ...assessmentLabels(t),
    organisationId: t("readiness.community"),
    scoreGrid: t("readiness.new.grid"),
  };
  if (!allowed) return <ForbiddenPage />;

  return (
    <>
      <nav aria-label={t("readiness.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/readiness">{t("readiness.title")}</AppLink>
      </nav>
      <PageTitle title={t("readiness.new.title")}>{t("readiness.new.title")}</PageTitle>
      <Paragraph>{t("readiness.new.intro")}</Paragraph>
      <Card data-color="neutral" className="readiness-form-card">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              submitLabel={t("readiness.new.submit")}
              pending={create.isPending}
              onCancel={() => navigate("/readiness")}
            />
          }
        >
          <AssessmentFields form={form} draft={draft} onChange={setDraft}>
            <CommunityField
              {...form.field("organisationId")}
              label={labels.organisationId}
              description={t("readiness.new.communityHint")}
              placeholder={t("readiness.new.chooseCommunity")}
              value={organisationId}
              onChange={setOrganisationId}
            />
          </AssessmentFields>
          {lowTarget ? (
            <Alert data-color="warning" role="status">
              {t("readiness.new.lowTarget", { least: MIN_INTERVIEWS })}
            </Alert>
          ) : null}
          <SelectField
            {...form.field("scoreGrid")}
            label={labels.scoreGrid}
            description={t("readiness.new.gridHint")}
            value={grid}
            onChange={(v) => setGrid(v as ScoreGrid)}
          >
            <Options values={SCORE_GRIDS} label={(g) => t(`readiness.grids.${g}`)} />
          </SelectField>
          {guides.data ? (
            <SelectField
              {...form.field("guideId")}
              label={t("readiness.new.guide")}
              value={guideId}
              onChange={setGuideId}
            >
              <option value="">{t("readiness.new.defaultGuide")}</option>
              {guides.data
                .filter((g) => g.organisationId !== null)
                .map((g) => (
                  <option key={g.id} value={g.id}>
                    {t("readiness.new.guideVersion", { title: g.title[lang], version: g.version })}
                  </option>
                ))}
            </SelectField>
          ) : null}
        </ValidatedForm>
      </Card>
    </>
  );
}
