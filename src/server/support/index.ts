import { SUPPORT_AUDIT_ACTIONS } from "../../domain/support/audit-actions.ts";
import { SUPPORT_PERMISSIONS } from "../../domain/support/permissions.ts";
import { defineModule } from "../module.ts";
import { supportPolicy } from "./policy.ts";

/** Coordinated support for one child: so far its access core, with no routes yet. */
export const supportModule = defineModule({
  name: "support",
  domain: {
    name: "support",
    permissions: SUPPORT_PERMISSIONS,
    auditActions: SUPPORT_AUDIT_ACTIONS,
  },
  policy: supportPolicy,
  hiddenActions: ["case.read"],
  register: () => {},
});
