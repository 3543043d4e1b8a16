import { z } from "zod";
import { defineJob } from "../define.ts";

const SelftestSchema = z.strictObject({
  steps: z.number().int().min(1).max(1_000).default(20),
  delayMs: z.number().int().min(0).max(10_000).default(250),
});

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Counts a number of steps with a pause between them, saving each step as a checkpoint: an
 * operator's check that workers run and report on this deployment, and the model of a job that
 * resumes where it stopped after its instance went away.
 */
export const selftestJob = defineJob({
  name: "platform.selftest",
  schema: SelftestSchema,
  expireInSeconds: 3600,
  retryLimit: 3,
  retryDelaySeconds: 1,
  run: async (ctx, input) => {
    const saved = z.object({ done: z.number().int() }).safeParse(ctx.checkpoint);
    const resumedAt = saved.success ? saved.data.done : 0;
    for (let done = resumedAt; done < input.steps; ) {
      await pause(input.delayMs, ctx.signal);
      done += 1;
      await ctx.progress(
        done / input.steps,
        { key: "selftest.step", params: { done, steps: input.steps } },
        { done },
      );
    }
    return { steps: input.steps, resumedAt, attempt: ctx.attempt };
  },
});
