import { Alert, Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { JobStatus } from "../../../domain/platform/jobs.ts";
import type { Import, InstrumentDetail, Mapping, Wave } from "../../../domain/profile/schemas.ts";
import { type ApiError, api, get, query } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage } from "../../components/forbidden.tsx";
import { JobProgress } from "../../components/job-progress.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { MappingStep } from "./import-mapping.tsx";
import { UploadStep } from "./import-upload.tsx";
import { API, errorText, ProfileCrumbs } from "./shared.tsx";

const STEPS = ["upload", "map", "review", "import"] as const;
type Step = (typeof STEPS)[number];

function stepOf(upload: Import | undefined): Step {
  if (!upload) return "upload";
  switch (upload.state) {
    case "uploaded":
      return "map";
    case "validating":
    case "validated":
      return "review";
    default:
      return "import";
  }
}

function Steps({ current }: { current: Step }) {
  const { t } = useTranslation();
  return (
    <ol className="profile-steps" aria-label={t("profile.import.stepsLabel")}>
      {STEPS.map((s, i) => (
        <li key={s} aria-current={s === current ? "step" : undefined}>
          {t("profile.import.stepN", { n: i + 1, name: t(`profile.import.steps.${s}`) })}
        </li>
      ))}
    </ol>
  );
}

/** Step 3: every problem by line and column; lines with problems must be left out to go on. */
function ReviewStep({
  upload,
  pending,
  onConfirm,
  onCancel,
}: {
  upload: Import;
  pending: boolean;
  onConfirm: (excludeRows: number[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const problemLines = [
    ...new Set(upload.problems.flatMap((p) => (p.line === null ? [] : [p.line]))),
  ];
  const [excluded, setExcluded] = useState<Set<number>>(() => new Set(upload.excludedRows));
  const fileProblems = upload.problems.filter((p) => p.line === null);
  const unresolved =
    fileProblems.length > 0 || upload.problemRows > problemLines.length
      ? upload.problemRows
      : problemLines.filter((l) => !excluded.has(l)).length;
  const toggle = (line: number, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.add(line);
    else next.delete(line);
    setExcluded(next);
  };
  return (
    <>
      <Paragraph>
        {upload.problemCount === 0
          ? t("profile.import.noProblems", { rows: upload.rows ?? 0 })
          : t("profile.import.problemsSummary", {
              rows: upload.rows ?? 0,
              problems: upload.problemCount,
              problemRows: upload.problemRows,
            })}
      </Paragraph>
      {upload.problemCount > upload.problems.length ? (
        <Alert data-color="warning">
          {t("profile.import.tooManyProblems", { shown: upload.problems.length })}
        </Alert>
      ) : null}
      {upload.problems.length > 0 ? (
        <>
          <DataTable
            caption={t("profile.import.problemsCaption")}
            columns={[
              t("profile.import.line"),
              t("profile.import.column"),
              t("profile.import.value"),
              t("profile.import.problem"),
              t("profile.import.exclude"),
            ]}
          >
            {upload.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line may have several problems in one column
              <Table.Row key={i}>
                <Table.Cell>{p.line ?? t("profile.import.wholeFile")}</Table.Cell>
                <Table.Cell>{p.column ?? "–"}</Table.Cell>
                <Table.Cell>{p.value ?? "–"}</Table.Cell>
                <Table.Cell>{p.message}</Table.Cell>
                <Table.Cell>
                  {p.line !== null ? (
                    <label className="profile-value-row">
                      <input
                        type="checkbox"
                        checked={excluded.has(p.line)}
                        onChange={(e) => toggle(p.line as number, e.target.checked)}
                      />
                      {t("profile.import.excludeLine", { line: p.line })}
                    </label>
                  ) : (
                    "–"
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
          <div className="button-row">
            <Button variant="secondary" onClick={() => setExcluded(new Set(problemLines))}>
              {t("profile.import.excludeAll", { count: problemLines.length })}
            </Button>
          </div>
        </>
      ) : null}
      <p role="status" className="status-region">
        {t("profile.import.excludedCount", { count: excluded.size })}
      </p>
      {unresolved > 0 ? <Paragraph>{t("profile.import.fixOrExclude")}</Paragraph> : null}
      <div className="button-row">
        <Button
          data-color="accent"
          disabled={pending || unresolved > 0}
          onClick={() => onConfirm([...excluded].sort((a, b) => a - b))}
        >
          {t("profile.import.confirm")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("profile.import.cancelImport")}
        </Button>
      </div>
    </>
  );
}

/**
 * The import wizard: upload → map columns → review problems and leave out lines → import with
 * progress and cancel. The import's id is in the address, so a reload comes back to its step.
 */
export function ProfileImportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const importId = params.get("import") ?? "";
  const upload = useQuery<Import, ApiError>({
    queryKey: ["profile", "import", importId],
    queryFn: () => get<Import>(`${API}/imports/${importId}`),
    enabled: importId !== "",
  });
  const wave = useQuery<Wave, ApiError>({
    queryKey: ["profile", "wave", upload.data?.waveId ?? ""],
    queryFn: () => get<Wave>(`${API}/waves/${upload.data?.waveId}`),
    enabled: Boolean(upload.data?.waveId),
  });
  const instrument = useQuery<InstrumentDetail, ApiError>({
    queryKey: ["profile", "instrument", wave.data?.instrument.id ?? ""],
    queryFn: () => get<InstrumentDetail>(`${API}/instruments/${wave.data?.instrument.id}`),
    enabled: Boolean(wave.data),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["profile", "import", importId] });
  const [jobId, setJobId] = useState<string | null>(null);
  // Mapping starts the job that reads, checks, scores and stages every row; confirming then
  // swaps the staged rows in at once.
  const map = useMutation<Import, ApiError, Mapping>({
    mutationFn: (mapping) => api<Import>("PUT", `${API}/imports/${importId}/mapping`, { mapping }),
    onSuccess: (data) => {
      client.setQueryData(["profile", "import", importId], data);
      setJobId(data.jobId);
    },
  });
  const confirm = useMutation<Import, ApiError, number[]>({
    mutationFn: (excludeRows) =>
      api<Import>("POST", `${API}/imports/${importId}/confirm`, { excludeRows }),
    onSuccess: (data) => {
      client.setQueryData(["profile", "import", importId], data);
      void client.invalidateQueries({ queryKey: ["profile", "waves"] });
      void client.invalidateQueries({ queryKey: ["profile", "wave", data.waveId] });
    },
  });
  const cancel = useMutation<Import, ApiError>({
    mutationFn: () => api<Import>("POST", `${API}/imports/${importId}/cancel`),
    onSuccess: (data) => client.setQueryData(["profile", "import", importId], data),
  });
  if (!can("profile.import")) return <ForbiddenPage />;
  const data = upload.data;
  const step = stepOf(data);
  const runningJob =
    jobId ?? (data?.state === "validating" || data?.state === "importing" ? data.jobId : null);
  const onFinished = (status: JobStatus) => {
    setJobId(null);
    void refresh();
    if (status.state === "done" && data) {
      void client.invalidateQueries({ queryKey: ["profile", "waves"] });
      void client.invalidateQueries({ queryKey: ["profile", "wave", data.waveId] });
    }
  };
  const actionError = map.error ?? confirm.error ?? cancel.error;
  const title = t("profile.import.title");
  return (
    <>
      <ProfileCrumbs />
      <PageTitle title={title}>{title}</PageTitle>
      <Steps current={step} />
      <Heading level={2} data-size="md" id="profile-step-heading">
        {t(`profile.import.steps.${step}`)}
      </Heading>
      {upload.isError ? <Alert data-color="danger">{errorText(t, upload.error)}</Alert> : null}
      {actionError ? <Alert data-color="danger">{errorText(t, actionError)}</Alert> : null}
      {importId && upload.isPending ? <Loading /> : null}
      {!importId ? (
        <UploadStep onUploaded={(created) => setParams({ import: created.id })} />
      ) : null}
      {data && runningJob ? (
        <JobProgress
          jobId={runningJob}
          label={
            data.state === "importing"
              ? t("profile.import.importing", { file: data.fileName })
              : t("profile.import.validating", { file: data.fileName })
          }
          onFinished={onFinished}
        />
      ) : null}
      {data && !runningJob && data.state === "uploaded" && instrument.data ? (
        <MappingStep
          upload={data}
          items={instrument.data.instrument.items.map((i) => i.id)}
          pending={map.isPending}
          onSubmit={(mapping) => map.mutate(mapping)}
          onCancel={() => cancel.mutate()}
        />
      ) : null}
      {data && !runningJob && data.state === "validated" ? (
        <ReviewStep
          upload={data}
          pending={confirm.isPending}
          onConfirm={(rows) => confirm.mutate(rows)}
          onCancel={() => cancel.mutate()}
        />
      ) : null}
      {data && !runningJob && data.state === "done" ? (
        <Alert data-color="success">
          <Paragraph>
            {t("profile.import.done", {
              rows: data.rows ?? 0,
              excluded: data.excludedRows.length,
            })}
          </Paragraph>
          <AppLink to={`/profile/waves/${data.waveId}`}>{t("profile.import.showProfile")}</AppLink>
        </Alert>
      ) : null}
      {data && !runningJob && (data.state === "failed" || data.state === "cancelled") ? (
        <Alert data-color={data.state === "failed" ? "danger" : "info"}>
          <Paragraph>
            {data.state === "failed"
              ? t("profile.import.failed", { error: data.error ?? "" })
              : t("profile.import.cancelled")}
          </Paragraph>
          <AppLink to={`/profile/import${query({ wave: data.waveId })}`}>
            {t("profile.import.again")}
          </AppLink>
        </Alert>
      ) : null}
    </>
  );
}
