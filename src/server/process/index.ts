import { seedDemoProcess } from "../../db/seed/demo-process.ts";
import { PROCESS_AUDIT_ACTIONS } from "../../domain/process/audit-actions.ts";
import { PROCESS_PERMISSIONS } from "../../domain/process/permissions.ts";
import { defineModule } from "../module.ts";
import { PROCESS_AUDIT_SUBJECTS } from "./audit-subjects.ts";
import { processHome } from "./home.ts";
import { processPolicy } from "./policy.ts";
import { registerProcessRoutes } from "./routes.ts";

/** The prevention process (Communities That Care): phases, milestones, cycles, board overview. */
export const processModule = defineModule({
  name: "process",
  domain: {
    name: "process",
    permissions: PROCESS_PERMISSIONS,
    auditActions: PROCESS_AUDIT_ACTIONS,
  },
  policy: processPolicy,
  hiddenActions: [],
  register: registerProcessRoutes,
  home: processHome,
  auditSubjects: PROCESS_AUDIT_SUBJECTS,
  seed: seedDemoProcess,
});
