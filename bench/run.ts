import { benchHttp } from "./http.ts";

/** `npm run bench`: prints figures; it never fails on slow numbers (shared machines are noisy). */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
await benchHttp({
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  seconds: Math.min(Math.max(seconds, 1), 60),
  warmupSeconds: 2,
  pgPort: Number(process.env.BENCH_PG_PORT ?? 54359),
  // Odd, so that the median is one measured round.
  rounds: Math.min(Math.max(Math.floor(rounds / 2) * 2 + 1, 1), 11),
});
