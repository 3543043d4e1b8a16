import { seedDemoProfile } from "../../db/seed/demo-profile.ts";
import { PROFILE_AUDIT_ACTIONS } from "../../domain/profile/audit-actions.ts";
import { PROFILE_PERMISSIONS } from "../../domain/profile/permissions.ts";
import { defineModule } from "../module.ts";
import { PROFILE_AUDIT_SUBJECTS } from "./audit-subjects.ts";
import { profileHome } from "./home.ts";
import { profilePolicy } from "./policy.ts";
import { registerProfileRoutes } from "./routes.ts";

/** Area profiles: survey instruments and waves, imports, suppressed profiles, prioritisations. */
export const profileModule = defineModule({
  name: "profile",
  domain: {
    name: "profile",
    permissions: PROFILE_PERMISSIONS,
    auditActions: PROFILE_AUDIT_ACTIONS,
  },
  policy: profilePolicy,
  hiddenActions: [],
  register: registerProfileRoutes,
  auditSubjects: PROFILE_AUDIT_SUBJECTS,
  home: profileHome,
  seed: seedDemoProfile,
});
