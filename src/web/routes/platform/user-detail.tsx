import {
  Alert,
  Button,
  Card,
  Heading,
  Paragraph,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { PasswordSchema } from "../../../domain/platform/schemas.ts";
import { type ApiError, api, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { StatusMessage, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { formatDateTime, roleName } from "../../components/labels.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { RoleGrantFields, useRoleGrant } from "../../components/role-grant-fields.tsx";
import { useCan } from "../../components/session.ts";
import { NotFoundPage } from "./not-found.tsx";
import { type User, UserStatus } from "./users.tsx";

export function UserDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const can = useCan();
  const client = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    setStatus((location.state as { created?: string } | null)?.created ?? null);
  }, [location.state]);
  const user = useQuery<User, ApiError>({
    queryKey: ["users", id],
    queryFn: () => get<User>(`/api/users/${id}`),
  });
  const [actionError, setActionError] = useState<string | null>(null);
  const showError = (e: ApiError) => setActionError(e.message || t("common.unknownError"));
  const refresh = async (message: string) => {
    setActionError(null);
    await client.invalidateQueries({ queryKey: ["users"] });
    setStatus(message);
  };
  const toggle = useMutation({
    mutationFn: (u: User) =>
      api("PATCH", `/api/users/${u.id}`, { disabled: !u.disabled, version: u.version }),
    onSuccess: () => refresh(t("common.saved")),
    onError: showError,
  });
  const removeGrant = useMutation({
    mutationFn: (grantId: string) => api("DELETE", `/api/users/${id}/grants/${grantId}`),
    onSuccess: () => refresh(t("common.saved")),
    onError: showError,
  });
  const resetTotp = useMutation({
    mutationFn: () => api("POST", `/api/users/${id}/reset-totp`),
    onSuccess: () => refresh(t("users.totpReset")),
    onError: showError,
  });
  const endSessions = useMutation({
    mutationFn: () => api<{ revoked: number }>("POST", `/api/users/${id}/revoke-sessions`),
    onSuccess: ({ revoked }) =>
      refresh(
        revoked === 0 ? t("users.noSessionsToEnd") : t("users.sessionsEnded", { count: revoked }),
      ),
    onError: showError,
  });
  if (user.isPending) return <Loading />;
  if (user.isError) return isForbidden(user.error) ? <ForbiddenPage /> : <NotFoundPage />;
  const u = user.data;
  const manage = u.abilities.update && can("user.manage");
  return (
    <>
      <nav aria-label={t("nav.users")} className="breadcrumb-lite">
        <AppLink to="/users">{t("users.title")}</AppLink>
      </nav>
      <PageTitle title={u.displayName}>{u.displayName}</PageTitle>
      <UserStatus user={u} />
      <StatusMessage message={status} />
      {actionError ? (
        <Alert data-color="danger" role="alert">
          {actionError}
        </Alert>
      ) : null}
      {u.disabled ? <Alert data-color="warning">{t("users.disabledNotice")}</Alert> : null}
      <div className="grid-2">
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t("users.account")}
          </Heading>
          <dl className="facts">
            <dt>{t("users.email")}</dt>
            <dd className="break">{u.email}</dd>
            <dt>{t("users.lastLogin")}</dt>
            <dd>
              {u.lastLoginAt ? formatDateTime(u.lastLoginAt, i18n.language) : t("users.never")}
            </dd>
            <dt>{t("users.createdAt")}</dt>
            <dd>{formatDateTime(u.createdAt, i18n.language)}</dd>
            <dt>{t("users.twoFactor")}</dt>
            <dd>{u.totpEnabled ? t("home.on") : t("home.off")}</dd>
            <dt>{t("users.language")}</dt>
            <dd>{t(`languages.${u.locale}`)}</dd>
          </dl>
          {manage ? (
            <Button
              variant="secondary"
              data-color={u.disabled ? "accent" : "danger"}
              onClick={() => toggle.mutate(u)}
              disabled={toggle.isPending}
            >
              {u.disabled ? t("users.enable") : t("users.disable")}
            </Button>
          ) : null}
        </Card>
        {manage ? (
          <ResetPassword user={u} onDone={() => void refresh(t("users.passwordReset"))} />
        ) : null}
        {manage ? (
          <AccountAction
            title={t("users.endSessions")}
            help={t("users.endSessionsHelp")}
            run={endSessions}
          />
        ) : null}
        {manage && u.totpEnabled ? (
          <AccountAction
            title={t("users.resetTotp")}
            help={t("users.resetTotpHelp")}
            run={resetTotp}
          />
        ) : null}
      </div>
      <section aria-labelledby="grants-heading">
        <Heading level={2} data-size="md" id="grants-heading">
          {t("users.grants")}
        </Heading>
        {u.grants.length === 0 ? (
          <Paragraph>{t("users.noGrants")}</Paragraph>
        ) : (
          <DataTable
            caption={t("users.grantsCaption", { name: u.displayName })}
            hiddenCaption
            columns={[
              t("users.role"),
              t("users.organisation"),
              ...(manage
                ? [
                    <span key="remove" className="visually-hidden">
                      {t("users.remove")}
                    </span>,
                  ]
                : []),
            ]}
          >
            {u.grants.map((g) => {
              const orgName = g.organisationName ?? t("home.wholePlatform");
              return (
                <Table.Row key={g.id}>
                  <Table.Cell>{roleName(t, g.role)}</Table.Cell>
                  <Table.Cell>
                    {g.organisationId ? (
                      <AppLink to={`/organisations/${g.organisationId}`}>{orgName}</AppLink>
                    ) : (
                      orgName
                    )}
                  </Table.Cell>
                  {manage ? (
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        aria-label={t("users.removeLabel", {
                          role: roleName(t, g.role),
                          organisation: orgName,
                        })}
                        onClick={() => removeGrant.mutate(g.id)}
                        disabled={removeGrant.isPending}
                      >
                        {t("users.remove")}
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              );
            })}
          </DataTable>
        )}
        {manage ? <AddGrant user={u} onDone={() => void refresh(t("common.saved"))} /> : null}
      </section>
    </>
  );
}

function AddGrant({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const grant = useRoleGrant();
  const errors = useFormErrors("add-grant");
  const add = useMutation({
    mutationFn: (body: unknown) => api("POST", `/api/users/${user.id}/grants`, body),
    onSuccess: () => {
      errors.clear();
      grant.reset();
      onDone();
    },
    onError: errors.fromError,
  });
  const submit = () => {
    const next: Record<string, string> = {};
    if (!grant.role) next.role = t("users.roleRequired");
    if (grant.needsOrganisation && !grant.organisationId)
      next.organisationId = t("users.organisationRequired");
    if (!errors.validate(next)) return;
    add.mutate({
      role: grant.role,
      organisationId: grant.needsOrganisation ? grant.organisationId : null,
    });
  };
  return (
    <div className="panel">
      <Heading level={3} data-size="sm" id="add-grant-heading">
        {t("users.addGrant")}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy="add-grant-heading"
        submitLabel={t("users.add")}
        pending={add.isPending}
      >
        <RoleGrantFields grant={grant} form={errors} />
      </ValidatedForm>
    </div>
  );
}

/** A one-button action on the person's account, with what it does said beside it. */
function AccountAction({
  title,
  help,
  run,
}: {
  title: string;
  help: string;
  run: { mutate: () => void; isPending: boolean };
}) {
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      <Paragraph>{help}</Paragraph>
      <Button
        variant="secondary"
        data-color="danger"
        onClick={() => run.mutate()}
        disabled={run.isPending}
      >
        {title}
      </Button>
    </Card>
  );
}

function ResetPassword({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const errors = useFormErrors("reset-password");
  const reset = useMutation({
    mutationFn: () => api("POST", `/api/users/${user.id}/reset-password`, { password }),
    onSuccess: () => {
      setPassword("");
      errors.clear();
      onDone();
    },
    onError: errors.fromError,
  });
  const submit = () => {
    const parsed = PasswordSchema.safeParse(password);
    if (!parsed.success) {
      errors.setFieldErrors({ password: parsed.error.issues[0]?.message ?? "" });
      return;
    }
    reset.mutate();
  };
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm" id="reset-heading">
        {t("users.resetPassword")}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy="reset-heading"
        submitLabel={t("users.resetPassword")}
        pending={reset.isPending}
        variant="secondary"
      >
        <Textfield
          {...errors.field("password")}
          label={t("users.newPassword")}
          description={t("account.newPasswordHint")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </ValidatedForm>
    </Card>
  );
}
