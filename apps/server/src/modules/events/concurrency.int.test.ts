import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { publishedEvent, workers, type Worker } from './testing';

/**
 * Sign-up bursts against the database's guards. On PostgreSQL (NIANGJIA_TEST_DB=postgres) the
 * requests really run at once over a pool; PGlite serialises them. Either way no place is sold
 * twice: the counters' conditional updates and CHECK constraints decide, not the service's reads.
 */
let t: TestApp;
let admin: Client;
let crowd: Worker[];
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('jb.admin');
  crowd = await workers(t, 'JB', 200);
});
afterAll(async () => t?.close());

// 200 requests at once on a saturated 2-core machine can take well over 30 s.
describe('200 concurrent sign-ups', { timeout: 300_000 }, () => {
  it('fills 50 places exactly: 50 confirmed, 150 told it is full, nothing oversold or half-written', async () => {
    const e = await publishedEvent(t, admin, { capacity: 50, visibility: 'public', title: '三人篮球邀请赛观赛' });
    const results = await Promise.all(crowd.map((w) => w.client.post(`/api/v1/events/open/${e.id}/sign-up`, {})));
    const unexpected = results.filter((r) => r.status !== 201 && !(r.status === 409 && r.body.code === 'EVENT_FULL')).map((r) => `${r.status} ${JSON.stringify(r.body)}`);
    expect(unexpected).toEqual([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(50);
    const [row] = await t.database.query<{ taken: number; capacity: number; confirmed: number }>(
      `select e.taken, e.capacity, (select count(*)::int from event_registration r where r.event_id = e.id and r.status = 'confirmed') as confirmed from event e where e.id = $1`,
      [e.id],
    );
    expect(row).toEqual({ taken: 50, capacity: 50, confirmed: 50 });
  });

  it('with quotas per group and the waiting list: every quota filled exactly, the rest waiting in one unbroken order', async () => {
    const men = crowd.filter((w) => w.sex === 'male').length;
    const women = crowd.length - men;
    expect(men).toBeGreaterThan(20);
    expect(women).toBeGreaterThan(30);
    const e = await publishedEvent(t, admin, {
      capacity: 50,
      visibility: 'public',
      type: 'matchmaking',
      title: '单身职工联谊（并发）',
      quotas: [
        { kind: 'group', group: 'male', capacity: 20 },
        { kind: 'group', group: 'female', capacity: 30 },
      ],
    });
    const results = await Promise.all(crowd.map((w) => w.client.post(`/api/v1/events/open/${e.id}/sign-up`, { waitlist: true })));
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    const rows = await t.database.query<{ group_key: string; status: string; n: number }>(
      `select group_key, status, count(*)::int as n from event_registration where event_id = $1 group by 1, 2 order by 1, 2`,
      [e.id],
    );
    const count = (g: string, s: string) => rows.find((r) => r.group_key === g && r.status === s)?.n ?? 0;
    expect(count('male', 'confirmed')).toBe(20);
    expect(count('female', 'confirmed')).toBe(30);
    expect(count('male', 'waiting') + count('female', 'waiting')).toBe(150);
    const quotas = await t.database.query<{ group_key: string; taken: number }>(`select group_key, taken from event_quota where event_id = $1 order by 1`, [e.id]);
    expect(quotas).toEqual([
      { group_key: 'female', taken: 30 },
      { group_key: 'male', taken: 20 },
    ]);
    const [ev] = await t.database.query<{ taken: number }>('select taken from event where id = $1', [e.id]);
    expect(ev!.taken).toBe(50);
    const positions = (await admin.get(`/api/v1/events/${e.id}/registrations?status=waiting&pageSize=200`)).body.items.map((r: { waitingPosition: number }) => r.waitingPosition);
    expect(positions).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
  });

  it('one worker tapping sign-up ten times at once gets one place; the rest are told they are registered', async () => {
    const e = await publishedEvent(t, admin, { capacity: 5, visibility: 'public', title: '连点报名' });
    const [w] = crowd;
    const results = await Promise.all(Array.from({ length: 10 }, () => w!.client.post(`/api/v1/events/open/${e.id}/sign-up`, { waitlist: true })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.code}`)).toEqual(Array.from({ length: 9 }, () => '409 EVENT_ALREADY_REGISTERED'));
    const [row] = await t.database.query<{ taken: number; live: number }>(
      `select e.taken, (select count(*)::int from event_registration r where r.event_id = e.id and r.status in ('confirmed','waiting','offered')) as live from event e where e.id = $1`,
      [e.id],
    );
    expect(row).toEqual({ taken: 1, live: 1 });
  });
});
