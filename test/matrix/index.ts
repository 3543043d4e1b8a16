import type { ContextName } from "../../src/domain/contexts.ts";
import { appMatrix } from "./app.ts";
import { platformMatrix } from "./platform.ts";
import { readinessMatrix } from "./readiness.ts";
import { supportMatrix } from "./support.ts";
import { addSupportRecordsRows } from "./support-records.ts";
import type { ModuleMatrix } from "./types.ts";

/**
 * Each context's rows, keyed by its name: a context added to the module list without a matrix
 * here does not compile, and the matrix test fails on any of its routes without a row.
 */
export const MODULE_MATRICES: { [Name in ContextName]: ModuleMatrix } = {
  platform: platformMatrix,
  readiness: readinessMatrix,
  support: supportMatrix,
};

addSupportRecordsRows(supportMatrix);

export { appMatrix };
