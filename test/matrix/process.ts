import type { ModuleMatrix } from "./types.ts";

export const processMatrix: ModuleMatrix = {
  rows: {},
  requests: {},
};
