import { Alert, Button, Card, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { PasswordSchema, type TotpSetupSchema } from "../../../domain/platform/schemas.ts";
import { api } from "../../api.ts";
import {
  FormErrorSummary,
  NewPasswordFields,
  StatusMessage,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { LanguageSwitch } from "../../components/layout.tsx";
import { isOneTimeCode, OneTimeCodeField } from "../../components/one-time-code-field.tsx";
import { PageTitle } from "../../components/page.tsx";
import { type Me, useMe } from "../../components/session.ts";
import { SessionsSection } from "./account-sessions.tsx";

type TotpSetup = z.infer<typeof TotpSetupSchema>;

export function AccountPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [status, setStatus] = useState<string | null>(null);
  if (!me) return null;
  return (
    <>
      <PageTitle title={t("account.title")}>{t("account.title")}</PageTitle>
      <Paragraph>
        {me.displayName} · <span className="break">{me.email}</span>
      </Paragraph>
      <StatusMessage message={status} />
      {me.mfaEnrolmentRequired ? (
        <Alert data-color="warning">{t("account.twoFactorRequired")}</Alert>
      ) : null}
      <div className="grid-2">
        {me.authMethod === "password" ? (
          <TwoFactor me={me} onStatus={setStatus} />
        ) : (
          <Card data-color="neutral">
            <Paragraph>{t("account.oidcNote")}</Paragraph>
          </Card>
        )}
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t("account.language")}
          </Heading>
          <div className="account-language">
            <LanguageSwitch me={me} />
          </div>
        </Card>
        {me.authMethod === "password" ? <ChangePassword onStatus={setStatus} /> : null}
      </div>
      {/* Until two-factor enrolment is done the API answers nothing else but enrolment. */}
      {me.mfaEnrolmentRequired ? null : <SessionsSection onStatus={setStatus} />}
    </>
  );
}

function ChangePassword({ onStatus }: { onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [confirm, setConfirm] = useState("");
  const errors = useFormErrors("password");
  const change = useMutation({
    mutationFn: () => api("POST", "/api/auth/password", { currentPassword, newPassword }),
    onSuccess: () => {
      errors.clear();
      setCurrent("");
      setNew("");
      setConfirm("");
      onStatus(t("account.passwordChanged"));
    },
    onError: errors.fromError,
  });
  const submit = () => {
    const next: Record<string, string> = {};
    if (!currentPassword) next.currentPassword = t("login.passwordRequired");
    const parsed = PasswordSchema.safeParse(newPassword);
    if (!parsed.success) next.newPassword = parsed.error.issues[0]?.message ?? "";
    else if (newPassword !== confirm) next.confirm = t("account.mismatch");
    if (!errors.validate(next)) return;
    change.mutate();
  };
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm" id="password-heading">
        {t("account.password")}
      </Heading>
      <ValidatedForm
        form={errors}
        onSubmit={submit}
        labelledBy="password-heading"
        submitLabel={t("account.change")}
        pending={change.isPending}
        variant="secondary"
      >
        <Textfield
          {...errors.field("currentPassword")}
          label={t("account.currentPassword")}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <NewPasswordFields
          form={errors}
          names={{ password: "newPassword", confirm: "confirm" }}
          password={newPassword}
          confirm={confirm}
          onPassword={setNew}
          onConfirm={setConfirm}
        />
      </ValidatedForm>
    </Card>
  );
}

function TwoFactor({ me, onStatus }: { me: Me; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState("");
  const errors = useFormErrors("totp");
  const start = useMutation({
    mutationFn: () => api<TotpSetup>("POST", "/api/auth/totp/setup"),
    onSuccess: (s) => {
      errors.clear();
      setSetup(s);
    },
    onError: errors.fromError,
  });
  const finish = useMutation({
    mutationFn: () =>
      api("POST", me.totpEnabled ? "/api/auth/totp/disable" : "/api/auth/totp/enable", { code }),
    onSuccess: async () => {
      errors.clear();
      setSetup(null);
      setCode("");
      onStatus(me.totpEnabled ? t("account.disabled") : t("account.enabled"));
      await client.invalidateQueries({ queryKey: ["me"] });
    },
    onError: errors.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isOneTimeCode(code)) {
      errors.setFieldErrors({ code: t("login.codeInvalid") });
      return;
    }
    finish.mutate();
  };
  const codeForm = (label: string) => (
    <form onSubmit={submit} noValidate className="form-stack">
      <OneTimeCodeField form={errors} value={code} onChange={setCode} />
      <div>
        <Button type="submit" data-color="accent" disabled={finish.isPending}>
          {label}
        </Button>
      </div>
    </form>
  );
  return (
    <Card data-color="neutral">
      <Heading level={2} data-size="sm">
        {t("account.twoFactor")}
      </Heading>
      <Paragraph>{me.totpEnabled ? t("account.twoFactorOn") : t("account.twoFactorOff")}</Paragraph>
      <FormErrorSummary
        errors={errors.fieldErrors}
        formError={errors.formError}
        fieldId={errors.fieldId}
      />
      {me.totpEnabled ? (
        <>
          <Paragraph>{t("account.disableIntro")}</Paragraph>
          {codeForm(t("account.disable"))}
        </>
      ) : setup ? (
        <>
          <Paragraph>{t("account.secretIntro")}</Paragraph>
          <dl className="facts">
            <dt>{t("account.secret")}</dt>
            <dd className="mono break" data-testid="totp-secret">
              {setup.secret}
            </dd>
            <dt>{t("account.uri")}</dt>
            <dd className="mono break">{setup.otpauthUri}</dd>
          </dl>
          {codeForm(t("account.enable"))}
        </>
      ) : (
        <Button data-color="accent" onClick={() => start.mutate()} disabled={start.isPending}>
          {t("account.start")}
        </Button>
      )}
    </Card>
  );
}
