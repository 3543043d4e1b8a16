import { auditAnchorJob } from "./platform/audit-anchor.ts";
import { maintenanceJob } from "./platform/maintenance.ts";
import { selftestJob } from "./platform/selftest.ts";
import { profileImportJob } from "./profile/import.ts";

/** Every job kind the app runs; each is also listed in JOB_KINDS, so its queue exists. */
export const JOBS = [maintenanceJob, selftestJob, auditAnchorJob, profileImportJob] as const;
