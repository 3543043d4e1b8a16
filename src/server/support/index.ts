import { seedDemoSupport } from "../../db/seed/demo-support.ts";
import { SUPPORT_AUDIT_ACTIONS } from "../../domain/support/audit-actions.ts";
import { SUPPORT_PERMISSIONS } from "../../domain/support/permissions.ts";
import { defineModule } from "../module.ts";
import { registerAccessRoutes } from "./access-routes.ts";
import { registerCaseRoutes } from "./case-routes.ts";
import { supportHome } from "./home.ts";
import { supportPolicy } from "./policy.ts";
import { SUPPORT_RECORDS_HIDDEN_ACTIONS, supportRecordsPolicy } from "./records-policy.ts";
import { registerRecordsRoutes } from "./records-routes.ts";
import { registerReviewRoutes } from "./review-routes.ts";

/** Coordinated support for one child: the case-access core and the case itself. */
export const supportModule = defineModule({
  name: "support",
  domain: {
    name: "support",
    permissions: SUPPORT_PERMISSIONS,
    auditActions: SUPPORT_AUDIT_ACTIONS,
  },
  policy: { ...supportPolicy, ...supportRecordsPolicy },
  hiddenActions: [
    "case.read",
    "case.close",
    "case.identify",
    "case.activate_contact",
    "consent.record",
    "consent.withdraw",
    "case.emergency",
    ...SUPPORT_RECORDS_HIDDEN_ACTIONS,
  ],
  register: (app, deps) => {
    registerCaseRoutes(app, deps);
    registerAccessRoutes(app, deps);
    registerReviewRoutes(app, deps);
    registerRecordsRoutes(app, deps);
  },
  home: supportHome,
  seed: seedDemoSupport,
});
