import { Textfield } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "./forms.tsx";

/** True for a six-digit code from an authenticator app. */
export function isOneTimeCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** The six-digit authenticator code field of the sign-in and two-factor forms (field "code"). */
export function OneTimeCodeField({
  form,
  value,
  onChange,
}: {
  form: FormErrors;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Textfield
      {...form.field("code")}
      label={t("login.code")}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      value={value}
      onChange={(e) => onChange(e.target.value.trim())}
    />
  );
}
