import { generate } from "otplib";

const PERIOD = 30;
const lastUsed = new Map<string, number>();
const lastCodes = new Map<string, string>();

// A code of the period before is sent only while this many seconds of the current one remain, so
// that it is still accepted when the server checks it.
const MARGIN_SECONDS = 10;

/**
 * A code the server accepts now: each code is accepted once (RFC 6238), and the server also takes
 * the code of the period before and after (for clocks that are off). Gives the earliest unused
 * period's code, waiting for the clock only when all three periods are used up: three codes in a
 * row need no wait.
 */
export async function freshCode(secret: string): Promise<string> {
  const now = () => Math.floor(Date.now() / 1000 / PERIOD);
  const remaining = PERIOD - ((Date.now() / 1000) % PERIOD);
  const earliest = remaining > MARGIN_SECONDS ? now() - 1 : now();
  const step = Math.max(earliest, (lastUsed.get(secret) ?? -1) + 1);
  while (step > now() + 1) await new Promise((r) => setTimeout(r, 250));
  lastUsed.set(secret, step);
  const code = await generate({ secret, epoch: step * PERIOD });
  lastCodes.set(secret, code);
  return code;
}

/** The code freshCode gave last for this secret (to try it a second time). */
export function lastFreshCode(secret: string): string {
  const code = lastCodes.get(secret);
  if (!code) throw new Error("freshCode has not given a code for this secret");
  return code;
}
