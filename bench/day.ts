/**
 * `npm run bench -- day`: a mixed day in one minute. Two app instances on one PostgreSQL behind
 * nginx (round-robin), door controllers on Mosquitto, and at once: workers finding the nearest
 * open station, workers scanning smart doors (signed command → controller → ack), POS terminals
 * selling one sale per request, staff browsing the console's lists, and collective-join imports
 * (upload → check job → commit job). Closed loops with a fixed concurrency per kind; throughput,
 * p50/p99 and errors per kind. Figures only: nothing asserts a timing.
 *
 * Env: BENCH_DAY_SECONDS (60), BENCH_DAY_DOORS (30 controllers; each 30-s code opens once, so
 * 30 doors × 30 steps bound the scans of a run).
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import ExcelJS from "exceljs";
import pg from "pg";
import { idNumberCheckChar } from "@niangjia/contracts";
import { codeStepAt, deriveRotatingCode } from "../apps/server/src/modules/access/door-crypto";
import { startDoorSimulator, type DoorSimulator } from "../apps/server/src/modules/access/simulator";
import { startInstance, startMosquitto, startNginx, type Instance } from "../scripts/cluster/cluster";
import { demoTerminal, newSale, postSigned, signInStaff, signInWorker, type Session } from "../scripts/cluster/clients";
import { dropDatabase, fmt, log, num, percentiles, recreateDatabase, seededRandom, table, withDatabase } from "./common";

const DB = "niangjia_bench_day";
const SECONDS = num("BENCH_DAY_SECONDS", 60);
const DOORS = num("BENCH_DAY_DOORS", 30);
const DOOR_WORKERS = 6;

type Kind = "nearest" | "door scan" | "POS sale" | "staff browsing" | "import (upload → check → commit)";
export type DayFigures = { seconds: number; loadBefore: number; kinds: { kind: Kind; concurrency: number; ops: number; rps: number; p50: number; p99: number; errors: number; note: string }[]; perInstance: Record<string, number> };

export async function benchDay(adminUrl: string): Promise<DayFigures> {
  await recreateDatabase(adminUrl, DB);
  const dbUrl = withDatabase(adminUrl, DB);
  const mqtt = await startMosquitto();
  // Acks may take seconds on a saturated machine: wait up to 10 s (the default 3 s would count them as failures).
  const env = { NIANGJIA_DOOR_CODE_MAX_AGE_SECONDS: "900", NIANGJIA_DOOR_ACK_TIMEOUT_MS: "10000", LOGIN_RATE_LIMIT_PER_IP: "100000", LOG_LEVEL: "warn" };
  const instances: Instance[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const sims: DoorSimulator[] = [];
  try {
    log("day: starting instance a (migrates, loads the demo), then b, then nginx");
    instances.push(await startInstance({ name: "a", databaseUrl: dbUrl, mqttUrl: mqtt.url, env }));
    instances.push(await startInstance({ name: "b", databaseUrl: dbUrl, mqttUrl: mqtt.url, env }));
    nginx = await startNginx(instances.map((i) => i.port));
    const lb = nginx.url;

    // Door controllers at the first DOORS stations, each with a simulator acking its commands.
    const admin = await signInStaff(lb, "jb.admin");
    const positions = ((await admin.get("/api/v1/positions?pageSize=200")).body.items as { id: string; code: string }[]).slice(0, DOORS);
    const doors: { deviceId: string; secret: string; step: number }[] = [];
    for (const p of positions) {
      const policy = await admin.call("PUT", `/api/v1/positions/${p.id}/door-policy`, { scanHours: "always", whoMayEnter: "real_name", isClosed: false, rateLimitPer10Min: 100, version: 0 });
      if (policy.status !== 200) {
        const current = await admin.get(`/api/v1/positions/${p.id}/door-policy`);
        await admin.call("PUT", `/api/v1/positions/${p.id}/door-policy`, { scanHours: "always", whoMayEnter: "real_name", isClosed: false, rateLimitPer10Min: 100, version: current.body.version });
      }
      const reg = await admin.post("/api/v1/door-controllers", { positionId: p.id, name: `日负载门 ${p.code}` });
      if (reg.status !== 201) throw new Error(`door controller: ${reg.status} ${JSON.stringify(reg.body)}`);
      sims.push(await startDoorSimulator({ mqttUrl: mqtt.url, deviceId: reg.body.deviceId, secret: reg.body.secret }));
      doors.push({ deviceId: reg.body.deviceId, secret: reg.body.secret, step: 0 });
    }
    // Workers with a real name (the doors' policy: real_name; at most 100 scans each in 10 min):
    // each new phone account is linked to a demo person, as the real-name form would do.
    const workers: Session[] = [];
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    try {
      for (let i = 0; i < DOOR_WORKERS; i++) {
        const phone = `1370000${String(1000 + i)}`;
        workers.push(await signInWorker(lb, phone, instances));
        await db.query("update person set user_id = (select id from app_user where phone = $1) where id = (select id from person where user_id is null order by id limit 1)", [phone]);
      }
    } finally {
      await db.end();
    }
    // Admins at district and street level (a union_staff account may not read the audit log).
    const staff = await Promise.all(["jb.admin", "gyq.admin", "wld.admin", "jb.admin"].map((u) => signInStaff(lb, u)));
    // Each reads the orgs of their own scope (a street admin's 404 for another street is right, not load).
    const orgIds = await Promise.all(staff.map(async (s) => (await s.get("/api/v1/orgs?pageSize=100")).body.items.map((o: { id: string }) => o.id) as string[]));
    const gyqLh = ((await admin.get("/api/v1/orgs?pageSize=100")).body.items as { id: string; code: string }[]).find((o) => o.code === "JB-GYQ")!.id;

    log(`day: ${DOORS} doors, ${staff.length} staff; ${SECONDS} s of load`);
    const loadBefore = os.loadavg()[0]!;
    const end = Date.now() + SECONDS * 1000;
    const results = new Map<Kind, { times: number[]; errors: number; concurrency: number; note: string }>();
    const served: Record<string, number> = {};
    const record = (kind: Kind, started: number, ok: boolean, res?: Response, why?: string) => {
      const r = results.get(kind)!;
      if (ok) r.times.push(performance.now() - started);
      else if (r.errors++ < 3) log(`  ⚠ ${kind}: ${why ?? `HTTP ${res?.status ?? "no answer"}`}`);
      const up = res?.headers.get("x-upstream");
      if (up) served[up] = (served[up] ?? 0) + 1;
    };
    const loops = (kind: Kind, concurrency: number, note: string, step: (i: number, n: number) => Promise<{ ok: boolean; res?: Response; why?: string; skip?: boolean }>) => {
      results.set(kind, { times: [], errors: 0, concurrency, note });
      return Array.from({ length: concurrency }, async (_, i) => {
        for (let n = 0; Date.now() < end; n++) {
          const started = performance.now();
          try {
            const { ok, res, why, skip } = await step(i, n);
            if (!skip) record(kind, started, ok, res, why);
          } catch (error) {
            record(kind, started, false, undefined, (error as Error).message);
          }
        }
      });
    };
    const rnd = seededRandom(18);
    // Codes counted back from the step at the start (the current step moves on every 30 s).
    const baseStep = codeStepAt(new Date());
    let doorTurn = 0;
    await Promise.all([
      ...loops("nearest", 8, "public `GET /positions/nearest` (random point in Jiangbei, open now, 10)", async () => {
        const res = await fetch(`${lb}/api/v1/positions/nearest?lng=${(106.48 + rnd() * 0.14).toFixed(5)}&lat=${(29.55 + rnd() * 0.1).toFixed(5)}&limit=10`);
        await res.arrayBuffer();
        return { ok: res.status === 200, res };
      }),
      ...loops("door scan", DOOR_WORKERS, `worker scan → signed command over MQTT → controller ack → "门已开" (${DOORS} doors)`, async (i) => {
        const door = doors[doorTurn++ % doors.length]!;
        // Each 30-s code opens once: take the next unused step of this door (25 back stay within the 900-s age).
        if (door.step >= 25) {
          await new Promise((r) => setTimeout(r, 1000));
          return { ok: true, skip: true };
        }
        const code = deriveRotatingCode(door.secret, door.deviceId, baseStep - door.step++);
        const a = await workers[i]!.post(`/api/v1/doors/${door.deviceId}/open`, { code, requestId: randomUUID() });
        return { ok: a.status === 200 && a.body.result === "opened", res: a.res, why: `${a.status} ${JSON.stringify(a.body).slice(0, 200)}` };
      }),
      ...loops("POS sale", 6, "signed `POST /pos/sales`, one sale per request (an online till)", async (i) => {
        const a = await postSigned(lb, demoTerminal(`SHOP-${String(i + 1).padStart(2, "0")}`), "/api/v1/pos/sales", newSale("DAY"));
        return { ok: a.status === 200 && a.body.status === "accepted", res: a.res, why: `${a.status} ${JSON.stringify(a.body).slice(0, 200)}` };
      }),
      ...loops("staff browsing", 4, "signed-in staff: an org, positions list, members list, audit log (in turn)", async (i, n) => {
        const paths = [`/api/v1/orgs/${orgIds[i]![n % orgIds[i]!.length]}`, "/api/v1/positions?pageSize=20", "/api/v1/members?pageSize=20", "/api/v1/audit-entries?pageSize=20"];
        const a = await staff[i]!.get(paths[n % paths.length]!);
        return { ok: a.status === 200, res: a.res, why: `${paths[n % paths.length]} ${a.status} ${JSON.stringify(a.body).slice(0, 200)}` };
      }),
      ...loops("import (upload → check → commit)", 1, "a 200-row collective join each time, both jobs awaited", async (_i, n) => {
        const file = await importFile(200, n);
        const up = await admin.raw("POST", `/api/v1/members/imports?orgId=${gyqLh}&fileName=day-${n}.xlsx`, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        if (up.status !== 202) return { ok: false, why: `upload ${up.status} ${JSON.stringify(up.body).slice(0, 200)}` };
        const checked = await pollImport(admin, up.body.id as string);
        if (checked.status !== "checked") return { ok: false, why: `check: ${JSON.stringify(checked).slice(0, 300)}` };
        const commit = await admin.post(`/api/v1/members/imports/${up.body.id}/commit`, { version: checked.version, mode: "only_valid" });
        if (commit.status !== 202 && commit.status !== 200) return { ok: false, why: `commit ${commit.status} ${JSON.stringify(commit.body).slice(0, 200)}` };
        const done = await pollImport(admin, up.body.id as string);
        return { ok: done.status === "committed", res: commit.res, why: `commit: ${JSON.stringify(done).slice(0, 300)}` };
      }),
    ]);
    const kinds = [...results.entries()].map(([kind, r]) => {
      const p = percentiles(r.times);
      return { kind, concurrency: r.concurrency, ops: r.times.length, rps: r.times.length / SECONDS, p50: p.p50, p99: p.p99, errors: r.errors, note: r.note };
    });
    const perInstance: Record<string, number> = {};
    for (const [addr, n] of Object.entries(served)) {
      const name = instances.find((i) => addr.trim().endsWith(`:${i.port}`))?.name ?? addr;
      perInstance[name] = (perInstance[name] ?? 0) + n;
    }
    return { seconds: SECONDS, loadBefore, kinds, perInstance };
  } finally {
    for (const s of sims) await s.close().catch(() => undefined);
    await nginx?.stop();
    for (const i of instances) await i.kill("SIGTERM");
    await mqtt.stop();
    await dropDatabase(adminUrl, DB).catch(() => undefined);
  }
}

async function pollImport(admin: Session, id: string): Promise<{ status: string; version: number }> {
  for (;;) {
    const batch = (await admin.get(`/api/v1/members/imports/${id}`)).body as { status: string; version: number; job: { status: string } | null };
    if (!batch.job || ["succeeded", "failed"].includes(batch.job.status)) return batch;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function importFile(rows: number, seed: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("会员");
  sheet.addRow(["姓名*", "身份证号*", "手机号", "工会编码*", "用工形式*", "工作单位", "统一社会信用代码", "行业", "是否农民工", "所在街道代码"]);
  for (let i = 0; i < rows; i++) {
    const n = seed * rows + i;
    const first17 = `500105${1960 + (n % 40)}${String(1 + (Math.floor(n / 40) % 12)).padStart(2, "0")}${String(1 + (Math.floor(n / 480) % 28)).padStart(2, "0")}${String(600 + (Math.floor(n / 13_440) % 400)).padStart(3, "0")}`;
    sheet.addRow([`日测${n}`, first17 + idNumberCheckChar(first17), null, "JB-GYQ-LH", "快递员", "某快递站", null, "交通运输", "是", "500105006"]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function dayMarkdown(f: DayFigures, command: string): string {
  const rows = f.kinds.map((k) => [k.kind, String(k.concurrency), k.ops.toLocaleString("en"), fmt(k.rps, 1), fmt(k.p50, 1), fmt(k.p99, 1), String(k.errors), k.note]);
  const served = Object.entries(f.perInstance)
    .map(([name, n]) => `${name}: ${n.toLocaleString("en")}`)
    .join(", ");
  return [
    "## Mixed day: two instances behind nginx",
    "",
    `\`${command}\` — ${f.seconds} s, all kinds at once, closed loops (concurrency = requests in flight per kind); two app processes on PostgreSQL 15, Debian's nginx round-robin, Mosquitto. Times in ms.`,
    "",
    table(["kind", "concurrency", "operations", "per s", "p50", "p99", "errors", "what one operation is"], rows),
    "",
    `Answers per instance (nginx's x-upstream): ${served}. Load average of the machine when the load started: ${f.loadBefore.toFixed(1)} (2 cores; other work on it stretches every time).`,
  ].join("\n");
}
