import { benchAudit } from "./audit.ts";
import { benchAuditHttp } from "./audit-http.ts";
import { benchHttp } from "./http.ts";

/**
 * `npm run bench [-- http|audit]`: prints figures; it never fails on slow numbers (shared machines
 * are noisy). Without a name it runs bench/http.
 */
const which = process.argv[2] ?? "http";
const seconds = Math.min(Math.max(Number(process.env.BENCH_SECONDS ?? 5), 1), 60);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
// Odd, so that the median is one measured round.
const oddRounds = Math.min(Math.max(Math.floor(rounds / 2) * 2 + 1, 1), 11);

if (which === "http") {
  await benchHttp({
    connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
    seconds,
    warmupSeconds: 2,
    pgPort: Number(process.env.BENCH_PG_PORT ?? 54359),
    rounds: oddRounds,
  });
} else if (which === "audit") {
  await benchAudit({
    connections: Math.min(Math.max(Number(process.env.BENCH_CONNECTIONS ?? 50), 1), 90),
    seconds,
    warmupSeconds: 1,
    pgPort: Number(process.env.BENCH_PG_PORT ?? 54360),
    rounds: oddRounds,
  });
  await benchAuditHttp({
    connections: Math.min(Math.max(Number(process.env.BENCH_CONNECTIONS ?? 50), 1), 90),
    seconds,
    warmupSeconds: 2,
    pgPort: Number(process.env.BENCH_PG_PORT ?? 54360) + 1,
    rounds: oddRounds,
  });
} else {
  console.error(`Unknown benchmark "${which}". Usage: npm run bench [-- http|audit]`);
  process.exitCode = 2;
}
