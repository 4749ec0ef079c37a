import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { Client, type TestApp } from '../../test/harness';

/** Test helpers of the events module: members with accounts and sessions, and events made through the API. */
export const iso = (base: number, hours: number) => new Date(base + hours * 3600_000).toISOString();

/** Sessions for accounts, written directly (a worker's sign-in code is rate-limited per phone). */
export async function sessionsFor(t: TestApp, userIds: string[]): Promise<Client[]> {
  const out: Client[] = [];
  for (const userId of userIds) {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await t.database.query(`insert into session (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '1 day')`, [
      createHash('sha256').update(token).digest('base64url'),
      userId,
      csrf,
    ]);
    out.push(new Client(t.app, `nj_sid=${token}`, csrf));
  }
  return out;
}

export type Worker = { membershipId: string; personId: string; userId: string; client: Client; sex: string; orgCode: string };

/**
 * `n` active members under an org (optionally of one sex or employment form) who have no account
 * yet, each given a worker account (as phone sign-in would make it) and a session.
 */
export async function workers(t: TestApp, orgCode: string, n: number, where: { sex?: 'male' | 'female'; employmentForm?: string } = {}): Promise<Worker[]> {
  const rows = await t.database.query<{ id: string; person_id: string; phone: string; sex: string; code: string }>(
    `select m.id, m.person_id, p.phone, p.sex, o.code from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
     where m.status = 'active' and p.user_id is null and p.phone is not null and o.path like (select path from org where code = $1) || '%'
       and ($3::text is null or p.sex = $3) and ($4::text is null or p.employment_form = $4)
       and not exists (select 1 from app_user u where u.phone = p.phone)
     order by m.member_number limit $2`,
    [orgCode, n, where.sex ?? null, where.employmentForm ?? null],
  );
  const out: Worker[] = [];
  for (const r of rows) {
    const [u] = await t.database.query<{ id: string }>(`insert into app_user (display_name, phone) values ('职工', $1) returning id`, [r.phone]);
    await t.database.query(`insert into role_grant (user_id, role) values ($1, 'worker')`, [u!.id]);
    out.push({ membershipId: r.id, personId: r.person_id, userId: u!.id, client: undefined as unknown as Client, sex: r.sex, orgCode: r.code });
  }
  const clients = await sessionsFor(
    t,
    out.map((w) => w.userId),
  );
  out.forEach((w, i) => (w.client = clients[i]!));
  expect(out).toHaveLength(n);
  return out;
}

/** A published event of an org (sign-up open now), made by `staff` through the API. */
export async function publishedEvent(t: TestApp, staff: Client, over: Record<string, unknown> = {}, now = Date.now()): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const body = {
    orgId: await t.orgId('JB'),
    type: 'training',
    title: '测试活动',
    address: '江北区观音桥步行街',
    startsAt: iso(now, 72),
    endsAt: iso(now, 75),
    signupOpensAt: iso(now, -1),
    signupClosesAt: iso(now, 48),
    capacity: 10,
    ...over,
  };
  const created = await staff.post('/api/v1/events', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await staff.post(`/api/v1/events/${created.body.id}/publish`, { version: created.body.version });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body;
}
