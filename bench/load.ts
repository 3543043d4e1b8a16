import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Requests answered during warm-up and measurement together. */
  served: number;
  /** CPU time of this process (where the servers run) per request served, in µs. */
  cpuPerRequest: number;
  /** CPU time of the load generator per request served, in µs. */
  generatorCpuPerRequest: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export type Generator = "wrk" | "autocannon";

let chosen: Generator | undefined;

function wrkInstalled(): boolean {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (error) {
    // wrk --version prints its usage and exits 1: it is there.
    return (error as { status?: number }).status === 1;
  }
}

/**
 * wrk (Debian's package, written in C) where it is installed, autocannon (npm) otherwise or when
 * BENCH_LOAD=autocannon. On two shared cores the generator's own CPU is taken from the servers
 * under test: autocannon spends about ten times wrk's per request (both printed with each figure).
 */
export function loadGenerator(): Generator {
  chosen ??= process.env.BENCH_LOAD !== "autocannon" && wrkInstalled() ? "wrk" : "autocannon";
  return chosen;
}

/**
 * The pause between warm-up and measurement. A generator that stops leaves up to one request per
 * connection in flight, which the server still answers. Measured at once, the next run's first
 * request on each of its new connections queued behind those. At 1,000 req/s for 3 s those
 * 50 requests are 1.7 % of the run: they were its p99 (154–190 ms against 65–107 ms with the
 * pause, the coordinator's readiness list).
 */
const DRAIN_SECONDS = 1;

// wrk reports through its Lua `done` hook; latencies are in µs.
const WRK_REPORT = `done = function(s, latency)
  io.write(string.format('{"requests":%d,"durationUs":%d,"p50":%d,"p99":%d,"status":%d,"errors":%d,"timeouts":%d}\\n',
    s.requests, s.duration, latency:percentile(50), latency:percentile(99), s.errors.status,
    s.errors.connect + s.errors.read + s.errors.write, s.errors.timeout))
end`;

interface Raw extends Omit<LoadResult, "cpuPerRequest" | "generatorCpuPerRequest"> {
  generatorCpuUs: number;
}

function run(command: string, args: string[], seconds: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    // Bounded: the load itself plus generous slack.
    const timer = setTimeout(() => child.kill("SIGKILL"), (seconds + 30) * 1000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(out);
    });
  });
}

async function withWrk(
  url: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<Raw> {
  const flags = Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
  const quoted = (a: string) => `'${a.replaceAll("'", "'\\''")}'`;
  const wrk = (seconds: number) =>
    [
      "wrk",
      "-t1",
      `-c${options.connections}`,
      `-d${seconds}s`,
      "--timeout",
      "10s",
      "-s",
      "/dev/fd/3",
      ...flags,
      url,
    ]
      .map(quoted)
      .join(" ");
  // Each run's report is its last line; bash's `times` then gives the CPU its children used
  // (both wrk runs together), after the shell's own.
  const script = [
    options.warmupSeconds > 0
      ? `${wrk(options.warmupSeconds)} 3<<<"$R" | tail -n 1\nsleep ${DRAIN_SECONDS}`
      : "",
    `${wrk(options.seconds)} 3<<<"$R" | tail -n 1`,
    "times",
  ]
    .filter(Boolean)
    .join("\n");
  const out = await run(
    "bash",
    ["-c", `R=${quoted(WRK_REPORT)}\n${script}`],
    options.seconds + options.warmupSeconds + DRAIN_SECONDS,
  );
  const lines = out.trim().split("\n");
  const times = lines.at(-1)!;
  const reports = lines
    .filter((line) => line.startsWith("{"))
    .map(
      (line) =>
        JSON.parse(line) as {
          requests: number;
          durationUs: number;
          p50: number;
          p99: number;
          status: number;
          errors: number;
          timeouts: number;
        },
    );
  const r = reports.at(-1)!;
  // "0m0.120s 0m0.340s": user and system time of the children.
  const cpu = [...times.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1e6,
    0,
  );
  return {
    requestsPerSecond: r.requests / (r.durationUs / 1e6),
    requests: r.requests,
    p50: Math.round(r.p50 / 1000),
    p99: Math.round(r.p99 / 1000),
    non2xx: r.status,
    errors: r.errors,
    timeouts: r.timeouts,
    served: reports.reduce((sum, report) => sum + report.requests, 0),
    generatorCpuUs: cpu,
  };
}

async function withAutocannon(
  url: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<Raw> {
  const args = JSON.stringify({ url, headers, ...options, drainSeconds: DRAIN_SECONDS });
  const out = await run(
    process.execPath,
    [path.join(HERE, "load-child.mjs"), args],
    options.seconds + options.warmupSeconds + DRAIN_SECONDS,
  );
  const { generatorCpu, ...result } = JSON.parse(out) as Omit<Raw, "generatorCpuUs"> & {
    generatorCpu: { user: number; system: number };
  };
  return { ...result, generatorCpuUs: generatorCpu.user + generatorCpu.system };
}

/**
 * Loads one URL from a second process (never this one, which runs the servers under test);
 * cpuPerRequest is this process's CPU over the requests served.
 */
export async function load(
  url: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage();
  const raw =
    loadGenerator() === "wrk"
      ? await withWrk(url, headers, options)
      : await withAutocannon(url, headers, options);
  const cpu = process.cpuUsage(cpuBefore);
  const { generatorCpuUs, ...result } = raw;
  const served = Math.max(result.served, 1);
  return {
    ...result,
    cpuPerRequest: (cpu.user + cpu.system) / served,
    generatorCpuPerRequest: generatorCpuUs / served,
  };
}

/**
 * CPU time (µs) of PostgreSQL: the postmaster and every process it has forked, including those
 * that have already exited (an autovacuum worker that ran during the load), which the kernel adds
 * to the postmaster's children's time when it reaps them.
 */
export async function postgresCpu(postmasterPid: number): Promise<number> {
  const tick = 1_000_000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(entry);
    if (pid !== postmasterPid && Number(fields[1]) !== postmasterPid) continue;
    total += (Number(fields[11]) + Number(fields[12])) * tick;
    if (pid === postmasterPid) total += (Number(fields[13]) + Number(fields[14])) * tick;
  }
  return total;
}
