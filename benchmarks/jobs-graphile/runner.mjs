// The graphile-worker runner of the jobs benchmark (benchmarks/Jobs): the common protocol, one JSON line on stdout.
//   node runner.mjs --connection <postgres URL> --mode throughput|latency --jobs N --batch B --workers W [--rate R]
// Settings: run() with concurrency = W, pollInterval at its default, LISTEN/NOTIFY as it does by default, no local queue,
// noHandleSignals; batch 1 = one addJob (one add_job statement) per job, batch 100 = one addJobs (add_jobs) per 100 jobs.
// The schema is installed (runMigrations) before anything is timed. Logs go to stderr, warnings and errors only.
import { Logger, makeWorkerUtils, run, runMigrations } from "graphile-worker";

const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const index = argv.indexOf(name);
  if (index >= 0 && index < argv.length - 1) return argv[index + 1];
  if (fallback === undefined) throw new Error(`Missing ${name}: usage --connection C --mode throughput|latency --jobs N --batch B --workers W [--rate R]`);
  return fallback;
};
const connectionString = value("--connection");
const mode = value("--mode");
const jobs = Number(value("--jobs", "1000"));
const batch = Number(value("--batch", "1"));
const workers = Number(value("--workers", "4"));
const rate = Number(value("--rate", "200"));
if (mode !== "throughput" && mode !== "latency") throw new Error(`--mode must be throughput or latency, not ${mode}`);

// Wall-clock microseconds since the Unix epoch (the time origin plus a monotonic offset).
const now = () => Math.round((performance.timeOrigin + performance.now()) * 1000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const logger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") process.stderr.write(`[graphile-worker ${level}] ${message}\n`);
});

const latencies = new Float64Array(jobs);
let started = 0;
let allStarted;
const done = new Promise((resolve) => { allStarted = resolve; });
const taskList = {
  trivial: async (payload) => {
    const index = started++;
    if (index < jobs) latencies[index] = (now() - payload.t) / 1000;
    if (index === jobs - 1) allStarted();
  },
};
const within = async (promise, ms, what) => {
  let timer;
  const expired = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms); });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
};
const write = (fields) => process.stdout.write(JSON.stringify({ target: "graphile-worker", mode, ...fields }) + "\n");

await runMigrations({ connectionString, logger });
const utils = await makeWorkerUtils({ connectionString, logger });
const options = { connectionString, concurrency: workers, noHandleSignals: true, taskList, logger };

if (mode === "throughput") {
  const enqueueStart = performance.now();
  for (let added = 0; added < jobs; added += batch) {
    const count = Math.min(batch, jobs - added);
    if (batch === 1) {
      await utils.addJob("trivial", { t: 0 });
    } else {
      await utils.addJobs(Array.from({ length: count }, () => ({ identifier: "trivial", payload: { t: 0 } })));
    }
  }
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  const start = performance.now();
  const runner = await run(options);
  await within(done, 600_000, "the jobs");
  const seconds = (performance.now() - start) / 1000;
  await runner.stop();
  write({ batch, jobs, workers, seconds, jobs_per_s: jobs / seconds, enqueue_seconds: enqueueSeconds, enqueue_per_s: jobs / enqueueSeconds });
} else {
  const runner = await run(options);
  await sleep(1000); // the workers are up and idle
  const start = performance.now();
  for (let i = 0; i < jobs; i++) {
    const wait = (i * 1000) / rate - (performance.now() - start);
    if (wait > 0) await sleep(wait);
    await utils.addJob("trivial", { t: now() });
  }
  const seconds = (performance.now() - start) / 1000;
  await within(done, 60_000, "the latency jobs");
  await runner.stop();
  const sorted = Array.from(latencies.subarray(0, Math.min(started, jobs))).sort((a, b) => a - b);
  const percentile = (fraction) => sorted[Math.min(Math.max(Math.ceil(fraction * sorted.length) - 1, 0), sorted.length - 1)];
  write({ batch: 1, jobs: sorted.length, workers, rate, seconds, p50_ms: percentile(0.5), p99_ms: percentile(0.99), max_ms: sorted[sorted.length - 1] });
}
await utils.release();
