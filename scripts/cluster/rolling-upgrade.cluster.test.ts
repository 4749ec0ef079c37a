/**
 * Rolling upgrade (issue 18, point 5): the previous release's code (scripts/cluster/PREVIOUS_RELEASE)
 * runs a deployment; this release's instance joins it on the same database, migrating it as it
 * starts (expand), and both serve through nginx side by side: sign-ins, reads, writes, POS sales,
 * sessions made by one used on the other. Fails when a migration breaks the previous release.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalTags } from '../../apps/server/src/db/migrate';
import { startInstance, startMosquitto, startNginx, startPostgres, upstreamOf, type Instance, type Nginx, type Postgres } from './cluster';
import { demoTerminal, newSale, postSigned, signInStaff, signInWorker } from './clients';
import { checkoutPreviousRelease, type Checkout } from './previous-release';

let pgs: Postgres;
let mqtt: { url: string; stop(): Promise<void> };
let previous: Checkout;
let old: Instance;
let next: Instance;
let lb: Nginx;
let pool: pg.Pool;
const both = () => [old, next];

beforeAll(async () => {
  pgs = await startPostgres();
  const dbUrl = pgs.url(await pgs.createDatabase());
  mqtt = await startMosquitto();
  previous = checkoutPreviousRelease();
  // The previous release makes the database as it was (its migrations, its demo data)…
  old = await startInstance({ name: 'old', root: previous.root, databaseUrl: dbUrl, mqttUrl: mqtt.url });
  pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  // …then this release joins, migrating it while the old instance keeps serving.
  next = await startInstance({ name: 'new', databaseUrl: dbUrl, mqttUrl: mqtt.url });
  lb = await startNginx([old.port, next.port]);
}, 600_000);

afterAll(async () => {
  await lb?.stop();
  for (const i of [old, next]) await i?.kill('SIGTERM');
  await pool?.end();
  previous?.remove();
  await mqtt?.stop();
  await pgs?.stop();
}, 120_000);

describe('the previous release and this one on one database', () => {
  it('the database carries this release’s migrations, the old code’s among them', async () => {
    const applied = (await pool.query<{ tag: string }>('select tag from schema_migration order by tag')).rows.map((r) => r.tag);
    expect(applied).toEqual(journalTags());
    const ready = await fetch(`${next.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect((await (await fetch(`${old.url}/api/health`)).json()) as object).toMatchObject({ status: 'ok' });
  });

  it('staff sign in and work through nginx on both versions; a session from one works on the other', { timeout: 300_000 }, async () => {
    const staff = await signInStaff(lb.url, 'jb.admin');
    const { id: gyq } = (await pool.query<{ id: string }>("select id from org where code = 'JB-GYQ'")).rows[0]!;
    const served = new Set<string>();
    const created = await staff.post('/api/v1/orgs', { code: `JB-GYQ-RU${Date.now().toString(36).slice(-4).toUpperCase()}`, type: 'joint', parentId: gyq, name: '升级测试联合工会' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    served.add(upstreamOf(created.res, both()));
    for (let i = 0; i < 6; i++) {
      const read = await staff.get(`/api/v1/orgs/${created.body.id}`);
      expect(read.status).toBe(200);
      served.add(upstreamOf(read.res, both()));
      const positions = await staff.get('/api/v1/positions?pageSize=20');
      expect(positions.status).toBe(200);
      expect(positions.body.items.length).toBeGreaterThan(0);
      served.add(upstreamOf(positions.res, both()));
    }
    expect([...served].sort()).toEqual(['new', 'old']);
    for (const i of both()) expect((await staff.at(i.url).get('/api/v1/auth/me')).status, i.name).toBe(200);
    // A worker signs in (code sent by whichever) and finds stations on both.
    const worker = await signInWorker(lb.url, '13800000002', both());
    for (const i of both()) expect((await worker.at(i.url).get('/api/v1/auth/me')).status, i.name).toBe(200);
    for (const i of both()) expect((await fetch(`${i.url}/api/v1/positions/nearest?lng=106.53&lat=29.58&limit=5&openNow=false`)).status, i.name).toBe(200);
  });

  it('POS sales written by both versions count once each, and rows the old code wrote carry the new shard key', { timeout: 300_000 }, async () => {
    const run = `RU${Date.now().toString(36)}`;
    for (const i of both()) {
      for (let n = 0; n < 5; n++) {
        const a = await postSigned(i.url, demoTerminal('SHOP-02'), '/api/v1/pos/sales', newSale(run));
        expect(a.status, `${i.name}: ${JSON.stringify(a.body)}`).toBe(200);
        expect(a.body.status).toBe('accepted');
      }
    }
    const { rows } = await pool.query<{ n: number; keyed: number }>('select count(*)::int as n, count(district_id)::int as keyed from fund_sale where sale_id like $1', [`${run}-%`]);
    expect(rows[0]).toEqual({ n: 10, keyed: 10 });
    const summaries = await Promise.all(both().map(async (i) => ((await (await fetch(`${i.url}/api/v1/public/fund/summary`)).json()) as { totalFen: number }).totalFen));
    expect(summaries[0]).toBe(summaries[1]);
  });

  it('breakfast cards issued by both versions are kept, and those the old code issued carry their issuing union', { timeout: 300_000 }, async () => {
    const staff = await signInStaff(lb.url, 'jb.admin');
    const tail = Date.now().toString().slice(-6);
    const ids: string[] = [];
    for (const [n, i] of both().entries()) {
      const issued = await staff.at(i.url).post('/api/v1/breakfast-cards', { holderName: `升级测试${n}`, phone: `1390${n}${tail}`.slice(0, 11), employer: '江北区城市管理局' });
      expect(issued.status, `${i.name}: ${JSON.stringify(issued.body)}`).toBe(201);
      ids.push(issued.body.id as string);
    }
    const { rows } = await pool.query<{ n: number; with_org: number }>('select count(*)::int as n, count(org_id)::int as with_org from breakfast_card where id = any($1)', [ids]);
    expect(rows[0]).toEqual({ n: 2, with_org: 2 });
  });
});
