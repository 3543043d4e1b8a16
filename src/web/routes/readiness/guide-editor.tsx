import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { GuideCreateBodySchema } from "../../../domain/readiness/api.ts";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../../domain/readiness/dimensions.ts";
import { TOPIC_PLACEHOLDER } from "../../../domain/readiness/guide.ts";
import { api } from "../../api.ts";
import {
  type FieldErrors,
  FormActions,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import {
  type DraftQuestion,
  type DraftText,
  draftOf,
  newKey,
  nextQuestionId,
} from "./guide-draft.ts";
import { API, CommunityField, dimensionName, type Guide, useLang } from "./shared.tsx";

export function GuideEditor({ base }: { base: Guide }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useFormErrors("guide");
  const [organisationId, setOrganisationId] = useState(base.organisationId ?? "");
  const [titleText, setTitleText] = useState<DraftText>({ ...base.title });
  const [questions, setQuestions] = useState<DraftQuestion[]>(() => draftOf(base));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const focusAfter = useRef<string[] | null>(null);
  const baseIds = useMemo(() => new Set(base.questions.map((q) => q.id)), [base]);

  // After a question is added, moved or removed, focus goes to the first of these that exists.
  useEffect(() => {
    const ids = focusAfter.current;
    if (!ids) return;
    focusAfter.current = null;
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLButtonElement | null;
      if (el && !el.disabled) {
        el.focus();
        return;
      }
    }
  });

  const save = useMutation({
    mutationFn: (body: unknown) => api<Guide>("POST", `${API}/guides`, body),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ["readiness", "guides"] });
      navigate("/readiness/guides", { state: { created } });
    },
    onError: form.fromError,
  });

  const update = (key: number, change: (q: DraftQuestion) => DraftQuestion) =>
    setQuestions((prev) => prev.map((q) => (q.key === key ? change(q) : q)));

  const addQuestion = (dimension: DimensionLetter) => {
    const id = nextQuestionId(
      dimension,
      questions.map((q) => q.id),
      baseIds,
    );
    const question: DraftQuestion = {
      key: newKey(),
      id,
      dimension,
      text: { sv: "", en: "" },
      followUps: [],
    };
    const last = questions.findLastIndex(
      (q) => DIMENSION_LETTERS.indexOf(q.dimension) <= DIMENSION_LETTERS.indexOf(dimension),
    );
    const next = [...questions];
    next.splice(last + 1, 0, question);
    setQuestions(next);
    form.clear();
    focusAfter.current = [form.fieldId(`questions.${last + 1}.text.sv`)];
    setAnnouncement(t("readiness.guides.questionAdded", { id }));
  };

  const removeQuestion = (q: DraftQuestion) => {
    setQuestions((prev) => prev.filter((x) => x.key !== q.key));
    form.clear();
    focusAfter.current = [`guide-add-${q.dimension}`];
    setAnnouncement(t("readiness.guides.questionRemoved", { id: q.id }));
  };

  const moveQuestion = (q: DraftQuestion, direction: -1 | 1) => {
    const index = questions.findIndex((x) => x.key === q.key);
    const other = questions[index + direction];
    if (!other || other.dimension !== q.dimension) return;
    const next = [...questions];
    next[index] = other;
    next[index + direction] = q;
    setQuestions(next);
    form.clear();
    const own = direction < 0 ? "up" : "down";
    const opposite = direction < 0 ? "down" : "up";
    focusAfter.current = [`guide-q-${q.key}-${own}`, `guide-q-${q.key}-${opposite}`];
    setAnnouncement(
      t(direction < 0 ? "readiness.guides.movedUp" : "readiness.guides.movedDown", { id: q.id }),
    );
  };

  const body = () => ({
    organisationId,
    baseGuideId: base.id,
    title: titleText,
    questions: questions.map((q) => ({
      id: q.id,
      dimension: q.dimension,
      text: q.text,
      followUps: q.followUps.map(({ sv, en }) => ({ sv, en })),
    })),
  });

  const labels: Record<string, string> = {
    organisationId: t("readiness.guides.owner"),
    "title.sv": t("readiness.guides.titleSv"),
    "title.en": t("readiness.guides.titleEn"),
    questions: t("readiness.guides.questions"),
  };
  questions.forEach((q, i) => {
    labels[`questions.${i}.id`] = t("readiness.guides.questionN", { id: q.id });
    labels[`questions.${i}.text.sv`] =
      `${t("readiness.guides.questionN", { id: q.id })}, ${t("readiness.guides.textSv")}`;
    labels[`questions.${i}.text.en`] =
      `${t("readiness.guides.questionN", { id: q.id })}, ${t("readiness.guides.textEn")}`;
    q.followUps.forEach((_, j) => {
      const name = t("readiness.guides.followUpOf", { n: j + 1, id: q.id });
      labels[`questions.${i}.followUps.${j}.sv`] = `${name}, ${t("readiness.guides.textSv")}`;
      labels[`questions.${i}.followUps.${j}.en`] = `${name}, ${t("readiness.guides.textEn")}`;
    });
  });

  const submit = () => {
    const parsed = GuideCreateBodySchema.safeParse(body());
    if (!parsed.success) {
      const messages: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join(".");
        messages[key] =
          key === "organisationId"
            ? t("readiness.guides.ownerRequired")
            : key === "questions"
              ? t("readiness.guides.questionsRequired")
              : t("readiness.guides.textRequired");
      }
      form.fromZod(parsed.error, messages);
      return;
    }
    form.clear();
    save.mutate(parsed.data);
  };

  const fieldOf = (name: string) => form.field(name);
  const topicHint = t("readiness.guides.topicHint", { placeholder: TOPIC_PLACEHOLDER });

  return (
    <>
      <Paragraph>
        {t("readiness.guides.editorIntro", {
          title: base.title[lang],
          version: base.version,
        })}
      </Paragraph>
      <Alert data-color="info" className="readiness-guide-note">
        {t("readiness.guides.versionNote")}
      </Alert>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <div className="readiness-guide-editor">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          actions={
            <FormActions
              className="readiness-sticky-actions"
              submitLabel={t("readiness.guides.save")}
              pending={save.isPending}
              onCancel={() => navigate("/readiness/guides")}
            />
          }
        >
          <CommunityField
            {...fieldOf("organisationId")}
            label={labels.organisationId ?? ""}
            description={t("readiness.guides.ownerHint")}
            placeholder={t("readiness.guides.chooseOwner")}
            value={organisationId}
            onChange={setOrganisationId}
          />
          <div className="readiness-inline">
            <Textfield
              {...fieldOf("title.sv")}
              label={labels["title.sv"]}
              value={titleText.sv}
              onChange={(e) => setTitleText({ ...titleText, sv: e.target.value })}
              required
            />
            <Textfield
              {...fieldOf("title.en")}
              label={labels["title.en"]}
              lang="en"
              value={titleText.en}
              onChange={(e) => setTitleText({ ...titleText, en: e.target.value })}
              required
            />
          </div>
          {form.fieldErrors.questions ? (
            <ValidationMessage id={form.fieldId("questions")}>
              {form.fieldErrors.questions}
            </ValidationMessage>
          ) : null}
          <Paragraph data-size="sm">{topicHint}</Paragraph>
          {DIMENSION_LETTERS.map((d) => {
            const inDimension = questions
              .map((q, index) => ({ q, index }))
              .filter(({ q }) => q.dimension === d);
            return (
              <section
                key={d}
                aria-labelledby={`guide-dim-${d}`}
                className="readiness-guide-dimension"
              >
                <Heading level={2} data-size="sm" id={`guide-dim-${d}`}>
                  {`${d}. ${dimensionName(d, lang)}`}
                </Heading>
                {inDimension.length === 0 ? (
                  <Paragraph data-size="sm">{t("readiness.guides.noQuestions")}</Paragraph>
                ) : null}
                {inDimension.map(({ q, index }, position) => {
                  const name = t("readiness.guides.questionN", { id: q.id });
                  const idError = form.fieldErrors[`questions.${index}.id`];
                  return (
                    <Fieldset
                      key={q.key}
                      id={form.fieldId(`questions.${index}.id`)}
                      className="readiness-guide-question"
                      tabIndex={idError ? -1 : undefined}
                    >
                      <Fieldset.Legend>
                        {name}
                        {baseIds.has(q.id) ? null : (
                          <span className="muted"> ({t("readiness.guides.newQuestion")})</span>
                        )}
                      </Fieldset.Legend>
                      {idError ? <ValidationMessage>{idError}</ValidationMessage> : null}
                      <Textfield
                        {...fieldOf(`questions.${index}.text.sv`)}
                        label={t("readiness.guides.textSv")}
                        description={t("readiness.guides.topicShort", {
                          placeholder: TOPIC_PLACEHOLDER,
                        })}
                        multiline
                        rows={2}
                        value={q.text.sv}
                        onChange={(e) =>
                          update(q.key, (x) => ({ ...x, text: { ...x.text, sv: e.target.value } }))
                        }
                        required
                      />
                      <Textfield
                        {...fieldOf(`questions.${index}.text.en`)}
                        label={t("readiness.guides.textEn")}
                        lang="en"
                        multiline
                        rows={2}
                        value={q.text.en}
                        onChange={(e) =>
                          update(q.key, (x) => ({ ...x, text: { ...x.text, en: e.target.value } }))
                        }
                        required
                      />
                      {q.followUps.length > 0 ? (
                        <Heading level={3} data-size="2xs">
                          {t("readiness.interview.followUps")}
                        </Heading>
                      ) : null}
                      {q.followUps.map((f, j) => {
                        const followName = t("readiness.guides.followUpOf", {
                          n: j + 1,
                          id: q.id,
                        });
                        return (
                          <div key={f.key} className="readiness-guide-followup">
                            <Textfield
                              {...fieldOf(`questions.${index}.followUps.${j}.sv`)}
                              label={`${followName}, ${t("readiness.guides.textSv")}`}
                              value={f.sv}
                              onChange={(e) =>
                                update(q.key, (x) => ({
                                  ...x,
                                  followUps: x.followUps.map((y) =>
                                    y.key === f.key ? { ...y, sv: e.target.value } : y,
                                  ),
                                }))
                              }
                              required
                            />
                            <Textfield
                              {...fieldOf(`questions.${index}.followUps.${j}.en`)}
                              label={`${followName}, ${t("readiness.guides.textEn")}`}
                              lang="en"
                              value={f.en}
                              onChange={(e) =>
                                update(q.key, (x) => ({
                                  ...x,
                                  followUps: x.followUps.map((y) =>
                                    y.key === f.key ? { ...y, en: e.target.value } : y,
                                  ),
                                }))
                              }
                              required
                            />
                            <div>
                              <Button
                                type="button"
                                variant="tertiary"
                                data-size="sm"
                                onClick={() => {
                                  update(q.key, (x) => ({
                                    ...x,
                                    followUps: x.followUps.filter((y) => y.key !== f.key),
                                  }));
                                  form.clear();
                                  focusAfter.current = [`guide-q-${q.key}-addfollow`];
                                  setAnnouncement(
                                    t("readiness.guides.followUpRemoved", { id: q.id }),
                                  );
                                }}
                              >
                                {t("readiness.guides.removeFollowUp", { name: followName })}
                              </Button>
                            </div>
                          </div>
                        );
                      })}
                      <div className="button-row">
                        <Button
                          type="button"
                          variant="secondary"
                          data-size="sm"
                          id={`guide-q-${q.key}-addfollow`}
                          onClick={() => {
                            const followUp = { key: newKey(), sv: "", en: "" };
                            update(q.key, (x) => ({ ...x, followUps: [...x.followUps, followUp] }));
                            focusAfter.current = [
                              form.fieldId(`questions.${index}.followUps.${q.followUps.length}.sv`),
                            ];
                          }}
                        >
                          {t("readiness.guides.addFollowUp")}
                          <span className="visually-hidden"> {name}</span>
                        </Button>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          id={`guide-q-${q.key}-up`}
                          disabled={position === 0}
                          onClick={() => moveQuestion(q, -1)}
                          aria-label={t("readiness.guides.moveUpNamed", { id: q.id })}
                        >
                          {t("readiness.guides.moveUp")}
                        </Button>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          id={`guide-q-${q.key}-down`}
                          disabled={position === inDimension.length - 1}
                          onClick={() => moveQuestion(q, 1)}
                          aria-label={t("readiness.guides.moveDownNamed", { id: q.id })}
                        >
                          {t("readiness.guides.moveDown")}
                        </Button>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-color="danger"
                          data-size="sm"
                          onClick={() => removeQuestion(q)}
                          aria-label={t("readiness.guides.removeNamed", { id: q.id })}
                        >
                          {t("readiness.guides.remove")}
                        </Button>
                      </div>
                    </Fieldset>
                  );
                })}
                <Button
                  type="button"
                  variant="secondary"
                  id={`guide-add-${d}`}
                  onClick={() => addQuestion(d)}
                >
                  {t("readiness.guides.addQuestion", { dimension: d })}
                </Button>
              </section>
            );
          })}
        </ValidatedForm>
      </div>
    </>
  );
}
