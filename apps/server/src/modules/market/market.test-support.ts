import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { demoCreditCode } from '../../db/seed/demo';
import { Client, type TestApp } from '../../test/harness';

/** A valid project form (20 people a session, ¥1,500 a session). */
export const projectInput = (over: Record<string, unknown> = {}) => ({
  title: '职工心理减压工作坊',
  category: 'health',
  description: '由持证心理咨询师带领，两小时团体辅导，帮助一线职工缓解压力、改善睡眠。',
  targetGroups: ['all_workers', 'new_employment'],
  formats: ['on_site', 'station'],
  priceFen: 150_000,
  priceUnit: 'session',
  capacity: 20,
  durationMinutes: 120,
  allowsSelfOrder: false,
  ...over,
});

/** A 1×1 PNG and a tiny PDF, for uploads. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000000000200015e0d0a2d0000000049454e44ae426082', 'hex');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** Uploads raw bytes as the client (the body is the file itself). */
export async function uploadRaw(t: TestApp, client: Client, data: Buffer, type: string, name = 'file') {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/market/files?name=${encodeURIComponent(name)}`, headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrf ?? '', 'content-type': type }, payload: data });
  return { status: res.statusCode, body: JSON.parse(res.body || 'null') };
}

export async function upload(t: TestApp, client: Client, data: Buffer, type: string, name = 'file'): Promise<string> {
  const res = await uploadRaw(t, client, data, type, name);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

let seq = 0;
/** A provider registered by a new phone account in Jiangbei, approved by the district admin. */
export async function approvedProvider(t: TestApp, admin: Client, name = `测试服务中心${++seq}`): Promise<{ client: Client; providerId: string; phone: string }> {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  // Roles are read per request: the session of the registration acts as the provider once granted.
  const client = await t.loginWorker(phone);
  const reg = await client.post('/api/v1/market/providers/register', {
    orgId: await t.orgId('JB'),
    name,
    creditCode: demoCreditCode(`${name}-${phone}`),
    type: 'social_org',
    contactName: '联系人',
    contactPhone: phone,
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  const ok = await admin.post(`/api/v1/market/providers/${reg.body.id}/review`, { version: reg.body.version, decision: 'approve' });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return { client, providerId: reg.body.id, phone };
}

/** A project created, submitted and approved; listed in the library when asked. */
export async function approvedProject(provider: Client, admin: Client, over: Record<string, unknown> = {}, isListed = true): Promise<{ id: string; versionId: string }> {
  const created = await provider.post('/api/v1/market/my-projects', projectInput(over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const submitted = await provider.post(`/api/v1/market/my-projects/${created.body.id}/submit`, { version: created.body.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const approved = await admin.post(`/api/v1/market/projects/${created.body.id}/review`, { versionId: submitted.body.latest.id, decision: 'approve' });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  if (isListed) {
    const listed = await admin.post(`/api/v1/market/projects/${created.body.id}/listing`, { version: approved.body.version, isListed: true });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  }
  return { id: created.body.id, versionId: submitted.body.latest.id };
}

/** Shanghai calendar day `days` from now. */
export const dayFromNow = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Signed-in clients for many accounts at once, bypassing the SMS code (its per-address limit
 * allows 30 an hour): a session row as sign-in would write it.
 */
export async function sessionsFor(t: TestApp, userIds: string[]): Promise<Client[]> {
  const out: Client[] = [];
  for (const userId of userIds) {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await t.database.query(`insert into session (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '1 day')`, [createHash('sha256').update(token).digest('base64url'), userId, csrf]);
    out.push(new Client(t.app, `nj_sid=${token}`, csrf));
  }
  return out;
}

/** Accounts (as phone sign-in would make them) for the phones of `n` active members under an org. */
export async function memberAccounts(t: TestApp, orgCode: string, n: number): Promise<{ membershipId: string; userId: string }[]> {
  const rows = await t.database.query<{ id: string; phone: string }>(
    `select m.id, p.phone from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
     where m.status = 'active' and p.user_id is null and p.phone is not null and o.path like (select path from org where code = $1) || '%'
       and not exists (select 1 from app_user u where u.phone = p.phone)
     order by m.member_number limit $2`,
    [orgCode, n],
  );
  const out = [];
  for (const r of rows) {
    const [u] = await t.database.query<{ id: string }>(`insert into app_user (display_name, phone) values ('职工', $1) returning id`, [r.phone]);
    await t.database.query(`insert into role_grant (user_id, role) values ($1, 'worker')`, [u!.id]);
    out.push({ membershipId: r.id, userId: u!.id });
  }
  return out;
}

/**
 * A season at the final with `n` finalists (each a new provider's approved project), through
 * the API as staff would do it; returns the season and the finalists' entry ids.
 */
export async function seasonAtFinal(t: TestApp, admin: Client, n: number, over: Record<string, unknown> = {}): Promise<{ seasonId: string; entryIds: string[] }> {
  const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
  const created = await admin.post('/api/v1/market/seasons', { orgId: await t.orgId('JB'), year: 2026, title: `测试赛季${++seq}`, callOpensAt: iso(-86_400_000), callClosesAt: iso(86_400_000), ...over });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const seasonId = created.body.id as string;
  const get = async () => (await admin.get(`/api/v1/market/seasons/${seasonId}`)).body;
  const advance = async (to: string) => expect((await admin.post(`/api/v1/market/seasons/${seasonId}/stage`, { version: (await get()).version, to })).status).toBe(200);
  await advance('call');
  const entryIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await approvedProvider(t, admin);
    const project = await approvedProject(p.client, admin, { title: `决赛项目${i + 1}` }, false);
    const e = await p.client.post(`/api/v1/market/seasons/${seasonId}/entries`, { projectId: project.id });
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    entryIds.push(e.body.id);
  }
  expect((await admin.patch(`/api/v1/market/seasons/${seasonId}`, { version: (await get()).version, callClosesAt: iso(-1000) })).status).toBe(200);
  await advance('review');
  for (const id of entryIds) expect((await admin.post(`/api/v1/market/entries/${id}/review`, { version: 1, decision: 'pass' })).status).toBe(200);
  await advance('roadshow');
  for (const [i, id] of entryIds.entries()) expect((await admin.post(`/api/v1/market/entries/${id}/finalist`, { version: 2, isFinalist: true, pitchOrder: i + 1 })).status).toBe(200);
  await advance('final');
  return { seasonId, entryIds };
}

/**
 * JB's subsidy rule of `year` with these terms and nothing spent yet. The demo already has this
 * year's and last year's rules (with months of orders on them): those are reset rather than added,
 * since a district has one rule a year.
 */
export async function freshSubsidyRule(t: TestApp, admin: Client, year: number, terms: { budgetFen: number; percentBps: number; capPerUnionFen: number }): Promise<{ id: string }> {
  const existing = (await admin.get('/api/v1/market/subsidy-rules')).body.items.find((r: { year: number }) => r.year === year);
  if (!existing) {
    const created = await admin.post('/api/v1/market/subsidy-rules', { orgId: await t.orgId('JB'), year, ...terms });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }
  await t.database.query('delete from market_subsidy_usage where rule_id = $1', [existing.id]);
  await t.database.query('update market_subsidy_rule set committed_fen = 0, budget_fen = 0, cap_per_union_fen = 0 where id = $1', [existing.id]);
  const updated = await admin.request('PUT', `/api/v1/market/subsidy-rules/${existing.id}`, { version: existing.version, ...terms });
  expect(updated.status, JSON.stringify(updated.body)).toBe(200);
  return updated.body;
}
