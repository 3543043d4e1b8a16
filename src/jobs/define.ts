import type { z } from "zod";
import type { Config } from "../config.ts";
import type { AuditContext } from "../db/audit.ts";
import type { Db } from "../db/database.ts";
import type { JobKind, JobMessage } from "../domain/platform/jobs.ts";

export type JobSummary = Record<string, string | number | boolean | null>;

/** What a running job is given. */
export interface JobContext {
  id: string;
  /** 1 on the first run; higher after a worker stopped or the job failed and was retried. */
  attempt: number;
  db: Db;
  config: Config;
  /** The person who started the job (or the system), for the audit rows the job writes. */
  audit: AuditContext;
  /** Aborted when someone cancels the job or this instance shuts down: stop at the next step. */
  signal: AbortSignal;
  /** What the job last saved with progress(), to resume from after a restart; null at first. */
  checkpoint: unknown;
  /**
   * Reports the share done (0..1) and what it is doing, readable by any instance. A checkpoint
   * given here is saved with it. Frequent calls are cheap: writes are spaced out (250 ms), so a
   * resumed run may repeat the work since the last written checkpoint.
   */
  progress: (share: number, message?: string | JobMessage, checkpoint?: unknown) => Promise<void>;
}

export interface JobDefinition<I = unknown> {
  name: JobKind;
  /** The input's contract, checked when the job is enqueued and again when it runs. */
  schema: z.ZodType<I>;
  run: (ctx: JobContext, input: I) => Promise<JobSummary | undefined>;
  /** The longest one run may take before pg-boss counts it as failed (at most 23 hours). */
  expireInSeconds?: number;
  /** Runs after a failure or a lost worker before the job is given up. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /**
   * A recurring run (cron, UTC) with this input, sent by whichever instance's clock is first. A
   * function reads it from the configuration; when it gives none, an earlier schedule is removed.
   */
  schedule?: JobSchedule<I> | ((config: Config) => JobSchedule<I> | undefined);
}

export interface JobSchedule<I> {
  cron: string;
  input: I;
}

/**
 * Declares a job kind; the kind must be listed in JOB_KINDS so its queue exists. The handler is
 * typed by its schema here; the queue parses every input with that schema before the handler
 * sees it, so the list of kinds can hold them without their input types.
 */
export function defineJob<I>(definition: JobDefinition<I>): JobDefinition {
  return definition as unknown as JobDefinition;
}

/** What the queue carries for each job: the input and who asked for it. */
export interface JobEnvelope {
  input: unknown;
  requestedBy: { id: string; label: string } | null;
}
