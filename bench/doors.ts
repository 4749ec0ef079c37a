/**
 * Part 4 of `npm run bench` (BENCH_ONLY=doors runs only this): smart-station doors on PostgreSQL and
 * Mosquitto. 200 workers' scans at once, each at its own door (a rotating code opens one door once),
 * through HTTP on a listening app: time from the scan request to the signed command reaching the
 * controller, and to the worker's answer (after the controller's ack), p50/p99; beside a bare MQTT
 * round trip (publish → subscriber → reply → back) of 200 at once through the same broker.
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

export type DoorFigures = {
  scans: number;
  command: Stats;
  answer: Stats;
  baseline: Stats;
  opened: number;
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
    log(`${n} scans at once`);
    const step = codeStepAt(new Date());
    const started: number[] = [];
    const answers = await Promise.all(
      doors.map(async (d, i) => {
        started[i] = Date.now();
        const res = await post(
          `/api/v1/doors/${d.deviceId}/open`,
          {
            code: deriveRotatingCode(d.secret, d.deviceId, step),
            requestId: randomUUID(),
          },
          workerHeaders,
        );
        return { i, res, answeredAt: Date.now() };
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    const opened = answers.filter((a) => a.res.status === 200);
    const command = opened.map(
      (a) => arrived.get(String(a.res.body.commandId))! - started[a.i]!,
    );
    const answer = answers.map((a) => a.answeredAt - started[a.i]!);
    log(`opened ${opened.length}/${n}; bare MQTT round trips`);
    const baseline = await mqttBaseline(broker.url, n);
    await app.close();
    return {
      scans: n,
      opened: opened.length,
      command: stats(command),
      answer: stats(answer),
      baseline,
    };
  } finally {
    devices?.send({ stop: true });
    devices?.kill();
    await database.close();
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.end();
    broker.stop();
  }
}

export function doorsMarkdown(f: DoorFigures, command: string): string {
  const ms = (v: number) => v.toFixed(1);
  const ratio = (v: number, b: number) =>
    b > 0 ? `${(v / b).toFixed(1)}×` : "—";
  return [
    `## Doors: ${f.scans} concurrent scans (PostgreSQL + Mosquitto)`,
    "",
    `\`${command}\` — ${f.opened}/${f.scans} opened. Scan = HTTP POST /doors/:id/open (checks, code use, entry log, signed command, wait for the signed ack).`,
    "",
    "| measure | p50 ms | p99 ms | mean ms | p50 vs baseline | p99 vs baseline |",
    "|---|---|---|---|---|---|",
    `| bare MQTT round trip (publish → echo → back), ${f.scans} at once | ${ms(f.baseline.p50)} | ${ms(f.baseline.p99)} | ${ms(f.baseline.mean)} | 1.0× | 1.0× |`,
    `| scan → command at the controller | ${ms(f.command.p50)} | ${ms(f.command.p99)} | ${ms(f.command.mean)} | ${ratio(f.command.p50, f.baseline.p50)} | ${ratio(f.command.p99, f.baseline.p99)} |`,
    `| scan → worker's answer ("门已开") | ${ms(f.answer.p50)} | ${ms(f.answer.p99)} | ${ms(f.answer.mean)} | ${ratio(f.answer.p50, f.baseline.p50)} | ${ratio(f.answer.p99, f.baseline.p99)} |`,
    "",
  ].join("\n");
}
