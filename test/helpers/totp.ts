import { generate } from "otplib";

const PERIOD = 30;
const lastUsed = new Map<string, number>();
const lastCodes = new Map<string, string>();

/**
 * A code the server accepts now: each code is accepted once (RFC 6238), and the server also takes
 * the next period's code for clocks that run ahead. Gives the next unused period's code, waiting
 * for the clock when both the current and the next period are used up.
 */
export async function freshCode(secret: string): Promise<string> {
  const now = () => Math.floor(Date.now() / 1000 / PERIOD);
  const step = Math.max(now(), (lastUsed.get(secret) ?? -1) + 1);
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
