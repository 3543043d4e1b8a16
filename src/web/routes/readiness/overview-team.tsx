import { Button, Checkbox, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AssessmentDetail, TEAM_ROLES } from "../../../domain/readiness/api.ts";
import { type ApiError, api, get } from "../../api.ts";
import { FormActions, FormErrorSummary, useFormErrors } from "../../components/forms.tsx";
import { Loading } from "../../components/page.tsx";
import { API } from "./shared.tsx";

type TeamRole = (typeof TEAM_ROLES)[number];
interface Candidate {
  userId?: string;
  id?: string;
  displayName: string;
  email?: string;
}

export function TeamSection({ a, onSaved }: { a: AssessmentDetail; onSaved: (s: string) => void }) {
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
