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
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { type Role, roleNeedsOrganisation } from "../../../domain/platform/roles.ts";
import { PasswordSchema } from "../../../domain/platform/schemas.ts";
import { type ApiError, api, get } from "../../api.ts";
import { FormErrorSummary, StatusMessage, useFormErrors } from "../../components/forms.tsx";
import { formatDateTime, roleName } from "../../components/labels.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { NotFoundPage } from "./not-found.tsx";
import { RoleFields, type User, UserStatus } from "./users.tsx";

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
  const refresh = async (message: string) => {
    setActionError(null);
    await client.invalidateQueries({ queryKey: ["users"] });
    setStatus(message);
  };
  const toggle = useMutation({
    mutationFn: (u: User) =>
      api("PATCH", `/api/users/${u.id}`, { disabled: !u.disabled, version: u.version }),
    onSuccess: () => refresh(t("common.saved")),
    onError: (e: ApiError) => setActionError(e.message || t("common.unknownError")),
  });
  const removeGrant = useMutation({
    mutationFn: (grantId: string) => api("DELETE", `/api/users/${id}/grants/${grantId}`),
    onSuccess: () => refresh(t("common.saved")),
    onError: (e: ApiError) => setActionError(e.message || t("common.unknownError")),
  });
  if (user.isPending) return <Loading />;
  if (user.isError) return <NotFoundPage />;
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
      </div>
      <section aria-labelledby="grants-heading">
        <Heading level={2} data-size="md" id="grants-heading">
          {t("users.grants")}
        </Heading>
        {u.grants.length === 0 ? (
          <Paragraph>{t("users.noGrants")}</Paragraph>
        ) : (
          <div className="table-wrap">
            <Table zebra>
              <caption>{t("users.grantsCaption", { name: u.displayName })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("users.role")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("users.organisation")}</Table.HeaderCell>
                  {manage ? (
                    <Table.HeaderCell>
                      <span className="visually-hidden">{t("users.remove")}</span>
                    </Table.HeaderCell>
                  ) : null}
                </Table.Row>
              </Table.Head>
              <Table.Body>
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
              </Table.Body>
            </Table>
          </div>
        )}
        {manage ? <AddGrant user={u} onDone={() => void refresh(t("common.saved"))} /> : null}
      </section>
    </>
  );
}

function AddGrant({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const errors = useFormErrors("add-grant");
  const add = useMutation({
    mutationFn: (body: unknown) => api("POST", `/api/users/${user.id}/grants`, body),
    onSuccess: () => {
      errors.clear();
      setRole("");
      setOrganisationId("");
      onDone();
    },
    onError: errors.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    const needsOrg = !role || roleNeedsOrganisation(role as Role);
    if (!role) next.role = t("users.roleRequired");
    if (needsOrg && !organisationId) next.organisationId = t("users.organisationRequired");
    errors.setFieldErrors(next);
    if (Object.keys(next).length > 0) return;
    add.mutate({ role, organisationId: needsOrg ? organisationId : null });
  };
  return (
    <div className="panel">
      <Heading level={3} data-size="sm" id="add-grant-heading">
        {t("users.addGrant")}
      </Heading>
      <FormErrorSummary
        errors={errors.fieldErrors}
        formError={errors.formError}
        fieldId={errors.fieldId}
      />
      <form onSubmit={submit} noValidate className="form-stack" aria-labelledby="add-grant-heading">
        <RoleFields
          idOf={errors.fieldId}
          role={role}
          setRole={setRole}
          organisationId={organisationId}
          setOrganisationId={setOrganisationId}
          errors={errors.fieldErrors}
        />
        <div>
          <Button type="submit" disabled={add.isPending}>
            {t("users.add")}
          </Button>
        </div>
      </form>
    </div>
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
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
      <FormErrorSummary
        errors={errors.fieldErrors}
        formError={errors.formError}
        fieldId={errors.fieldId}
      />
      <form onSubmit={submit} noValidate className="form-stack" aria-labelledby="reset-heading">
        <Textfield
          id={errors.fieldId("password")}
          label={t("users.newPassword")}
          description={t("account.newPasswordHint")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fieldErrors.password}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={reset.isPending}>
            {t("users.resetPassword")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
