import { Alert, Button, Card, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
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
import {
  FormErrorSummary,
  type FormErrors,
  SelectField,
  useFormErrors,
} from "../../components/forms.tsx";
import { kindName } from "../../components/labels.ts";
import { AppLink, PageTitle } from "../../components/page.tsx";
import { useCommunities } from "./list.tsx";
import { API, type Guide, useLang } from "./shared.tsx";

const CUSTOM = "custom";
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The topic select's value and the free-text topic, from an assessment's topic. */
export function topicState(topic: Topic): { topic: string; customTopic: string } {
  return topic.kind === "custom"
    ? { topic: CUSTOM, customTopic: topic.name }
    : { topic: topic.key, customTopic: "" };
}

/** The request body's topic from the select's value and the free-text topic. */
export function topicBody(topic: string, customTopic: string) {
  return topic === CUSTOM ? { kind: "custom", name: customTopic } : { kind: "preset", key: topic };
}

/** The topic: one of the presets, or free text shown when "own topic" is chosen. */
export function TopicFields({
  form,
  topic,
  onTopic,
  customTopic,
  onCustomTopic,
}: {
  form: FormErrors;
  topic: string;
  onTopic: (value: string) => void;
  customTopic: string;
  onCustomTopic: (value: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <SelectField
        id={form.fieldId("topic")}
        label={t("readiness.topic")}
        value={topic}
        onChange={onTopic}
        error={form.fieldErrors.topic}
      >
        {TOPIC_KEYS.map((k) => (
          <option key={k} value={k}>
            {capitalise(TOPICS[k][lang])}
          </option>
        ))}
        <option value={CUSTOM}>{t("readiness.new.customOption")}</option>
      </SelectField>
      {topic === CUSTOM ? (
        <Textfield
          id={form.fieldId("topic.name")}
          label={t("readiness.new.customTopic")}
          description={t("readiness.new.customTopicHint")}
          value={customTopic}
          onChange={(e) => onCustomTopic(e.target.value)}
          error={form.fieldErrors["topic.name"]}
          required
        />
      ) : null}
    </>
  );
}

export function ReadinessNewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const guides = useQuery<Guide[], ApiError>({
    queryKey: ["readiness", "guides"],
    queryFn: () => get<Guide[]>(`${API}/guides`),
  });
  const year = new Date().getFullYear();
  const [topic, setTopic] = useState<string>("andt");
  const [customTopic, setCustomTopic] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [periodStart, setPeriodStart] = useState(`${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(`${year}-12-31`);
  const [target, setTarget] = useState("5");
  const [grid, setGrid] = useState<ScoreGrid>("half");
  const [guideId, setGuideId] = useState("");
  const form = useFormErrors("new-assessment");

  const communities = useCommunities();

  const create = useMutation({
    mutationFn: (body: unknown) => api<AssessmentDetail>("POST", `${API}/assessments`, body),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ["readiness", "assessments"] });
      navigate(`/readiness/${created.id}`, { state: { created: true } });
    },
    onError: form.fromError,
  });

  const targetNumber = Number(target);
  const lowTarget =
    Number.isInteger(targetNumber) && targetNumber > 0 && targetNumber < MIN_INTERVIEWS;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      topic: topicBody(topic, customTopic),
      organisationId,
      periodStart,
      periodEnd,
      targetInterviews: Number(target),
      scoreGrid: grid,
      ...(guideId ? { guideId } : {}),
    };
    const parsed = AssessmentCreateBodySchema.safeParse(body);
    if (!parsed.success) {
      form.fromZod(parsed.error, {
        organisationId: t("readiness.new.communityRequired"),
        "topic.name": t("readiness.new.topicRequired"),
        targetInterviews: t("readiness.new.targetInvalid"),
        periodStart: t("readiness.new.dateInvalid"),
        periodEnd:
          periodEnd && periodStart
            ? t("readiness.new.endBeforeStart")
            : t("readiness.new.dateInvalid"),
      });
      return;
    }
    form.clear();
    create.mutate(parsed.data);
  };

  const labels = {
    topic: t("readiness.topic"),
    "topic.name": t("readiness.new.customTopic"),
    organisationId: t("readiness.community"),
    periodStart: t("readiness.new.periodStart"),
    periodEnd: t("readiness.new.periodEnd"),
    targetInterviews: t("readiness.new.target"),
    scoreGrid: t("readiness.new.grid"),
  };

  return (
    <>
      <nav aria-label={t("readiness.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/readiness">{t("readiness.title")}</AppLink>
      </nav>
      <PageTitle title={t("readiness.new.title")}>{t("readiness.new.title")}</PageTitle>
      <Paragraph>{t("readiness.new.intro")}</Paragraph>
      <Card data-color="neutral" className="readiness-form-card">
        <form onSubmit={submit} noValidate className="form-stack">
          <FormErrorSummary
            errors={form.fieldErrors}
            formError={form.formError}
            fieldId={form.fieldId}
            labels={labels}
          />
          <TopicFields
            form={form}
            topic={topic}
            onTopic={setTopic}
            customTopic={customTopic}
            onCustomTopic={setCustomTopic}
          />
          <SelectField
            id={form.fieldId("organisationId")}
            label={labels.organisationId}
            description={t("readiness.new.communityHint")}
            value={organisationId}
            onChange={setOrganisationId}
            error={form.fieldErrors.organisationId}
            required
          >
            <option value="">{t("readiness.new.chooseCommunity")}</option>
            {communities.map((o) => (
              <option key={o.id} value={o.id}>
                {`${o.name} (${kindName(t, o.kind)})`}
              </option>
            ))}
          </SelectField>
          <div className="readiness-inline">
            <Textfield
              id={form.fieldId("periodStart")}
              label={labels.periodStart}
              type="date"
              value={periodStart}
              onChange={(e) => setPeriodStart(e.target.value)}
              error={form.fieldErrors.periodStart}
              required
            />
            <Textfield
              id={form.fieldId("periodEnd")}
              label={labels.periodEnd}
              type="date"
              value={periodEnd}
              onChange={(e) => setPeriodEnd(e.target.value)}
              error={form.fieldErrors.periodEnd}
              required
            />
          </div>
          <Textfield
            id={form.fieldId("targetInterviews")}
            label={labels.targetInterviews}
            description={t("readiness.new.targetHint", {
              min: GUIDANCE_INTERVIEWS.min,
              max: GUIDANCE_INTERVIEWS.max,
              least: MIN_INTERVIEWS,
            })}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            error={form.fieldErrors.targetInterviews}
            required
          />
          {lowTarget ? (
            <Alert data-color="warning" role="status">
              {t("readiness.new.lowTarget", { least: MIN_INTERVIEWS })}
            </Alert>
          ) : null}
          <SelectField
            id={form.fieldId("scoreGrid")}
            label={labels.scoreGrid}
            description={t("readiness.new.gridHint")}
            value={grid}
            onChange={(v) => setGrid(v as ScoreGrid)}
          >
            {SCORE_GRIDS.map((g) => (
              <option key={g} value={g}>
                {t(`readiness.grids.${g}`)}
              </option>
            ))}
          </SelectField>
          {guides.data ? (
            <SelectField
              id={form.fieldId("guideId")}
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
          <div className="button-row">
            <Button type="submit" disabled={create.isPending}>
              {t("readiness.new.submit")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => navigate("/readiness")}>
              {t("common.cancel")}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
