import { Alert, Button } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { type JobStatus, jobFinished, percentDone } from "../../domain/platform/jobs.ts";
import { type ApiError, api, get } from "../api.ts";
import { jobAnnouncement, jobValueText } from "./job-progress-text.ts";

/** How often a job that has not finished is asked about. */
const POLL_MS = 1_000;

/**
 * A background job's progress, live: a progress bar with its value in words, a polite live
 * region that says only when the state changes (not every percent), and a cancel button while
 * the job can still be stopped. Ready for imports and reports; `label` names the job.
 */
export function JobProgress({
  jobId,
  label,
  onFinished,
}: {
  jobId: string;
  label: string;
  onFinished?: (status: JobStatus) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const labelId = useId();
  const key = ["job", jobId];
  const job = useQuery<JobStatus, ApiError>({
    queryKey: key,
    queryFn: async () => {
      const status = await get<JobStatus>(`/api/jobs/${jobId}`);
      if (jobFinished(status.state)) onFinished?.(status);
      return status;
    },
    refetchInterval: (query) =>
      query.state.data && jobFinished(query.state.data.state) ? false : POLL_MS,
  });
  const cancel = useMutation<JobStatus, ApiError>({
    mutationFn: () => api<JobStatus>("POST", `/api/jobs/${jobId}/cancel`),
    onSuccess: (status) => client.setQueryData(key, status),
  });
  const status = job.data;
  if (job.isError) return <Alert data-color="danger">{t("jobs.loadError")}</Alert>;
  const valueText = status ? jobValueText(t, i18n.language, status) : "";
  const percent = status ? percentDone(status.progress) : 0;
  const cancelling = Boolean(status?.cancelRequested) || cancel.isPending;
  return (
    <div className="job-progress">
      <div id={labelId} className="job-progress-label">
        {label}
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
        aria-busy={status ? !jobFinished(status.state) : true}
        className="job-progress-track"
        data-state={status?.state ?? "queued"}
      >
        <div className="job-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="job-progress-text" aria-hidden="true">
        {valueText}
      </p>
      <div role="status" aria-live="polite" className="status-region">
        {status ? jobAnnouncement(t, label, status.state) : null}
      </div>
      {status && !jobFinished(status.state) ? (
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => cancel.mutate()}
          disabled={cancelling}
        >
          {cancelling ? t("jobs.cancelling") : t("jobs.cancel")}
        </Button>
      ) : null}
    </div>
  );
}
