/**
 * Part 4 of `npm run bench` (BENCH_ONLY=doors runs only this): smart-station doors on PostgreSQL and
 * Mosquitto. 200 workers' scans at once, each at its own door (a rotating code opens one door once),
 * through HTTP on a listening app: time from the scan request to the signed command reaching the
 * controller, and to the worker's answer (after the controller's ack), p50/p99; beside a bare MQTT
 * round trip (publish → subscriber → reply → back) of 200 at once through the same broker.
 *
 * Two timed bursts, 10 and BENCH_DOOR_SCANS (200) at once, each after a warm-up burst, with the
 * statements per scan counted and the ratios to the bare round trip judged against issue 11.2.
 *
 * Env: BENCH_MQTT_URL (else a throwaway Mosquitto on a free port), BENCH_DOOR_SCANS (200).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import mqtt from "mqtt";
import pg from "pg";
import { buildApp } from "../apps/server/src/app";
import { TEST_DATA_KEY, testConfig } from "../apps/server/src/config";
import { openDatabase } from "../apps/server/src/db/client";
import { runMigrations } from "../apps/server/src/db/migrate";
import { seedDemo } from "../apps/server/src/db/seed/demo";
import {
  codeStepAt,
  deriveRotatingCode,
} from "../apps/server/src/modules/access/door-crypto";
import { createMemorySmsSender } from "../apps/server/src/platform/sms";
import { loadDataKeys } from "../apps/server/src/platform/pii";
import { loadSecrets } from "../apps/server/src/platform/secrets";

const DB = "niangjia_bench_doors";
const log = (m: string) => console.log(`[doors] ${m}`);

export type DoorBurst = {
  scans: number;
  opened: number;
  command: Stats;
  answer: Stats;
  /** Bare MQTT round trips of as many at once, measured just before and just after the burst. */
  baselineBefore: Stats;
  baselineAfter: Stats;
  /** Statements the app sent to PostgreSQL during the burst, per scan (request + ack handler + session). */
  roundTrips: number;
  /** 1-minute load average of the machine when the burst started. */
  load: number;
  /** The app process's CPU (user + system) over the burst and its acks, per scan. */
  cpuMsPerScan: number;
};
export type DoorFigures = { bursts: DoorBurst[] };

/** Issue 11.2's targets: p50 to the controller vs the bare MQTT round trip, per concurrency. */
const TARGETS: Record<number, number> = { 10: 3, 200: 10 };
const MAX_ROUND_TRIPS = 6;

/** Counts every statement any pg client of this process sends (pool, ack pool, listeners). */
let statements = 0;
const clientProto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
const originalQuery = clientProto.query;
clientProto.query = function countedQuery(this: unknown, ...args: unknown[]) {
  statements++;
  return originalQuery.apply(this, args);
};
type Stats = { p50: number; p99: number; mean: number };

function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return {
    p50: at(0.5),
    p99: at(0.99),
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startMosquitto(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-bench-mqtt-"));
  fs.writeFileSync(
    path.join(dir, "m.conf"),
    `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 10000\n`,
  );
  const child: ChildProcess = spawn(
    "/usr/sbin/mosquitto",
    ["-c", path.join(dir, "m.conf")],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise<boolean>((r) =>
      net
        .connect(port, "127.0.0.1")
        .once("connect", function (this: net.Socket) {
          this.destroy();
          r(true);
        })
        .once("error", () => r(false)),
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    stop: () => {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** 200 concurrent publish → echo → reply round trips through the broker (the floor for a command + ack). */
async function mqttBaseline(url: string, n: number): Promise<Stats> {
  const a = await mqtt.connectAsync(url, {
    clientId: `bench-a-${randomUUID().slice(0, 6)}`,
  });
  const b = await mqtt.connectAsync(url, {
    clientId: `bench-b-${randomUUID().slice(0, 6)}`,
  });
  await b.subscribeAsync("bench/ping/+", { qos: 1 });
  b.on(
    "message",
    (topic, payload) =>
      void b.publishAsync(topic.replace("ping", "pong"), payload, { qos: 1 }),
  );
  await a.subscribeAsync("bench/pong/+", { qos: 1 });
  const started = new Map<string, number>();
  const times: number[] = [];
  const done = new Promise<void>((resolve) => {
    a.on("message", (topic) => {
      const id = topic.split("/")[2]!;
      times.push(performance.now() - started.get(id)!);
      if (times.length === n) resolve();
    });
  });
  for (let i = 0; i < n; i++) {
    const id = String(i);
    started.set(id, performance.now());
    void a.publishAsync(`bench/ping/${id}`, "x".repeat(400), { qos: 1 });
  }
  await done;
  await a.endAsync();
  await b.endAsync();
  return stats(times);
}

async function startProfile(): Promise<{ stop(): Promise<unknown> }> {
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      return profile;
    },
  };
}

export async function benchDoors(adminUrl: string): Promise<DoorFigures> {
  const n = Number(process.env.BENCH_DOOR_SCANS) || 200;
  const broker = process.env.BENCH_MQTT_URL
    ? { url: process.env.BENCH_MQTT_URL, stop: () => undefined }
    : await startMosquitto();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  const database = await openDatabase({
    databaseUrl: u.toString(),
    poolSize: 20,
  });
  let devices: ChildProcess | undefined;
  const children: ChildProcess[] = [];
  try {
    await runMigrations(database);
    const config = testConfig({
      mqtt: { ...testConfig().mqtt, url: broker.url },
    });
    const pii = {
      secrets: loadSecrets({
        secret: config.secret,
        dataDir: os.tmpdir(),
        allowGenerate: false,
      }),
      dataKeys: loadDataKeys({
        dataKey: TEST_DATA_KEY,
        dataDir: os.tmpdir(),
        allowGenerate: false,
      }),
    };
    log("seeding the demo (orgs, positions, members)");
    await seedDemo(database, { pii });
    const sms = createMemorySmsSender();
    const app = await buildApp({
      config,
      database,
      sms,
      logger: false,
      jobRunner: false,
    });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const post = async (
      url: string,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      const res = await fetch(base + url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      return {
        status: res.status,
        body: (await res.json()) as Record<string, unknown>,
        cookie: res.headers.get("set-cookie")?.split(";")[0] ?? "",
      };
    };
    const staff = await post("/api/v1/auth/login", {
      login: "jb.admin",
      password: "Niangjia@2026",
    });
    const staffHeaders = {
      cookie: staff.cookie,
      "x-csrf-token": String(staff.body.csrfToken),
    };
    await post("/api/v1/auth/sms-code", { phone: "13800000002" });
    const worker = await post("/api/v1/auth/sms-login", {
      phone: "13800000002",
      code: sms.lastCodeFor("13800000002"),
    });
    const workerHeaders = {
      cookie: worker.cookie,
      "x-csrf-token": String(worker.body.csrfToken),
    };
    const { rows } = await database.pool!.query<{ id: string; org_id: string }>(
      `select id, org_id from position where code = 'JB-RS-HQHG'`,
    );
    const position = rows[0]!;
    // One worker scanning 200 doors: lift the per-worker limit for the run.
    await database.query(
      `insert into door_policy (position_id, org_id, rate_limit_per_10min) values ($1, $2, 1000000) on conflict (position_id) do update set rate_limit_per_10min = 1000000`,
      [position.id, position.org_id],
    );
    log(
      `registering ${n} controllers; ${n} simulators in another process connect to ${broker.url}`,
    );
    const doors: { deviceId: string; secret: string }[] = [];
    for (let i = 0; i < n; i++) {
      const reg = await post(
        "/api/v1/door-controllers",
        { positionId: position.id, name: `压测门${i}` },
        staffHeaders,
      );
      doors.push(reg.body as { deviceId: string; secret: string });
    }
    const arrived = new Map<string, number>();
    devices = fork(
      path.join(
        path.dirname(new URL(import.meta.url).pathname),
        "doors-devices.ts",
      ),
      [],
      {
        env: {
          ...process.env,
          DOORS: JSON.stringify(doors),
          BROKER: broker.url,
        },
        execArgv: ["--import", "tsx"],
      },
    );
    await new Promise<void>((resolve, reject) => {
      devices!.on(
        "message",
        (m: { ready?: boolean; commandId?: string; at?: number }) => {
          if (m.ready) resolve();
          if (m.commandId && m.at) arrived.set(m.commandId, m.at);
        },
      );
      devices!.once("exit", (code) =>
        reject(new Error(`simulators exited ${code}`)),
      );
    });
    await new Promise((r) => setTimeout(r, 1000));
    // The door page (GET) comes before every real scan: it warms this instance's copy of the door.
    for (const d of doors) await fetch(`${base}/api/v1/doors/${d.deviceId}`).then((r) => r.arrayBuffer());
    // A rotating code opens a door once per 30-s step; the door accepts steps now-4..now+1, so each
    // burst gets its own step (a run crossing a step boundary stays inside the window).
    const now = codeStepAt(new Date());
    const scanner = fork(path.join(path.dirname(new URL(import.meta.url).pathname), "doors-scanner.ts"), [], { execArgv: ["--import", "tsx"] });
    children.push(scanner);
    await new Promise<void>((resolve) => scanner.once("message", () => resolve()));
    type Answer = { status: number; commandId: string | null; code: string | null; startedAt: number; answeredAt: number };
    const burst = async (subset: typeof doors, step: number): Promise<Omit<DoorBurst, "baselineBefore" | "baselineAfter" | "load">> => {
      const before = statements;
      const cpuBefore = process.cpuUsage();
      const answered = new Promise<Answer[]>((resolve) => scanner.once("message", (m: { answers: Answer[] }) => resolve(m.answers)));
      scanner.send({ base, headers: workerHeaders, scans: subset.map((d) => ({ deviceId: d.deviceId, code: deriveRotatingCode(d.secret, d.deviceId, step) })) });
      const answers = await answered;
      // Acks handled after the last answer still belong to the burst.
      await new Promise((r) => setTimeout(r, 300));
      const roundTrips = (statements - before) / subset.length;
      const cpu = process.cpuUsage(cpuBefore);
      const opened = answers.filter((a) => a.status === 200);
      if (opened.length < subset.length) log(`not opened: ${[...new Set(answers.filter((a) => a.status !== 200).map((a) => a.code))].join(", ")}`);
      return {
        scans: subset.length,
        opened: opened.length,
        command: stats(opened.map((a) => arrived.get(a.commandId!)! - a.startedAt)),
        answer: stats(answers.map((a) => a.answeredAt - a.startedAt)),
        roundTrips,
        cpuMsPerScan: (cpu.user + cpu.system) / 1000 / subset.length,
      };
    };
    const timed = async (subset: typeof doors, step: number, warmStep: number): Promise<DoorBurst> => {
      log(`${subset.length} scans at once: warm-up burst, baseline, timed burst, baseline`);
      await burst(subset, warmStep);
      const baselineBefore = await mqttBaseline(broker.url, subset.length);
      const load = os.loadavg()[0]!;
      const figures = await burst(subset, step);
      const baselineAfter = await mqttBaseline(broker.url, subset.length);
      log(`${subset.length} at once: p50 to the controller ${figures.command.p50.toFixed(1)} ms; ${figures.roundTrips.toFixed(1)} statements and ${figures.cpuMsPerScan.toFixed(1)} ms of app CPU per scan; load ${load.toFixed(2)}`);
      return { ...figures, baselineBefore, baselineAfter, load };
    };
    const small = doors.slice(0, Math.min(10, n));
    const bursts = [await timed(small, now, now + 1)];
    // BENCH_DOORS_PROFILE=<file>: a CPU profile of the app process over the big burst (open in Chrome DevTools).
    const profile = process.env.BENCH_DOORS_PROFILE ? await startProfile() : undefined;
    bursts.push(await timed(doors, now - 1, now - 2));
    if (profile) fs.writeFileSync(process.env.BENCH_DOORS_PROFILE!, JSON.stringify(await profile.stop()));
    await app.close();
    return { bursts };
  } finally {
    devices?.send({ stop: true });
    devices?.kill();
    for (const c of children) c.kill();
    await database.close();
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.end();
    broker.stop();
  }
}

export function doorsMarkdown(f: DoorFigures, command: string): string {
  const ms = (v: number) => v.toFixed(1);
  const ratio = (v: number, b: number) => (b > 0 ? `${(v / b).toFixed(1)}×` : "—");
  const lines = [
    `## Doors: scans at 10 and ${f.bursts.at(-1)?.scans ?? 200} at once (PostgreSQL + Mosquitto)`,
    "",
    `\`${command}\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, on a 2-core machine shared with other work (the load average is printed beside each figure; a busy machine stretches every time, so only the ratios within one run mean anything). Scan = HTTP POST /doors/:id/open (checks, code use, entry log, signed command, wait for the signed ack), sent by a load generator in its own process; the door page (GET) warms the instance's copy of the door first, and every burst follows an untimed warm-up burst. Baseline = bare MQTT round trips (publish → echo → back) of as many at once through the same broker, just before and just after the burst (their mean p50 is the divisor).`,
    "",
    "| at once | opened | load (1 min) | baseline p50 before / after ms | scan → command at the controller p50 / p99 ms | p50 vs baseline | target | scan → worker's answer p50 / p99 ms | statements per scan (target ≤ 6) | app CPU per scan ms |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const b of f.bursts) {
    const base = (b.baselineBefore.p50 + b.baselineAfter.p50) / 2;
    const target = TARGETS[b.scans];
    const isMet = target !== undefined && b.command.p50 / base <= target;
    lines.push(
      `| ${b.scans} | ${b.opened}/${b.scans} | ${b.load.toFixed(2)} | ${ms(b.baselineBefore.p50)} / ${ms(b.baselineAfter.p50)} | ${ms(b.command.p50)} / ${ms(b.command.p99)} | ${ratio(b.command.p50, base)} | ${target ? `≤ ${target}× — ${isMet ? "met" : "not met"}` : "—"} | ${ms(b.answer.p50)} / ${ms(b.answer.p99)} | ${b.roundTrips.toFixed(1)} — ${b.roundTrips <= MAX_ROUND_TRIPS ? "met" : "not met"} | ${b.cpuMsPerScan.toFixed(1)} |`,
    );
  }
  lines.push(
    "",
    "Statements per scan are counted in the app's process (every pg client: the pool, the acks' own pool, listeners) over the burst and its acks, divided by the scans: the request's session check, the scan's one statement when the door's own checks pass (the worker's facts, rate limit, bans, code use, entry, command; two when they refuse) and the ack's one. The door itself comes from the instance's copy (docs/ARCHITECTURE.md, door scan).",
    "",
  );
  return lines.join("\n");
}
