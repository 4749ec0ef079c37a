import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { journalTags } from '../db/migrate';
import { demoTerminalKey } from '../db/seed/demo-fund';
import { signPosRequest } from '../modules/fund';
import { Client, createTestApp, type TestApp } from '../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ metricsToken: 'metrics-token-0123456789', instanceId: 'test-a' });
});
afterAll(() => t.close());

/** A value of a metric line, e.g. sample(text, 'niangjia_jobs', { kind: 'x', status: 'queued' }). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + '{') && !line.startsWith(name + ' ')) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

const bearer = { authorization: 'Bearer metrics-token-0123456789' };

describe('liveness and readiness', () => {
  it('/api/health names the instance; /api/ready says the schema is current', async () => {
    const health = await t.anon.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', instance: 'test-a' });
    const ready = await t.anon.get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', instance: 'test-a', schema: journalTags().at(-1), newerMigrations: 0 });
  });

  it('/api/ready answers 503 while a migration of this code is not applied, and tolerates a newer release’s', async () => {
    const last = journalTags().at(-1)!;
    const [row] = await t.database.query<{ checksum: string; applied_at: string }>('select checksum, applied_at from schema_migration where tag = $1', [last]);
    await t.database.query('delete from schema_migration where tag = $1', [last]);
    try {
      const behind = await t.anon.withLang('en').get('/api/ready');
      expect(behind.status).toBe(503);
      expect(behind.body.code).toBe('NOT_READY');
      expect(behind.body.detail).toContain(last);
    } finally {
      await t.database.query('insert into schema_migration (tag, checksum, applied_at) values ($1, $2, $3)', [last, row!.checksum, row!.applied_at]);
    }
    await t.database.query("insert into schema_migration (tag, checksum) values ('9999_from_the_future', 'x')");
    try {
      const ahead = await t.anon.get('/api/ready');
      expect(ahead.status).toBe(200);
      expect(ahead.body.newerMigrations).toBe(1);
    } finally {
      await t.database.query("delete from schema_migration where tag = '9999_from_the_future'");
    }
  });
});

describe('/metrics', () => {
  it('needs the bearer token outside demo mode', async () => {
    expect((await t.anon.get('/metrics')).status).toBe(401);
    expect((await t.anon.get('/metrics', { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
    const ok = await t.anon.get('/metrics', bearer);
    expect(ok.status).toBe(200);
    expect(String(ok.headers['content-type'])).toContain('text/plain');
  });

  it('is off without a token outside demo mode, open in demo mode', async () => {
    const off = await buildApp({ config: { ...t.config, metricsToken: undefined }, database: t.database, logger: false, jobRunner: false, doors: false });
    const demo = await buildApp({ config: { ...t.config, metricsToken: undefined, isDemo: true }, database: t.database, logger: false, jobRunner: false, doors: false });
    try {
      expect((await new Client(off).get('/metrics')).status).toBe(404);
      expect((await new Client(demo).get('/metrics')).status).toBe(200);
    } finally {
      await off.close();
      await demo.close();
    }
  });

  it('counts requests per route pattern with latency, POS items, jobs by status and SSE clients', async () => {
    const admin = await t.login('jb.admin');
    const orgId = await t.orgId('JB-GYQ');
    for (let i = 0; i < 3; i++) expect((await admin.get(`/api/v1/orgs/${orgId}`)).status).toBe(200);
    expect((await admin.get('/api/v1/orgs/00000000-0000-0000-0000-000000000000')).status).toBe(404);

    const key = demoTerminalKey('SHOP-01');
    const body = JSON.stringify({ sales: [1, 2, 3].map((i) => ({ saleId: `M-${Date.now()}-${i}`, amountFen: 500, items: [], soldAt: new Date().toISOString() })) });
    const path = '/api/v1/pos/sales';
    const signed = await t.app.inject({ method: 'POST', url: path, headers: { ...signPosRequest({ ...key, method: 'POST', path, body }), 'content-type': 'application/json' }, payload: body });
    expect(signed.statusCode).toBe(200);

    await t.database.query("insert into job (kind, status) values ('test.metrics', 'queued'), ('test.metrics', 'queued'), ('test.metrics', 'failed')");
    const unsubscribe = t.app.fundLive.subscribe(() => undefined);
    try {
      const text = (await t.anon.get('/metrics', bearer)).body as string;
      expect(sample(text, 'niangjia_http_requests_total', { route: '/api/v1/orgs/:id', status: '200', instance_id: 'test-a' })).toBe(3);
      expect(sample(text, 'niangjia_http_requests_total', { route: '/api/v1/orgs/:id', status: '404' })).toBe(1);
      expect(sample(text, 'niangjia_http_request_duration_seconds_count', { route: '/api/v1/orgs/:id', method: 'GET' })).toBe(4);
      expect(sample(text, 'niangjia_http_request_duration_seconds_bucket', { route: '/api/v1/orgs/:id', le: '+Inf' })).toBe(4);
      expect(sample(text, 'niangjia_pos_items_total', { kind: 'sale', status: 'accepted' })).toBe(3);
      // One request of three sales: one group-commit transaction of one request.
      expect(sample(text, 'niangjia_pos_sale_group_requests_count')).toBe(1);
      expect(sample(text, 'niangjia_pos_sale_group_requests_bucket', { le: '1' })).toBe(1);
      expect(sample(text, 'niangjia_jobs', { kind: 'test.metrics', status: 'queued' })).toBe(2);
      expect(sample(text, 'niangjia_jobs', { kind: 'test.metrics', status: 'failed' })).toBe(1);
      expect(sample(text, 'niangjia_job_queue_depth')).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'niangjia_sse_clients')).toBe(1);
      expect(sample(text, 'niangjia_db_up')).toBe(1);
      if (t.database.kind === 'postgres') expect(sample(text, 'niangjia_db_pool_connections')).toBeGreaterThan(0);
      // No personal data or ids in label values: routes are patterns, not URLs.
      expect(text).not.toContain(orgId);
    } finally {
      unsubscribe();
      await t.database.query("delete from job where kind = 'test.metrics'");
    }
  });
});

describe('logs', () => {
  it('carry the instance id on every line', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = await buildApp({ config: { ...t.config, logLevel: 'info', instanceId: 'instance-b7' }, database: t.database, logStream: stream, jobRunner: false, doors: false });
    try {
      await new Client(app).get('/api/health');
      app.log.warn('a line of our own');
    } finally {
      await app.close();
    }
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => (JSON.parse(l) as { instance?: string }).instance === 'instance-b7')).toBe(true);
  });
});
