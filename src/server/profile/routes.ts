import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../module.ts";
import { registerImportRoutes } from "./import-routes.ts";
import { PREFIX, registerInstrumentRoutes } from "./instrument-routes.ts";
import { registerKoladaRoutes } from "./kolada-routes.ts";
import { registerCompareRoutes, registerProfileTableRoutes } from "./profile-routes.ts";
import { acceptRawBodies } from "./raw-body.ts";
import { registerProfileReportRoutes } from "./report-routes.ts";
import { registerWaveRoutes } from "./wave-routes.ts";

export function registerProfileRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  acceptRawBodies(app, [`${PREFIX}/waves/:id/imports`, `${PREFIX}/kolada`]);
  registerInstrumentRoutes(app, deps);
  registerWaveRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerProfileTableRoutes(app, deps);
  registerCompareRoutes(app, deps);
  registerKoladaRoutes(app, deps);
  registerProfileReportRoutes(app, deps);
}
