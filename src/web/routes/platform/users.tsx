import { Button, Heading, Paragraph, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { z } from "zod";
import {
  UserCreateSchema,
  type UserSchema,
  type UserSummarySchema,
} from "../../../domain/platform/schemas.ts";
import { type ApiError, api, get, query } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { roleName } from "../../components/labels.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { RoleGrantFields, useRoleGrant } from "../../components/role-grant-fields.tsx";
import { useCan } from "../../components/session.ts";

type UserSummary = z.infer<typeof UserSummarySchema>;

const PAGE_SIZE = 50;
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
  const users = useInfiniteQuery<UserSummary[], ApiError, UserSummary[], unknown[], number>({
    queryKey: ["users", q, organisationId],
    queryFn: ({ pageParam }) =>
      get<UserSummary[]>(
        `/api/users${query({ q, organisationId, limit: PAGE_SIZE, offset: pageParam || undefined })}`,
      ),
    enabled: can("user.read"),
    initialPageParam: 0,
    // A full page may have a next one; a short page is the last.
    getNextPageParam: (last, all) => (last.length < PAGE_SIZE ? undefined : all.length * PAGE_SIZE),
    select: (data) => data.pages.flat(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set("q", draft.trim());
    else next.delete("q");
    setParams(next);
  };
  if (!can("user.read") || isForbidden(users.error)) return <ForbiddenPage />;
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
          <DataTable
            caption={t("users.captionCount", { count: users.data.length })}
            columns={[t("users.name"), t("users.email"), t("users.roles"), t("users.status")]}
          >
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
          </DataTable>
        )
      ) : null}
      {users.hasNextPage ? (
        <Button
          variant="secondary"
          onClick={() => void users.fetchNextPage()}
          disabled={users.isFetchingNextPage}
        >
          {t("users.showMore")}
        </Button>
      ) : null}
      {can("user.manage") ? <CreateUser /> : null}
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
  const grant = useRoleGrant();
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
  const submit = () => {
    const body = {
      email: email.trim(),
      displayName: displayName.trim(),
      ...(password ? { password } : {}),
      locale: i18n.language === "en" ? "en" : "sv",
      role: grant.role || undefined,
      organisationId: grant.needsOrganisation ? grant.organisationId || undefined : null,
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
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy="create-user-heading"
        submitLabel={t("users.create")}
        pending={create.isPending}
      >
        <Textfield
          {...errors.field("email")}
          label={t("users.email")}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <Textfield
          {...errors.field("displayName")}
          label={t("users.displayName")}
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
        />
        <Textfield
          {...errors.field("password")}
          label={t("users.password")}
          description={t("users.passwordHint")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <RoleGrantFields grant={grant} form={errors} />
      </ValidatedForm>
    </section>
  );
}
