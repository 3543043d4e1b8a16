import {
  Alert,
  Button,
  Card,
  Checkbox,
  Heading,
  Link,
  Paragraph,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import {
  type AssessmentDetail,
  AssessmentUpdateBodySchema,
  InterviewCreateBodySchema,
  RespondentBodySchema,
  RespondentUpdateBodySchema,
  TEAM_ROLES,
} from "../../../domain/readiness/api.ts";
import { SECTOR_KEYS } from "../../../domain/readiness/sectors.ts";
import { ApiError, api, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import {
  FormActions,
  FormErrorSummary,
  type FormErrors,
  Options,
  SelectField,
  StatusMessage,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import {
  AssessmentFields,
  assessmentBody,
  assessmentDraft,
  assessmentLabels,
  assessmentMessages,
} from "./new.tsx";
import {
  API,
  assessmentTitle,
  formatDate,
  formatPeriod,
  formatScore,
  StageTag,
  sectorLabel,
  useAssessment,
  useLang,
} from "./shared.tsx";

type TeamRole = (typeof TEAM_ROLES)[number];
interface Candidate {
  userId?: string;
  id?: string;
  displayName: string;
  email?: string;
}

export function ReadinessOverviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const location = useLocation();
  const assessment = useAssessment(id);
  const [status, setStatus] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created ? t("readiness.new.created") : null,
  );
  if (assessment.isPending) return <Loading />;
  if (assessment.isError)
    return isForbidden(assessment.error) ? <ForbiddenPage /> : <NotFoundPage />;
  const a = assessment.data;
  const title = assessmentTitle(a, lang, t);
  const scorers = a.team.filter((m) => m.roles.includes("scorer"));

  return (
    <>
      <nav aria-label={t("readiness.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/readiness">{t("readiness.title")}</AppLink>
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      <StatusMessage message={status} />
      <div className="grid-2">
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t("readiness.overview.facts")}
          </Heading>
          <dl className="facts">
            <dt>{t("readiness.topic")}</dt>
            <dd>{a.topicName[lang]}</dd>
            <dt>{t("readiness.community")}</dt>
            <dd>{a.organisationName}</dd>
            <dt>{t("readiness.period")}</dt>
            <dd>{formatPeriod(a.periodStart, a.periodEnd, lang)}</dd>
            <dt>{t("readiness.interviews")}</dt>
            <dd>
              {t("readiness.interviewsOf", { count: a.interviewCount, target: a.targetInterviews })}
            </dd>
            <dt>{t("readiness.new.grid")}</dt>
            <dd>{t(`readiness.grids.${a.scoreGrid}`)}</dd>
            <dt>{t("readiness.overview.guide")}</dt>
            <dd>
              {t("readiness.new.guideVersion", {
                title: a.guide.title[lang],
                version: a.guide.version,
              })}
            </dd>
            <dt>{t("readiness.score")}</dt>
            <dd>{formatScore(a.score, lang)}</dd>
            <dt>{t("readiness.stage")}</dt>
            <dd>
              <StageTag stage={a.stage} />
            </dd>
          </dl>
          <Paragraph data-size="sm">{a.interviewNotice.guidance[lang]}</Paragraph>
          {a.interviewNotice.warning ? (
            <Alert data-color="warning">{a.interviewNotice.warning[lang]}</Alert>
          ) : null}
        </Card>
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t("readiness.overview.next")}
          </Heading>
          <ul className="link-list">
            {a.abilities.consensus ? (
              <li>
                <AppLink to={`/readiness/${a.id}/consensus`}>
                  {t("readiness.consensus.title")}
                </AppLink>
              </li>
            ) : null}
            <li>
              <AppLink to={`/readiness/${a.id}/results`}>{t("readiness.results.title")}</AppLink>
            </li>
            <li>
              <AppLink to={`/readiness/compare?ids=${a.id}`}>
                {t("readiness.compare.title")}
              </AppLink>
            </li>
            <li>
              <Link href={`${API}/assessments/${a.id}/report.pdf`} download>
                {t("readiness.overview.pdf")}
              </Link>
            </li>
            <li>
              <Link href={`${API}/assessments/${a.id}/scores.csv`} download>
                {t("readiness.overview.csv")}
              </Link>
            </li>
            <li>
              <Link href={`${API}/assessments/${a.id}/scores.csv?format=xlsx`} download>
                {t("readiness.overview.xlsx")}
              </Link>
            </li>
          </ul>
        </Card>
      </div>

      {a.abilities.edit ? <AssessmentEditSection a={a} onSaved={setStatus} /> : null}
      <TeamSection a={a} onSaved={setStatus} />
      <RespondentsSection a={a} onSaved={setStatus} />

      <section aria-labelledby="interviews-heading" className="readiness-section">
        <Heading level={2} data-size="md" id="interviews-heading">
          {t("readiness.overview.interviews")}
        </Heading>
        {a.interviews.length === 0 ? (
          <Paragraph>{t("readiness.overview.noInterviews")}</Paragraph>
        ) : (
          <DataTable
            caption={t("readiness.overview.interviews")}
            hiddenCaption
            columns={[
              t("readiness.overview.interview"),
              t("readiness.overview.respondent"),
              t("readiness.overview.heldOn"),
              t("readiness.overview.scoring"),
              t("readiness.overview.consensus"),
              ...(a.abilities.score ? [t("readiness.overview.actions")] : []),
            ]}
          >
            {a.interviews.map((i) => {
              const r = a.respondents.find((x) => x.id === i.respondentId);
              const label = t("readiness.overview.interviewN", { n: i.number });
              return (
                <Table.Row key={i.id}>
                  <Table.Cell>
                    {a.abilities.interview || a.abilities.score ? (
                      <AppLink to={`/readiness/${a.id}/interviews/${i.id}`}>{label}</AppLink>
                    ) : (
                      label
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {r ? `${r.code} · ${r.role} (${sectorLabel(r.sector, lang)})` : "–"}
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(i.heldOn, lang)} ·{" "}
                    {t("readiness.overview.minutes", { count: i.durationMinutes })}
                  </Table.Cell>
                  <Table.Cell>
                    {t("readiness.overview.submitted", {
                      done: i.submittedScorerIds.length,
                      total: scorers.length,
                    })}
                  </Table.Cell>
                  <Table.Cell>
                    {t("readiness.overview.consensusOf", { done: i.consensusCount })}
                  </Table.Cell>
                  {a.abilities.score ? (
                    <Table.Cell>
                      <AppLink
                        to={`/readiness/${a.id}/interviews/${i.id}/scores`}
                        aria-label={t("readiness.overview.scoreInterview", { n: i.number })}
                      >
                        {t("readiness.overview.score")}
                      </AppLink>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              );
            })}
          </DataTable>
        )}
        {a.abilities.interview ? <NewInterview a={a} /> : null}
      </section>
    </>
  );
}

function TeamSection({ a, onSaved }: { a: AssessmentDetail; onSaved: (s: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="team-heading" className="readiness-section">
      <Heading level={2} data-size="md" id="team-heading">
        {t("readiness.team.title")}
      </Heading>
      {editing ? (
        <TeamEditor
          a={a}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved(t("readiness.team.saved"));
          }}
        />
      ) : (
        <>
          <ul className="readiness-team">
            {a.team.map((m) => (
              <li key={m.userId}>
                <strong>{m.displayName}</strong>:{" "}
                {m.roles.map((r) => t(`readiness.team.roles.${r}`)).join(", ")}
              </li>
            ))}
          </ul>
          {a.abilities.manageTeam ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t("readiness.team.edit")}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

function TeamEditor({ a, onDone }: { a: AssessmentDetail; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("team");
  const candidates = useQuery<Candidate[], ApiError>({
    queryKey: ["readiness", "team-candidates", a.id],
    queryFn: () => get<Candidate[]>(`${API}/assessments/${a.id}/team-candidates`),
  });
  const [roles, setRoles] = useState<Record<string, TeamRole[]>>(() =>
    Object.fromEntries(a.team.map((m) => [m.userId, [...m.roles]])),
  );
  const people = new Map<string, { name: string; email?: string }>();
  for (const m of a.team) people.set(m.userId, { name: m.displayName });
  for (const c of candidates.data ?? []) {
    const uid = c.userId ?? c.id;
    if (uid) people.set(uid, { name: c.displayName, email: c.email });
  }
  const save = useMutation({
    mutationFn: () =>
      api("PUT", `${API}/assessments/${a.id}/team`, {
        members: Object.entries(roles)
          .filter(([, r]) => r.length > 0)
          .map(([userId, r]) => ({ userId, roles: r })),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["readiness", "assessment", a.id] });
      onDone(true);
    },
    onError: form.fromError,
  });
  const toggle = (userId: string, role: TeamRole, on: boolean) =>
    setRoles((prev) => {
      const current = prev[userId] ?? [];
      return {
        ...prev,
        [userId]: on
          ? [...current.filter((r) => r !== role), role]
          : current.filter((r) => r !== role),
      };
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  if (candidates.isPending) return <Loading />;
  return (
    <form onSubmit={submit} className="readiness-wide-form">
      <FormErrorSummary
        errors={form.fieldErrors}
        formError={form.formError}
        fieldId={form.fieldId}
      />
      <Paragraph data-size="sm">{t("readiness.team.hint")}</Paragraph>
      <div className="table-wrap">
        <Table>
          <caption>{t("readiness.team.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("readiness.team.person")}</Table.HeaderCell>
              {TEAM_ROLES.map((r) => (
                <Table.HeaderCell key={r}>{t(`readiness.team.roles.${r}`)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...people.entries()].map(([userId, p]) => (
              <Table.Row key={userId}>
                <Table.HeaderCell scope="row">
                  {p.name}
                  {p.email ? <span className="muted"> {p.email}</span> : null}
                </Table.HeaderCell>
                {TEAM_ROLES.map((r) => (
                  <Table.Cell key={r}>
                    <Checkbox
                      aria-label={t("readiness.team.roleFor", {
                        role: t(`readiness.team.roles.${r}`),
                        name: p.name,
                      })}
                      checked={(roles[userId] ?? []).includes(r)}
                      onChange={(e) => toggle(userId, r, e.target.checked)}
                    />
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <FormActions
        submitLabel={t("readiness.team.save")}
        pending={save.isPending}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}

function RespondentsSection({ a, onSaved }: { a: AssessmentDetail; onSaved: (s: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const showIdentity = a.respondents.some((r) => r.name || r.contact);
  const [editing, setEditing] = useState<string | null>(null);
  const editingRespondent = a.abilities.edit
    ? a.respondents.find((r) => r.id === editing)
    : undefined;
  return (
    <section aria-labelledby="respondents-heading" className="readiness-section">
      <Heading level={2} data-size="md" id="respondents-heading">
        {t("readiness.respondents.title")}
      </Heading>
      <Paragraph data-size="sm">{t("readiness.respondents.intro")}</Paragraph>
      {a.respondents.length === 0 ? (
        <Paragraph>{t("readiness.respondents.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("readiness.respondents.title")}
          hiddenCaption
          columns={[
            t("readiness.respondents.code"),
            t("readiness.respondents.role"),
            t("readiness.respondents.sector"),
            ...(showIdentity
              ? [t("readiness.respondents.name"), t("readiness.respondents.contact")]
              : []),
            ...(a.abilities.edit ? [t("readiness.respondents.actions")] : []),
          ]}
        >
          {a.respondents.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{r.code}</Table.Cell>
              <Table.Cell>{r.role}</Table.Cell>
              <Table.Cell>{sectorLabel(r.sector, lang)}</Table.Cell>
              {showIdentity ? (
                <>
                  <Table.Cell>{r.name ?? "–"}</Table.Cell>
                  <Table.Cell>{r.contact ?? "–"}</Table.Cell>
                </>
              ) : null}
              {a.abilities.edit ? (
                <Table.Cell>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    id={`respondent-edit-${r.id}`}
                    aria-label={t("readiness.respondents.editNamed", { code: r.code })}
                    aria-expanded={editing === r.id}
                    onClick={() => setEditing(editing === r.id ? null : r.id)}
                  >
                    {t("readiness.respondents.edit")}
                  </Button>
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </DataTable>
      )}
      {editingRespondent ? (
        <RespondentEditor
          key={editingRespondent.id}
          a={a}
          respondent={editingRespondent}
          onDone={(message) => {
            const id = editingRespondent.id;
            setEditing(null);
            if (message) onSaved(message);
            requestAnimationFrame(() => document.getElementById(`respondent-edit-${id}`)?.focus());
          }}
        />
      ) : null}
      {a.abilities.edit || a.abilities.interview ? <NewRespondent a={a} onSaved={onSaved} /> : null}
    </section>
  );
}

type Respondent = AssessmentDetail["respondents"][number];
type RespondentDraft = { role: string; sector: string; name: string; contact: string };

function respondentLabels(t: TFunction) {
  return {
    role: t("readiness.respondents.role"),
    sector: t("readiness.respondents.sector"),
    name: t("readiness.respondents.nameOptional"),
    contact: t("readiness.respondents.contactOptional"),
  };
}

function respondentMessages(t: TFunction) {
  return {
    role: t("readiness.respondents.roleRequired"),
    sector: t("readiness.respondents.sectorRequired"),
  };
}

/** Role and sector, then the optional name and contact, of a respondent. */
function RespondentFields({
  form,
  draft,
  onChange,
  sectorPlaceholder,
  identityHint,
}: {
  form: FormErrors;
  draft: RespondentDraft;
  onChange: (draft: RespondentDraft) => void;
  sectorPlaceholder?: string;
  identityHint?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = respondentLabels(t);
  return (
    <>
      <div className="readiness-inline">
        <Textfield
          {...form.field("role")}
          label={labels.role}
          description={t("readiness.respondents.roleHint")}
          value={draft.role}
          onChange={(e) => onChange({ ...draft, role: e.target.value })}
          required
        />
        <SelectField
          {...form.field("sector")}
          label={labels.sector}
          value={draft.sector}
          onChange={(sector) => onChange({ ...draft, sector })}
          required
        >
          <Options
            values={SECTOR_KEYS}
            label={(s) => sectorLabel(s, lang)}
            placeholder={sectorPlaceholder}
          />
        </SelectField>
      </div>
      <div className="readiness-inline">
        <Textfield
          {...form.field("name")}
          label={labels.name}
          description={identityHint}
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
        />
        <Textfield
          {...form.field("contact")}
          label={labels.contact}
          description={identityHint}
          value={draft.contact}
          onChange={(e) => onChange({ ...draft, contact: e.target.value })}
        />
      </div>
    </>
  );
}

function NewRespondent({ a, onSaved }: { a: AssessmentDetail; onSaved: (s: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("respondent");
  const [draft, setDraft] = useState<RespondentDraft>({
    role: "",
    sector: "",
    name: "",
    contact: "",
  });
  const add = useMutation({
    mutationFn: (body: unknown) => api("POST", `${API}/assessments/${a.id}/respondents`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["readiness", "assessment", a.id] });
      onSaved(t("readiness.respondents.added", { role: draft.role }));
      setDraft((d) => ({ role: "", sector: d.sector, name: "", contact: "" }));
    },
    onError: form.fromError,
  });
  const submit = () => {
    const { role, sector, name, contact } = draft;
    const parsed = form.parse(
      RespondentBodySchema,
      {
        role,
        sector,
        ...(name.trim() ? { name } : {}),
        ...(contact.trim() ? { contact } : {}),
      },
      respondentMessages(t),
    );
    if (parsed) add.mutate(parsed);
  };
  return (
    <Card data-color="neutral" className="readiness-subcard">
      <Heading level={3} data-size="xs" id="new-respondent-heading">
        {t("readiness.respondents.add")}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labels={respondentLabels(t)}
        labelledBy="new-respondent-heading"
        submitLabel={t("readiness.respondents.addButton")}
        pending={add.isPending}
      >
        <RespondentFields
          form={form}
          draft={draft}
          onChange={setDraft}
          sectorPlaceholder={t("readiness.respondents.chooseSector")}
        />
      </ValidatedForm>
    </Card>
  );
}

function NewInterview({ a }: { a: AssessmentDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useFormErrors("interview");
  const used = new Set(a.interviews.map((i) => i.respondentId));
  const free = a.respondents.filter((r) => !used.has(r.id));
  const [respondentId, setRespondentId] = useState("");
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [duration, setDuration] = useState("45");
  useEffect(() => {
    if (!free.some((r) => r.id === respondentId)) setRespondentId(free[0]?.id ?? "");
  }, [free, respondentId]);
  const create = useMutation({
    mutationFn: (body: unknown) =>
      api<{ id: string }>("POST", `${API}/assessments/${a.id}/interviews`, body),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ["readiness", "assessment", a.id] });
      navigate(`/readiness/${a.id}/interviews/${created.id}`);
    },
    onError: form.fromError,
  });
  const labels = {
    respondentId: t("readiness.overview.respondent"),
    heldOn: t("readiness.overview.heldOn"),
    durationMinutes: t("readiness.overview.duration"),
  };
  const submit = () => {
    const parsed = form.parse(
      InterviewCreateBodySchema,
      { respondentId, heldOn, durationMinutes: Number(duration) },
      {
        respondentId: t("readiness.overview.respondentRequired"),
        heldOn: t("readiness.new.dateInvalid"),
        durationMinutes: t("readiness.overview.durationInvalid"),
      },
    );
    if (parsed) create.mutate(parsed);
  };
  return (
    <Card data-color="neutral" className="readiness-subcard">
      <Heading level={3} data-size="xs" id="new-interview-heading">
        {t("readiness.overview.newInterview")}
      </Heading>
      {free.length === 0 ? (
        <Paragraph data-size="sm">{t("readiness.overview.addRespondentFirst")}</Paragraph>
      ) : (
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          labelledBy="new-interview-heading"
          submitLabel={t("readiness.overview.startInterview")}
          pending={create.isPending}
        >
          <div className="readiness-inline">
            <SelectField
              {...form.field("respondentId")}
              label={labels.respondentId}
              value={respondentId}
              onChange={setRespondentId}
              required
            >
              {free.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${r.code} · ${r.role}`}
                </option>
              ))}
            </SelectField>
            <Textfield
              {...form.field("heldOn")}
              label={labels.heldOn}
              type="date"
              value={heldOn}
              onChange={(e) => setHeldOn(e.target.value)}
              required
            />
            <Textfield
              {...form.field("durationMinutes")}
              label={labels.durationMinutes}
              type="number"
              inputMode="numeric"
              min={1}
              max={600}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
              required
            />
          </div>
        </ValidatedForm>
      )}
    </Card>
  );
}

/** Topic, period and target of an assessment; the edit starts from the version shown. */
function AssessmentEditSection({
  a,
  onSaved,
}: {
  a: AssessmentDetail;
  onSaved: (s: string) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const close = (saved: boolean) => {
    setEditing(false);
    if (saved) onSaved(t("readiness.edit.saved"));
    requestAnimationFrame(() => document.getElementById("assessment-edit-open")?.focus());
  };
  return (
    <section aria-labelledby="assessment-edit-heading" className="readiness-section">
      <Heading level={2} data-size="md" id="assessment-edit-heading">
        {t("readiness.edit.title")}
      </Heading>
      {editing ? (
        <AssessmentEditor a={a} onDone={close} />
      ) : (
        <Button
          type="button"
          variant="secondary"
          id="assessment-edit-open"
          onClick={() => setEditing(true)}
        >
          {t("readiness.edit.open")}
        </Button>
      )}
    </section>
  );
}

function AssessmentEditor({
  a,
  onDone,
}: {
  a: AssessmentDetail;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("assessment-edit");
  const [draft, setDraft] = useState(() => assessmentDraft(a));
  const [version, setVersion] = useState(a.version);
  const [conflict, setConflict] = useState(false);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api<AssessmentDetail>("PATCH", `${API}/assessments/${a.id}`, body),
    onSuccess: (updated) => {
      client.setQueryData(["readiness", "assessment", a.id], updated);
      void client.invalidateQueries({ queryKey: ["readiness", "assessments"] });
      onDone(true);
    },
    onError: (error) => {
      setConflict(error instanceof ApiError && error.status === 409);
      form.fromError(error);
    },
  });
  const reload = async () => {
    const fresh = await client.fetchQuery<AssessmentDetail>({
      queryKey: ["readiness", "assessment", a.id],
      queryFn: () => get<AssessmentDetail>(`${API}/assessments/${a.id}`),
      staleTime: 0,
    });
    setDraft(assessmentDraft(fresh));
    setVersion(fresh.version);
    setConflict(false);
    form.clear();
    document.getElementById(form.fieldId("topic"))?.focus();
  };
  const submit = () => {
    const parsed = form.parse(
      AssessmentUpdateBodySchema,
      { ...assessmentBody(draft), version },
      assessmentMessages(t),
    );
    if (!parsed) return;
    if (draft.periodEnd < draft.periodStart) {
      form.validate({ periodEnd: t("readiness.new.endBeforeStart") });
      return;
    }
    setConflict(false);
    save.mutate(parsed);
  };
  return (
    <Card data-color="neutral" className="readiness-subcard">
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labels={assessmentLabels(t)}
        labelledBy="assessment-edit-heading"
        actions={
          <FormActions
            submitLabel={t("readiness.edit.save")}
            pending={save.isPending}
            onCancel={() => onDone(false)}
          >
            {conflict ? (
              <Button type="button" variant="secondary" onClick={() => void reload()}>
                {t("readiness.edit.reload")}
              </Button>
            ) : null}
          </FormActions>
        }
      >
        <AssessmentFields form={form} draft={draft} onChange={setDraft} />
      </ValidatedForm>
    </Card>
  );
}

/** Role, sector, name and contact of one respondent; an emptied name or contact is removed. */
function RespondentEditor({
  a,
  respondent,
  onDone,
}: {
  a: AssessmentDetail;
  respondent: Respondent;
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("respondent-edit");
  const [draft, setDraft] = useState<RespondentDraft>({
    role: respondent.role,
    sector: respondent.sector,
    name: respondent.name ?? "",
    contact: respondent.contact ?? "",
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      api("PATCH", `${API}/assessments/${a.id}/respondents/${respondent.id}`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["readiness", "assessment", a.id] });
      onDone(t("readiness.respondents.saved", { code: respondent.code }));
    },
    onError: form.fromError,
  });
  const submit = () => {
    const { role, sector, name, contact } = draft;
    const parsed = form.parse(
      RespondentUpdateBodySchema,
      {
        role,
        sector,
        name: name.trim() ? name : null,
        contact: contact.trim() ? contact : null,
      },
      respondentMessages(t),
    );
    if (parsed) save.mutate(parsed);
  };
  const headingId = `respondent-edit-heading-${respondent.id}`;
  return (
    <Card data-color="neutral" className="readiness-subcard">
      <Heading level={3} data-size="xs" id={headingId} ref={headingRef} tabIndex={-1}>
        {t("readiness.respondents.editTitle", { code: respondent.code })}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labels={respondentLabels(t)}
        labelledBy={headingId}
        actions={
          <FormActions
            submitLabel={t("readiness.respondents.save")}
            pending={save.isPending}
            onCancel={() => onDone(null)}
          />
        }
      >
        <RespondentFields
          form={form}
          draft={draft}
          onChange={setDraft}
          identityHint={t("readiness.respondents.clearHint")}
        />
      </ValidatedForm>
    </Card>
  );
}
