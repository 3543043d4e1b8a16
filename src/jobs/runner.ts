import type { Config } from "../config.ts";
import { type AuditContext, recordAudit, systemAuditContext } from "../db/audit.ts";
import type { Db } from "../db/database.ts";
import type { JobMessage } from "../domain/platform/jobs.ts";
import type { JobContext, JobDefinition, JobEnvelope, JobSummary } from "./define.ts";
import { beat, claimJob, finishJob, requeueJob, saveProgress } from "./store.ts";

export interface RunnerDeps {
  db: Db;
  config: Config;
  /** How often a running job renews its heartbeat and looks for a cancellation. */
  heartbeatMs: number;
  /** Progress writes closer together than this are skipped (the last one always lands). */
  progressEveryMs: number;
  /** Aborted when this instance shuts down. */
  shutdown: AbortSignal;
  /** Runs on this instance by job id, so a cancel made here stops one at once. */
  running: Map<string, AbortController>;
}

/** The job pg-boss hands a worker, with the retry bookkeeping it carries. */
export interface DeliveredJob {
  id: string;
  data: unknown;
  retryCount: number;
  retryLimit: number;
}

/** Raised when a run stops because its instance is shutting down, so pg-boss retries it. */
class Interrupted extends Error {}

export function auditContextOfJob(kind: string, envelope: JobEnvelope): AuditContext {
  if (!envelope.requestedBy) return systemAuditContext(`job ${kind}`);
  return {
    ...systemAuditContext(envelope.requestedBy.label),
    actorId: envelope.requestedBy.id,
  };
}

function toMessage(message: string | JobMessage | undefined): JobMessage | null {
  if (message === undefined) return null;
  return typeof message === "string" ? { key: message, params: {} } : message;
}

/**
 * Runs one delivered job: claims its row, gives the handler progress, a heartbeat and an abort
 * signal, and records how it ended. Throwing hands the job back to pg-boss to retry or give up;
 * returning completes it there.
 */
export async function runJob(
  deps: RunnerDeps,
  definition: JobDefinition,
  job: DeliveredJob,
): Promise<void> {
  const envelope = (job.data ?? { input: undefined, requestedBy: null }) as JobEnvelope;
  const audit = auditContextOfJob(definition.name, envelope);
  const claimed = await claimJob(deps.db, {
    id: job.id,
    kind: definition.name,
    requestedBy: envelope.requestedBy?.id ?? null,
  });
  // Cancelled (or finished) before a worker got to it: it never starts.
  if (!claimed) return;
  const { attempt } = claimed;
  /** Ends the run and writes its audit row in one transaction, if this run still held it. */
  const end = (
    state: "done" | "failed",
    details: { result?: JobSummary; error?: string } = {},
  ): Promise<void> =>
    deps.db.transaction(async (tx) => {
      if (!(await finishJob(tx, job.id, attempt, { state, ...details }))) return;
      await recordAudit(tx, audit, {
        action: state === "done" ? "job.finished" : "job.failed",
        outcome: state === "done" ? "success" : "failure",
        subjectType: "job",
        subjectId: job.id,
        details: {
          kind: definition.name,
          attempt,
          ...details,
          ...(details.error ? { error: details.error.slice(0, 300) } : {}),
        },
      });
    });

  const parsed = definition.schema.safeParse(envelope.input);
  if (!parsed.success) {
    await end("failed", { error: "invalid input" });
    return;
  }

  const controller = new AbortController();
  deps.running.set(job.id, controller);
  let lost = false;
  const onShutdown = () => controller.abort(new Interrupted("instance shutting down"));
  deps.shutdown.addEventListener("abort", onShutdown, { once: true });
  const heartbeat = setInterval(() => {
    beat(deps.db, job.id, attempt).then(
      (state) => {
        if (!state) lost = true;
        if (!state || state.cancelRequested) controller.abort(new Error("cancelled"));
      },
      () => {},
    );
  }, deps.heartbeatMs);
  heartbeat.unref();

  let lastWrite = 0;
  const context: JobContext = {
    id: job.id,
    attempt,
    db: deps.db,
    config: deps.config,
    audit,
    signal: controller.signal,
    checkpoint: claimed.checkpoint,
    // Writes are spaced out, checkpoints included: a job may report every row, and after a stop
    // it resumes from the last checkpoint written, which is at most that interval old.
    progress: async (share, message, checkpoint) => {
      const now = Date.now();
      if (share < 1 && now - lastWrite < deps.progressEveryMs) return;
      lastWrite = now;
      await saveProgress(deps.db, job.id, attempt, {
        share: Math.min(1, Math.max(0, share)),
        message: toMessage(message),
        checkpoint,
      });
    },
  };

  try {
    const result = await definition.run(context, parsed.data);
    controller.signal.throwIfAborted();
    await end("done", result ? { result } : {});
  } catch (error) {
    // This run was judged dead and the job handed to another run. Failing it in pg-boss now
    // would fail that run's delivery (same id) and start yet another; returning completes the
    // delivery there instead, while the other run goes on and ends the job's row.
    if (lost) return;
    const reason = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason instanceof Interrupted) {
      // Picked up again after this instance restarts, or by another instance.
      await requeueJob(deps.db, job.id, attempt, { key: "interrupted", params: {} });
      throw reason;
    }
    if (controller.signal.aborted) {
      await finishJob(deps.db, job.id, attempt, { state: "cancelled" });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (job.retryCount < job.retryLimit) {
      await requeueJob(deps.db, job.id, attempt, { key: "retrying", params: {} });
    } else {
      await end("failed", { error: message });
    }
    throw error;
  } finally {
    clearInterval(heartbeat);
    deps.running.delete(job.id);
    deps.shutdown.removeEventListener("abort", onShutdown);
  }
}
