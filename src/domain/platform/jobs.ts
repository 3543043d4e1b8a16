import { z } from "zod";

/**
 * Every kind of background job. The queue for each is created when the database is migrated
 * (by the owner role), so that the app's runtime role never needs to create tables in the
 * queue's schema: a new kind is one entry here plus its definition under src/jobs/.
 */
export const JOB_KINDS = [
  "platform.maintenance",
  "platform.selftest",
  "platform.audit-anchor",
  "support.retention",
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Kinds a system administrator may start by hand from the maintenance page. */
export const SYSTEM_JOB_KINDS = ["platform.maintenance", "platform.selftest"] as const;

export const JOB_STATES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

export function jobFinished(state: JobState): boolean {
  return state === "done" || state === "failed" || state === "cancelled";
}

/** A share of work done, clamped to 0..1 and rounded to whole percent for people. */
export function percentDone(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

// The null sits on a member (not the union) so that the OpenAPI 3.0 schema gives it a type.
const SummaryValue = z.union([z.string().nullable(), z.number(), z.boolean()]);

/** A progress or result message: a key in the jobs catalogue of the web UI, with its values. */
export const JobMessageSchema = z.object({
  key: z.string().describe("Message key under `jobs.messages` in the UI's catalogues"),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type JobMessage = z.infer<typeof JobMessageSchema>;

export const JobStatusSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  progress: z.number().min(0).max(1).describe("Share of the work done, 0 to 1"),
  message: JobMessageSchema.nullable(),
  result: z
    .record(z.string(), SummaryValue)
    .nullable()
    .describe("A summary of what the job did, once done"),
  cancelRequested: z.boolean(),
  attempt: z.number().int().describe("How many times a worker has started the job"),
  createdAt: z.iso.datetime({ offset: true }),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const SystemJobStartSchema = z.strictObject({
  kind: z.enum(SYSTEM_JOB_KINDS).describe("Which system job to start now"),
});

export const JobStartedSchema = z.object({ id: z.uuid() });
