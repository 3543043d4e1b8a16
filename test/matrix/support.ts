import type { ModuleMatrix } from "./types.ts";

/** Support has no routes yet; its case routes add their rows here (404 when denied). */
export const supportMatrix: ModuleMatrix = { rows: {}, requests: {} };
