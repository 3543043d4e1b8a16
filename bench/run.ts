import { benchApi } from "./api.ts";
import { benchAudit } from "./audit.ts";
import { benchAuditHttp } from "./audit-http.ts";
import { benchHttp } from "./http.ts";
import { benchSupport } from "./support.ts";
import { benchWeb } from "./web.ts";

/**
 * `npm run bench [-- NAME]`: prints figures; it never fails on slow numbers (shared machines are
 * noisy). Without a name it runs bench/http.
 */
const which = process.argv[2] ?? "http";
const seconds = Math.min(Math.max(Number(process.env.BENCH_SECONDS ?? 5), 1), 60);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
// Odd, so that the median is one measured round.
const oddRounds = Math.min(Math.max(Math.floor(rounds / 2) * 2 + 1, 1), 11);
const connections = (fallback: number) =>
  Math.min(Math.max(Number(process.env.BENCH_CONNECTIONS ?? fallback), 1), 90);
const pgPort = (fallback: number) => Number(process.env.BENCH_PG_PORT ?? fallback);

const BENCHES: Record<string, () => Promise<void>> = {
  http: () =>
    benchHttp({
      connections: connections(10),
      seconds,
      warmupSeconds: 2,
      pgPort: pgPort(54359),
      rounds: oddRounds,
    }),
  audit: async () => {
    await benchAudit({
      connections: connections(50),
      seconds,
      warmupSeconds: 1,
      pgPort: pgPort(54360),
      rounds: oddRounds,
    });
    await benchAuditHttp({
      connections: connections(50),
      seconds,
      warmupSeconds: 2,
      pgPort: pgPort(54360) + 1,
      rounds: oddRounds,
    });
  },
  api: () =>
    benchApi({
      connections: Number(process.env.BENCH_API_CONNECTIONS ?? 50),
      seconds: Math.min(Math.max(Number(process.env.BENCH_API_SECONDS ?? 3), 1), 60),
      warmupSeconds: 1,
    }),
  web: () => benchWeb({ build: process.env.BENCH_WEB_BUILD !== "0" }),
  support: () =>
    benchSupport({
      connections: connections(50),
      seconds,
      warmupSeconds: 1,
      pgPort: pgPort(54362),
      rounds: oddRounds,
      cases: Number(process.env.BENCH_SUPPORT_CASES ?? 100_000),
      accessPerCase: 10,
      liveCases: 40,
    }),
};

const bench = BENCHES[which];
if (bench) {
  await bench();
} else {
  console.error(
    `Unknown benchmark "${which}". Usage: npm run bench [-- ${Object.keys(BENCHES).join("|")}]`,
  );
  process.exitCode = 2;
}
