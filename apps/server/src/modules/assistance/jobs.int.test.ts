import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertCoord } from '../positions';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { DEMO_SPRING_PLACES } from './jobs.demo';

/**
 * 春送岗位 on the demo's Jiangbei: 观音桥's admin posts for 建设银行江北支行 (a grassroots union of
 * 观音桥), 五里店's admin cannot see or touch it; workers browse, apply once (also when two
 * requests race), are told of each mark; the last hire fills the job; the figures count it.
 */
let t: TestApp;
let gyq: Client;
let wld: Client;
let admin: Client;
let ccbId: string;
let gyqStreetId: string;
const inAYear = new Date(Date.now() + 8 * 3600_000 + 365 * 86_400_000).toISOString().slice(0, 10);
let phoneSeq = 0;
const worker = () => t.loginWorker(`1366600${String(++phoneSeq).padStart(4, '0')}`);

const job = (extra: Record<string, unknown> = {}) => ({
  orgId: ccbId,
  title: '大堂经理助理',
  description: '协助大堂经理做好客户引导。',
  requirements: '大专以上学历',
  employmentForm: 'full_time',
  payMinFen: 450_000,
  payMaxFen: 650_000,
  headcount: 2,
  address: '重庆市江北区建新北路 1 号',
  location: { lng: 106.535, lat: 29.578, crs: 'wgs84' },
  validUntil: inAYear,
  ...extra,
});

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function openJob(extra: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const draft = await ok<{ id: string; version: number }>(gyq.post('/api/v1/assistance/jobs/postings', job(extra)), 'post');
  return ok(gyq.post(`/api/v1/assistance/jobs/postings/${draft.id}/open`, { version: draft.version }), 'open');
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, gyq, wld] = await Promise.all([t.login('admin'), t.login('gyq.admin'), t.login('wld.admin')]);
  ccbId = await t.orgId('JB-CCB');
  gyqStreetId = await t.orgId('JB-GYQ');
}, 120_000);
afterAll(() => t.close());

describe('posting a job', () => {
  it('checks the pay range, the expiry, the employer and converts a GCJ-02 point to WGS-84', async () => {
    const pay = await gyq.post('/api/v1/assistance/jobs/postings', job({ payMinFen: 500_000, payMaxFen: 400_000 }));
    expect(pay.status).toBe(400);
    expect(pay.body.errors[0]).toMatchObject({ path: 'payMaxFen' });
    const past = await gyq.post('/api/v1/assistance/jobs/postings', job({ validUntil: '2020-01-01' }));
    expect(past.status).toBe(400);
    expect(past.body.errors[0]).toMatchObject({ path: 'validUntil' });
    const street = await gyq.post('/api/v1/assistance/jobs/postings', job({ orgId: gyqStreetId }));
    expect(street.status).toBe(400);
    expect(street.body.errors[0].message).toContain('基层工会');
    const negative = await gyq.post('/api/v1/assistance/jobs/postings', job({ payMinFen: -1 }));
    expect(negative.status).toBe(400);
    const fractional = await gyq.post('/api/v1/assistance/jobs/postings', job({ payMinFen: 100.5 }));
    expect(fractional.status).toBe(400);
    const noHead = await gyq.post('/api/v1/assistance/jobs/postings', job({ headcount: 0 }));
    expect(noHead.status).toBe(400);

    const gcj = await ok(gyq.post('/api/v1/assistance/jobs/postings', job({ title: '<img src=x onerror=alert(1)>', location: { lng: 106.54, lat: 29.575, crs: 'gcj02' } })), 'gcj');
    const [lng, lat] = convertCoord([106.54, 29.575], 'gcj02', 'wgs84');
    expect(gcj.lng).toBeCloseTo(lng, 6);
    expect(gcj.lat).toBeCloseTo(lat, 6);
    expect(gcj).toMatchObject({ status: 'draft', employerName: '中国建设银行重庆江北支行', title: '<img src=x onerror=alert(1)>' });
  });

  it('keeps another street’s staff out: not listed, not read, not changed', async () => {
    const mine = await ok<{ id: string; version: number }>(gyq.post('/api/v1/assistance/jobs/postings', job()), 'post');
    expect((await wld.get(`/api/v1/assistance/jobs/postings/${mine.id}`)).status).toBe(404);
    expect((await wld.put(`/api/v1/assistance/jobs/postings/${mine.id}`, { ...job(), orgId: undefined, version: mine.version })).status).toBe(404);
    expect((await wld.post(`/api/v1/assistance/jobs/postings/${mine.id}/open`, { version: mine.version })).status).toBe(404);
    const listed = await ok<{ items: { id: string }[] }>(wld.get('/api/v1/assistance/jobs/postings?pageSize=200'), 'list');
    expect(listed.items.map((j) => j.id)).not.toContain(mine.id);
    const theirs = await wld.post('/api/v1/assistance/jobs/postings', job());
    expect(theirs.status).toBe(400);
    expect(theirs.body.errors[0]).toMatchObject({ path: 'orgId' });
    expect((await gyq.get(`/api/v1/assistance/jobs/postings/${mine.id}`)).status).toBe(200);
  });

  it('attaches a job fair (an event) the caller can see, and the phone shows it', async () => {
    const fairs = await ok<{ id: string; title: string }[]>(gyq.get('/api/v1/assistance/jobs/fairs'), 'fairs');
    const fair = fairs.find((f) => f.title.includes('招聘会'));
    expect(fair).toBeDefined();
    const unknown = await gyq.post('/api/v1/assistance/jobs/postings', job({ eventId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'eventId' });
    const opened = await openJob({ eventId: fair!.id, title: '招聘会岗位' });
    const w = await worker();
    const seen = await ok(w.get(`/api/v1/assistance/jobs/open/${opened.id}`), 'open job');
    expect(seen.fair).toMatchObject({ id: fair!.id, title: fair!.title });
    const atFair = await ok<{ items: { id: string }[] }>(w.get(`/api/v1/assistance/jobs/open?eventId=${fair!.id}&pageSize=200`), 'at fair');
    expect(atFair.items.map((j) => j.id)).toContain(opened.id);
    const detached = await ok(gyq.put(`/api/v1/assistance/jobs/postings/${opened.id}`, { ...job({ eventId: fair!.id, title: '改名' }), orgId: undefined, version: opened.version }), 'edit');
    expect(detached).toMatchObject({ title: '改名', fair: { id: fair!.id } });
  });

  it('refuses a headcount below those hired, and an edit of a closed job', async () => {
    const opened = await openJob({ headcount: 3 });
    const w = await worker();
    const a = await ok(w.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' }), 'apply');
    await ok(gyq.post(`/api/v1/assistance/jobs/applications/${a.id}/mark`, { status: 'hired', version: a.version }), 'hire');
    const current = await ok(gyq.get(`/api/v1/assistance/jobs/postings/${opened.id}`), 'get');
    expect(current.filled).toBe(1);
    const below = await gyq.put(`/api/v1/assistance/jobs/postings/${opened.id}`, { ...job({ headcount: 0 }), orgId: undefined, version: current.version });
    expect(below.status).toBe(400);
    const zero = await gyq.put(`/api/v1/assistance/jobs/postings/${opened.id}`, { ...job(), headcount: 1, orgId: undefined, version: current.version });
    // Down to the one already hired: the job is filled at once.
    expect(zero.status).toBe(200);
    expect(zero.body).toMatchObject({ status: 'filled', headcount: 1, filled: 1 });
    const closed = await ok(gyq.post(`/api/v1/assistance/jobs/postings/${opened.id}/close`, { version: zero.body.version }), 'close').catch(() => null);
    expect(closed).toBeNull();
  });
});

describe('a worker applies on the phone', () => {
  it('browses open jobs nearest first and by filter', async () => {
    const a = await openJob({ title: '近处岗位', location: { lng: 106.5301, lat: 29.5801, crs: 'wgs84' }, employmentForm: 'part_time', payPeriod: 'day', payMinFen: 15_000, payMaxFen: 20_000 });
    const w = await worker();
    const near = await ok<{ items: { id: string; distanceM: number | null }[]; areas: { id: string; name: string }[] }>(w.get('/api/v1/assistance/jobs/open?lng=106.53&lat=29.58&pageSize=5'), 'near');
    expect(near.items[0]!.id).toBe(a.id);
    expect(near.items[0]!.distanceM).toBeLessThan(50);
    const distances = near.items.map((i) => i.distanceM!);
    expect(distances).toEqual([...distances].sort((x, y) => x - y));
    expect(near.areas.some((x) => x.name.includes('观音桥'))).toBe(true);
    const partTime = await ok<{ items: { employmentForm: string }[] }>(w.get('/api/v1/assistance/jobs/open?employmentForm=part_time&pageSize=200'), 'part time');
    expect(partTime.items.every((i) => i.employmentForm === 'part_time')).toBe(true);
    // 200 元 a day ≈ 4,350 元 a month: shown for 4,000 元 wanted, not for 5,000 元.
    const pay4 = await ok<{ items: { id: string }[] }>(w.get('/api/v1/assistance/jobs/open?employmentForm=part_time&minPayFen=400000&pageSize=200'), '4000');
    expect(pay4.items.map((i) => i.id)).toContain(a.id);
    const pay5 = await ok<{ items: { id: string }[] }>(w.get('/api/v1/assistance/jobs/open?employmentForm=part_time&minPayFen=500000&pageSize=200'), '5000');
    expect(pay5.items.map((i) => i.id)).not.toContain(a.id);
    const area = await ok<{ items: { id: string }[] }>(w.get(`/api/v1/assistance/jobs/open?areaId=${await t.orgId('JB-WLD')}&pageSize=200`), 'area');
    expect(area.items.map((i) => i.id)).not.toContain(a.id);
    // A draft is not on the phone.
    const draft = await ok<{ id: string }>(gyq.post('/api/v1/assistance/jobs/postings', job()), 'draft');
    expect((await w.get(`/api/v1/assistance/jobs/open/${draft.id}`)).status).toBe(404);
    expect((await w.post(`/api/v1/assistance/jobs/open/${draft.id}/apply`, {})).status).toBe(404);
  });

  it('applies once: a second time is refused in both languages, and two at once make one row', async () => {
    const opened = await openJob();
    const w = await worker();
    const first = await w.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '<b>有经验</b>' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'applied', note: '<b>有经验</b>' });
    const again = await w.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({ code: 'JOBS_ALREADY_APPLIED', title: expect.stringContaining('已投递') });
    const en = await w.withLang('en').post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' });
    expect(en.body.title).toContain('already applied');

    const racer = await worker();
    const results = await Promise.all(Array.from({ length: 6 }, () => racer.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const [rows] = await t.database.query<{ n: number }>("select count(*)::int as n from job_application where posting_id = $1", [opened.id]);
    expect(rows!.n).toBe(2);
    const mine = await ok<{ items: { postingId: string; status: string }[] }>(racer.get('/api/v1/assistance/jobs/mine'), 'mine');
    expect(mine.items.filter((m) => m.postingId === opened.id)).toHaveLength(1);
  });

  it('withdraws before a decision and may apply again; another worker’s application is not theirs', async () => {
    const opened = await openJob();
    const w = await worker();
    const other = await worker();
    const a = await ok(w.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' }), 'apply');
    expect((await other.post(`/api/v1/assistance/jobs/mine/${a.id}/withdraw`, { version: a.version })).status).toBe(404);
    const withdrawn = await ok(w.post(`/api/v1/assistance/jobs/mine/${a.id}/withdraw`, { version: a.version }), 'withdraw');
    expect(withdrawn.status).toBe('withdrawn');
    const back = await ok(w.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '再次投递' }), 'reapply');
    expect(back).toMatchObject({ id: a.id, status: 'applied' });
  });

  it('tells the applicant of each mark; the staff see the phone masked and reveal it with an audit entry', async () => {
    const opened = await openJob({ title: '柜员' });
    const w = await worker();
    const a = await ok(w.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' }), 'apply');
    const todos = await ok<{ groups: { kind: string; items: { id: string }[] }[] }>(gyq.get('/api/v1/me/todos?limit=50'), 'todos');
    expect(todos.groups.find((g) => g.kind === 'job_application')?.items.map((i) => i.id)).toContain(a.id);
    const list = await ok<{ items: { id: string; phoneMasked: string; version: number }[] }>(gyq.get(`/api/v1/assistance/jobs/postings/${opened.id}/applications`), 'applications');
    const row = list.items.find((i) => i.id === a.id)!;
    expect(row.phoneMasked).toMatch(/^136\*\*\*\*\d{4}$/);
    const viewed = await ok(gyq.post(`/api/v1/assistance/jobs/applications/${a.id}/mark`, { status: 'viewed', version: row.version }), 'viewed');
    const interview = await ok(gyq.post(`/api/v1/assistance/jobs/applications/${a.id}/mark`, { status: 'interview', version: viewed.version }), 'interview');
    const stale = await gyq.post(`/api/v1/assistance/jobs/applications/${a.id}/mark`, { status: 'hired', version: viewed.version });
    expect(stale.status).toBe(409);
    await ok(gyq.post(`/api/v1/assistance/jobs/applications/${a.id}/mark`, { status: 'hired', version: interview.version }), 'hired');
    const messages = ((await w.get('/api/v1/me/notifications')).body.items as { kind: string; body: string }[]).filter((m) => m.kind === 'jobs.application');
    expect(messages).toHaveLength(3);
    expect(messages.map((m) => m.body).join('|')).toContain('已录用');
    const mine = await ok<{ items: { id: string; status: string }[] }>(w.get('/api/v1/assistance/jobs/mine'), 'mine');
    expect(mine.items.find((m) => m.id === a.id)?.status).toBe('hired');
    // A hire is final for the worker: no withdrawal.
    expect((await w.post(`/api/v1/assistance/jobs/mine/${a.id}/withdraw`, { version: 4 })).status).toBe(409);

    const revealed = await ok<{ phone: string }>(gyq.post(`/api/v1/assistance/jobs/applications/${a.id}/reveal`), 'reveal');
    expect(revealed.phone).toMatch(/^1366600\d{4}$/);
    const [audit] = await t.database.query<{ n: number }>("select count(*)::int as n from audit_entry where action = 'personal_data.read' and entity_type = 'job_application' and entity_id = $1", [a.id]);
    expect(audit!.n).toBe(1);
    expect((await wld.post(`/api/v1/assistance/jobs/applications/${a.id}/reveal`)).status).toBe(404);
  });

  it('fills the job with the last hire: no more applications', async () => {
    const opened = await openJob({ headcount: 2 });
    const [w1, w2, w3, w4] = [await worker(), await worker(), await worker(), await worker()];
    const a1 = await ok(w1.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' }), 'a1');
    const a2 = await ok(w2.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' }), 'a2');
    const a4 = await ok(w4.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' }), 'a4');
    await ok(gyq.post(`/api/v1/assistance/jobs/applications/${a1.id}/mark`, { status: 'hired', version: a1.version }), 'hire 1');
    expect((await ok(gyq.get(`/api/v1/assistance/jobs/postings/${opened.id}`), 'get')).status).toBe('open');
    await ok(gyq.post(`/api/v1/assistance/jobs/applications/${a2.id}/mark`, { status: 'hired', version: a2.version }), 'hire 2');
    const filled = await ok(gyq.get(`/api/v1/assistance/jobs/postings/${opened.id}`), 'get');
    expect(filled).toMatchObject({ status: 'filled', filled: 2, headcount: 2 });
    const beyond = await gyq.post(`/api/v1/assistance/jobs/applications/${a4.id}/mark`, { status: 'hired', version: a4.version });
    expect(beyond.status).toBe(409);
    expect(beyond.body.code).toBe('JOBS_FILLED');
    const late = await w3.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('JOBS_NOT_OPEN');
    // The hired worker still follows their job after it filled.
    expect((await w1.get(`/api/v1/assistance/jobs/open/${opened.id}`)).status).toBe(200);
    expect((await w3.get(`/api/v1/assistance/jobs/open/${opened.id}`)).status).toBe(404);
  });
});

describe('the last place', () => {
  it('goes to one of two hires made at once; the other is refused and the job never passes its headcount', async () => {
    const opened = await openJob({ headcount: 1 });
    const apps = [];
    for (let i = 0; i < 4; i++) apps.push(await ok((await worker()).post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' }), `apply ${i}`));
    const results = await Promise.all(apps.map((a) => gyq.post(`/api/v1/assistance/jobs/applications/${a.id}/mark`, { status: 'hired', version: a.version })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'JOBS_FILLED')).toBe(true);
    const [row] = await t.database.query<{ filled: number; status: string; hired: number }>(
      "select j.filled, j.status, (select count(*)::int from job_application x where x.posting_id = j.id and x.status = 'hired') as hired from job_posting j where j.id = $1",
      [opened.id],
    );
    expect(row).toEqual({ filled: 1, status: 'filled', hired: 1 });
  });
});

describe('figures', () => {
  it('counts the demo spring’s 11,000 places and the places and applications of jobs opened today', async () => {
    const [spring] = await t.database.query<{ n: number }>(
      "select coalesce(sum(headcount), 0)::int as n from job_posting j join org o on o.id = j.org_id where o.path like (select path || '%' from org where code = 'JB') and j.status in ('closed','filled') and j.opened_at < now() - interval '30 days'",
    );
    expect(spring!.n).toBe(DEMO_SPRING_PLACES);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const read = async () => {
      const res = await ok<{ items: { key: string; value: number | null }[] }>(admin.get(`/api/v1/indicators/values?org=${ccbId}&date=${today}&keys=jobs.offered,jobs.applications`), 'indicators');
      return Object.fromEntries(res.items.map((i) => [i.key, i.value]));
    };
    const before = await read();
    const opened = await openJob({ headcount: 7 });
    const w = await worker();
    await ok(w.post(`/api/v1/assistance/jobs/open/${opened.id}/apply`, { note: '' }), 'apply');
    const after = await read();
    expect(after['jobs.offered']).toBe((before['jobs.offered'] ?? 0) + 7);
    expect(after['jobs.applications']).toBe((before['jobs.applications'] ?? 0) + 1);
  });
});
