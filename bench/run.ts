import { benchHttp } from "./http.ts";

/** `npm run bench`: prints figures; it never fails on slow numbers (shared machines are noisy). */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
await benchHttp({
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  seconds: Math.min(Math.max(seconds, 1), 60),
  warmupSeconds: 2,
  pgPort: Number(process.env.BENCH_PG_PORT ?? 54359),
});
