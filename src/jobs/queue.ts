import PgBoss from "pg-boss";
import type { Config } from "../config.ts";
import { type AuditContext, recordAudit, systemAuditContext } from "../db/audit.ts";
import { clientOfTransaction, type Db, drizzleOn, poolOf, type Tx } from "../db/database.ts";
import { bossDb, JOB_QUEUE_SCHEMA } from "../db/job-queue.ts";
import { JOB_KINDS, type JobKind, type JobStatus } from "../domain/platform/jobs.ts";
import type { JobDefinition, JobEnvelope } from "./define.ts";
import { type RunnerDeps, runJob } from "./runner.ts";
import {
  insertJob,
  type JobRow,
  markGivenUp,
  presentJob,
  readJob,
  requestCancel,
  takeStaleJobs,
} from "./store.ts";

interface Logger {
  info: (o: object, msg: string) => void;
  warn: (o: object, msg: string) => void;
}

export interface JobQueueOptions {
  /** How often an idle worker asks for work (pg-boss polling), in seconds. */
  pollingIntervalSeconds: number;
  heartbeatMs: number;
  /** A running job whose heartbeat is older than this is taken back from its (dead) worker. */
  staleAfterMs: number;
  /** How often this instance looks for such jobs. */
  watchdogMs: number;
  progressEveryMs: number;
  /** How long stop() waits for running jobs to reach a checkpoint before leaving them. */
  stopTimeoutMs: number;
}

const DEFAULTS: JobQueueOptions = {
  pollingIntervalSeconds: 2,
  heartbeatMs: 2_000,
  staleAfterMs: 60_000,
  watchdogMs: 30_000,
  progressEveryMs: 250,
  stopTimeoutMs: 10_000,
};

/** Defaults for every kind: a run may take hours (imports), and a lost run is retried. */
const DEFAULT_EXPIRE_SECONDS = 6 * 3600;
const DEFAULT_RETRY_LIMIT = 5;
const DEFAULT_RETRY_DELAY_SECONDS = 5;

/**
 * The background job queue: pg-boss in PostgreSQL, so any instance may enqueue and any may run a
 * job. Constructed, it enqueues and cancels; started, it also works on jobs and keeps schedules.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly options: JobQueueOptions;
  private shutdown = new AbortController();
  private readonly running = new Map<string, AbortController>();
  /** This instance's pg-boss worker per kind, woken when a job is enqueued here. */
  private readonly workers = new Map<string, string>();
  private watchdog: NodeJS.Timeout | undefined;
  private started = false;

  constructor(
    private readonly deps: {
      db: Db;
      config: Config;
      jobs: readonly JobDefinition[];
      log?: Logger;
      options?: Partial<JobQueueOptions>;
    },
  ) {
    this.options = { ...DEFAULTS, ...deps.options };
    for (const definition of deps.jobs) {
      if (!JOB_KINDS.includes(definition.name)) {
        throw new Error(`Job kind ${definition.name} is not in JOB_KINDS, so it has no queue`);
      }
      this.definitions.set(definition.name, definition);
    }
    this.boss = new PgBoss({
      db: bossDb(poolOf(deps.db)),
      schema: JOB_QUEUE_SCHEMA,
      // The schema and queues are made at migration time, by the owner (src/db/job-queue.ts).
      migrate: false,
      supervise: true,
      schedule: true,
    });
    this.boss.on("error", (error) => deps.log?.warn({ err: error }, "job queue error"));
  }

  /** Starts working on every kind's jobs, registers schedules and watches for lost workers. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.shutdown = new AbortController();
    await this.boss.start();
    const runner: RunnerDeps = {
      db: this.deps.db,
      config: this.deps.config,
      heartbeatMs: this.options.heartbeatMs,
      progressEveryMs: this.options.progressEveryMs,
      shutdown: this.shutdown.signal,
      running: this.running,
    };
    for (const definition of this.definitions.values()) {
      const workerId = await this.boss.work(
        definition.name,
        { includeMetadata: true, pollingIntervalSeconds: this.options.pollingIntervalSeconds },
        async ([job]) => {
          if (job) await runJob(runner, definition, job);
        },
      );
      this.workers.set(definition.name, workerId);
      const schedule =
        typeof definition.schedule === "function"
          ? definition.schedule(this.deps.config)
          : definition.schedule;
      // A kind whose schedule was removed (from its definition or the configuration) stops being sent.
      if (!schedule) await this.boss.unschedule(definition.name);
      if (schedule) {
        const envelope: JobEnvelope = { input: schedule.input, requestedBy: null };
        await this.boss.schedule(
          definition.name,
          schedule.cron,
          envelope as object,
          this.sendOptions(definition),
        );
      }
    }
    const watch = () =>
      this.recoverLostJobs().catch((error: unknown) =>
        this.deps.log?.warn({ err: error }, "job watchdog failed; it runs again later"),
      );
    this.watchdog = setInterval(watch, this.options.watchdogMs);
    this.watchdog.unref();
    await watch();
  }

  /**
   * Stops taking work; running jobs are told to stop (they resume on another start, from their
   * checkpoint). Leaves the database pool open: it is the app's.
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    clearInterval(this.watchdog);
    this.workers.clear();
    this.shutdown.abort();
    await this.boss.stop({ graceful: true, close: false, timeout: this.options.stopTimeoutMs });
    this.started = false;
  }

  /**
   * Enqueues a job and audits it in one transaction: either both are there or neither. The
   * input is checked against the kind's contract first (callers pass validated input).
   */
  async enqueue(
    kind: JobKind,
    input: unknown,
    audit: AuditContext,
    options: { organisationId?: string | null; startAfterSeconds?: number } = {},
  ): Promise<string> {
    const definition = this.definitionOf(kind);
    const parsed = definition.schema.parse(input);
    const id = crypto.randomUUID();
    const envelope: JobEnvelope = {
      input: parsed,
      requestedBy: audit.actorId ? { id: audit.actorId, label: audit.actorLabel } : null,
    };
    await this.transaction(async (tx, db) => {
      await insertJob(tx, {
        id,
        kind,
        requestedBy: audit.actorId,
        organisationId: options.organisationId ?? null,
      });
      await recordAudit(tx, audit, {
        action: "job.enqueued",
        subjectType: "job",
        subjectId: id,
        organisationId: options.organisationId ?? null,
        details: { kind },
      });
      await this.boss.send(kind, envelope as object, {
        ...this.sendOptions(definition),
        id,
        db,
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      });
    });
    // A job enqueued here starts here at once when a worker is free, not at the next poll.
    const worker = this.workers.get(kind);
    if (worker && !options.startAfterSeconds) this.boss.notifyWorker(worker);
    return id;
  }

  /** A job's status as people see it (the caller decides who may see it), or undefined. */
  async status(id: string): Promise<JobStatus | undefined> {
    const row = await readJob(this.deps.db, id);
    return row ? presentJob(row) : undefined;
  }

  /**
   * Cancels a job: a queued one never starts, a running one sees its signal abort within a
   * heartbeat. Audited; a job that has already finished is left as it is.
   */
  async cancel(id: string, audit: AuditContext, within?: Tx): Promise<JobRow | undefined> {
    const row = await this.transaction(async (tx, db) => {
      const row = await requestCancel(tx, id);
      if (!row) return undefined;
      await this.boss.cancel(row.kind, id, { db });
      await recordAudit(tx, audit, {
        action: "job.cancelled",
        subjectType: "job",
        subjectId: id,
        organisationId: row.organisationId,
        details: { kind: row.kind, wasRunning: row.state === "running" },
      });
      return row;
    }, within);
    // Running here: stop it now rather than at its next heartbeat.
    if (row) this.running.get(id)?.abort(new Error("cancelled"));
    return row;
  }

  /**
   * Hands jobs of dead workers back to pg-boss at once, instead of after their expiry: failing
   * one counts as a try, and pg-boss retries it (or gives up when no tries are left).
   */
  async recoverLostJobs(): Promise<number> {
    const lost = await takeStaleJobs(this.deps.db, this.options.staleAfterMs);
    for (const job of lost) {
      if (job.state === "cancelled") continue;
      await this.boss.fail(job.kind, job.id, { message: "worker stopped" });
      const state = await this.boss.getJobById(job.kind, job.id);
      this.deps.log?.warn({ jobId: job.id, kind: job.kind }, "job taken back from a lost worker");
      // Waiting for another try. Otherwise pg-boss has no delivery left for it (no tries left,
      // or one already closed by a run that lost the job): it ends here, audited as the system.
      if (state && ["created", "retry", "active"].includes(state.state)) continue;
      await this.deps.db.transaction(async (tx) => {
        if (!(await markGivenUp(tx, job.id, "worker stopped"))) return;
        await recordAudit(tx, systemAuditContext(`job ${job.kind}`), {
          action: "job.failed",
          outcome: "failure",
          subjectType: "job",
          subjectId: job.id,
          details: { kind: job.kind, attempt: job.attempt, error: "worker stopped" },
        });
      });
    }
    return lost.length;
  }

  private definitionOf(kind: string): JobDefinition {
    const definition = this.definitions.get(kind);
    if (!definition) throw new Error(`No job kind ${kind}`);
    return definition;
  }

  private sendOptions(definition: JobDefinition) {
    return {
      expireInSeconds: definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      retryLimit: definition.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelay: definition.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
    };
  }

  /** One transaction on one client, seen by both drizzle (our rows) and pg-boss (its rows). */
  /** In the caller's transaction when given one, else in a new one on one pooled client. */
  private async transaction<T>(
    use: (tx: Tx, db: PgBoss.Db) => Promise<T>,
    within?: Tx,
  ): Promise<T> {
    if (within) return use(within, bossDb(clientOfTransaction(within)));
    // One client: drizzle's transaction and pg-boss's statements share its BEGIN … COMMIT.
    const client = await poolOf(this.deps.db).connect();
    try {
      return await drizzleOn(client).transaction((tx) => use(tx, bossDb(client)));
    } finally {
      client.release();
    }
  }
}
