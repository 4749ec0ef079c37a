/**
 * The load generator in its own process (issue 11 pt 7): autocannon here never competes with the
 * server it measures for the same event loop. Reads its options as JSON from argv[2], runs a
 * warm-up burst and then the timed one, and prints the timed result as one JSON line.
 */
import autocannon from "autocannon";

type Opts = { url: string; headers: Record<string, string>; connections: number; workers: number; warmup: number; seconds: number };

const opts = JSON.parse(process.argv[2] ?? "{}") as Opts;
const base = { url: opts.url, headers: opts.headers, connections: opts.connections, workers: opts.workers, timeout: 30 };
if (opts.warmup > 0) await autocannon({ ...base, duration: opts.warmup });
const r = await autocannon({ ...base, duration: opts.seconds });
console.log(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts, requests: r.requests.total ?? r.requests.sent }));
