import { Button, Checkbox, Fieldset, Heading } from "@digdir/designsystemet-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ROLES, type Role } from "../../../domain/platform/roles.ts";
import type { SecuritySettingsSchema } from "../../../domain/platform/schemas.ts";
import { type ApiError, api, get } from "../../api.ts";
import { FormErrorSummary, StatusMessage, useFormErrors } from "../../components/forms.tsx";
import { roleName } from "../../components/labels.ts";
import { Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { NotFoundPage } from "./not-found.tsx";
import { MaintenanceSection } from "./settings-maintenance.tsx";

type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;

export function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can("platform.manage");
  const settings = useQuery<SecuritySettings, ApiError>({
    queryKey: ["settings", "security"],
    queryFn: () => get<SecuritySettings>("/api/settings/security"),
    enabled: allowed,
  });
  const [roles, setRoles] = useState<Role[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const errors = useFormErrors("security");
  useEffect(() => {
    if (settings.data) setRoles(settings.data.requireMfaForRoles);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () =>
      api<SecuritySettings>("PUT", "/api/settings/security", { requireMfaForRoles: roles }),
    onSuccess: () => {
      errors.clear();
      setStatus(t("settings.saved"));
    },
    onError: errors.fromError,
  });
  if (!allowed) return <NotFoundPage />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    save.mutate();
  };
  return (
    <>
      <PageTitle title={t("settings.title")}>{t("settings.title")}</PageTitle>
      <StatusMessage message={status} />
      <section aria-labelledby="security-heading" className="panel">
        <Heading level={2} data-size="md" id="security-heading">
          {t("settings.security")}
        </Heading>
        {settings.isPending ? <Loading /> : null}
        <FormErrorSummary
          errors={errors.fieldErrors}
          formError={errors.formError}
          fieldId={errors.fieldId}
        />
        {settings.data ? (
          <form onSubmit={submit} className="form-stack">
            <Fieldset>
              <Fieldset.Legend>{t("settings.mfaLegend")}</Fieldset.Legend>
              <Fieldset.Description>{t("settings.mfaHint")}</Fieldset.Description>
              {ROLES.map((r) => (
                <Checkbox
                  key={r}
                  label={roleName(t, r)}
                  value={r}
                  checked={roles.includes(r)}
                  onChange={(e) =>
                    setRoles((prev) =>
                      e.target.checked ? [...prev, r] : prev.filter((x) => x !== r),
                    )
                  }
                />
              ))}
            </Fieldset>
            <div>
              <Button type="submit" disabled={save.isPending}>
                {t("common.save")}
              </Button>
            </div>
          </form>
        ) : null}
      </section>
      <MaintenanceSection />
    </>
  );
}
