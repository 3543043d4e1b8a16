import {
  Alert,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { z } from "zod";
import type { CandidatesSchema, Prioritisation } from "../../../domain/profile/schemas.ts";
import { type ApiError, api, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import {
  ALL,
  API,
  cellsFor,
  errorText,
  type Factor,
  formatShare,
  ProfileCrumbs,
  useLang,
  useProfile,
  useWave,
  WaveNav,
} from "./shared.tsx";

type Candidates = z.infer<typeof CandidatesSchema>;
const MIN = 2;
const MAX = 5;

function DecisionList({ waveId }: { waveId: string }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const profile = useProfile(waveId);
  const list = useQuery<Prioritisation[], ApiError>({
    queryKey: ["profile", "prioritisations", waveId],
    queryFn: () => get<Prioritisation[]>(`${API}/waves/${waveId}/prioritisations`),
  });
  const nameOf = (id: string) => profile.data?.factors.find((f) => f.id === id)?.name[lang] ?? id;
  const when = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
    dateStyle: "long",
    timeStyle: "short",
  });
  return (
    <section aria-labelledby="profile-decisions" className="profile-section">
      <Heading level={2} data-size="md" id="profile-decisions">
        {t("profile.prioritise.decisions")}
      </Heading>
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.length === 0 ? (
        <Paragraph>{t("profile.prioritise.noDecisions")}</Paragraph>
      ) : null}
      {(list.data ?? []).map((d) => (
        <DataTable
          key={d.id}
          caption={t("profile.prioritise.decisionCaption", {
            when: when.format(new Date(d.decidedAt)),
            who: d.decidedBy.name,
          })}
          columns={[t("profile.factor"), t("profile.kind"), t("profile.prioritise.reason")]}
        >
          {d.factors.map((f) => (
            <Table.Row key={f.factor}>
              <Table.HeaderCell scope="row">{nameOf(f.factor)}</Table.HeaderCell>
              <Table.Cell>{t(`profile.kinds.${f.kind}`)}</Table.Cell>
              <Table.Cell>{f.reason}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ))}
    </section>
  );
}

/** Choose 2–5 risk and 2–5 protective factors with a reason each; candidates are marked. */
export function ProfilePrioritisePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const { id = "" } = useParams();
  const wave = useWave(id);
  const profile = useProfile(id);
  const candidates = useQuery<Candidates, ApiError>({
    queryKey: ["profile", "candidates", id],
    queryFn: () => get<Candidates>(`${API}/waves/${id}/candidates`),
  });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [basis, setBasis] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useMutation<Prioritisation, ApiError, unknown>({
    mutationFn: (body) => api<Prioritisation>("POST", `${API}/waves/${id}/prioritisations`, body),
    onSuccess: () => {
      setSaved(true);
      setChosen({});
      setBasis("");
      void client.invalidateQueries({ queryKey: ["profile", "prioritisations", id] });
    },
  });
  const factors = profile.data?.factors ?? [];
  const cells = profile.data ? cellsFor(profile.data, ALL) : new Map();
  const reasonsOf = (factor: string) =>
    candidates.data?.find((c) => c.factor === factor)?.reasons ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found: string[] = [];
    for (const kind of ["risk", "protective"] as const) {
      const count = factors.filter((f) => f.kind === kind && f.id in chosen).length;
      if (count < MIN || count > MAX)
        found.push(
          t("profile.prioritise.countProblem", { kind: t(`profile.kinds.${kind}`), count }),
        );
    }
    for (const [factor, reason] of Object.entries(chosen))
      if (!reason.trim())
        found.push(
          t("profile.prioritise.reasonMissing", {
            factor: factors.find((f) => f.id === factor)?.name[lang] ?? factor,
          }),
        );
    if (!basis.trim()) found.push(t("profile.prioritise.basisMissing"));
    setProblems(found);
    if (found.length) {
      requestAnimationFrame(() => document.getElementById("profile-prioritise-problems")?.focus());
      return;
    }
    save.mutate({
      basis,
      factors: Object.entries(chosen).map(([factor, reason]) => ({ factor, reason })),
    });
  };
  const group = (kind: Factor["kind"]) => (
    <fieldset className="profile-value-map profile-section">
      <legend>
        <Heading level={2} data-size="sm">
          {t(`profile.prioritise.${kind}Legend`, { min: MIN, max: MAX })}
        </Heading>
      </legend>
      {factors
        .filter((f) => f.kind === kind)
        .map((f) => {
          const reasons = reasonsOf(f.id);
          const c = cells.get(f.id);
          const checked = f.id in chosen;
          return (
            <div
              key={f.id}
              className={
                reasons.length ? "profile-choice profile-choice--candidate" : "profile-choice"
              }
            >
              <Checkbox
                label={`${f.name[lang]} – ${c && !c.suppressed ? formatShare(c.percent, lang) : t("profile.suppressed.short")}`}
                description={
                  reasons.length
                    ? t("profile.prioritise.candidateBecause", {
                        reasons: reasons
                          .map((r) => t(`profile.prioritise.reasons.${r}`))
                          .join(", "),
                      })
                    : undefined
                }
                checked={checked}
                onChange={(e) => {
                  const next = { ...chosen };
                  if (e.target.checked) next[f.id] = "";
                  else delete next[f.id];
                  setChosen(next);
                }}
              />

              {checked ? (
                <Textfield
                  className="profile-reason"
                  id={`profile-reason-${f.id}`}
                  label={t("profile.prioritise.reasonFor", { factor: f.name[lang] })}
                  value={chosen[f.id] ?? ""}
                  onChange={(e) => setChosen({ ...chosen, [f.id]: e.target.value })}
                />
              ) : null}
            </div>
          );
        })}
    </fieldset>
  );
  const title = t("profile.prioritise.title");
  return (
    <>
      <ProfileCrumbs wave={wave.data} />
      <PageTitle title={title}>{title}</PageTitle>
      <WaveNav waveId={id} />
      <Paragraph>{t("profile.prioritise.intro")}</Paragraph>
      {profile.isPending || candidates.isPending ? <Loading /> : null}
      {profile.isError ? <Paragraph>{errorText(t, profile.error)}</Paragraph> : null}
      {saved ? (
        <Alert data-color="success" role="status">
          {t("profile.prioritise.saved")}
        </Alert>
      ) : null}
      {wave.data?.canPrioritise && profile.data ? (
        <form onSubmit={submit} noValidate className="form-stack">
          {problems.length ? (
            <div
              id="profile-prioritise-problems"
              role="alert"
              tabIndex={-1}
              className="profile-error"
            >
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {group("risk")}
          {group("protective")}
          <Textfield
            id="profile-basis"
            label={t("profile.prioritise.basis")}
            description={t("profile.prioritise.basisHint")}
            multiline
            rows={3}
            value={basis}
            onChange={(e) => setBasis(e.target.value)}
          />
          {save.isError ? (
            <p role="alert" className="profile-error">
              {errorText(t, save.error)}
            </p>
          ) : null}
          <div>
            <Button type="submit" data-color="accent" disabled={save.isPending}>
              {t("profile.prioritise.save")}
            </Button>
          </div>
        </form>
      ) : null}
      <DecisionList waveId={id} />
    </>
  );
}
