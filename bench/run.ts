import { benchApi } from "./api.ts";
import { benchHttp } from "./http.ts";

/**
 * `npm run bench [-- http|api|all]` (default http): prints figures; it never fails on slow numbers
 * (shared machines are noisy).
 */
const which = process.argv[2] ?? "http";
if (!["http", "api", "all"].includes(which)) {
  console.error(`unknown benchmark "${which}": use http, api or all`);
  process.exit(2);
}
const seconds = Math.min(Math.max(Number(process.env.BENCH_SECONDS ?? 5), 1), 60);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
if (which === "http" || which === "all") {
  await benchHttp({
    connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
    seconds,
    warmupSeconds: 2,
    pgPort: Number(process.env.BENCH_PG_PORT ?? 54359),
    // Odd, so that the median is one measured round.
    rounds: Math.min(Math.max(Math.floor(rounds / 2) * 2 + 1, 1), 11),
  });
}
if (which === "api" || which === "all") {
  await benchApi({
    connections: Number(process.env.BENCH_API_CONNECTIONS ?? 50),
    seconds: Math.min(Math.max(Number(process.env.BENCH_API_SECONDS ?? 3), 1), 60),
    warmupSeconds: 1,
  });
}
