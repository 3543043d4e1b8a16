import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../module.ts";
import { registerCompassRoutes } from "./records-compass-routes.ts";
import { registerConcernRoutes } from "./records-concern-routes.ts";
import { registerLogRoutes } from "./records-log-routes.ts";
import { registerPlanRoutes } from "./records-plan-routes.ts";

/** The records of a case, each part in its own file. */
export function registerRecordsRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  registerCompassRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerConcernRoutes(app, deps);
  registerLogRoutes(app, deps);
}
