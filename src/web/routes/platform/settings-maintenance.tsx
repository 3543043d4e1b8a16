import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SYSTEM_JOB_KINDS } from "../../../domain/platform/jobs.ts";
import { type ApiError, api } from "../../api.ts";
import { FormErrorSummary, useFormErrors } from "../../components/forms.tsx";
import { JobProgress } from "../../components/job-progress.tsx";

type SystemJobKind = (typeof SYSTEM_JOB_KINDS)[number];

const LABEL_KEYS: Record<SystemJobKind, string> = {
  "platform.maintenance": "settings.maintenanceJob",
  "platform.selftest": "settings.selftestJob",
};

/** For the system administrator: run housekeeping now, or test the job queue, and follow it. */
export function MaintenanceSection() {
  const { t } = useTranslation();
  const [started, setStarted] = useState<{ id: string; kind: SystemJobKind } | null>(null);
  const errors = useFormErrors("maintenance");
  const start = useMutation<{ id: string }, ApiError, SystemJobKind>({
    mutationFn: (kind) => api<{ id: string }>("POST", "/api/system/jobs", { kind }),
    onSuccess: ({ id }, kind) => {
      errors.clear();
      setStarted({ id, kind });
    },
    onError: errors.fromError,
  });
  return (
    <section aria-labelledby="maintenance-heading" className="panel">
      <Heading level={2} data-size="md" id="maintenance-heading">
        {t("settings.maintenance")}
      </Heading>
      <Paragraph>{t("settings.maintenanceHint")}</Paragraph>
      <FormErrorSummary
        errors={errors.fieldErrors}
        formError={errors.formError}
        fieldId={errors.fieldId}
      />
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => start.mutate("platform.maintenance")}
          disabled={start.isPending}
        >
          {t("settings.runMaintenance")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => start.mutate("platform.selftest")}
          disabled={start.isPending}
        >
          {t("settings.runSelftest")}
        </Button>
      </div>
      {started ? (
        <JobProgress key={started.id} jobId={started.id} label={t(LABEL_KEYS[started.kind])} />
      ) : null}
    </section>
  );
}
