import { Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CoordinatorAssignBodySchema,
  TeamMemberAddBodySchema,
} from "../../../domain/support/records-schemas.ts";
import { TEAM_KINDS } from "../../../domain/support/teams.ts";
import { api } from "../../api.ts";
import { Options, SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Part } from "./case-parts.tsx";
import { type CandidateList, type Teams, urls, useSupportQuery } from "./shared.tsx";

type Candidate = CandidateList["items"][number];

const candidateLabel = (c: Candidate) =>
  c.units.length > 0 ? `${c.name} – ${c.units.join(", ")}` : c.name;

/** After a role is given: the team part, and the case's list of people with access. */
function useRoleGiven(caseId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["support", "teams", caseId] }),
      client.invalidateQueries({ queryKey: ["support", "case", caseId] }),
    ]);
}

/** Escalation: one of the practitioners who can be given a role becomes support coordinator. */
function AssignCoordinator({ caseId, candidates }: { caseId: string; candidates: Candidate[] }) {
  const { t } = useTranslation();
  const form = useFormErrors("coordinator");
  const done = useRoleGiven(caseId);
  const [userId, setUserId] = useState("");
  const assign = useMutation({
    mutationFn: () => api("POST", urls.coordinator(caseId), { userId }),
    onSuccess: () => {
      setUserId("");
      form.clear();
      return done();
    },
    onError: form.fromError,
  });
  const submit = () => {
    const parsed = CoordinatorAssignBodySchema.safeParse({ userId });
    if (!parsed.success) form.fromZod(parsed.error, { userId: t("support.team.choosePerson") });
    else assign.mutate();
  };
  return (
    <ValidatedForm
      form={form}
      onSubmit={submit}
      submitLabel={t("support.team.assignCoordinator")}
      pending={assign.isPending}
      variant="secondary"
      labels={{ userId: t("support.team.coordinatorLabel") }}
    >
      <SelectField
        {...form.field("userId")}
        label={t("support.team.coordinatorLabel")}
        description={t("support.team.candidatesHint")}
        value={userId}
        onChange={setUserId}
        required
      >
        <option value="">{t("support.team.choose")}</option>
        {candidates.map((c) => (
          <option key={c.userId} value={c.userId}>
            {candidateLabel(c)}
          </option>
        ))}
      </SelectField>
    </ValidatedForm>
  );
}

/** Adds a practitioner to a team; where they work is filled in from their unit, and can change. */
function AddMember({
  caseId,
  team,
  candidates,
}: {
  caseId: string;
  team: Teams["teams"][number];
  candidates: Candidate[];
}) {
  const { t } = useTranslation();
  const form = useFormErrors(`member-${team.id}`);
  const done = useRoleGiven(caseId);
  const [userId, setUserId] = useState("");
  const [organisationName, setOrganisationName] = useState("");
  const members = new Set(team.members.filter((m) => m.live).map((m) => m.userId));
  const open = candidates.filter((c) => !members.has(c.userId));
  const choose = (id: string) => {
    setUserId(id);
    setOrganisationName(open.find((c) => c.userId === id)?.units[0] ?? "");
  };
  const add = useMutation({
    mutationFn: () => api("POST", urls.teamMembers(caseId, team.id), { userId, organisationName }),
    onSuccess: () => {
      choose("");
      form.clear();
      return done();
    },
    onError: form.fromError,
  });
  const labels = {
    userId: t("support.team.memberLabel"),
    organisationName: t("support.team.organisation"),
  };
  const submit = () => {
    const parsed = TeamMemberAddBodySchema.safeParse({ userId, organisationName });
    if (!parsed.success) {
      form.fromZod(parsed.error, {
        userId: t("support.team.choosePerson"),
        organisationName: t("support.team.organisationError"),
      });
    } else add.mutate();
  };
  if (open.length === 0) return null;
  return (
    <ValidatedForm
      form={form}
      onSubmit={submit}
      submitLabel={t("support.team.addMember")}
      pending={add.isPending}
      variant="secondary"
      labels={labels}
    >
      <SelectField
        {...form.field("userId")}
        label={labels.userId}
        value={userId}
        onChange={choose}
        required
      >
        <option value="">{t("support.team.choose")}</option>
        {open.map((c) => (
          <option key={c.userId} value={c.userId}>
            {candidateLabel(c)}
          </option>
        ))}
      </SelectField>
      <Textfield
        {...form.field("organisationName")}
        label={labels.organisationName}
        value={organisationName}
        onChange={(e) => setOrganisationName(e.target.value)}
        required
      />
    </ValidatedForm>
  );
}

/** Form a team around the case: the child's age band by default, or an individual team. */
function FormTeam({ caseId, suggested }: { caseId: string; suggested: Teams["suggestedKind"] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("team");
  const [kind, setKind] = useState<string>(suggested ?? "individual");
  const create = useMutation({
    mutationFn: () => api("POST", urls.teams(caseId), { kind }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["support", "teams", caseId] }),
    onError: form.fromError,
  });
  return (
    <ValidatedForm
      form={form}
      onSubmit={() => create.mutate()}
      submitLabel={t("support.team.form")}
      pending={create.isPending}
      variant="secondary"
    >
      <SelectField
        {...form.field("kind")}
        label={t("support.team.kind")}
        value={kind}
        onChange={setKind}
      >
        <Options values={TEAM_KINDS} label={(k) => t(`support.team.kinds.${k}`)} />
      </SelectField>
    </ValidatedForm>
  );
}

export function TeamPart({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const teams = useSupportQuery<Teams>(["teams", caseId], urls.teams(caseId));
  const data = teams.data;
  // Only those who may assign are shown whom they could; for anyone else the list is a 404.
  const candidates = useSupportQuery<CandidateList>(
    ["role-candidates", caseId],
    urls.roleCandidates(caseId),
    data?.canManage === true,
  );
  const choices = candidates.data?.items ?? [];
  return (
    <Part
      id="case-team"
      title={t("support.parts.team")}
      pending={teams.isPending}
      empty={false}
      emptyText=""
    >
      {data && !data.coordinator && data.teams.length === 0 ? (
        <Paragraph>{t("support.team.none")}</Paragraph>
      ) : null}
      {data?.coordinator ? (
        <Paragraph>{t("support.team.coordinator", { name: data.coordinator.name })}</Paragraph>
      ) : null}
      {data?.teams.map((team) => (
        <div key={team.id}>
          <Heading level={3} data-size="xs">
            {t(`support.team.kinds.${team.kind}`)}
          </Heading>
          <ul>
            {team.members.map((m) => (
              <li key={m.accessId}>
                {m.name} ({m.organisationName}){m.live ? null : ` – ${t("support.team.ended")}`}
              </li>
            ))}
          </ul>
          {data.canManage ? <AddMember caseId={caseId} team={team} candidates={choices} /> : null}
        </div>
      ))}
      {data?.canManage && !data.coordinator ? (
        <AssignCoordinator caseId={caseId} candidates={choices} />
      ) : null}
      {data?.canManage && data.teams.length === 0 ? (
        <FormTeam caseId={caseId} suggested={data.suggestedKind} />
      ) : null}
    </Part>
  );
}
