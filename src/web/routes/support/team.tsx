import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TEAM_KINDS } from "../../../domain/support/teams.ts";
import { api } from "../../api.ts";
import { Options, SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Part } from "./case-parts.tsx";
import { type Teams, urls, useSupportQuery } from "./shared.tsx";

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
        </div>
      ))}
      {data?.canManage && data.teams.length === 0 ? (
        <FormTeam caseId={caseId} suggested={data.suggestedKind} />
      ) : null}
    </Part>
  );
}
