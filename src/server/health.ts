import type { FastifyInstance } from "fastify";
import { z } from "zod";

/** The probes: exempt from the rate limit, as an orchestrator calls them all the time. */
export const PROBE_PATHS: readonly string[] = ["/healthz", "/readyz"];

const HealthSchema = z.object({ status: z.enum(["ok", "unavailable"]) });

export function registerHealthRoutes(app: FastifyInstance, ready: () => Promise<boolean>): void {
  app.get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Liveness probe",
        description: "Answers while the process runs; it does not ask the database.",
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "Readiness probe",
        description: "Whether the database answers and its migrations are current (503 if not).",
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      const ok = await ready().catch(() => false);
      return reply.status(ok ? 200 : 503).send({ status: ok ? "ok" : "unavailable" });
    },
  );
}
