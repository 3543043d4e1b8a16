import { seedDemoPlatform } from "../../db/seed/demo-platform.ts";
import { PLATFORM_AUDIT_ACTIONS } from "../../domain/platform/audit-actions.ts";
import { PLATFORM_PERMISSIONS } from "../../domain/platform/permissions.ts";
import { defineModule } from "../module.ts";
import { registerAreaGroupRoutes } from "./area-group-routes.ts";
import { registerAuditRoutes } from "./audit-routes.ts";
import { PLATFORM_AUDIT_SUBJECTS } from "./audit-subjects.ts";
import { registerAuthRoutes } from "./auth-routes.ts";
import { registerHelpRoutes } from "./help-routes.ts";
import { registerHomeRoutes } from "./home-routes.ts";
import { registerJobRoutes } from "./job-routes.ts";
import { registerOrganisationRoutes } from "./organisation-routes.ts";
import { registerPasswordResetRoutes } from "./password-reset-routes.ts";
import { platformPolicy } from "./policy.ts";
import { registerSessionRoutes } from "./session-routes.ts";
import { registerUserRoutes } from "./user-routes.ts";

/** Sign-in, password reset and sessions, the user guide, organisations and area groupings, users and roles, the audit log. */
export const platformModule = defineModule({
  name: "platform",
  domain: {
    name: "platform",
    permissions: PLATFORM_PERMISSIONS,
    auditActions: PLATFORM_AUDIT_ACTIONS,
  },
  policy: platformPolicy,
  // Someone else's job answers 404: its progress may say what that person is working on.
  hiddenActions: ["job.read", "job.cancel"],
  register(app, deps) {
    registerAuthRoutes(app, deps);
    registerPasswordResetRoutes(app, deps);
    registerHelpRoutes(app, deps);
    registerSessionRoutes(app, deps);
    registerHomeRoutes(app, deps);
    registerOrganisationRoutes(app, deps);
    registerAreaGroupRoutes(app, deps);
    registerUserRoutes(app, deps);
    registerAuditRoutes(app, deps);
    registerJobRoutes(app, deps);
  },
  auditSubjects: PLATFORM_AUDIT_SUBJECTS,
  seed: seedDemoPlatform,
});
