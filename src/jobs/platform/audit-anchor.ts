import path from "node:path";
import { z } from "zod";
import { anchorCron } from "../../domain/platform/audit-anchor.ts";
import { defineJob, type JobSummary } from "../define.ts";
import { anchorUnderLock } from "./anchoring.ts";

/**
 * Appends every audit chain's head to AUDIT_ANCHOR_FILE every AUDIT_ANCHOR_MINUTES, on whichever
 * instance takes the job; unscheduled while no file is configured. The advisory lock keeps a run
 * from writing at the same time as another (a retry, or a run whose worker was judged lost).
 */
export const auditAnchorJob = defineJob({
  name: "platform.audit-anchor",
  schema: z.strictObject({}),
  expireInSeconds: 10 * 60,
  retryLimit: 2,
  schedule: (config) =>
    config.AUDIT_ANCHOR_FILE
      ? { cron: anchorCron(config.AUDIT_ANCHOR_MINUTES), input: {} }
      : undefined,
  run: async (ctx): Promise<JobSummary> => {
    // A run sent before the file was unset, or taken by an instance configured without one.
    if (!ctx.config.AUDIT_ANCHOR_FILE) return { ran: false, skipped: "no_file" };
    const anchor = await anchorUnderLock(ctx.db, path.resolve(ctx.config.AUDIT_ANCHOR_FILE));
    if (!anchor) return { ran: false, skipped: "locked" };
    return { ran: true, chains: anchor.heads.length, anchoredAt: anchor.anchoredAt };
  },
});
