import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let district: Client;
let staff: Client;
let gyq: Client;
let wld: Client;
let ids: Record<string, string>;

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);

/** A worker applies online and a district admin approves: an active member with known data. */
async function makeMember(phone: string, realName: string, id: string, orgCode: string, employmentForm = 'courier') {
  const worker = await t.loginWorker(phone);
  const applied = await worker.post('/api/v1/members/applications', { realName, idNumber: id, employmentForm, orgId: ids[orgCode] });
  if (applied.status !== 201) throw new Error(JSON.stringify(applied.body));
  const approved = await district.post(`/api/v1/members/${applied.body.membership.id}/approve`, { version: applied.body.membership.version });
  return approved.body;
}

let gyqMember: any;
let wldMember: any;
const GYQ_ID = idNumber('50010519900307004');

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  staff = await t.login('jb.staff');
  gyq = await t.login('gyq.admin');
  wld = await t.login('wld.admin');
  ids = {};
  for (const code of ['JB', 'JB-GYQ', 'JB-WLD', 'JB-GYQ-LH', 'JB-WLD-LH', 'JB-ELM', 'JB-AFY']) ids[code] = await t.orgId(code);
  gyqMember = await makeMember('13700000201', '赵观音', GYQ_ID, 'JB-GYQ-LH');
  wldMember = await makeMember('13700000202', '钱五里', idNumber('50010519850815002'), 'JB-WLD-LH', 'standard');
});
afterAll(() => t.close());

describe('member list and search', () => {
  it('lists the demo members in scope with masked personal data', async () => {
    const all = await district.get('/api/v1/members?pageSize=50');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(2900);
    for (const m of all.body.items) {
      expect(m.person.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(m.person.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(JSON.stringify(m)).not.toMatch(/\d{17}[\dX]/);
    }
    const street = await gyq.get('/api/v1/members?pageSize=200');
    expect(street.body.total).toBeGreaterThan(0);
    expect(street.body.total).toBeLessThan(all.body.total);
    const gyqTree = await district.get(`/api/v1/orgs?under=${ids['JB-GYQ']}&pageSize=200`);
    const allowed = new Set(gyqTree.body.items.map((o: { id: string }) => o.id));
    expect(street.body.items.every((m: { org: { id: string } }) => allowed.has(m.org.id))).toBe(true);
  });

  it('filters by subtree, status, employment form and joined period', async () => {
    const gig = await district.get(`/api/v1/members?orgId=${ids['JB-GYQ-LH']}&status=active&employmentForm=courier&pageSize=200`);
    expect(gig.body.items.length).toBeGreaterThan(0);
    expect(gig.body.items.every((m: any) => m.status === 'active' && m.person.employmentForm === 'courier' && ['JB-GYQ-LH', 'JB-ELM', 'JB-GYQ-02'].includes(m.org.code))).toBe(true);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const joinedToday = await district.get(`/api/v1/members?joinedFrom=${today}&joinedTo=${today}&pageSize=200`);
    expect(joinedToday.body.items.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([gyqMember.id, wldMember.id]));
    expect((await gyq.get(`/api/v1/members?orgId=${ids['JB-WLD']}`)).status).toBe(404);
  });

  it('finds a member by full ID number (exact, any case), phone, member number and name', async () => {
    const byId = await district.get(`/api/v1/members?q=${GYQ_ID.toLowerCase()}`);
    expect(byId.body.items.map((m: { id: string }) => m.id)).toEqual([gyqMember.id]);
    expect((await district.get(`/api/v1/members?q=${GYQ_ID.slice(0, 17)}`)).body.total).toBe(0);
    expect((await district.get('/api/v1/members?q=13700000201')).body.items.map((m: { id: string }) => m.id)).toEqual([gyqMember.id]);
    expect((await district.get(`/api/v1/members?q=${gyqMember.memberNumber}`)).body.items.map((m: { id: string }) => m.id)).toEqual([gyqMember.id]);
    const byName = await district.get(`/api/v1/members?q=${encodeURIComponent('赵观')}`);
    expect(byName.body.items.map((m: { id: string }) => m.id)).toContain(gyqMember.id);
    // Out of scope: the street admin of 五里店 finds nothing even with the exact number.
    expect((await wld.get(`/api/v1/members?q=${GYQ_ID}`)).body.total).toBe(0);
  });
});

describe('scope: a street admin sees and changes only their street', () => {
  it('answers 404 for another street’s member on every route', async () => {
    const id = gyqMember.id;
    expect((await wld.get(`/api/v1/members/${id}`)).status).toBe(404);
    expect((await wld.patch(`/api/v1/members/${id}`, { version: gyqMember.version, employerName: 'x' })).status).toBe(404);
    expect((await wld.post(`/api/v1/members/${id}/suspend`, { version: gyqMember.version, reason: '越权测试' })).status).toBe(404);
    expect((await wld.post(`/api/v1/members/${id}/reveal`, { field: 'idNumber' })).status).toBe(404);
    expect((await wld.post(`/api/v1/members/${id}/transfer`, { version: gyqMember.version, orgId: ids['JB-WLD-LH'], reason: '越权测试' })).status).toBe(404);
    expect((await wld.get(`/api/v1/members/stats?orgId=${ids['JB-GYQ']}`)).status).toBe(404);
    expect((await gyq.get(`/api/v1/members/${id}`)).status).toBe(200);
  });

  it('cannot transfer a member into another street', async () => {
    const res = await gyq.post(`/api/v1/members/${gyqMember.id}/transfer`, { version: gyqMember.version, orgId: ids['JB-WLD-LH'], reason: '跨街道' });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].path).toBe('orgId');
  });
});

describe('personal data', () => {
  it('reveals a full ID number or phone only with the permission, and audits it', async () => {
    const res = await district.post(`/api/v1/members/${gyqMember.id}/reveal`, { field: 'idNumber' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ field: 'idNumber', value: GYQ_ID });
    expect((await district.post(`/api/v1/members/${gyqMember.id}/reveal`, { field: 'phone' })).body.value).toBe('13700000201');
    expect((await staff.post(`/api/v1/members/${gyqMember.id}/reveal`, { field: 'idNumber' })).status).toBe(403);
    const audit = await t.database.query<{ action: string; actor_name: string; after: { field: string } }>(
      "select action, actor_name, after from audit_entry where entity_id = $1 and action = 'personal_data.read' order by at",
      [gyqMember.id],
    );
    expect(audit.map((a) => [a.actor_name, a.after.field])).toEqual([
      ['jb.admin', 'idNumber'],
      ['jb.admin', 'phone'],
    ]);
    // The audit log never holds the full values.
    const all = await t.database.query<{ text: string }>("select coalesce(before::text, '') || coalesce(after::text, '') as text from audit_entry where entity_type = 'member'");
    expect(all.some((r) => r.text.includes(GYQ_ID) || r.text.includes('13700000201'))).toBe(false);
  });

  it('decrypts seeded demo members with the configured key', async () => {
    const list = await district.get('/api/v1/members?status=active&pageSize=1');
    const res = await district.post(`/api/v1/members/${list.body.items[0].id}/reveal`, { field: 'idNumber' });
    expect(res.body.value).toMatch(/^500105\d{11}[\dX]$/);
    expect(res.body.value.slice(-4)).toBe(list.body.items[0].person.idNumberMasked.slice(-4));
  });
});

describe('editing and status changes', () => {
  it('edits with the version, refuses a stale one, and re-derives sex (and the hidden birth date) from a new ID number', async () => {
    const current = (await district.get(`/api/v1/members/${wldMember.id}`)).body;
    const newId = idNumber('50010519920101002');
    const edited = await wld.patch(`/api/v1/members/${wldMember.id}`, { version: current.version, employerName: '五里店农贸市场', idNumber: newId, isMigrant: true });
    expect(edited.status).toBe(200);
    expect(edited.body.person).toMatchObject({ employerName: '五里店农贸市场', sex: 'female', isMigrant: true });
    const [stored] = await t.database.query<{ birth_date: string }>('select birth_date::text from person where id = $1', [edited.body.person.id]);
    expect(stored!.birth_date).toBe('1992-01-01');
    expect(edited.body.version).toBe(current.version + 1);
    const stale = await wld.patch(`/api/v1/members/${wldMember.id}`, { version: current.version, employerName: '别处' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const bad = await wld.patch(`/api/v1/members/${wldMember.id}`, { version: edited.body.version, idNumber: newId.slice(0, 17) + (newId.endsWith('0') ? '1' : '0') });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'idNumber', message: '身份证号校验位错误' });
    const taken = await wld.patch(`/api/v1/members/${wldMember.id}`, { version: edited.body.version, idNumber: GYQ_ID });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('ID_NUMBER_TAKEN');
    expect((await district.get(`/api/v1/members?q=${newId}`)).body.items.map((m: { id: string }) => m.id)).toEqual([wldMember.id]);
  });

  it('suspends, resumes and ends a membership; refuses a change that does not fit the status', async () => {
    let m = (await district.get(`/api/v1/members/${wldMember.id}`)).body;
    const resumeActive = await wld.post(`/api/v1/members/${m.id}/resume`, { version: m.version });
    expect(resumeActive.status).toBe(409);
    expect(resumeActive.body.code).toBe('MEMBERSHIP_STATUS_INVALID');
    m = (await wld.post(`/api/v1/members/${m.id}/suspend`, { version: m.version, reason: '长期未缴会费' })).body;
    expect(m.status).toBe('suspended');
    m = (await wld.post(`/api/v1/members/${m.id}/resume`, { version: m.version })).body;
    expect(m.status).toBe('active');
    m = (await wld.post(`/api/v1/members/${m.id}/leave`, { version: m.version, reason: '调离本区' })).body;
    expect(m).toMatchObject({ status: 'left' });
    expect(m.leftAt).toBeTruthy();
    expect(m.history.map((e: { kind: string }) => e.kind)).toEqual(['applied', 'approved', 'edited', 'suspended', 'resumed', 'left']);
    expect(m.history.at(-1)).toMatchObject({ reason: '调离本区', actorName: 'wld.admin' });
    const approveLeft = await wld.post(`/api/v1/members/${m.id}/approve`, { version: m.version });
    expect(approveLeft.status).toBe(409);
  });

  it('transfers to another union in scope and keeps both in the history', async () => {
    const m = (await district.get(`/api/v1/members/${gyqMember.id}`)).body;
    const moved = await district.post(`/api/v1/members/${m.id}/transfer`, { version: m.version, orgId: ids['JB-AFY'], reason: '到新单位工作' });
    expect(moved.status).toBe(200);
    expect(moved.body.org.code).toBe('JB-AFY');
    expect(moved.body.memberNumber).toBe(m.memberNumber);
    expect(moved.body.history.at(-1)).toMatchObject({ kind: 'transferred', fromOrg: { code: 'JB-GYQ-LH' }, toOrg: { code: 'JB-AFY' }, reason: '到新单位工作' });
    // Now in 五里店: the 观音桥 admin no longer sees it, the 五里店 admin does.
    expect((await gyq.get(`/api/v1/members/${m.id}`)).status).toBe(404);
    expect((await wld.get(`/api/v1/members/${m.id}`)).status).toBe(200);
    const same = await district.post(`/api/v1/members/${m.id}/transfer`, { version: moved.body.version, orgId: ids['JB-AFY'], reason: '重复转入' });
    expect(same.status).toBe(409);
    const audit = await t.database.query<{ before: unknown; after: unknown }>("select before, after from audit_entry where entity_id = $1 and action = 'member.transfer'", [m.id]);
    expect(audit[0]).toMatchObject({ before: { orgId: ids['JB-GYQ-LH'] }, after: { orgId: ids['JB-AFY'] } });
  });

  it('gives member numbers unique in the district under concurrent approvals', async () => {
    const apps = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const worker = await t.loginWorker(`1370000030${i}`);
        const res = await worker.post('/api/v1/members/applications', { realName: `并发${i}号`, idNumber: idNumber(`5001051991010100${i}`), employmentForm: 'standard', orgId: ids['JB-ELM'] });
        return res.body.membership;
      }),
    );
    const approved = await Promise.all(apps.map((a) => district.post(`/api/v1/members/${a.id}/approve`, { version: a.version })));
    const numbers = approved.map((r) => r.body.memberNumber);
    expect(new Set(numbers).size).toBe(4);
  });
});

describe('figures', () => {
  it('counts members by employment form, verified, migrant and joined this month/year', async () => {
    const jb = await district.get(`/api/v1/members/stats?orgId=${ids.JB}`);
    expect(jb.status).toBe(200);
    const s = jb.body;
    expect(s.total).toBeGreaterThan(2800);
    expect(Object.values(s.byEmploymentForm as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(s.total);
    expect(s.gigWorkers).toBe(s.total - s.byEmploymentForm.standard);
    expect(s.realNameVerified).toBeLessThanOrEqual(s.total);
    expect(s.migrantWorkers).toBeGreaterThan(0);
    expect(s.joinedThisMonth).toBeGreaterThan(0);
    expect(s.joinedThisYear).toBeGreaterThanOrEqual(s.joinedThisMonth);
    expect(s.applied).toBeGreaterThan(0);
    const [db] = await t.database.query<{ n: number }>("select count(*)::int as n from membership where status = 'active'");
    expect(s.total).toBe(db!.n);
    const street = await gyq.get('/api/v1/members/stats');
    expect(street.body.total).toBeLessThan(s.total);
    expect(street.body.org).toBeNull();
  });
});
