import type { JobQueueOptions } from "../../src/jobs/queue.ts";

/** Short intervals so that tests see polling, heartbeats and lost workers within seconds. */
export const TEST_JOB_OPTIONS: Partial<JobQueueOptions> = {
  pollingIntervalSeconds: 0.5,
  heartbeatMs: 200,
  staleAfterMs: 1_500,
  watchdogMs: 500,
  progressEveryMs: 0,
  stopTimeoutMs: 2_000,
};

/** Polls until `check` returns a value that passes, or fails after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  passes: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await read();
    if (passes(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out; last value: ${JSON.stringify(last)}`);
}
