import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { JOB_STATES, type JobMessage } from "../../domain/platform/jobs.ts";
import { organisations, platform, users } from "./platform.ts";

/**
 * What people and other instances see of a background job: state, progress, the person who
 * started it, and a checkpoint to resume from. Delivery, retries, expiry and schedules are
 * pg-boss's (schema `pgboss`); the id is the same in both.
 */
export const jobs = platform.table(
  "jobs",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    state: text("state", { enum: JOB_STATES }).notNull().default("queued"),
    progress: real("progress").notNull().default(0),
    message: jsonb("message").$type<JobMessage>(),
    result: jsonb("result").$type<Record<string, string | number | boolean | null>>(),
    error: text("error"),
    /** What a job saved to carry on from after its worker stopped. */
    checkpoint: jsonb("checkpoint"),
    attempt: integer("attempt").notNull().default(0),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    /** Renewed by the running worker; a stale one means the worker is gone. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    check("jobs_progress_share", sql`${t.progress} >= 0 AND ${t.progress} <= 1`),
    check(
      "jobs_state_known",
      sql`${t.state} IN ('queued', 'running', 'done', 'failed', 'cancelled')`,
    ),
    index("jobs_running_idx").on(t.heartbeatAt).where(sql`${t.state} = 'running'`),
    index("jobs_requested_by_idx").on(t.requestedBy),
    index("jobs_finished_idx").on(t.finishedAt),
  ],
);
