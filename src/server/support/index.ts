import { seedDemoSupport } from "../../db/seed/demo-support.ts";
import { SUPPORT_AUDIT_ACTIONS } from "../../domain/support/audit-actions.ts";
import { SUPPORT_PERMISSIONS } from "../../domain/support/permissions.ts";
import { defineModule } from "../module.ts";
import { registerAccessRoutes } from "./access-routes.ts";
import { registerCaseRoutes } from "./case-routes.ts";
import { supportPolicy } from "./policy.ts";

/** Coordinated support for one child: the case-access core and the case itself. */
export const supportModule = defineModule({
  name: "support",
  domain: {
    name: "support",
    permissions: SUPPORT_PERMISSIONS,
    auditActions: SUPPORT_AUDIT_ACTIONS,
  },
  policy: supportPolicy,
  hiddenActions: [
    "case.read",
    "case.close",
    "case.activate_contact",
    "consent.record",
    "consent.withdraw",
    "case.emergency",
  ],
  register: (app, deps) => {
    registerCaseRoutes(app, deps);
    registerAccessRoutes(app, deps);
  },
  seed: seedDemoSupport,
});
