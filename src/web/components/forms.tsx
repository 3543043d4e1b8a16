import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Label,
  Select,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ZodError, ZodType } from "zod";
import { ApiError } from "../api.ts";

export type FieldErrors = Record<string, string>;

/** Form error state: per-field messages (client or server) and one message for the form. */
export function useFormErrors(formId: string) {
  const { t } = useTranslation();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  const fromZod = useCallback((error: ZodError, messages: Record<string, string> = {}) => {
    const next: FieldErrors = {};
    for (const issue of error.issues) {
      const key = issue.path.map(String).join(".");
      if (!next[key]) next[key] = messages[key] ?? issue.message;
    }
    setFieldErrors(next);
    setFormError(null);
  }, []);

  const fromError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const next: FieldErrors = {};
        for (const issue of error.issues) {
          const key = issue.path.replace(/^body\.?/, "");
          if (key && !next[key]) next[key] = issue.message;
        }
        setFieldErrors(next);
        if (Object.keys(next).length === 0) {
          setFormError(
            error.code === "network"
              ? t("common.networkError")
              : error.status === 409
                ? error.message || t("common.conflict")
                : error.message || t("common.unknownError"),
          );
        } else setFormError(null);
      } else {
        setFieldErrors({});
        setFormError(t("common.unknownError"));
      }
    },
    [t],
  );

  /** Shows the client-side messages found before submitting; true when there are none. */
  const validate = (next: FieldErrors) => {
    setFieldErrors(next);
    return Object.keys(next).length === 0;
  };

  /**
   * Checks a request body against its schema: on failure shows the messages (by field, else
   * Zod's own) and returns undefined; on success clears the errors and returns the parsed body.
   */
  const parse = <T,>(
    schema: ZodType<T>,
    body: unknown,
    messages?: Record<string, string>,
  ): T | undefined => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      fromZod(parsed.error, messages);
      return undefined;
    }
    clear();
    return parsed.data;
  };

  const fieldId = (name: string) => `${formId}-${name.replaceAll(".", "-")}`;
  /** The id and error message of a field, to spread onto a Textfield or SelectField. */
  const field = (name: string) => ({ id: fieldId(name), error: fieldErrors[name] });
  return {
    fieldErrors,
    formError,
    setFieldErrors,
    clear,
    fromZod,
    fromError,
    validate,
    parse,
    fieldId,
    field,
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;

/** Error summary at the top of a form, each message linking to its field; takes focus. */
export function FormErrorSummary({
  errors,
  formError,
  fieldId,
  labels,
}: {
  errors: FieldErrors;
  formError: string | null;
  fieldId: (name: string) => string;
  labels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const show = entries.length > 0 || formError;
  const signature = JSON.stringify([entries, formError]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus when the set of errors changes
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [signature]);
  if (!show) return null;
  if (entries.length === 0) {
    return (
      <div ref={ref} tabIndex={-1} className="form-alert">
        <Alert data-color="danger" role="alert">
          {formError}
        </Alert>
      </div>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} className="form-alert">
      <ErrorSummary>
        <ErrorSummary.Heading>{t("common.errorSummary")}</ErrorSummary.Heading>
        <ErrorSummary.List>
          {entries.map(([name, message]) => (
            <ErrorSummary.Item key={name}>
              <ErrorSummary.Link href={`#${fieldId(name)}`}>
                {labels?.[name] ? `${labels[name]}: ` : ""}
                {message}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
      {formError ? (
        <Alert data-color="danger" role="alert">
          {formError}
        </Alert>
      ) : null}
    </div>
  );
}

/** A labelled native select with description and error message. */
export function SelectField({
  id,
  label,
  description,
  error,
  value,
  onChange,
  children,
  required,
}: {
  id: string;
  label: string;
  description?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  required?: boolean;
}) {
  const describedBy = [description ? `${id}-desc` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description id={`${id}-desc`}>{description}</Field.Description> : null}
      <Select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
      >
        {children}
      </Select>
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}

/**
 * A validated form: its error summary, then the form (no native validation) with its fields and
 * a submit button, or `actions` in place of the button.
 */
export function ValidatedForm({
  form,
  onSubmit,
  labelledBy,
  submitLabel,
  pending,
  variant,
  actions,
  labels,
  children,
}: {
  form: FormErrors;
  onSubmit: () => void;
  labelledBy?: string;
  submitLabel?: string;
  pending?: boolean;
  variant?: "primary" | "secondary";
  actions?: ReactNode;
  /** Field labels to name each message of the error summary. */
  labels?: Record<string, string>;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <>
      <FormErrorSummary
        errors={form.fieldErrors}
        formError={form.formError}
        fieldId={form.fieldId}
        labels={labels}
      />
      <form onSubmit={submit} noValidate className="form-stack" aria-labelledby={labelledBy}>
        {children}
        {actions ?? (
          <div>
            <Button type="submit" variant={variant} data-color="accent" disabled={pending}>
              {submitLabel}
            </Button>
          </div>
        )}
      </form>
    </>
  );
}

/** A form's buttons in a row: submit, then any `children`, then cancel when `onCancel` is given. */
export function FormActions({
  submitLabel,
  pending,
  onCancel,
  className,
  children,
}: {
  submitLabel: string;
  pending?: boolean;
  onCancel?: () => void;
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={className ? `button-row ${className}` : "button-row"}>
      <Button type="submit" data-color="accent" disabled={pending}>
        {submitLabel}
      </Button>
      {children}
      {onCancel ? (
        <Button type="button" variant="secondary" data-color="accent" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      ) : null}
    </div>
  );
}

/** The `<option>`s of a select: an optional empty choice, then one for each value. */
export function Options<T extends string>({
  values,
  label,
  placeholder,
}: {
  values: readonly T[];
  label: (value: T) => string;
  placeholder?: string;
}) {
  return (
    <>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </>
  );
}

/** A short-lived success message announced to screen readers. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite" className="status-region">
      {message ? <Alert data-color="success">{message}</Alert> : null}
    </div>
  );
}

/**
 * A new password and its confirmation, as the account page and the password-reset page ask for
 * them: the same labels, hint and autocomplete, so password managers offer to save the new one.
 */
export function NewPasswordFields({
  form,
  names,
  password,
  confirm,
  onPassword,
  onConfirm,
}: {
  form: ReturnType<typeof useFormErrors>;
  names: { password: string; confirm: string };
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield
        {...form.field(names.password)}
        label={t("account.newPassword")}
        description={t("account.newPasswordHint")}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
      />
      <Textfield
        {...form.field(names.confirm)}
        label={t("account.confirmPassword")}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
      />
    </>
  );
}
