import { benchHttp } from "./http.ts";
import { benchWeb } from "./web.ts";

/**
 * `npm run bench` (or `npm run bench -- http`): the HTTP read bench; `npm run bench -- web`: the
 * web UI's size per page. They print figures and never fail on them (shared machines are noisy).
 */
const which = process.argv[2] ?? "http";
if (which === "web") {
  await benchWeb({ build: process.env.BENCH_WEB_BUILD !== "0" });
} else if (which === "http") {
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
} else {
  console.error(`Unknown bench "${which}": use http or web.`);
  process.exitCode = 2;
}
