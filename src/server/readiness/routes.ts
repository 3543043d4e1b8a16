import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import { registerAssessmentRoutes } from "./assessment-routes.ts";
import { registerResultsRoutes } from "./results-routes.ts";
import { registerWorkRoutes } from "./work-routes.ts";

/** The readiness context's HTTP API under /api/readiness, split by sub-resource. */
export function registerReadinessRoutes(app: FastifyInstance, deps: { db: Db }): void {
  registerAssessmentRoutes(app, deps);
  registerWorkRoutes(app, deps);
  registerResultsRoutes(app, deps);
}
