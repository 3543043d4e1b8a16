import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "../../db/database.ts";
import {
  JobStartedSchema,
  JobStatusSchema,
  SystemJobStartSchema,
} from "../../domain/platform/jobs.ts";
import { IdParamsSchema } from "../../domain/platform/schemas.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { presentJob, readJob } from "../../jobs/store.ts";
import { accessContextOf, authorize } from "../plugins/access.ts";
import { auditContextOf } from "../plugins/audit.ts";
import { NotFoundError } from "../plugins/errors.ts";

const tags = ["jobs"];

/**
 * A person's own background jobs: how far they have come, and stopping them. Kinds are started
 * by the routes of their context (an import, a report); system jobs by a system administrator.
 */
export function registerJobRoutes(fastify: FastifyInstance, deps: { db: Db; jobs: JobQueue }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, jobs } = deps;

  async function authorizedJob(
    request: Parameters<typeof accessContextOf>[0],
    id: string,
    action: "job.read" | "job.cancel",
  ) {
    const row = await readJob(db, id);
    if (!row) throw new NotFoundError();
    await authorize(accessContextOf(request, db), action, row);
    return row;
  }

  app.get(
    "/api/jobs/:id",
    {
      config: { access: "session" },
      schema: { tags, params: IdParamsSchema, response: { 200: JobStatusSchema } },
    },
    async (request) => presentJob(await authorizedJob(request, request.params.id, "job.read")),
  );

  app.post(
    "/api/jobs/:id/cancel",
    {
      config: { access: "session" },
      schema: { tags, params: IdParamsSchema, response: { 200: JobStatusSchema } },
    },
    async (request) => {
      const { id } = request.params;
      await authorizedJob(request, id, "job.cancel");
      await jobs.cancel(id, auditContextOf(request));
      const row = await readJob(db, id);
      if (!row) throw new NotFoundError();
      return presentJob(row);
    },
  );

  app.post(
    "/api/system/jobs",
    {
      config: { access: { permission: "platform.manage" } },
      schema: { tags, body: SystemJobStartSchema, response: { 202: JobStartedSchema } },
    },
    async (request, reply) => {
      const id = await jobs.enqueue(request.body.kind, {}, auditContextOf(request));
      return reply.status(202).send({ id });
    },
  );
}
