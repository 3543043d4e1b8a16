import type { ModuleMatrix } from "./types.ts";
import { all } from "./types.ts";

/** Routes the app itself adds, outside every context: health and readiness probes. */
export const appMatrix: ModuleMatrix = {
  rows: {
    "GET /healthz": all(200, 200),
    "GET /readyz": all(200, 200),
  },
  requests: {
    "GET /healthz": async () => ({ url: "/healthz" }),
    "GET /readyz": async () => ({ url: "/readyz" }),
  },
};
