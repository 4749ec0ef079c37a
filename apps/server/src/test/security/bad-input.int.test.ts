import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../harness';
import { loadOperations, sampleUrl } from './openapi-operations';

// Issue 9.6: NUL bytes, lone surrogates and impossible dates reached PostgreSQL (or `new Date`) and
// answered 500 on 37 routes, anonymous sign-in among them. They are refused once, before any
// route's own validation, so every route — including the ones added later — answers 400.

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  // The sweep calls every route as one account: it also acts as a marketplace provider and judge
  // here (roles nobody on staff holds), so those routes reach their validation rather than a 403.
  await t.database.query(`insert into role_grant (user_id, role) select id, r from app_user, unnest(array['provider', 'judge']) r where username = 'admin'`);
});
afterAll(() => t.close());

const expectRefused = (res: { status: number; body: any }, path: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
};

describe('bad input is refused at the validation layer', () => {
  it('a NUL byte in anonymous sign-in is a 400 on the field, not a 500', async () => {
    expectRefused(await t.anon.post('/api/v1/auth/login', { login: 'adm\u0000in', password: 'x'.repeat(10) }), 'login');
    expectRefused(await t.anon.post('/api/v1/auth/sms-code', { phone: '1380000000\u0000' }), 'phone');
  });

  it('a lone surrogate is a 400, in a body, a query and a key', async () => {
    expectRefused(await admin.post('/api/v1/orgs', { code: 'JB-X1', type: 'park', parentId: await t.orgId('JB'), name: '园区\ud800' }), 'name');
    expectRefused(await admin.get('/api/v1/members?q=abc%00'), 'query.q');
    expectRefused(await t.anon.post('/api/v1/auth/login', { login: 'admin', password: 'x'.repeat(10), ['k\udc00']: 1 }), 'k\ufffd');
  });

  it('impossible dates and year 0000 are 400 wherever they appear', async () => {
    expectRefused(await admin.get('/api/v1/members?joinedFrom=2026-02-30'), 'query.joinedFrom');
    expectRefused(await admin.get('/api/v1/members?joinedFrom=0000-01-01'), 'query.joinedFrom');
    expectRefused(await admin.get('/api/v1/door-entries?from=2026-13-01T00:00:00%2B08:00'), 'query.from');
    expectRefused(await admin.get('/api/v1/door-entries?from=2026-01-01T25:00:00%2B08:00'), 'query.from');
  });

  it('a NUL in a path parameter is a 400', async () => {
    expectRefused(await admin.get('/api/v1/orgs/%00'), 'params.id');
  });

  it('a body nested deeper than any contract is refused before it is walked', async () => {
    const deep = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`;
    const res = await t.anon.post('/api/v1/auth/login', `{"login":"admin","password":"xxxxxxxxxx","deep":${deep}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 'FIELD_TOO_DEEP' });
  });

  it('every documented route answers 400 (never 500) to a NUL, a lone surrogate or 2026-02-30 in each input', async () => {
    const failures: string[] = [];
    const ops = await loadOperations(t.anon);
    for (const op of ops) {
      for (const bad of ['\u0000', 'a\ud800', '2026-02-30']) {
        const probes: { what: string; url: string; body?: unknown }[] = [];
        // A lone surrogate cannot travel in a URL (percent-decoding never makes one): bodies only.
        const inUrl = bad !== 'a\ud800';
        if (inUrl) for (const p of op.pathParams) probes.push({ what: `params.${p}`, url: sampleUrl(op.path, { [p]: bad }) });
        if (inUrl) for (const q of op.queryParams) probes.push({ what: `query.${q}`, url: `${sampleUrl(op.path)}?${q}=${encodeURIComponent(bad)}` });
        if (op.hasJsonBody) for (const f of op.bodyFields.length ? op.bodyFields : ['x']) probes.push({ what: f, url: sampleUrl(op.path), body: { [f]: bad } });
        for (const probe of probes) {
          const res = await admin.request(op.method, probe.url, probe.body ?? (op.hasJsonBody ? {} : undefined));
          if (res.status !== 400 || !res.body?.errors?.some((e: { path: string }) => e.path === probe.what)) {
            failures.push(`${op.method} ${op.path} ${probe.what}=${JSON.stringify(bad)} → ${res.status} ${res.body?.code ?? ''}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Hundreds of requests: minutes on a saturated 2-core machine; a safety net, not a speed check.
  }, 600_000);

  it('every documented route answers below 500 to an id-shaped string that is not a uuid, in each path and query parameter', async () => {
    // 36 characters of hex and dashes passed a loose /^[0-9a-f-]{36}$/ "is it an id or a code" test
    // and reached a uuid column as 22P02 (the public roadshow screen, the library's org filter).
    const failures: string[] = [];
    const ops = await loadOperations(t.anon);
    for (const op of ops) {
      for (const bad of ['-'.repeat(36), '0'.repeat(36)]) {
        const urls = [...op.pathParams.map((p) => sampleUrl(op.path, { [p]: bad })), ...op.queryParams.map((q) => `${sampleUrl(op.path)}?${q}=${bad}`)];
        for (const url of urls) {
          const res = await admin.request(op.method, url, op.hasJsonBody ? {} : undefined);
          if (res.status >= 500) failures.push(`${op.method} ${url} → ${res.status} ${res.body?.code ?? ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
