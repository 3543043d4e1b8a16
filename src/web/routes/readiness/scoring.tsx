import { Alert, Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { anchorsFor } from "../../../domain/readiness/anchors.ts";
import type { ScoreSheet } from "../../../domain/readiness/api.ts";
import { DIMENSION_LETTERS, type DimensionLetter } from "../../../domain/readiness/dimensions.ts";
import { renderGuide } from "../../../domain/readiness/guide.ts";
import { validateScore } from "../../../domain/readiness/scoring.ts";
import { type ApiError, api, get } from "../../api.ts";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { SelectField, StatusMessage, useFormErrors } from "../../components/forms.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import {
  API,
  BackToAssessment,
  dimensionName,
  formatScore,
  gridValues,
  useInterview,
  useLang,
} from "./shared.tsx";

type Scores = Partial<Record<DimensionLetter, number>>;

export function ReadinessScoringPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "", interviewId = "" } = useParams();
  const client = useQueryClient();
  const interview = useInterview(id, interviewId);
  const url = `${API}/assessments/${id}/interviews/${interviewId}/scores`;
  const sheet = useQuery<ScoreSheet, ApiError>({
    queryKey: ["readiness", "scores", interviewId],
    queryFn: () => get<ScoreSheet>(url),
  });
  const [scores, setScores] = useState<Scores>({});
  const [status, setStatus] = useState<string | null>(null);
  const form = useFormErrors("scores");
  useEffect(() => {
    if (sheet.data) setScores(sheet.data.scores);
  }, [sheet.data]);

  const sections = useMemo(
    () => (interview.data ? renderGuide(interview.data.guide, interview.data.topicName, lang) : []),
    [interview.data, lang],
  );

  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ["readiness", "scores", interviewId] });
    await client.invalidateQueries({ queryKey: ["readiness", "assessment", id] });
  };
  const saveDraft = useMutation({
    mutationFn: () => api<ScoreSheet>("PUT", url, { scores }),
    onSuccess: async () => {
      form.clear();
      setStatus(t("readiness.scoring.draftSaved"));
      await refresh();
    },
    onError: form.fromError,
  });
  const submit = useMutation({
    mutationFn: async () => {
      await api<ScoreSheet>("PUT", url, { scores });
      return api<ScoreSheet>("POST", `${url}/submit`);
    },
    onSuccess: async () => {
      form.clear();
      setStatus(t("readiness.scoring.submitted"));
      await refresh();
    },
    onError: form.fromError,
  });

  if (sheet.isPending || interview.isPending) return <Loading />;
  if (sheet.isError || interview.isError) {
    const error = sheet.error ?? interview.error;
    return isForbidden(error) ? <ForbiddenPage /> : <NotFoundPage />;
  }
  const s = sheet.data;
  const i = interview.data;
  const values = gridValues(s.scoreGrid);
  const missing = DIMENSION_LETTERS.filter((d) => scores[d] === undefined);
  const title = t("readiness.scoring.title", { n: i.number });

  const onSubmit = () => {
    if (missing.length > 0) {
      form.setFieldErrors(
        Object.fromEntries(missing.map((d) => [d, t("readiness.scoring.scoreRequired")])),
      );
      return;
    }
    for (const d of DIMENSION_LETTERS) {
      const check = validateScore(scores[d] ?? 0, s.scoreGrid);
      if (!check.ok) {
        form.setFieldErrors({ [d]: check.message });
        return;
      }
    }
    submit.mutate();
  };

  return (
    <>
      <BackToAssessment id={id} />
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{t("readiness.scoring.intro")}</Paragraph>
      <p>
        <AppLink to={`/readiness/${id}/interviews/${interviewId}`}>
          {t("readiness.scoring.readWhole")}
        </AppLink>
      </p>
      <StatusMessage message={status} />
      {form.formError ? (
        <Alert data-color="danger" role="alert">
          {form.formError}
        </Alert>
      ) : null}
      {s.submitted ? (
        <Alert data-color="info">{t("readiness.scoring.alreadySubmitted")}</Alert>
      ) : null}
      {DIMENSION_LETTERS.map((d) => {
        const section = sections.find((x) => x.dimension === d);
        const fieldId = form.fieldId(d);
        return (
          <section key={d} aria-labelledby={`score-dim-${d}`} className="readiness-section">
            <Heading level={2} data-size="sm" id={`score-dim-${d}`}>
              {d}. {dimensionName(d, lang)}
            </Heading>
            <div className="readiness-score-grid">
              <div className="readiness-score-text">
                <Heading level={3} data-size="2xs">
                  {t("readiness.scoring.interviewText")}
                </Heading>
                {(section?.questions ?? []).map((q) => (
                  <div key={q.id} className="readiness-answer">
                    <p className="readiness-answer__q">
                      {q.id}. {q.text}
                    </p>
                    <p className="readiness-answer__a">
                      {i.answers[q.id]?.trim() ? (
                        i.answers[q.id]
                      ) : (
                        <em>{t("readiness.scoring.noAnswer")}</em>
                      )}
                    </p>
                  </div>
                ))}
              </div>
              <div className="readiness-score-anchors">
                <Heading level={3} data-size="2xs">
                  {t("readiness.scoring.anchors")}
                </Heading>
                <ol className="readiness-anchors">
                  {anchorsFor(d).map((a) => (
                    <li
                      key={a.level}
                      value={a.level}
                      data-current={Math.floor(scores[d] ?? 0) === a.level || undefined}
                    >
                      {a.statement[lang]}
                    </li>
                  ))}
                </ol>
                {s.submitted ? (
                  <p className="readiness-given">
                    {t("readiness.scoring.scoreFor", { dimension: dimensionName(d, lang) })}:{" "}
                    <strong>{formatScore(scores[d], lang)}</strong>
                  </p>
                ) : (
                  <SelectField
                    id={fieldId}
                    label={t("readiness.scoring.scoreFor", { dimension: dimensionName(d, lang) })}
                    value={scores[d] === undefined ? "" : String(scores[d])}
                    onChange={(v) =>
                      setScores((prev) => {
                        const next = { ...prev };
                        if (v === "") delete next[d];
                        else next[d] = Number(v);
                        return next;
                      })
                    }
                    error={form.fieldErrors[d]}
                  >
                    <option value="">{t("readiness.scoring.choose")}</option>
                    {values.map((v) => (
                      <option key={v} value={String(v)}>
                        {formatScore(v, lang)}
                      </option>
                    ))}
                  </SelectField>
                )}
              </div>
            </div>
          </section>
        );
      })}
      {!s.submitted ? (
        <div className="button-row readiness-sticky-actions">
          <Button
            variant="secondary"
            onClick={() => saveDraft.mutate()}
            disabled={saveDraft.isPending || submit.isPending}
          >
            {t("readiness.scoring.saveDraft")}
          </Button>
          <Button onClick={onSubmit} disabled={saveDraft.isPending || submit.isPending}>
            {t("readiness.scoring.submit")}
          </Button>
          <span className="muted">{t("readiness.scoring.submitHint")}</span>
        </div>
      ) : null}
      <section aria-labelledby="others-heading" className="readiness-section">
        <Heading level={2} data-size="sm" id="others-heading">
          {t("readiness.scoring.others")}
        </Heading>
        {s.others.length === 0 ? <Paragraph>{t("readiness.scoring.noOthers")}</Paragraph> : null}
        {s.others.map((o) => (
          <div key={o.scorerId} className="readiness-other">
            <Heading level={3} data-size="2xs">
              {o.displayName}
            </Heading>
            {o.scores ? (
              <Table>
                <caption className="visually-hidden">
                  {t("readiness.scoring.othersCaption", { name: o.displayName })}
                </caption>
                <Table.Head>
                  <Table.Row>
                    {DIMENSION_LETTERS.map((d) => (
                      <Table.HeaderCell key={d}>
                        <abbr title={dimensionName(d, lang)}>{d}</abbr>
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  <Table.Row>
                    {DIMENSION_LETTERS.map((d) => (
                      <Table.Cell key={d}>{formatScore(o.scores?.[d], lang)}</Table.Cell>
                    ))}
                  </Table.Row>
                </Table.Body>
              </Table>
            ) : (
              <Paragraph data-size="sm">
                {o.submitted
                  ? t("readiness.scoring.hiddenUntilYou")
                  : t("readiness.scoring.hiddenNotSubmitted")}
              </Paragraph>
            )}
          </div>
        ))}
      </section>
    </>
  );
}
