// Runs in its own process so that the load generator does not share a CPU thread with the
// servers under test. Input: one JSON argument; output: one JSON line with the figures.
import autocannon from "autocannon";

const { url, headers, connections, warmupSeconds, seconds, drainSeconds } = JSON.parse(
  process.argv[2],
);

function run(duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration, timeout: 10 }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const warm = warmupSeconds > 0 ? await run(warmupSeconds) : null;
// The server answers what the warm-up left in flight before the measured run begins (load.ts).
if (warm) await new Promise((resolve) => setTimeout(resolve, drainSeconds * 1000));
const r = await run(seconds);
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: r.requests.average,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    served: r.requests.total + (warm?.requests.total ?? 0),
    generatorCpu: process.cpuUsage(),
  })}\n`,
);
