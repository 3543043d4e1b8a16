import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../module.ts";
import { registerImportRoutes } from "./import-routes.ts";
import { registerInstrumentRoutes } from "./instrument-routes.ts";
import { registerKoladaRoutes } from "./kolada-routes.ts";
import { registerCompareRoutes, registerProfileTableRoutes } from "./profile-routes.ts";
import { registerProfileReportRoutes } from "./report-routes.ts";
import { registerWaveRoutes } from "./wave-routes.ts";

export function registerProfileRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  registerInstrumentRoutes(app, deps);
  registerWaveRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerProfileTableRoutes(app, deps);
  registerCompareRoutes(app, deps);
  registerKoladaRoutes(app, deps);
  registerProfileReportRoutes(app, deps);
}
