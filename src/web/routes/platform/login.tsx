import { Alert, Button, Card, Divider, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { z } from "zod";
import type { LoginResultSchema, ProvidersSchema } from "../../../domain/platform/schemas.ts";
import { api, get } from "../../api.ts";
import { useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Shell } from "../../components/layout.tsx";
import { isOneTimeCode, OneTimeCodeField } from "../../components/one-time-code-field.tsx";
import { AppLink, PageTitle, requestHeadingFocus } from "../../components/page.tsx";

type LoginResult = z.infer<typeof LoginResultSchema>;
type Providers = z.infer<typeof ProvidersSchema>;

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const state = (location.state ?? {}) as {
    from?: string;
    mfa?: boolean;
    signedOut?: boolean;
    passwordReset?: boolean;
  };
  const [step, setStep] = useState<"password" | "mfa" | "signed_in">(
    state.mfa ? "mfa" : "password",
  );
  // Told only after the right password, so that the sign-in answer never says whose account is
  // locked; the person then goes on by choice, having read it.
  const [wasLocked, setWasLocked] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  const providers = useQuery({
    queryKey: ["providers"],
    queryFn: () => get<Providers>("/api/auth/providers"),
  });

  const done = async () => {
    await client.resetQueries();
    const from = state.from && state.from !== "/login" ? state.from : "/";
    navigate(from, { replace: true });
  };
  const afterPassword = (r: LoginResult) => {
    if (r.accountWasLocked) setWasLocked(true);
    if (r.status === "mfa_required") setStep("mfa");
    else if (r.accountWasLocked) setStep("signed_in");
    else void done();
  };

  return (
    <Shell>
      <div className="login">
        <Card data-color="neutral" className="login__card">
          {wasLocked ? (
            <Alert data-color="warning" className="login__notice">
              {t("login.wasLocked")}
            </Alert>
          ) : null}
          {step === "password" ? (
            <PasswordStep
              onDone={afterPassword}
              signedOut={Boolean(state.signedOut)}
              passwordReset={Boolean(state.passwordReset)}
            />
          ) : step === "mfa" ? (
            <MfaStep onDone={() => void done()} />
          ) : (
            <Button onClick={() => void done()}>{t("login.continue")}</Button>
          )}
          {step === "password" && providers.data?.oidc ? (
            <>
              <Divider />
              <Paragraph className="login__or">{t("login.or")}</Paragraph>
              <Button asChild variant="secondary">
                <a href="/api/auth/oidc/login" onClick={requestHeadingFocus}>
                  {t("login.oidc", { label: providers.data.oidc.label })}
                </a>
              </Button>
            </>
          ) : null}
        </Card>
      </div>
    </Shell>
  );
}

function PasswordStep({
  onDone,
  signedOut,
  passwordReset,
}: {
  onDone: (r: LoginResult) => void;
  signedOut: boolean;
  passwordReset: boolean;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const errors = useFormErrors("login");
  const login = useMutation({
    mutationFn: () => api<LoginResult>("POST", "/api/auth/login", { email, password }),
    onSuccess: onDone,
    onError: errors.fromError,
  });
  const submit = () => {
    const next: Record<string, string> = {};
    if (!email.trim()) next.email = t("login.emailRequired");
    if (!password) next.password = t("login.passwordRequired");
    if (!errors.validate(next)) return;
    errors.clear();
    login.mutate();
  };
  return (
    <>
      <PageTitle title={t("login.title")}>{t("login.title")}</PageTitle>
      {signedOut ? (
        <Alert data-color="info" className="login__notice">
          {t("login.signedOut")}
        </Alert>
      ) : null}
      {passwordReset ? (
        <Alert data-color="success" role="status" className="login__notice">
          {t("passwordReset.done")}
        </Alert>
      ) : null}
      <Paragraph>{t("login.intro")}</Paragraph>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        submitLabel={t("login.submit")}
        pending={login.isPending}
      >
        <Textfield
          {...errors.field("email")}
          label={t("login.email")}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Textfield
          {...errors.field("password")}
          label={t("login.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </ValidatedForm>
      <Paragraph className="login__forgot">
        <AppLink to="/password-reset">{t("login.forgotPassword")}</AppLink>
      </Paragraph>
    </>
  );
}

function MfaStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const errors = useFormErrors("mfa");
  const verify = useMutation({
    mutationFn: () => api<LoginResult>("POST", "/api/auth/mfa", { code }),
    onSuccess: onDone,
    onError: errors.fromError,
  });
  const submit = () => {
    if (!isOneTimeCode(code.trim())) {
      errors.setFieldErrors({ code: t("login.codeInvalid") });
      return;
    }
    errors.clear();
    verify.mutate();
  };
  return (
    <>
      <PageTitle title={t("login.mfaTitle")}>{t("login.mfaTitle")}</PageTitle>
      <Paragraph>{t("login.mfaIntro")}</Paragraph>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        submitLabel={t("login.verify")}
        pending={verify.isPending}
      >
        <OneTimeCodeField form={errors} value={code} onChange={setCode} />
      </ValidatedForm>
    </>
  );
}
