import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Textarea,
} from "@digdir/designsystemet-react";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { renderGuide } from "../../../domain/readiness/guide.ts";
import { ApiError, api } from "../../api.ts";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import {
  API,
  BackToAssessment,
  dimensionName,
  formatDate,
  type InterviewDetail,
  sectorLabel,
  useAssessment,
  useInterview,
  useLang,
} from "./shared.tsx";

type Answers = Record<string, string>;
type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retrying" }
  | { kind: "invalid"; message: string }
  | { kind: "conflict" };

const DRAFT_PREFIX = "paraply.readiness.draft.";
const draftKey = (interviewId: string, version: number) =>
  `${DRAFT_PREFIX}${interviewId}.${version}`;
const DEBOUNCE_MS = 1000;
const RETRY_MS = 5000;

interface Draft {
  answers: Answers;
  at: string;
}

function readDrafts(interviewId: string): { version: number; draft: Draft }[] {
  const found: { version: number; draft: Draft }[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(`${DRAFT_PREFIX}${interviewId}.`)) continue;
      const version = Number(key.slice(`${DRAFT_PREFIX}${interviewId}.`.length));
      const draft = JSON.parse(localStorage.getItem(key) ?? "null") as Draft | null;
      if (draft && Number.isInteger(version)) found.push({ version, draft });
    }
  } catch {
    // storage unavailable or corrupt: nothing to restore
  }
  return found;
}

function writeDraft(interviewId: string, version: number, answers: Answers) {
  try {
    localStorage.setItem(
      draftKey(interviewId, version),
      JSON.stringify({ answers, at: new Date().toISOString() } satisfies Draft),
    );
  } catch {
    // storage full or unavailable: the server save still runs
  }
}

function removeDraft(interviewId: string, version: number) {
  try {
    localStorage.removeItem(draftKey(interviewId, version));
  } catch {
    // ignore
  }
}

const differs = (a: Answers, b: Answers) =>
  Object.keys({ ...a, ...b }).some((k) => (a[k] ?? "") !== (b[k] ?? ""));

export function ReadinessInterviewPage() {
  const { id = "", interviewId = "" } = useParams();
  const interview = useInterview(id, interviewId);
  const assessment = useAssessment(id);
  const [generation, setGeneration] = useState(0);
  if (interview.isError || assessment.isError) {
    const error = interview.error ?? assessment.error;
    return isForbidden(error) ? <ForbiddenPage /> : <NotFoundPage />;
  }
  // The editor starts from the server's current text, never from a cached copy.
  if (!interview.isFetchedAfterMount || interview.isPending || assessment.isPending) {
    return <Loading />;
  }
  return (
    <InterviewEditor
      key={`${interview.data.id}.${generation}`}
      interview={interview.data}
      canEdit={assessment.data.abilities.interview}
      canScore={assessment.data.abilities.score}
      reload={async () => {
        await interview.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

function InterviewEditor({
  interview,
  canEdit,
  canScore,
  reload,
}: {
  interview: InterviewDetail;
  canEdit: boolean;
  canScore: boolean;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const sections = useMemo(
    () => renderGuide(interview.guide, interview.topicName, lang),
    [interview.guide, interview.topicName, lang],
  );
  const url = `${API}/assessments/${interview.assessmentId}/interviews/${interview.id}`;

  const [answers, setAnswers] = useState<Answers>(interview.answers);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [stale, setStale] = useState<{ version: number; draft: Draft } | null>(null);
  const [restored, setRestored] = useState(false);
  const answersRef = useRef<Answers>(interview.answers);
  const versionRef = useRef(interview.version);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current || !dirty.current || blocked.current) return;
    inFlight.current = true;
    dirty.current = false;
    setState({ kind: "saving" });
    const sent = { ...answersRef.current };
    const baseVersion = versionRef.current;
    try {
      const res = await api<{ version?: number } | null>("PUT", url, {
        answers: sent,
        version: baseVersion,
      });
      const next = typeof res?.version === "number" ? res.version : baseVersion + 1;
      removeDraft(interview.id, baseVersion);
      versionRef.current = next;
      client.setQueryData<InterviewDetail>(["readiness", "interview", interview.id], (old) =>
        old ? { ...old, answers: sent, version: next } : old,
      );
      if (dirty.current) {
        writeDraft(interview.id, next, answersRef.current);
        setState({ kind: "dirty" });
        timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
      } else {
        setState({ kind: "saved", at: new Date() });
      }
    } catch (error) {
      dirty.current = true;
      if (error instanceof ApiError && error.status === 409) {
        // A page reloaded while an earlier save was on its way may send the same text again from
        // the older version: when the server already holds exactly this text, nothing conflicts.
        const current = await api<InterviewDetail>("GET", url).catch(() => null);
        if (current && !differs(answersRef.current, current.answers)) {
          removeDraft(interview.id, baseVersion);
          versionRef.current = current.version;
          dirty.current = false;
          client.setQueryData<InterviewDetail>(["readiness", "interview", interview.id], current);
          setState({ kind: "saved", at: new Date() });
        } else {
          blocked.current = true;
          setState({ kind: "conflict" });
        }
      } else if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        blocked.current = true;
        setState({ kind: "invalid", message: error.message || t("common.unknownError") });
      } else {
        setState({ kind: "retrying" });
        timer.current = setTimeout(() => void flush(), RETRY_MS);
      }
    } finally {
      inFlight.current = false;
    }
  }, [client, interview.id, url, t]);

  const edit = (questionId: string, value: string) => {
    const next = { ...answersRef.current, [questionId]: value };
    answersRef.current = next;
    setAnswers(next);
    dirty.current = true;
    writeDraft(interview.id, versionRef.current, next);
    if (!blocked.current) {
      setState((s) => (s.kind === "retrying" ? s : { kind: "dirty" }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    }
  };

  // On arrival: text kept in this browser for the current version is restored and saved; text
  // from an older version (the server moved on meanwhile) is offered, never applied silently.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per loaded version
  useEffect(() => {
    for (const { version, draft } of readDrafts(interview.id)) {
      if (version === interview.version) {
        if (differs(draft.answers, interview.answers)) {
          const merged = { ...interview.answers, ...draft.answers };
          answersRef.current = merged;
          setAnswers(merged);
          dirty.current = true;
          setRestored(true);
          void flush();
        } else removeDraft(interview.id, version);
      } else if (version < interview.version && differs(draft.answers, interview.answers)) {
        setStale({ version, draft });
      } else removeDraft(interview.id, version);
    }
  }, []);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) e.preventDefault();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", onUnload);
      // Leaving the page inside the app: send what is pending (the local draft stays until saved).
      if (dirty.current) void flush();
      clearTimeout(timer.current);
    };
  }, [flush]);

  const restoreStale = () => {
    if (!stale) return;
    removeDraft(interview.id, stale.version);
    const merged = { ...answersRef.current, ...stale.draft.answers };
    answersRef.current = merged;
    setAnswers(merged);
    dirty.current = true;
    writeDraft(interview.id, versionRef.current, merged);
    setStale(null);
    void flush();
  };
  const discardStale = () => {
    if (stale) removeDraft(interview.id, stale.version);
    setStale(null);
  };

  const title = t("readiness.interview.title", { n: interview.number });
  const timeFormat = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "sv-SE", {
    hour: "2-digit",
    minute: "2-digit",
  });
  const statusText =
    state.kind === "saving"
      ? t("readiness.interview.saving")
      : state.kind === "saved"
        ? t("readiness.interview.savedAt", { time: timeFormat.format(state.at) })
        : state.kind === "retrying"
          ? t("readiness.interview.retrying")
          : state.kind === "dirty"
            ? t("readiness.interview.unsaved")
            : state.kind === "idle"
              ? t("readiness.interview.allSaved")
              : state.kind === "conflict"
                ? t("readiness.interview.notSavedConflict")
                : t("readiness.interview.notSaved");

  return (
    <>
      <BackToAssessment id={interview.assessmentId} />
      <PageTitle title={title}>{title}</PageTitle>
      <dl className="facts">
        <dt>{t("readiness.overview.respondent")}</dt>
        <dd>
          {interview.respondent.code} · {interview.respondent.role} (
          {sectorLabel(interview.respondent.sector, lang)})
        </dd>
        <dt>{t("readiness.overview.heldOn")}</dt>
        <dd>
          {formatDate(interview.heldOn, lang)} ·{" "}
          {t("readiness.overview.minutes", { count: interview.durationMinutes })}
        </dd>
        <dt>{t("readiness.topic")}</dt>
        <dd>{interview.topicName[lang]}</dd>
      </dl>
      {canScore ? (
        <p>
          <AppLink to={`/readiness/${interview.assessmentId}/interviews/${interview.id}/scores`}>
            {t("readiness.interview.toScoring")}
          </AppLink>
        </p>
      ) : null}
      {canEdit ? (
        <Paragraph data-size="sm">{t("readiness.interview.autosaveHint")}</Paragraph>
      ) : null}
      <div className="readiness-save-status" data-state={state.kind}>
        <p role="status" aria-live="polite">
          {canEdit ? statusText : t("readiness.interview.readOnly")}
        </p>
      </div>
      {restored ? <Alert data-color="info">{t("readiness.interview.restored")}</Alert> : null}
      {state.kind === "conflict" ? (
        <Alert data-color="danger" role="alert">
          <Heading level={2} data-size="xs">
            {t("readiness.interview.conflictTitle")}
          </Heading>
          <Paragraph>{t("readiness.interview.conflictText")}</Paragraph>
          <Button variant="secondary" onClick={() => void reload()}>
            {t("readiness.interview.reload")}
          </Button>
        </Alert>
      ) : null}
      {state.kind === "invalid" ? (
        <Alert data-color="danger" role="alert">
          {state.message}
        </Alert>
      ) : null}
      {stale ? (
        <Alert data-color="warning">
          <Paragraph>
            {t("readiness.interview.staleDraft", {
              time: new Date(stale.draft.at).toLocaleString(lang === "en" ? "en-GB" : "sv-SE"),
            })}
          </Paragraph>
          <div className="button-row">
            <Button variant="secondary" onClick={restoreStale}>
              {t("readiness.interview.restoreDraft")}
            </Button>
            <Button variant="tertiary" onClick={discardStale}>
              {t("readiness.interview.discardDraft")}
            </Button>
          </div>
        </Alert>
      ) : null}
      {sections.map((section) =>
        section.questions.length === 0 ? null : (
          <section
            key={section.dimension}
            aria-labelledby={`dim-${section.dimension}`}
            className="readiness-section"
          >
            <Heading level={2} data-size="sm" id={`dim-${section.dimension}`}>
              {section.dimension}. {dimensionName(section.dimension, lang)}
            </Heading>
            {section.questions.map((q) => (
              <Field key={q.id} className="readiness-question">
                <Label htmlFor={`answer-${q.id}`}>
                  {q.id}. {q.text}
                </Label>
                {q.followUps.length > 0 ? (
                  <Field.Description id={`answer-${q.id}-desc`}>
                    {t("readiness.interview.followUps")}: {q.followUps.join(" ")}
                  </Field.Description>
                ) : null}
                <Textarea
                  id={`answer-${q.id}`}
                  rows={3}
                  value={answers[q.id] ?? ""}
                  readOnly={!canEdit}
                  aria-describedby={q.followUps.length > 0 ? `answer-${q.id}-desc` : undefined}
                  onChange={(e) => edit(q.id, e.target.value)}
                  onBlur={() => void flush()}
                />
              </Field>
            ))}
          </section>
        ),
      )}
      <p>
        <AppLink to={`/readiness/${interview.assessmentId}`}>
          {t("readiness.interview.back")}
        </AppLink>
      </p>
    </>
  );
}
