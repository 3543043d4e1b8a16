import { Button, Heading, Paragraph, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { z } from "zod";
import { ROLES, type Role, roleNeedsOrganisation } from "../../../domain/platform/roles.ts";
import {
  UserCreateSchema,
  type UserSchema,
  type UserSummarySchema,
} from "../../../domain/platform/schemas.ts";
import { type ApiError, api, get, query } from "../../api.ts";
import { FormErrorSummary, SelectField, useFormErrors } from "../../components/forms.tsx";
import { roleName } from "../../components/labels.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan, useMe } from "../../components/session.ts";
import { organisationLabel, useOrganisations } from "./organisations.tsx";

type UserSummary = z.infer<typeof UserSummarySchema>;
export type User = z.infer<typeof UserSchema>;

export function UserStatus({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  if (user.disabled)
    return (
      <Tag data-color="danger" data-size="sm">
        {t("users.disabled")}
      </Tag>
    );
  if (user.locked)
    return (
      <Tag data-color="warning" data-size="sm">
        {t("users.locked")}
      </Tag>
    );
  return (
    <Tag data-color="success" data-size="sm">
      {t("users.active")}
    </Tag>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const organisationId = params.get("organisationId") ?? undefined;
  const [draft, setDraft] = useState(q);
  const users = useQuery<UserSummary[], ApiError>({
    queryKey: ["users", q, organisationId],
    queryFn: () => get<UserSummary[]>(`/api/users${query({ q, organisationId })}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set("q", draft.trim());
    else next.delete("q");
    setParams(next);
  };
  return (
    <>
      <PageTitle title={t("users.title")}>{t("users.title")}</PageTitle>
      <Paragraph>{t("users.intro")}</Paragraph>
      <search>
        <form onSubmit={submit} className="filter-bar">
          <Textfield
            label={t("users.search")}
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div>
            <Button type="submit" variant="secondary">
              {t("common.search")}
            </Button>
          </div>
        </form>
      </search>
      {users.isPending ? <Loading /> : null}
      {users.data ? (
        users.data.length === 0 ? (
          <Paragraph>{t("users.empty")}</Paragraph>
        ) : (
          <div className="table-wrap">
            <Table zebra>
              <caption>{t("users.captionCount", { count: users.data.length })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("users.name")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("users.email")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("users.roles")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("users.status")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {users.data.map((u) => (
                  <Table.Row key={u.id}>
                    <Table.Cell>
                      <AppLink to={`/users/${u.id}`}>{u.displayName}</AppLink>
                    </Table.Cell>
                    <Table.Cell className="break">{u.email}</Table.Cell>
                    <Table.Cell>
                      {u.grants.map((g) => (
                        <div key={g.id}>
                          {roleName(t, g.role)}
                          {g.organisationName ? `, ${g.organisationName}` : ""}
                        </div>
                      ))}
                    </Table.Cell>
                    <Table.Cell>
                      <UserStatus user={u} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )
      ) : null}
      {can("user.manage") ? <CreateUser /> : null}
    </>
  );
}

/** Role and organisation pickers shared by the create form and the add-role form. */
export function RoleFields({
  idOf,
  role,
  setRole,
  organisationId,
  setOrganisationId,
  errors,
}: {
  idOf: (name: string) => string;
  role: string;
  setRole: (v: string) => void;
  organisationId: string;
  setOrganisationId: (v: string) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const orgs = useOrganisations();
  const isSystemAdmin = me?.grants.some((g) => g.role === "system_admin");
  const roles = ROLES.filter((r) => isSystemAdmin || r !== "system_admin");
  const needsOrg = !role || roleNeedsOrganisation(role as Role);
  return (
    <>
      <SelectField
        id={idOf("role")}
        label={t("users.role")}
        value={role}
        onChange={setRole}
        error={errors.role}
        required
      >
        <option value="">{t("users.chooseRole")}</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleName(t, r)}
          </option>
        ))}
      </SelectField>
      {needsOrg ? (
        <SelectField
          id={idOf("organisationId")}
          label={t("users.organisation")}
          value={organisationId}
          onChange={setOrganisationId}
          error={errors.organisationId}
          required
        >
          <option value="">{t("users.chooseOrganisation")}</option>
          {(orgs.data ?? [])
            .filter((o) => !o.archived)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {organisationLabel(t, o)}
              </option>
            ))}
        </SelectField>
      ) : null}
    </>
  );
}

function CreateUser() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const errors = useFormErrors("create-user");
  const create = useMutation({
    mutationFn: (body: unknown) => api<User>("POST", "/api/users", body),
    onSuccess: async (user) => {
      await client.invalidateQueries({ queryKey: ["users"] });
      navigate(`/users/${user.id}`, {
        state: { created: t("users.created", { name: user.displayName }) },
      });
    },
    onError: errors.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const needsOrg = !role || roleNeedsOrganisation(role as Role);
    const body = {
      email: email.trim(),
      displayName: displayName.trim(),
      ...(password ? { password } : {}),
      locale: i18n.language === "en" ? "en" : "sv",
      role: role || undefined,
      organisationId: needsOrg ? organisationId || undefined : null,
    };
    const parsed = UserCreateSchema.safeParse(body);
    if (!parsed.success) {
      errors.fromZod(parsed.error, {
        email: t("users.emailRequired"),
        displayName: t("users.nameRequired"),
        role: t("users.roleRequired"),
        organisationId: t("users.organisationRequired"),
      });
      return;
    }
    errors.clear();
    create.mutate(body);
  };
  return (
    <section aria-labelledby="create-user-heading" className="panel">
      <Heading level={2} data-size="md" id="create-user-heading">
        {t("users.create")}
      </Heading>
      <FormErrorSummary
        errors={errors.fieldErrors}
        formError={errors.formError}
        fieldId={errors.fieldId}
      />
      <form
        onSubmit={submit}
        noValidate
        className="form-stack"
        aria-labelledby="create-user-heading"
      >
        <Textfield
          id={errors.fieldId("email")}
          label={t("users.email")}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fieldErrors.email}
          required
        />
        <Textfield
          id={errors.fieldId("displayName")}
          label={t("users.displayName")}
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.fieldErrors.displayName}
          required
        />
        <Textfield
          id={errors.fieldId("password")}
          label={t("users.password")}
          description={t("users.passwordHint")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fieldErrors.password}
        />
        <RoleFields
          idOf={errors.fieldId}
          role={role}
          setRole={setRole}
          organisationId={organisationId}
          setOrganisationId={setOrganisationId}
          errors={errors.fieldErrors}
        />
        <div>
          <Button type="submit" disabled={create.isPending}>
            {t("users.create")}
          </Button>
        </div>
      </form>
    </section>
  );
}
