import { idNumberCheckChar } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { send } from '../../test/security/authz-world';
import { PNG } from '../../test/files';

/**
 * Issue 10 point 7: the register's fields (民族, 政治面貌, 文化程度, 户籍所在地, 困难职工; an
 * org's 工会主席, 成立日期, 法人资格证书号) and 批量通过 in 入会审批.
 */
let t: TestApp;
let district: Client;
let gyq: Client;
let wld: Client;
const orgs: Record<string, string> = {};
const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);

async function apply(phone: string, realName: string, first17: string, orgCode: string) {
  const worker = await t.loginWorker(phone);
  const res = await worker.post('/api/v1/members/applications', { realName, idNumber: idNumber(first17), employmentForm: 'delivery_rider', orgId: orgs[orgCode] });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  const { id, version } = res.body.membership as { id: string; version: number };
  return { id, version };
}

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  gyq = await t.login('gyq.admin');
  wld = await t.login('wld.admin');
  for (const code of ['JB-GYQ', 'JB-GYQ-LH', 'JB-WLD-LH']) orgs[code] = await t.orgId(code);
});
afterAll(() => t.close());

describe('the member register’s fields', () => {
  it('are kept, shown by code, cleared with null, filtered on and exported', async () => {
    const applied = await apply('13700003101', '韦登记', '45010219920304001', 'JB-GYQ-LH');
    const approved = await gyq.post(`/api/v1/members/${applied.id}/approve`, { version: applied.version });
    expect(approved.status).toBe(200);
    expect(approved.body.person).toMatchObject({ ethnicity: null, politicalStatus: null, education: null, hukouPlace: null, isHardship: false });

    const saved = await gyq.patch(`/api/v1/members/${applied.id}`, {
      version: approved.body.version,
      ethnicity: '08',
      politicalStatus: 'cyl_member',
      education: 'associate',
      hukouPlace: ' 广西壮族自治区南宁市 ',
      isHardship: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.person).toMatchObject({ ethnicity: '08', politicalStatus: 'cyl_member', education: 'associate', hukouPlace: '广西壮族自治区南宁市', isHardship: true });

    const hardship = await gyq.get('/api/v1/members?isHardship=true&pageSize=200');
    expect(hardship.body.items.map((m: { id: string }) => m.id)).toContain(applied.id);
    expect(hardship.body.items.every((m: { person: { isHardship: boolean } }) => m.person.isHardship)).toBe(true);

    // The export carries them by name, filtered the same way.
    const file = await t.app.inject({ method: 'GET', url: '/api/v1/members/export?isHardship=true', headers: { cookie: gyq.cookie! } });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows[0] as string[];
    const row = rows.find((r) => r[1] === '韦登记')!;
    expect(rows.length - 1).toBe(hardship.body.total);
    expect(Object.fromEntries(['民族', '政治面貌', '文化程度', '户籍所在地', '困难职工'].map((h) => [h, row[header.indexOf(h)]]))).toEqual({ 民族: '壮族', 政治面貌: '共青团员', 文化程度: '大学专科', 户籍所在地: '广西壮族自治区南宁市', 困难职工: '是' });

    // An empty 户籍所在地 is no value; fields left out of the request stay as they were.
    const cleared = await gyq.patch(`/api/v1/members/${applied.id}`, { version: saved.body.version, hukouPlace: '', politicalStatus: null });
    expect(cleared.body.person).toMatchObject({ ethnicity: '08', politicalStatus: null, hukouPlace: null, isHardship: true });
  });

  it('refuses codes outside the national lists, in the caller’s language', async () => {
    const applied = await apply('13700003102', '韦无效', '45010219920304011', 'JB-GYQ-LH');
    const bad = await gyq.patch(`/api/v1/members/${applied.id}`, { version: applied.version, ethnicity: '57', education: 'phd' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['education', 'ethnicity']);
    const long = await gyq.patch(`/api/v1/members/${applied.id}`, { version: applied.version, hukouPlace: '户'.repeat(61) }, { 'accept-language': 'en' });
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ path: 'hukouPlace' });
    expect(long.body.errors[0].message).toMatch(/at most 60/);
  });
});

describe('批量通过 in 入会审批', () => {
  it('approves each application on its own and says why the stale one was not', async () => {
    const a = await apply('13700003111', '批量甲', '50010519950101001', 'JB-GYQ-LH');
    const b = await apply('13700003112', '批量乙', '50010519950101002', 'JB-GYQ-LH');
    const c = await apply('13700003113', '批量丙', '50010519950101003', 'JB-GYQ-LH');
    // c changed after staff loaded the list.
    const edited = await gyq.patch(`/api/v1/members/${c.id}`, { version: c.version, employerName: '改过的单位' });
    expect(edited.status).toBe(200);

    const res = await gyq.post('/api/v1/members/approve-batch', { items: [a, b, c] });
    expect(res.status).toBe(200);
    expect(res.body.approved.map((x: { realName: string }) => x.realName).sort()).toEqual(['批量乙', '批量甲']);
    expect(res.body.approved.every((x: { memberNumber: string | null }) => /^\d{14}$/.test(x.memberNumber ?? ''))).toBe(true);
    expect(res.body.failed).toHaveLength(1);
    expect(res.body.failed[0]).toMatchObject({ id: c.id, code: 'VERSION_CONFLICT' });
    expect(res.body.failed[0].message).toMatch(/[\u4e00-\u9fff]/);

    for (const m of [a, b]) expect((await gyq.get(`/api/v1/members/${m.id}`)).body).toMatchObject({ status: 'active', person: { isRealNameVerified: true } });
    expect((await gyq.get(`/api/v1/members/${c.id}`)).body.status).toBe('applied');

    // Approved ones again: already active, said in words, nothing changes.
    const again = await gyq.post('/api/v1/members/approve-batch', { items: [{ id: a.id, version: a.version + 1 }] }, { 'accept-language': 'en' });
    expect(again.body.approved).toEqual([]);
    expect(again.body.failed[0].code).toBe('MEMBERSHIP_STATUS_INVALID');
    expect(again.body.failed[0].message).not.toMatch(/MEMBER_STATUS_|[\u4e00-\u9fff]/);
  });

  it('answers 404 for the whole batch when one application is outside the caller’s scope, and changes nothing', async () => {
    const mine = await apply('13700003121', '范围内', '50010519950101011', 'JB-WLD-LH');
    const other = await apply('13700003122', '范围外', '50010519950101012', 'JB-GYQ-LH');
    const res = await wld.post('/api/v1/members/approve-batch', { items: [mine, other] });
    expect(res.status).toBe(404);
    expect((await district.get(`/api/v1/members/${mine.id}`)).body.status).toBe('applied');
    expect((await district.get(`/api/v1/members/${other.id}`)).body.status).toBe('applied');
  });

  it('refuses an empty batch and one over 100', async () => {
    expect((await gyq.post('/api/v1/members/approve-batch', { items: [] })).status).toBe(400);
    const many = Array.from({ length: 101 }, () => ({ id: '00000000-0000-4000-8000-000000000000', version: 1 }));
    expect((await gyq.post('/api/v1/members/approve-batch', { items: many })).status).toBe(400);
  });
});

describe('the org register’s fields', () => {
  it('keeps 工会主席, 成立日期 and 法人资格证书号; refuses a founding date after today or not on the calendar', async () => {
    const org = (await district.get(`/api/v1/orgs/${orgs['JB-GYQ-LH']}`)).body;
    const saved = await district.patch(`/api/v1/orgs/${org.id}`, { version: org.version, chairName: '刘主席', chairPhone: '023-67850001', foundedOn: '2016-05-01', legalCertNo: '工法证字第500105001号' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ chairName: '刘主席', chairPhone: '023-67850001', foundedOn: '2016-05-01', legalCertNo: '工法证字第500105001号' });
    const future = await district.patch(`/api/v1/orgs/${org.id}`, { version: saved.body.version, foundedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ path: 'foundedOn' });
    const impossible = await district.patch(`/api/v1/orgs/${org.id}`, { version: saved.body.version, foundedOn: '2019-02-30' });
    expect(impossible.status).toBe(400);
    expect(impossible.body.errors[0]).toMatchObject({ path: 'foundedOn' });
    expect((await district.get(`/api/v1/orgs/${org.id}`)).body.foundedOn).toBe('2016-05-01');
  });
});

describe('a member’s photo (optional, with consent)', () => {
  it('is kept only with consent, checked by its bytes, encrypted, read with an audit, scoped and removable', async () => {
    const { id } = await apply('13700003191', '黄照片', '45010219920304091', 'JB-GYQ-LH');
    const put = (client: Client, data: Buffer, contentType: string, consent?: string) =>
      send(t, client, 'PUT', `/api/v1/members/{id}/photo`, { params: { id }, ...(consent ? { query: { consent } } : {}), raw: { contentType, data } });

    // No consent, no photo: the reason names the consent.
    const refused = await put(gyq, PNG, 'image/png');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'MEMBER_PHOTO_CONSENT', errors: [{ path: 'consent', message: '保存照片须经会员本人同意，请先确认已取得同意' }] });
    expect((await put(gyq, PNG, 'image/png', 'false')).status).toBe(400);
    // A script called a photo is refused by its bytes.
    const script = await put(gyq, Buffer.from('<script>alert(1)</script>'), 'image/png', 'true');
    expect(script.status).toBe(415);
    expect(script.body.code).toBe('PHOTO_TYPE');
    expect((await put(gyq, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png', 'true')).status).toBe(413);
    expect((await gyq.get(`/api/v1/members/${id}`)).body.photo).toBeNull();

    const kept = await put(gyq, PNG, 'image/png', 'true');
    expect(kept.status, kept.text).toBe(200);
    expect((kept.body as { photo: unknown }).photo).toMatchObject({ contentType: 'image/png', size: PNG.length, consentRecordedByName: expect.any(String), consentAt: expect.any(String) });
    // Stored encrypted: the bytes are nowhere in the row.
    const [row] = await t.database.query<{ data_enc: string }>('select data_enc from person_photo p join membership m on m.person_id = p.person_id where m.id = $1', [id]);
    expect(row!.data_enc).not.toContain(PNG.toString('base64'));

    const shown = await send(t, gyq, 'GET', '/api/v1/members/{id}/photo', { params: { id } });
    expect(shown.status).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.headers['cache-control']).toContain('no-store');
    expect(shown.raw.equals(PNG)).toBe(true);
    const audits = await t.database.query<{ action: string; after: { field?: string } | null }>(`select action, after from audit_entry where entity_id = $1 and action in ('member.photo_set', 'personal_data.read') order by at`, [id]);
    expect(audits.map((a) => a.action)).toEqual(['member.photo_set', 'personal_data.read']);
    expect(audits[1]!.after).toEqual({ field: 'photo' });

    // Another street's admin sees neither the photo nor that there is one.
    expect((await send(t, wld, 'GET', '/api/v1/members/{id}/photo', { params: { id } })).status).toBe(404);
    expect((await put(wld, PNG, 'image/png', 'true')).status).toBe(404);
    expect((await send(t, wld, 'DELETE', '/api/v1/members/{id}/photo', { params: { id } })).status).toBe(404);

    // Consent withdrawn: the photo goes; a second removal finds nothing.
    const removed = await send(t, gyq, 'DELETE', '/api/v1/members/{id}/photo', { params: { id } });
    expect(removed.status).toBe(200);
    expect((removed.body as { photo: unknown }).photo).toBeNull();
    expect((await send(t, gyq, 'GET', '/api/v1/members/{id}/photo', { params: { id } })).status).toBe(404);
    expect((await send(t, gyq, 'DELETE', '/api/v1/members/{id}/photo', { params: { id } })).status).toBe(404);
  });
});
