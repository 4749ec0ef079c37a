/**
 * Issue 18, point 2: does the instance keep answering while a coverage run of the generated
 * million-edge city (city-network.ts) computes as a job? The server runs in a child process
 * (city-job-server.ts) on PostgreSQL with the demo data and the city as 江北区's network; this
 * process times a light route (GET /api/health, no database) with sequential requests:
 *   (a) with no run going (the baseline, same server, same run),
 *   (b) while a coverage run (15 min) computes as a job, in a worker thread,
 *   (c) the same with the computation on the main thread (the benchmark's switch).
 * A request every BENCH_CITYJOB_GAP_MS (10) ms whether or not the earlier ones were answered (an
 * open loop, as people arrive): while the instance is stuck, the requests pile up and each counts
 * the time it waited. A light load that leaves the run a core. Figures only. Env: BENCH_CITY_EDGES (1000000), BENCH_SEQUENTIAL
 * (200) baseline requests, BENCH_CITYJOB_CANDIDATES (0: candidate sites over a city's ~500,000
 * junctions take many minutes; the run without them is the part every run has).
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { signInStaff, type Session } from "../scripts/cluster/clients";
import type { CityJobMode, FromCityJobServer } from "./city-job-server";
import { dropDatabase, fmt, num, percentiles, table, withDatabase, type Log } from "./common";
import { prepareAppDatabase } from "./positions";

export const CITYJOB_HEADING = "Positions: requests while a coverage job of the generated city runs";
const DB = "niangjia_bench_cityjob";

type Latency = { p50: number; p99: number; max: number; count: number };
export type CityJobMode_Figures = {
  mode: CityJobMode;
  baseline: Latency;
  duringRun: Latency;
  runSeconds: number;
  runStatus: string;
  stationCount: number;
  unsnappedCount: number;
  lengthShare: number | null;
  computedOnThread: unknown;
};
export type CityJobFigures = { nodes: number; edges: number; km: number; side: number; modes: CityJobMode_Figures[] };

const summarize = (times: number[]): Latency => {
  const p = percentiles(times);
  return { p50: p.p50, p99: p.p99, max: Math.max(...times), count: times.length };
};

const GAP_MS = num("BENCH_CITYJOB_GAP_MS", 10);
const CANDIDATES = Number(process.env.BENCH_CITYJOB_CANDIDATES ?? 0);

/** Sends a request every GAP_MS until `isDone()` (at least `min` of them); resolves to each one's time and when it was sent. */
async function timeHealthOpenLoop(url: string, isDone: () => boolean, min = 0): Promise<{ ms: number; sentAt: number }[]> {
  const answers: Promise<{ ms: number; sentAt: number }>[] = [];
  while (answers.length < min || !isDone()) {
    const sentAt = performance.now();
    answers.push(timeHealth(url).then((ms) => ({ ms, sentAt })));
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  return Promise.all(answers);
}

async function timeHealth(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/api/health`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`/api/health answered ${res.status}`);
  return performance.now() - t;
}

function nextReady(child: ChildProcess): Promise<Extract<FromCityJobServer, { type: "ready" }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromCityJobServer) => {
      child.off("message", onMessage);
      if (m.type === "ready") resolve(m);
      else reject(new Error(`city job server: ${m.message}`));
    };
    child.on("message", onMessage);
  });
}

async function measureMode(url: string, dbUrl: string, mode: CityJobMode, log: Log): Promise<CityJobMode_Figures> {
  const staff: Session = await signInStaff(url, "jb.admin");
  const areas = (await staff.call("GET", "/api/v1/coverage-areas")).body as { items: { org: { id: string; code: string } }[] };
  const jb = areas.items.find((a) => a.org.code === "JB")!.org.id;
  for (let i = 0; i < 20; i++) await timeHealth(url); // warm-up
  const baseline: number[] = [];
  for (const a of await timeHealthOpenLoop(url, () => true, num("BENCH_SEQUENTIAL", 200))) baseline.push(a.ms);
  log(`  ${mode}: baseline p50 ${fmt(baseline.sort((a, b) => a - b)[baseline.length >> 1])} ms; starting the run`);
  const t0 = performance.now();
  const started = (await staff.call("POST", "/api/v1/coverage-runs", { areaOrgId: jb, minutes: 15, candidates: CANDIDATES })).body as { id: string };
  let run: { status: string; phase: string | null; stationCount: number; unsnappedCount: number; lengthShare: number | null } = { status: "queued", phase: null, stationCount: 0, unsnappedCount: 0, lengthShare: null };
  const during: number[] = [];
  const poll = (async () => {
    while (run.status === "queued" || run.status === "running") {
      await new Promise((r) => setTimeout(r, 500));
      run = (await staff.call("GET", `/api/v1/coverage-runs/${started.id}`)).body as typeof run;
    }
  })();
  // The phase the run showed over time, to name where the slowest answers were sent.
  const phases: { at: number; phase: string }[] = [];
  const track = setInterval(() => phases.push({ at: performance.now(), phase: run.phase ?? run.status }), 50);
  const answers = await timeHealthOpenLoop(url, () => run.status !== "queued" && run.status !== "running");
  clearInterval(track);
  for (const a of answers) during.push(a.ms);
  const phaseAt = (t: number) => phases.findLast((p) => p.at <= t)?.phase ?? "queued";
  const stalls = [...answers].sort((a, b) => b.ms - a.ms).slice(0, 3).map((a) => `${fmt(a.ms, 0)} ms (${phaseAt(a.sentAt)})`);
  await poll;
  const runSeconds = (performance.now() - t0) / 1000;
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const job = await client.query<{ result: { computedOnThread?: unknown } | null }>("select j.result from job j join coverage_run r on r.job_id = j.id where r.id = $1", [started.id]);
  await client.end();
  const figures: CityJobMode_Figures = {
    mode,
    baseline: summarize(baseline),
    duringRun: summarize(during),
    runSeconds,
    runStatus: run.status,
    stationCount: run.stationCount,
    unsnappedCount: run.unsnappedCount,
    lengthShare: run.lengthShare,
    computedOnThread: job.rows[0]?.result?.computedOnThread,
  };
  log(`  ${mode}: slowest answers (phase when sent): ${stalls.join(", ")}`);
  log(`  ${mode}: run ${run.status} in ${fmt(runSeconds)} s; /api/health during it p50 ${fmt(figures.duringRun.p50)} / p99 ${fmt(figures.duringRun.p99)} / max ${fmt(figures.duringRun.max)} ms over ${during.length} requests`);
  return figures;
}

export async function benchCityJob(adminUrl: string, log: Log): Promise<CityJobFigures> {
  const database = await prepareAppDatabase(adminUrl, DB, log);
  await database.close();
  log("cityjob: generating the city in the server process and storing it as 江北区's network");
  const child = fork(path.join(path.dirname(new URL(import.meta.url).pathname), "city-job-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_CITYJOB_DB: withDatabase(adminUrl, DB) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`city job server exited (${code})`))));
  try {
    const modes: CityJobMode_Figures[] = [];
    let ready = await Promise.race([nextReady(child), exited]);
    const city = { nodes: ready.nodes, edges: ready.edges, km: ready.km, side: ready.side };
    for (;;) {
      modes.push(await measureMode(ready.url, withDatabase(adminUrl, DB), ready.mode, log));
      if (modes.length === 2) break;
      child.send({ type: "next" });
      ready = await Promise.race([nextReady(child), exited]);
    }
    return { ...city, modes };
  } finally {
    child.send({ type: "stop" });
    await new Promise((r) => child.once("exit", r));
    await dropDatabase(adminUrl, DB);
  }
}

export function cityJobMarkdown(f: CityJobFigures, command: string): string {
  const ms = (v: number) => `${fmt(v, v < 10 ? 2 : 0)} ms`;
  const rows = f.modes.flatMap((m) => [
    [`no run going (baseline; app with ${m.mode} coverage)`, ms(m.baseline.p50), ms(m.baseline.p99), ms(m.baseline.max), String(m.baseline.count), "1.0× / 1.0×"],
    [
      `**during a run, computed on the ${m.mode}** (${fmt(m.runSeconds, 0)} s, ${m.runStatus})`,
      ms(m.duringRun.p50),
      ms(m.duringRun.p99),
      ms(m.duringRun.max),
      String(m.duringRun.count),
      `${fmt(m.duringRun.p50 / m.baseline.p50)}× / ${fmt(m.duringRun.p99 / m.baseline.p99)}×`,
    ],
  ]);
  const run = f.modes[0]!;
  return [
    `## ${CITYJOB_HEADING} of ${f.edges.toLocaleString("en")} edges`,
    "",
    `Command: \`${command}\`. One app instance (a child process, PostgreSQL, demo data) with the generated city (${f.side} × ${f.side} grid, ${f.nodes.toLocaleString("en")} nodes, ${f.edges.toLocaleString("en")} edges, ${fmt(f.km, 0)} km) as 江北区's street network; ` +
      `a coverage run of 江北区 (${run.stationCount} open positions, ${run.unsnappedCount} farther than 500 m from the city's streets; 15 min at 4.5 km/h, ${CANDIDATES} candidate sites) started through the API as a job. ` +
      `This process times \`GET /api/health\` (no database), one request every ${GAP_MS} ms whether or not the earlier ones were answered (so requests that arrive while the instance is stuck each count their wait): first with no run going, then for as long as the run lasts. The same server process does both modes in turn: coverage in a worker thread (what the app does), then on the main thread (the benchmark's switch \`coverageOnMainThread\`).`,
    "",
    table(["GET /api/health", "p50", "p99", "max", "requests", "÷ baseline (p50 / p99)"], rows),
    "",
    `Thread that computed (job result \`computedOnThread\`): ${f.modes.map((m) => `${m.mode} → ${String(m.computedOnThread)}`).join(", ")}. Covered share of the city's streets: ${fmt((run.lengthShare ?? NaN) * 100)} %.`,
    "",
  ].join("\n");
}
