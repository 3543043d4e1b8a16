import { auditAnchorJob } from "./platform/audit-anchor.ts";
import { maintenanceJob } from "./platform/maintenance.ts";
import { selftestJob } from "./platform/selftest.ts";
import { supportRetentionJob } from "./support/retention.ts";

/** Every job kind the app runs; each is also listed in JOB_KINDS, so its queue exists. */
export const JOBS = [maintenanceJob, selftestJob, auditAnchorJob, supportRetentionJob] as const;
