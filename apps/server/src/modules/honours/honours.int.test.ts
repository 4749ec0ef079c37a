import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { DEMO_INNOVATIONS, DEMO_INVENTIONS, DEMO_PATENTS, DEMO_STUDIOS } from './honours.demo';

/**
 * 劳模工匠 on the demo's Jiangbei: its 16 district-level studios and their outcomes; staff record
 * honours of members of their subtree (typed text stays text, a future year or a duplicate is
 * refused), care for the honoured, and set up studios whose leader must hold an active honour;
 * another street's staff see none of it; the figures count it.
 */
let t: TestApp;
let jb: Client;
let gyq: Client;
let wld: Client;
let admin: Client;
let unionId: string;
const shToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const thisYear = () => Number(shToday().slice(0, 4));

let seq = 0;
/** An active member of 观音桥's joint union, written directly (the members module's own tests cover joining). */
async function member(name: string): Promise<{ personId: string; membershipId: string }> {
  const n = ++seq;
  const [p] = await t.database.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'honours-test', $3, '500105********0000', 'male', '1978-03-01', 'standard') returning id`,
    [unionId, name, `honours-test-${n}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await t.database.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [p!.id, unionId]);
  return { personId: p!.id, membershipId: m!.id };
}

async function ok<T = any>(p: Promise<{ status: number; body: any }>, what: string): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

const honour = (membershipId: string, extra: Record<string, unknown> = {}) => ({ membershipId, level: 'district', title: 'model_worker', year: 2022, awardingBody: '重庆市江北区人民政府', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  [admin, jb, gyq, wld] = await Promise.all([t.login('admin'), t.login('jb.staff'), t.login('gyq.admin'), t.login('wld.admin')]);
  unionId = await t.orgId('JB-GYQ-LH');
}, 180_000);
afterAll(() => t.close());

describe('the demo', () => {
  it('has the seed’s 16 district-level studios with 101 innovations, 33 inventions and 24 patents', async () => {
    const studios = await ok<{ total: number; items: { leaderName: string }[] }>(jb.get('/api/v1/honours/studios?level=district&pageSize=100'), 'studios');
    expect(studios.total).toBe(DEMO_STUDIOS);
    const s = await ok<{ innovations: number; inventions: number; patents: number; studios: { level: string; count: number }[]; honoured: number }>(jb.get('/api/v1/honours/summary'), 'summary');
    expect(s).toMatchObject({ innovations: DEMO_INNOVATIONS, inventions: DEMO_INVENTIONS, patents: DEMO_PATENTS, studios: [{ level: 'district', count: DEMO_STUDIOS }] });
    expect(s.honoured).toBeGreaterThanOrEqual(DEMO_STUDIOS);
    const figures = await ok<{ items: { key: string; value: number | null }[] }>(
      admin.get(`/api/v1/indicators/values?org=${await t.orgId('JB')}&date=${shToday()}&keys=honours.studios,honours.patents`),
      'indicators',
    );
    expect(Object.fromEntries(figures.items.map((i) => [i.key, i.value]))).toMatchObject({ 'honours.studios': DEMO_STUDIOS, 'honours.patents': DEMO_PATENTS });
  });
});

describe('honours', () => {
  it('keeps a typed name as text, refuses a future year, a missing body and a duplicate, and keeps another street out', async () => {
    const m = await member('<img src=x onerror=alert(1)>');
    const created = await ok<{ id: string; personName: string; version: number; orgName: string }>(gyq.post('/api/v1/honours', honour(m.membershipId)), 'create');
    expect(created.personName).toBe('<img src=x onerror=alert(1)>');
    const future = await gyq.post('/api/v1/honours', honour(m.membershipId, { year: thisYear() + 1 }));
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ path: 'year', code: 'HONOURS_YEAR_FUTURE' });
    expect((await gyq.post('/api/v1/honours', honour(m.membershipId, { awardingBody: '' }))).status).toBe(400);
    // A certificate photo is the caller's own upload, not a guessed id.
    const guessed = await gyq.post('/api/v1/honours', honour(m.membershipId, { year: 2020, certificatePhotoId: '00000000-0000-4000-8000-000000000000' }));
    expect([guessed.status, guessed.body.errors?.[0]?.path]).toEqual([400, 'certificatePhotoId']);
    const dup = await gyq.post('/api/v1/honours', honour(m.membershipId));
    expect([dup.status, dup.body.code]).toEqual([409, 'HONOURS_DUPLICATE']);

    // 五里店's admin neither reads it nor records honours for 观音桥's members.
    expect((await wld.get(`/api/v1/honours/${created.id}`)).status).toBe(404);
    const wldList = await ok<{ items: { id: string }[] }>(wld.get('/api/v1/honours?pageSize=100&q=onerror'), 'wld list');
    expect(wldList.items).toEqual([]);
    const foreign = await wld.post('/api/v1/honours', honour(m.membershipId, { year: 2021 }));
    expect([foreign.status, foreign.body.errors?.[0]?.path]).toEqual([400, 'membershipId']);
    const jbList = await ok<{ items: { id: string }[] }>(jb.get('/api/v1/honours?q=onerror&level=district&year=2022'), 'jb list');
    expect(jbList.items.map((i) => i.id)).toEqual([created.id]);

    const revoked = await ok<{ status: string; revokedReason: string }>(gyq.post(`/api/v1/honours/${created.id}/revoke`, { reason: '登记有误', version: created.version }), 'revoke');
    expect(revoked).toMatchObject({ status: 'revoked', revokedReason: '登记有误' });
    const again = await gyq.put(`/api/v1/honours/${created.id}`, { ...honour(m.membershipId), version: created.version + 1 });
    expect(again.body.code).toBe('HONOURS_REVOKED');
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id = $1 order by at, id`, [created.id]);
    expect(audit.map((a) => a.action)).toEqual(['honours.created', 'honours.revoked']);
  });
});

describe('care', () => {
  it('records care for the honoured only, lists who waits this year, and counts it', async () => {
    const m = await member('关爱测试劳模');
    const plain = await member('未获荣誉职工');
    await ok(gyq.post('/api/v1/honours', honour(m.membershipId, { title: 'craftsman', titleText: '江北工匠' })), 'honour');
    const waiting = async () => (await ok<{ items: { personId: string }[] }>(gyq.get('/api/v1/honours/not-cared?pageSize=100'), 'not cared')).items.map((i) => i.personId);
    expect(await waiting()).toContain(m.personId);

    const refused = await gyq.post(`/api/v1/honours/persons/${plain.personId}/care`, { kind: 'visit', caredOn: shToday() });
    expect([refused.status, refused.body.code]).toEqual([404, 'HONOURS_NOT_HONOURED']);
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    expect((await gyq.post(`/api/v1/honours/persons/${m.personId}/care`, { kind: 'visit', caredOn: tomorrow })).body.errors[0].path).toBe('caredOn');
    expect((await wld.post(`/api/v1/honours/persons/${m.personId}/care`, { kind: 'visit', caredOn: shToday() })).status).toBe(404);

    const read = async () => {
      const res = await ok<{ items: { key: string; value: number | null }[] }>(admin.get(`/api/v1/indicators/values?org=${unionId}&date=${shToday()}&keys=honours.care_activities,honours.model_workers`), 'indicators');
      return Object.fromEntries(res.items.map((i) => [i.key, Number(i.value ?? 0)]));
    };
    const before = await read();
    const care = await ok<{ kind: string; costFen: number; personName: string }>(
      gyq.post(`/api/v1/honours/persons/${m.personId}/care`, { kind: 'health_check', caredOn: shToday(), notes: '年度体检', costFen: 80_000 }),
      'care',
    );
    expect(care).toMatchObject({ kind: 'health_check', costFen: 80_000, personName: '关爱测试劳模' });
    expect((await read())['honours.care_activities']).toBe(before['honours.care_activities']! + 1);
    expect(await waiting()).not.toContain(m.personId);
    const cares = await ok<{ items: { personId: string }[] }>(gyq.get(`/api/v1/honours/care?personId=${m.personId}`), 'cares');
    expect(cares.items).toHaveLength(1);
    expect((await ok<{ items: unknown[] }>(wld.get(`/api/v1/honours/care?personId=${m.personId}`), 'wld cares')).items).toEqual([]);
  });
});

describe('studios', () => {
  it('refuses a leader without an active honour, takes members, projects and patents, and keeps another street out', async () => {
    const leader = await member('工作室领衔人');
    const plain = await member('工作室成员');
    const body = { name: '<b>焊接</b>创新工作室', level: 'district', orgId: unionId, leaderMembershipId: plain.membershipId, foundedOn: '2023-03-01', field: '焊接工艺' };
    const refused = await gyq.post('/api/v1/honours/studios', body);
    expect([refused.status, refused.body.errors?.[0]?.code]).toEqual([400, 'STUDIO_LEADER_NOT_HONOURED']);
    await ok(gyq.post('/api/v1/honours', honour(leader.membershipId, { level: 'municipal', title: 'may_day_medal', awardingBody: '重庆市总工会' })), 'honour');
    const s = await ok<{ id: string; name: string; leaderName: string; members: number; version: number }>(gyq.post('/api/v1/honours/studios', { ...body, leaderMembershipId: leader.membershipId }), 'studio');
    expect(s).toMatchObject({ name: '<b>焊接</b>创新工作室', leaderName: '工作室领衔人', members: 1 });
    expect((await gyq.post('/api/v1/honours/studios', { ...body, leaderMembershipId: leader.membershipId })).body.errors[0].code).toBe('STUDIO_NAME_TAKEN');
    expect((await wld.post('/api/v1/honours/studios', { ...body, name: '别处工作室', leaderMembershipId: leader.membershipId })).body.errors[0].path).toBe('orgId');

    await ok(gyq.post(`/api/v1/honours/studios/${s.id}/members`, { membershipId: plain.membershipId }), 'member');
    expect((await gyq.post(`/api/v1/honours/studios/${s.id}/members`, { membershipId: plain.membershipId })).body.code).toBe('STUDIO_ALREADY_MEMBER');
    expect((await gyq.delete(`/api/v1/honours/studios/${s.id}/members/${leader.personId}`)).body.code).toBe('STUDIO_LEADER_STAYS');
    const p = await ok<{ id: string }>(gyq.post(`/api/v1/honours/studios/${s.id}/projects`, { name: '焊缝检测改进', year: 2024, innovations: 3, inventions: 1, savedFen: 500_000_00 }), 'project');
    await ok(gyq.post(`/api/v1/honours/studios/${s.id}/patents`, { projectId: p.id, patentNumber: 'ZL202420000001.5', title: '一种焊缝检测装置', kind: 'utility_model', holders: '工作室领衔人' }), 'patent');
    const taken = await gyq.post(`/api/v1/honours/studios/${s.id}/patents`, { patentNumber: 'ZL202420000001.5', title: '重复', kind: 'utility_model', holders: '某人' });
    expect(taken.body.errors[0].code).toBe('STUDIO_PATENT_TAKEN');
    const detail = await ok<{ members: number; innovations: number; inventions: number; patents: number; memberList: { isLeader: boolean }[]; projectList: { patents: number }[] }>(
      gyq.get(`/api/v1/honours/studios/${s.id}`),
      'detail',
    );
    expect(detail).toMatchObject({ members: 2, innovations: 3, inventions: 1, patents: 1, projectList: [{ patents: 1 }] });
    expect(detail.memberList.filter((x) => x.isLeader)).toHaveLength(1);
    expect((await wld.get(`/api/v1/honours/studios/${s.id}`)).status).toBe(404);

    // Projects and patents are changed and removed in scope only; bad input is a 400, never a 500.
    const patentId = (await ok<{ patentList: { id: string }[] }>(gyq.get(`/api/v1/honours/studios/${s.id}`), 'patents')).patentList[0]!.id;
    expect((await wld.put(`/api/v1/honours/studio-projects/${p.id}`, { name: '越界', year: 2024 })).status).toBe(404);
    expect((await wld.delete(`/api/v1/honours/studio-patents/${patentId}`)).status).toBe(404);
    const bad = await gyq.put(`/api/v1/honours/studio-projects/${p.id}`, { name: '', year: 2024, innovations: -1 });
    expect([bad.status, bad.headers['content-type']]).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect((await gyq.put(`/api/v1/honours/studio-projects/not-a-uuid`, { name: 'x', year: 2024 })).status).toBe(400);
    const changed = await ok<{ name: string; innovations: number; patents: number }>(gyq.put(`/api/v1/honours/studio-projects/${p.id}`, { name: '焊缝检测改进（二期）', year: 2024, innovations: 5, inventions: 1, savedFen: 0 }), 'project change');
    expect(changed).toMatchObject({ name: '焊缝检测改进（二期）', innovations: 5, patents: 1 });
    await ok(gyq.post(`/api/v1/honours/studios/${s.id}/patents`, { patentNumber: 'ZL202420000002.1', title: '另一专利', kind: 'invention', holders: '某人' }), 'patent 2');
    expect((await gyq.put(`/api/v1/honours/studio-patents/${patentId}`, { patentNumber: 'ZL202420000002.1', title: '撞号', kind: 'invention', holders: '某人' })).body.errors[0].code).toBe('STUDIO_PATENT_TAKEN');
    expect((await gyq.put(`/api/v1/honours/studio-patents/${patentId}`, { patentNumber: 'ZL202420000001.5', title: 'x', kind: 'nonsense', holders: '某人' })).status).toBe(400);
    const patent = await ok<{ title: string; kind: string }>(gyq.put(`/api/v1/honours/studio-patents/${patentId}`, { projectId: p.id, patentNumber: 'ZL202420000001.5', title: '一种焊缝检测装置及方法', kind: 'invention', holders: '工作室领衔人' }), 'patent change');
    expect(patent).toMatchObject({ title: '一种焊缝检测装置及方法', kind: 'invention' });
    // Removing the project keeps its patent on the studio.
    expect((await gyq.delete(`/api/v1/honours/studio-projects/${p.id}`)).status).toBe(204);
    expect((await gyq.delete(`/api/v1/honours/studio-projects/${p.id}`)).status).toBe(404);
    const after = await ok<{ projectList: unknown[]; patentList: { id: string; projectId: string | null }[] }>(gyq.get(`/api/v1/honours/studios/${s.id}`), 'after');
    expect(after.projectList).toEqual([]);
    expect(after.patentList.find((x) => x.id === patentId)?.projectId).toBeNull();
    expect((await gyq.delete(`/api/v1/honours/studio-patents/${patentId}`)).status).toBe(204);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where entity_id in ($1, $2) order by at, id`, [p.id, patentId]);
    expect(audit.map((a) => a.action)).toEqual(['studio.project_added', 'studio.patent_added', 'studio.project_updated', 'studio.patent_updated', 'studio.project_removed', 'studio.patent_removed']);

    const closed = await ok<{ status: string }>(gyq.put(`/api/v1/honours/studios/${s.id}`, { ...body, leaderMembershipId: leader.membershipId, status: 'closed', version: s.version }), 'close');
    expect(closed.status).toBe('closed');
    expect((await gyq.post(`/api/v1/honours/studios/${s.id}/projects`, { name: '关闭后', year: 2024 })).body.code).toBe('STUDIO_CLOSED');
  });
});
