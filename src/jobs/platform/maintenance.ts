import { z } from "zod";
import { defineJob } from "../define.ts";
import { runMaintenance } from "./housekeeping.ts";

/**
 * Housekeeping: every 15 minutes on whichever instance takes the job first, and on demand by a
 * system administrator. Cheap and idempotent, so a lost run is simply retried.
 */
export const maintenanceJob = defineJob({
  name: "platform.maintenance",
  schema: z.strictObject({}),
  expireInSeconds: 15 * 60,
  retryLimit: 2,
  schedule: { cron: "*/15 * * * *", input: {} },
  run: async (ctx) => {
    const result = await runMaintenance(
      ctx.db,
      { idleMinutes: ctx.config.SESSION_IDLE_MINUTES },
      (share, step) => ctx.progress(share, `maintenance.${step}`),
    );
    return { ...result };
  },
});
