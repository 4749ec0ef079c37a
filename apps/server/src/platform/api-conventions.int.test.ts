import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../test/harness';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ bodyLimit: 4096 });
  admin = await t.login('jb.admin');
});
afterAll(() => t.close());

const isProblem = (res: { headers: Record<string, unknown>; body: any }) => {
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: expect.any(Number), code: expect.any(String), requestId: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
};

describe('API conventions', () => {
  it('health says which database and version', async () => {
    const res = await t.anon.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: t.database.kind, version: '0.1.0', instance: t.config.instanceId });
  });

  it('puts a request id on every response, and keeps a sane incoming one', async () => {
    const res = await t.anon.get('/api/health');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await t.anon.get('/api/health', { 'x-request-id': 'lb-trace-12345678' });
    expect(traced.headers['x-request-id']).toBe('lb-trace-12345678');
    const bad = await t.anon.get('/api/health', { 'x-request-id': '<script>' });
    expect(bad.headers['x-request-id']).not.toBe('<script>');
  });

  it('answers malformed JSON with 400 problem+json in the caller language', async () => {
    const zh = await admin.post('/api/v1/orgs', '{"code": "X",');
    expect(zh.status).toBe(400);
    isProblem(zh);
    expect(zh.body.code).toBe('MALFORMED_JSON');
    expect(zh.body.title).toBe('请求内容不是有效的 JSON');
    const en = await admin.withLang('en').post('/api/v1/orgs', '{bad');
    expect(en.body.title).toBe('The request body is not valid JSON');
  });

  it('names every wrong, missing and unknown field', async () => {
    const res = await admin.post('/api/v1/orgs', { code: 123, type: 'castle', name: 'x', surprise: true });
    expect(res.status).toBe(400);
    isProblem(res);
    const byPath = Object.fromEntries(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      code: '应为文本',
      type: expect.stringContaining('应为以下之一'),
      parentId: '必填',
      name: '至少 2 个字符',
      surprise: '不允许的字段',
    });
  });

  it('refuses an oversized body with 413', async () => {
    const res = await admin.post('/api/v1/orgs', { code: 'JB-BIG', type: 'park', parentId: await t.orgId('JB'), name: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    isProblem(res);
    expect(res.body.detail).toContain('4096');
  });

  it('refuses bad pagination and names the parameter', async () => {
    for (const q of ['pageSize=1000', 'pageSize=0', 'page=-1', 'page=abc']) {
      const res = await admin.get(`/api/v1/orgs?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.errors[0].path).toBe(`query.${q.split('=')[0]}`);
    }
    const big = await admin.get('/api/v1/orgs?pageSize=1000');
    expect(big.body.errors[0].message).toBe('不能大于 200');
    const ok = await admin.get('/api/v1/orgs?page=2&pageSize=5');
    expect(ok.body).toMatchObject({ page: 2, pageSize: 5, total: expect.any(Number) });
    expect(ok.body.items).toHaveLength(5);
  });

  it('answers an unknown route and a bad id with problem+json', async () => {
    const route = await t.anon.get('/api/v1/no-such-thing');
    expect(route.status).toBe(404);
    isProblem(route);
    expect(route.body.code).toBe('ROUTE_NOT_FOUND');
    const id = await admin.get('/api/v1/orgs/not-a-uuid');
    expect(id.status).toBe(400);
    expect(id.body.errors[0]).toMatchObject({ path: 'params.id', message: '不是有效的 ID' });
    const missing = await admin.get('/api/v1/orgs/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('组织不存在，或不在您的管辖范围内');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await admin.request('POST', '/api/v1/orgs', 'code=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    isProblem(res);
  });

  it('publishes OpenAPI 3.1 and browsable docs', async () => {
    const doc = await t.anon.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/orgs', '/api/v1/orgs/{id}', '/api/v1/auth/login', '/api/v1/audit-entries', '/api/v1/users']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('turns an unexpected failure into a generic 500 without internals', async () => {
    await t.database.exec('alter table org rename column short_name to short_name_gone');
    try {
      const res = await admin.get(`/api/v1/orgs/${await t.orgId('JB')}`);
      expect(res.status).toBe(500);
      isProblem(res);
      expect(res.body.code).toBe('INTERNAL');
      expect(res.body.detail).toContain(res.body.requestId);
      expect(JSON.stringify(res.body)).not.toContain('short_name');
    } finally {
      await t.database.exec('alter table org rename column short_name_gone to short_name');
    }
  });
});
