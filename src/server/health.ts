import type { FastifyInstance } from "fastify";
import { z } from "zod";

const HealthSchema = z.object({ status: z.enum(["ok", "unavailable"]) });

export function registerHealthRoutes(app: FastifyInstance, ready: () => Promise<boolean>): void {
  app.get(
    "/healthz",
    { config: { access: "public" }, schema: { response: { 200: HealthSchema } } },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    {
      config: { access: "public" },
      schema: { response: { 200: HealthSchema, 503: HealthSchema } },
    },
    async (_request, reply) => {
      const ok = await ready().catch(() => false);
      return reply.status(ok ? 200 : 503).send({ status: ok ? "ok" : "unavailable" });
    },
  );
}
