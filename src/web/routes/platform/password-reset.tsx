import { Alert, Card, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { z } from "zod";
import {
  EmailSchema,
  type PasswordResetConfigSchema,
  PasswordSchema,
} from "../../../domain/platform/schemas.ts";
import { api, get } from "../../api.ts";
import { NewPasswordFields, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Shell } from "../../components/layout.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";

type ResetConfig = z.infer<typeof PasswordResetConfigSchema>;

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <Shell>
      <div className="login">
        <Card data-color="neutral" className="login__card">
          {children}
        </Card>
      </div>
    </Shell>
  );
}

function BackToSignIn() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <AppLink to="/login">{t("passwordReset.backToSignIn")}</AppLink>
    </Paragraph>
  );
}

/** "Forgot password?": a link by e-mail when the app can send mail, else whom to ask. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const config = useQuery({
    queryKey: ["password-reset-config"],
    queryFn: () => get<ResetConfig>("/api/auth/password-reset/config"),
  });
  return (
    <Frame>
      <PageTitle title={t("passwordReset.title")}>{t("passwordReset.title")}</PageTitle>
      {config.isPending ? <Loading /> : null}
      {config.isError ? <Alert data-color="danger">{t("common.networkError")}</Alert> : null}
      {config.data?.email === false ? (
        <>
          <Paragraph>{t("passwordReset.askAdmin")}</Paragraph>
          <Paragraph>{t("passwordReset.askAdminHow")}</Paragraph>
        </>
      ) : null}
      {config.data?.email ? <RequestForm /> : null}
      <BackToSignIn />
    </Frame>
  );
}

function RequestForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = useFormErrors("password-reset");
  const request = useMutation({
    mutationFn: (address: string) => api("POST", "/api/auth/password-reset", { email: address }),
    onSuccess: (_data, address) => setSentTo(address),
    onError: errors.fromError,
  });
  const submit = () => {
    const parsed = EmailSchema.safeParse(email.trim());
    if (!parsed.success) {
      errors.setFieldErrors({ email: t("passwordReset.emailInvalid") });
      return;
    }
    errors.clear();
    request.mutate(parsed.data);
  };
  if (sentTo) {
    return (
      <Alert data-color="success" role="status">
        {t("passwordReset.sent", { email: sentTo })}
      </Alert>
    );
  }
  return (
    <>
      <Paragraph>{t("passwordReset.intro")}</Paragraph>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        submitLabel={t("passwordReset.send")}
        pending={request.isPending}
      >
        <Textfield
          {...errors.field("email")}
          label={t("login.email")}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </ValidatedForm>
    </>
  );
}

/** The token from the e-mailed link: in the fragment (`#token=…`), or the query as a fallback. */
function tokenOf(location: { hash: string; search: string }): string | null {
  return (
    new URLSearchParams(location.hash.slice(1)).get("token") ??
    new URLSearchParams(location.search).get("token")
  );
}

/** Reached from the e-mailed link: choose a new password. */
export function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenOf(location));
  // Once read, the token leaves the address bar and the history, so that it cannot be picked up
  // from there (a shared screen, a synced history) while it still works.
  useEffect(() => {
    if (location.hash || location.search) {
      navigate({ pathname: location.pathname }, { replace: true });
    }
  }, [location, navigate]);

  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const errors = useFormErrors("password-reset-confirm");
  const save = useMutation({
    mutationFn: () => api("POST", "/api/auth/password-reset/confirm", { token, password }),
    onSuccess: () => navigate("/login", { replace: true, state: { passwordReset: true } }),
    onError: errors.fromError,
  });
  const submit = () => {
    const next: Record<string, string> = {};
    const parsed = PasswordSchema.safeParse(password);
    if (!parsed.success) next.password = parsed.error.issues[0]?.message ?? "";
    else if (password !== confirm) next.confirm = t("account.mismatch");
    if (!errors.validate(next)) return;
    save.mutate();
  };

  return (
    <Frame>
      <PageTitle title={t("passwordReset.confirmTitle")}>
        {t("passwordReset.confirmTitle")}
      </PageTitle>
      {token ? (
        <>
          <Paragraph>{t("passwordReset.confirmIntro")}</Paragraph>
          <ValidatedForm
            form={errors}
            onSubmit={submit}
            submitLabel={t("passwordReset.save")}
            pending={save.isPending}
          >
            <NewPasswordFields
              form={errors}
              names={{ password: "password", confirm: "confirm" }}
              password={password}
              confirm={confirm}
              onPassword={setPassword}
              onConfirm={setConfirm}
            />
          </ValidatedForm>
          {errors.formError ? (
            <Paragraph>
              <AppLink to="/password-reset">{t("passwordReset.requestAgain")}</AppLink>
            </Paragraph>
          ) : null}
        </>
      ) : (
        <>
          <Alert data-color="warning">{t("passwordReset.noToken")}</Alert>
          <Paragraph>
            <AppLink to="/password-reset">{t("passwordReset.requestAgain")}</AppLink>
          </Paragraph>
        </>
      )}
      <BackToSignIn />
    </Frame>
  );
}
