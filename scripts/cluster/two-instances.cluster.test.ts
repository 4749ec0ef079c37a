/**
 * Several instances as one (issue 18, point 1): two app processes on one PostgreSQL behind
 * Debian's nginx (round-robin), door controllers on Mosquitto. Journeys go through nginx and
 * check that both instances served them; at the end one instance is killed with SIGKILL under
 * load. Every wait is for a state, with generous timeouts (a busy 2-core machine).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeStepAt, deriveRotatingCode } from '../../apps/server/src/modules/access/door-crypto';
import { startDoorSimulator, type DoorSimulator } from '../../apps/server/src/modules/access/simulator';
import { METRICS_TOKEN, startInstance, startMosquitto, startNginx, startPostgres, upstreamOf, waitFor, type Instance, type Nginx, type Postgres } from './cluster';
import { demoTerminal, newSale, postSigned, postSignedUntilAnswered, signInStaff, signInWorker, type Session, type TerminalKey } from './clients';

let pgs: Postgres;
let mqtt: { url: string; stop(): Promise<void> };
let a: Instance;
let b: Instance;
let lb: Nginx;
let pool: pg.Pool;
let sim: DoorSimulator | undefined;
const instances = () => [a, b];

beforeAll(async () => {
  pgs = await startPostgres();
  const dbUrl = pgs.url(await pgs.createDatabase());
  mqtt = await startMosquitto();
  // A short job lease, so the survivor takes over a dead instance's job within seconds; codes
  // valid long enough for a run of scans (each 30-s code opens once).
  const env = { NIANGJIA_JOB_LEASE_SECONDS: '30', NIANGJIA_DOOR_CODE_MAX_AGE_SECONDS: '900', NIANGJIA_DOOR_ACK_TIMEOUT_MS: '10000', LOGIN_RATE_LIMIT_PER_IP: '1000' };
  // The first instance migrates and loads the demo; the second finds both done.
  a = await startInstance({ name: 'a', databaseUrl: dbUrl, mqttUrl: mqtt.url, env });
  b = await startInstance({ name: 'b', databaseUrl: dbUrl, mqttUrl: mqtt.url, env });
  lb = await startNginx([a.port, b.port]);
  pool = new pg.Pool({ connectionString: dbUrl, max: 3 });
}, 600_000);

afterAll(async () => {
  await sim?.close();
  await lb?.stop();
  for (const i of [a, b]) await i?.kill('SIGTERM');
  await pool?.end();
  await mqtt?.stop();
  await pgs?.stop();
}, 120_000);

const one = async <T = Record<string, any>>(sqlText: string, params: unknown[] = []): Promise<T> => (await pool.query(sqlText, params)).rows[0] as T;

/** A sample of an instance's /metrics (asked directly, not through nginx). */
async function metric(instance: Instance, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + '{') && !line.startsWith(name + ' ')) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** The instance whose log has a line with this message and field value. */
const loggedBy = (msg: string, field: string, value: string) => instances().filter((i) => i.logLines().some((l) => l.msg === msg && l[field] === value)).map((i) => i.name);

describe('two instances behind nginx', () => {
  it('a staff member signs in and works; every request is served by either instance alike', { timeout: 300_000 }, async () => {
    const staff = await signInStaff(lb.url, 'jb.admin');
    const served = new Set<string>();
    const { id: gyq } = await one<{ id: string }>("select id from org where code = 'JB-GYQ'");
    const created = await staff.post('/api/v1/orgs', { code: `JB-GYQ-CL${Date.now().toString(36).slice(-4).toUpperCase()}`, type: 'joint', parentId: gyq, name: '观音桥骑手片区联合工会' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    served.add(upstreamOf(created.res, instances()));
    for (let i = 0; i < 6; i++) {
      const read = await staff.get(`/api/v1/orgs/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body.name).toBe('观音桥骑手片区联合工会');
      served.add(upstreamOf(read.res, instances()));
    }
    const renamed = await staff.call('PATCH', `/api/v1/orgs/${created.body.id}`, { version: 1, name: '观音桥新就业形态联合工会' });
    expect(renamed.status).toBe(200);
    // A stale version is refused whichever instance gets it.
    for (let i = 0; i < 2; i++) {
      const stale = await staff.call('PATCH', `/api/v1/orgs/${created.body.id}`, { version: 1, name: '旧版本' });
      expect(stale.status).toBe(409);
      served.add(upstreamOf(stale.res, instances()));
    }
    const list = await staff.get(`/api/v1/orgs?under=${gyq}&pageSize=100`);
    expect(list.body.items.map((o: { name: string }) => o.name)).toContain('观音桥新就业形态联合工会');
    expect([...served].sort()).toEqual(['a', 'b']);
    // Signing out on one instance ends the session on the other.
    await staff.post('/api/v1/auth/logout');
    for (const i of instances()) expect((await staff.at(i.url).get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a worker’s door scan is answered by one instance and acknowledged on the other', { timeout: 300_000 }, async () => {
    const admin = await signInStaff(lb.url, 'jb.admin');
    const { id: positionId } = await one<{ id: string }>("select id from position where code = 'JB-RS-HQHG'");
    const policy = await admin.call('PUT', `/api/v1/positions/${positionId}/door-policy`, { scanHours: 'always', whoMayEnter: 'real_name', isClosed: false, rateLimitPer10Min: 100, version: 0 });
    expect([200, 409]).toContain(policy.status);
    const reg = await admin.post('/api/v1/door-controllers', { positionId, name: '集群测试门' });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const { deviceId, secret } = reg.body as { deviceId: string; secret: string };
    sim = await startDoorSimulator({ mqttUrl: mqtt.url, deviceId, secret });
    const worker = await signInWorker(lb.url, '13800000002', instances());

    const scans: { commandId: string; answeredBy: string; ackedBy: string }[] = [];
    // Both nginx and Mosquitto's shared subscription go round-robin; a health check now and then
    // shifts nginx's turn so the two cannot stay in step.
    for (let i = 0; i < 20 && !(scans.length >= 4 && scans.some((s) => s.answeredBy !== s.ackedBy)); i++) {
      const code = deriveRotatingCode(secret, deviceId, codeStepAt(new Date()) - i);
      const scan = await worker.post(`/api/v1/doors/${deviceId}/open`, { code, requestId: randomUUID() });
      expect(scan.status, JSON.stringify(scan.body)).toBe(200);
      const commandId = scan.body.commandId as string;
      const ackedBy = await waitFor(`the ack of ${commandId} in a log`, async () => loggedBy('door command acknowledged', 'commandId', commandId)[0], 30_000);
      scans.push({ commandId, answeredBy: upstreamOf(scan.res, instances()), ackedBy });
      if (i % 3 === 2) await fetch(`${lb.url}/api/health`);
    }
    expect(scans.some((s) => s.answeredBy !== s.ackedBy), JSON.stringify(scans)).toBe(true);
    expect([...sim.unlocks].sort()).toEqual(scans.map((s) => s.commandId).sort());
    const entries = await one<{ n: number }>("select count(*)::int as n from door_entry where device_id = $1 and result = 'opened'", [deviceId]);
    expect(entries.n).toBe(scans.length);
    // The metrics agree: acks recorded on both instances, and as many as scans.
    const acks = await Promise.all(instances().map((i) => metric(i, 'niangjia_door_acks_total')));
    expect(acks.reduce((x, y) => x + y, 0)).toBe(scans.length);
  });

  it('POS sales spread over both instances add up to the fen; the fund screen on one instance shows the other’s sales', { timeout: 300_000 }, async () => {
    const events: { id: string; amountFen: number }[] = [];
    const stream = new AbortController();
    const screen = await fetch(`${a.url}/api/v1/public/fund/stream`, { signal: stream.signal });
    expect(screen.status).toBe(200);
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of screen.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let at;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const data = /^data: (.*)$/m.exec(buffer.slice(0, at))?.[1];
            buffer = buffer.slice(at + 2);
            if (data) events.push(JSON.parse(data) as { id: string; amountFen: number });
          }
        }
      } catch {
        // aborted at the end of the test
      }
    })();
    const before = (await (await fetch(`${lb.url}/api/v1/public/fund/summary`)).json()) as { totalFen: number };
    const run = `CL${Date.now().toString(36)}`;
    const served = new Set<string>();
    const keys = ['SHOP-01', 'SHOP-02', 'SHOP-03', 'SHOP-04'].map(demoTerminal);
    let accepted = 0;
    await Promise.all(
      keys.map(async (key) => {
        for (let batch = 0; batch < 8; batch++) {
          const answer = await postSigned(lb.url, key, '/api/v1/pos/sales', { sales: Array.from({ length: 10 }, () => newSale(run)) });
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          served.add(upstreamOf(answer.res, instances()));
          accepted += (answer.body.results as { status: string }[]).filter((r) => r.status === 'accepted').length;
        }
      }),
    );
    expect(accepted).toBe(320);
    expect([...served].sort()).toEqual(['a', 'b']);
    // Sales sent straight to instance B reach the screen connected to instance A.
    const onB: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await postSigned(b.url, demoTerminal('SHOP-05'), '/api/v1/pos/sales', newSale(run, 1500));
      expect(answer.body.status).toBe('accepted');
      onB.push(answer.body.entryId as string);
    }
    await waitFor('B’s sales on A’s screen', async () => (onB.every((id) => events.some((e) => e.id === id)) ? true : undefined), 30_000);
    stream.abort();
    const after = (await (await fetch(`${lb.url}/api/v1/public/fund/summary`)).json()) as { totalFen: number };
    expect(after.totalFen - before.totalFen).toBe(323 * 10);
    const rows = await one<{ n: number }>('select count(*)::int as n from fund_sale where sale_id like $1', [`${run}-%`]);
    expect(rows.n).toBe(323);
  });

  it('jobs (a collective-join import, coverage runs) are each claimed and run once', { timeout: 300_000 }, async () => {
    const staff = await signInStaff(lb.url, 'jb.admin');
    const { id: jb } = await one<{ id: string }>("select id from org where code = 'JB'");
    const runs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const started = await staff.post('/api/v1/coverage-runs', { areaOrgId: jb, minutes: 5 + i, candidates: 1 });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      runs.push(started.body.id as string);
    }
    const upload = await uploadImport(staff, await memberWorkbook(20, 0));
    expect(upload.status, JSON.stringify(upload.body)).toBe(202);
    const importJob = await waitFor('the import check', async () => {
      const batch = (await staff.get(`/api/v1/members/imports/${upload.body.id}`)).body as { status: string; job: { id?: string; status: string } | null };
      return batch.job && ['succeeded', 'failed'].includes(batch.job.status) ? batch : undefined;
    }, 180_000, 500);
    expect(importJob.status).toBe('checked');
    for (const id of runs) {
      const run = await waitFor(`coverage run ${id}`, async () => {
        const r = await staff.get(`/api/v1/coverage-runs/${id}`);
        return ['succeeded', 'failed'].includes(r.body.status as string) ? r.body : undefined;
      }, 180_000, 500);
      expect(run.status, JSON.stringify(run.error ?? run)).toBe('succeeded');
    }
    const jobs = (await pool.query<{ id: string; kind: string; status: string; attempts: number }>("select id, kind, status, attempts from job where id in (select job_id from coverage_run where id = any($1)) or id = (select job_id from member_import where id = $2)", [runs, upload.body.id])).rows;
    expect(jobs).toHaveLength(5);
    for (const job of jobs) {
      expect(job).toMatchObject({ status: 'succeeded', attempts: 1 });
      // Exactly one instance ran it.
      expect(loggedBy('job succeeded', 'jobId', job.id), job.id).toHaveLength(1);
    }
  });

  it('rate limits count requests on both instances together', { timeout: 120_000 }, async () => {
    const statuses: number[] = [];
    const served = new Set<string>();
    // 10 wrong phone codes per phone in 15 minutes, across every instance.
    for (let i = 0; i < 13; i++) {
      const res = await fetch(`${lb.url}/api/v1/auth/sms-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '13900007777', code: '000000' }) });
      statuses.push(res.status);
      served.add(upstreamOf(res, instances()));
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect([...served].sort()).toEqual(['a', 'b']);
  });

  it('SIGKILL of one instance under load: nothing acknowledged is lost, retries are answered idempotently, the survivor takes over its job', { timeout: 600_000 }, async () => {
    const staff = await signInStaff(lb.url, 'jb.admin');
    const before = (await (await fetch(`${lb.url}/api/v1/public/fund/summary`)).json()) as { totalFen: number };
    // A collective join big enough to be mid-check when the instance holding it dies.
    const file = await memberWorkbook(30_000, 1);

    const run = `KILL${Date.now().toString(36)}`;
    const keys: TerminalKey[] = ['SHOP-06', 'SHOP-07', 'SHOP-08'].map(demoTerminal);
    const batches = keys.map((key) => Array.from({ length: 15 }, () => ({ key, body: { sales: Array.from({ length: 20 }, () => newSale(run, 900)) } })));
    let answered = 0;
    const load = Promise.all(
      batches.map(async (list) => {
        const answers = [];
        for (const { key, body } of list) {
          const a = await postSignedUntilAnswered(lb.url, key, '/api/v1/pos/sales', body);
          expect(a.status, JSON.stringify(a.body)).toBe(200);
          answers.push(a.body.results as { status: string }[]);
          answered++;
        }
        return answers;
      }),
    );
    await waitFor('some sales answered', async () => (answered >= 3 ? true : undefined), 120_000, 50);
    const upload = await uploadImport(staff, file);
    expect(upload.status, JSON.stringify(upload.body)).toBe(202);
    const { job_id: jobId } = await one<{ job_id: string }>('select job_id from member_import where id = $1', [upload.body.id]);
    // Kill whichever instance holds the import job, while the sales keep coming.
    const holder = await waitFor('the import job running', async () => {
      const j = await one<{ status: string; locked_by: string | null }>('select status, locked_by from job where id = $1', [jobId]);
      if (j.status === 'succeeded' || j.status === 'failed') return `too late: ${j.status}`;
      return j.status === 'running' && j.locked_by ? j.locked_by.split(':')[0] : undefined;
    }, 120_000, 50);
    expect(holder, 'the import finished before the kill (make the file bigger)').toMatch(/^[ab]$/);
    expect(answered).toBeLessThan(45);
    const victim = holder === 'a' ? a : b;
    const survivor = holder === 'a' ? b : a;
    await victim.kill('SIGKILL');
    const answers = await load;
    // A batch the victim committed just before it died, whose answer was lost, is sent again and
    // answered as a duplicate: both mean stored once (the counts below prove nothing is lost or doubled).
    const statuses = answers.flat(2).map((r) => r.status);
    expect(statuses.filter((s) => s !== 'accepted' && s !== 'duplicate'), JSON.stringify(statuses.reduce<Record<string, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {}))).toEqual([]);

    // Every client sends everything again: all answered as duplicates, nothing counted twice.
    const again = await Promise.all(batches.map(async (list) => Promise.all(list.map(({ key, body }) => postSignedUntilAnswered(lb.url, key, '/api/v1/pos/sales', body)))));
    for (const a of again.flat()) expect((a.body.results as { status: string }[]).every((r) => r.status === 'duplicate')).toBe(true);
    const sales = await one<{ n: number }>('select count(*)::int as n from fund_sale where sale_id like $1', [`${run}-%`]);
    expect(sales.n).toBe(3 * 15 * 20);
    const after = (await (await fetch(`${lb.url}/api/v1/public/fund/summary`)).json()) as { totalFen: number };
    expect(after.totalFen - before.totalFen).toBe(3 * 15 * 20 * 10);

    // The lease runs out (30 s) and the survivor runs the job again, to the end.
    const job = await waitFor('the import job taken over', async () => {
      const j = await one<{ status: string; attempts: number }>('select status, attempts from job where id = $1', [jobId]);
      return ['succeeded', 'failed'].includes(j.status) ? j : undefined;
    }, 300_000, 500);
    expect(job).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(loggedBy('job succeeded', 'jobId', jobId)).toEqual([survivor.name]);
    const batch = await staff.at(survivor.url).get(`/api/v1/members/imports/${upload.body.id}`);
    expect(batch.body).toMatchObject({ status: 'checked', totalRows: 30_000 });
  });
});

/** A collective-join sheet of n fictitious members (valid ID check digits) in JB-GYQ-LH. */
async function memberWorkbook(n: number, seed: number): Promise<Buffer> {
  const { idNumberCheckChar } = await import('@niangjia/contracts');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('会员');
  sheet.addRow(['姓名*', '身份证号*', '手机号', '工会编码*', '用工形式*', '工作单位', '统一社会信用代码', '行业', '是否农民工', '所在街道代码']);
  for (let i = 0; i < n; i++) {
    // Area, birth date (distinct per row), sequence: unique for far more rows than we make.
    const year = 1970 + (i % 30);
    const month = 1 + (Math.floor(i / 30) % 12);
    const day = 1 + (Math.floor(i / 360) % 28);
    const first17 = `500105${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String((Math.floor(i / 10_080) % 500) + seed * 500).padStart(3, '0')}`;
    sheet.addRow([`测试${i}`, first17 + idNumberCheckChar(first17), null, 'JB-GYQ-LH', '外卖骑手', '某配送站', null, '交通运输', '是', '500105006']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function uploadImport(staff: Session, file: Buffer) {
  const { id: orgId } = await one<{ id: string }>("select id from org where code = 'JB-GYQ'");
  return staff.raw('POST', `/api/v1/members/imports?orgId=${orgId}&fileName=cluster.xlsx`, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

