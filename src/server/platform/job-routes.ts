import type { FastifyInstance } from "fastify";
import type { Db, Tx } from "../../db/database.ts";
import {
  JobStartedSchema,
  JobStatusSchema,
  SystemJobStartSchema,
} from "../../domain/platform/jobs.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { presentJob, readJob } from "../../jobs/store.ts";
import { NotFoundError } from "../plugins/errors.ts";
import { type RouteInput, route } from "../plugins/route.ts";

const tags = ["jobs"];

/** A job by its id (404 when there is none). */
const jobTarget = {
  load: ({ db, params }: RouteInput<{ params: typeof IdParamsSchema }>) => readJob(db, params.id),
  notFound: "Jobbet finns inte.",
};

/**
 * A person's own background jobs: how far they have come, and stopping them. Kinds are started
 * by the routes of their context (an import, a report); system jobs by a system administrator.
 * Someone else's job is a hidden action: it answers 404 and the attempt is recorded.
 */
export function registerJobRoutes(app: FastifyInstance, deps: { db: Db; jobs: JobQueue }): void {
  const { jobs } = deps;

  route(app, deps, {
    method: "GET",
    url: "/api/jobs/:id",
    summary: "Read a background job's progress",
    description: "Only one's own jobs; another person's job answers 404.",
    access: "session",
    schema: { tags, params: IdParamsSchema, response: { 200: JobStatusSchema } },
    ...jobTarget,
    authorize: { action: "job.read" },
    run: async ({ target }) => presentJob(target),
  });

  route(app, deps, {
    method: "POST",
    url: "/api/jobs/:id/cancel",
    summary: "Cancel a background job",
    description: "A queued job will not start; a running one stops at its next checkpoint.",
    access: "session",
    schema: { tags, params: IdParamsSchema, response: { 200: JobStatusSchema } },
    ...jobTarget,
    authorize: { action: "job.cancel" },
    // The hidden action's check runs in a request transaction: the queue cancels and audits in
    // that same transaction rather than holding a second pool connection beside it.
    run: async ({ db, params, audit }) => {
      await jobs.cancel(params.id, audit, db as Tx);
      const row = await readJob(db, params.id);
      if (!row) throw new NotFoundError();
      return presentJob(row);
    },
  });

  route(app, deps, {
    method: "POST",
    url: "/api/system/jobs",
    summary: "Start a system job",
    description:
      "Runs a maintenance job (such as housekeeping) now instead of at its scheduled time.",
    access: { permission: "platform.manage" },
    schema: { tags, body: SystemJobStartSchema, response: { 202: JobStartedSchema } },
    status: 202,
    run: async ({ body, audit }) => ({ id: await jobs.enqueue(body.kind, {}, audit) }),
  });
}
