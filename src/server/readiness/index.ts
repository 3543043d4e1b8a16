import { seedDemoReadiness } from "../../db/seed/demo-readiness.ts";
import { READINESS_AUDIT_ACTIONS } from "../../domain/readiness/audit-actions.ts";
import { READINESS_PERMISSIONS } from "../../domain/readiness/permissions.ts";
import { defineModule } from "../module.ts";
import { READINESS_AUDIT_SUBJECTS } from "./audit-subjects.ts";
import { readinessHome } from "./home.ts";
import { readinessPolicy } from "./policy.ts";
import { registerReadinessRoutes } from "./routes.ts";

/** Readiness assessments (the community readiness model): guides, team work, results. */
export const readinessModule = defineModule({
  name: "readiness",
  domain: {
    name: "readiness",
    permissions: READINESS_PERMISSIONS,
    auditActions: READINESS_AUDIT_ACTIONS,
  },
  policy: readinessPolicy,
  hiddenActions: [],
  register: registerReadinessRoutes,
  home: readinessHome,

  auditSubjects: READINESS_AUDIT_SUBJECTS,
  seed: seedDemoReadiness,
});
