import { Writable } from 'node:stream';
import { idNumberCheckChar } from '@niangjia/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { DEMO_PASSWORD } from '../../db/seed/demo-orgs';
import { loadSecrets } from '../../platform/secrets';
import { createMemorySmsSender } from '../../platform/sms';
import { CARD_TOKEN_TTL_SECONDS, signCardToken, verifyCardToken } from './card-token';
import { Client, createTestApp, type TestApp } from '../../test/harness';
import { demoCreditCode } from '../../db/seed/demo';

let t: TestApp;
let gyq: Client;
let wld: Client;
let ids: Record<string, string>;

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);

beforeAll(async () => {
  t = await createTestApp();
  gyq = await t.login('gyq.admin');
  wld = await t.login('wld.admin');
  ids = {};
  for (const code of ['JB-GYQ-LH', 'JB-WLD-LH', 'JB-ELM', 'JB-GYQ', 'JB-SF']) ids[code] = await t.orgId(code);
});
afterAll(() => t.close());

const application = (overrides: Record<string, unknown> = {}) => ({
  realName: '张小骑',
  idNumber: idNumber('50010519950612123'),
  employerName: '饿了么',
  employmentForm: 'delivery_rider',
  isMigrant: true,
  homeStreetCode: '500105006',
  orgId: ids['JB-GYQ-LH'],
  ...overrides,
});

describe('joining online', () => {
  it('refuses impossible ID numbers with the field and an exact Chinese message', async () => {
    const worker = await t.loginWorker('13900000101');
    const cases: [string, string][] = [
      ['50010519950612', '身份证号应为18位'],
      [idNumber('50010519950612123').slice(0, 17) + (idNumber('50010519950612123').endsWith('0') ? '1' : '0'), '身份证号校验位错误'],
      [idNumber('50010519950230123'), '出生日期无效'],
      [idNumber('99010519950612123'), '地区代码无效'],
      [idNumber('50010520150612123'), '未满16周岁'],
    ];
    for (const [id, message] of cases) {
      const res = await worker.post('/api/v1/members/applications', application({ idNumber: id }));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'idNumber', message })]);
    }
    const en = await worker.withLang('en').post('/api/v1/members/applications', application({ idNumber: '123' }));
    expect(en.body.errors[0].message).toBe('An ID number has 18 characters');
    const phone = await worker.post('/api/v1/members/applications', application({ phone: '12345678901' }));
    expect(phone.status).toBe(400);
    expect(phone.body.errors[0].path).toBe('phone');
    const notUnion = await worker.post('/api/v1/members/applications', application({ orgId: ids['JB-GYQ'] }));
    expect(notUnion.status).toBe(400);
    expect(notUnion.body.errors[0]).toMatchObject({ path: 'orgId', code: 'MEMBER_ORG_NOT_ALLOWED' });
    expect((await t.anon.post('/api/v1/members/applications', application())).status).toBe(401);
    expect((await worker.get('/api/v1/members')).status).toBe(403);
  });

  it('applies, is rejected with a reason, re-applies, is approved and gets a card that verifies', async () => {
    const worker = await t.loginWorker('13900000102');
    const applied = await worker.post('/api/v1/members/applications', application());
    expect(applied.status).toBe(201);
    expect(applied.body.membership).toMatchObject({ status: 'applied', memberNumber: null, org: { code: 'JB-GYQ-LH' } });
    expect(applied.body.person).toMatchObject({ realName: '张小骑', idNumberMasked: '500105********1233'.slice(0, 14) + idNumber('50010519950612123').slice(-4), phoneMasked: '139****0102', sex: 'male', isRealNameVerified: false });
    expect(applied.body.person).not.toHaveProperty('birthDate');

    // At rest: ciphertext, keyed hash and mask — never the number itself.
    const [row] = await t.database.query<Record<string, string>>('select * from person where real_name = $1', ['张小骑']);
    expect(JSON.stringify(row)).not.toContain(idNumber('50010519950612123'));
    expect(row!.id_number_enc).toMatch(/^v1\./);

    const twice = await worker.post('/api/v1/members/applications', application());
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('MEMBERSHIP_ALREADY_OPEN');

    const queue = await gyq.get('/api/v1/members/applications?pageSize=200');
    expect(queue.status).toBe(200);
    const mine = queue.body.items.find((m: { id: string }) => m.id === applied.body.membership.id);
    expect(mine).toBeTruthy();
    expect((await wld.get('/api/v1/members/applications?pageSize=200')).body.items.some((m: { id: string }) => m.id === mine.id)).toBe(false);

    const rejected = await gyq.post(`/api/v1/members/${mine.id}/reject`, { version: mine.version, reason: '请填写真实的工作单位' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const me = await worker.get('/api/v1/members/me');
    expect(me.body.membership).toMatchObject({ status: 'rejected', rejectedReason: '请填写真实的工作单位' });
    expect((await worker.get('/api/v1/members/me/card')).status).toBe(404);

    const again = await worker.post('/api/v1/members/applications', application({ employerName: '饿了么重庆江北站点' }));
    expect(again.status).toBe(201);
    const second = again.body.membership;
    expect(second.id).not.toBe(mine.id);
    const approved = await gyq.post(`/api/v1/members/${second.id}/approve`, { version: second.version });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('active');
    expect(approved.body.memberNumber).toMatch(/^500105\d{8}$/);
    expect(approved.body.person.isRealNameVerified).toBe(true);
    expect(approved.body.history.map((e: { kind: string }) => e.kind)).toEqual(['applied', 'approved']);

    const card = await worker.get('/api/v1/members/me/card');
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ name: '张小骑', union: { code: 'JB-GYQ-LH' }, memberNumber: approved.body.memberNumber });
    expect(card.body.token).not.toContain('500105199');
    const verify = await t.anon.get(`/api/v1/members/verify?token=${encodeURIComponent(card.body.token)}`);
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({ valid: true, name: '张小骑', union: '观音桥街道片区联合工会', status: 'active', isExpired: false });
    expect(Date.parse(card.body.expiresAt) - Date.parse(card.body.issuedAt)).toBe(CARD_TOKEN_TTL_SECONDS * 1000);

    // A screenshot of the card stops working: a token past its life says nothing about the member (issue 9).
    const key = loadSecrets({ secret: t.config.secret, dataDir: t.config.dataDir, allowGenerate: false }).key;
    const claims = verifyCardToken(key, card.body.token)!;
    const stale = signCardToken(key, { ...claims, issuedAt: new Date(Date.now() - (CARD_TOKEN_TTL_SECONDS + 5) * 1000) });
    expect((await t.anon.get(`/api/v1/members/verify?token=${encodeURIComponent(stale)}`)).body).toEqual({ valid: false, name: null, union: null, status: null, isExpired: true });
    const future = signCardToken(key, { ...claims, issuedAt: new Date(Date.now() + 3600_000) });
    expect((await t.anon.get(`/api/v1/members/verify?token=${encodeURIComponent(future)}`)).body.valid).toBe(false);

    const parts = card.body.token.split('.');
    parts[2] = '50010500000001';
    const forged = await t.anon.get(`/api/v1/members/verify?token=${encodeURIComponent(parts.join('.'))}`);
    expect(forged.body).toEqual({ valid: false, name: null, union: null, status: null, isExpired: false });
    expect((await t.anon.get('/api/v1/members/verify?token=garbage')).body.valid).toBe(false);

    const left = await gyq.post(`/api/v1/members/${second.id}/leave`, { version: approved.body.version, reason: '本人申请退会' });
    expect(left.status).toBe(200);
    const after = await t.anon.get(`/api/v1/members/verify?token=${encodeURIComponent(card.body.token)}`);
    expect(after.body).toMatchObject({ valid: false, status: 'left' });

    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_type = 'member' and entity_id in ($1, $2) order by at", [mine.id, second.id]);
    expect(audit.map((a) => a.action)).toEqual(['member.apply', 'member.reject', 'member.apply', 'member.approve', 'member.leave']);
  });

  it('keeps one person to one ID number across accounts', async () => {
    const first = await t.loginWorker('13900000103');
    const id = idNumber('50010519880101456');
    expect((await first.post('/api/v1/members/applications', application({ realName: '李一', idNumber: id }))).status).toBe(201);
    const other = await t.loginWorker('13900000104');
    const res = await other.post('/api/v1/members/applications', application({ realName: '李一', idNumber: id.toLowerCase() }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ID_NUMBER_TAKEN');
    expect(res.body.errors[0].path).toBe('idNumber');
  });

  it('suggests the employer’s union and, for gig workers, the joint union of the street', async () => {
    const worker = await t.loginWorker('13900000105');
    const byCode = await worker.get(`/api/v1/members/union-suggestions?creditCode=${demoCreditCode('JB-ELM')}`);
    expect(byCode.status).toBe(200);
    expect(byCode.body[0]).toMatchObject({ code: 'JB-ELM', reason: 'credit_code' });
    const gig = await worker.get('/api/v1/members/union-suggestions?street=500105006&employmentForm=delivery_rider&q=顺丰');
    expect(gig.body[0]).toMatchObject({ code: 'JB-GYQ-LH', type: 'joint', reason: 'street_joint' });
    expect(gig.body.some((s: { code: string; reason: string }) => s.code === 'JB-SF' && s.reason === 'employer_name')).toBe(true);
    const byStreetUnion = await worker.get(`/api/v1/members/union-suggestions?street=${await t.orgId('JB-WLD')}&employmentForm=courier`);
    expect(byStreetUnion.body.map((s: { code: string }) => s.code)).toEqual(['JB-WLD-LH']);
    expect((await t.anon.get('/api/v1/members/union-suggestions?q=顺丰')).status).toBe(401);
  });

  it('shows nothing to a worker who has not applied', async () => {
    const worker = await t.loginWorker('13900000106');
    expect((await worker.get('/api/v1/members/me')).body).toEqual({ person: null, membership: null });
    const card = await worker.get('/api/v1/members/me/card');
    expect(card.status).toBe(404);
    expect(card.body.code).toBe('NOT_A_MEMBER');
  });

  it('withdraws a pending application, which staff then cannot approve, and applies again', async () => {
    const worker = await t.loginWorker('13900000107');
    expect((await worker.post('/api/v1/members/me/application/withdraw', { version: 1 })).status).toBe(404);
    const applied = await worker.post('/api/v1/members/applications', application({ realName: '周撤回', idNumber: idNumber('50010519960303321') }));
    expect(applied.status).toBe(201);
    const stale = await worker.post('/api/v1/members/me/application/withdraw', { version: applied.body.membership.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain(`第 ${applied.body.membership.version + 1} 版`);
    const withdrawn = await worker.post('/api/v1/members/me/application/withdraw', { version: applied.body.membership.version });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.membership).toMatchObject({ status: 'withdrawn', org: { code: 'JB-GYQ-LH' } });
    const again = await worker.post('/api/v1/members/me/application/withdraw', { version: withdrawn.body.membership.version });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('会籍当前为“已撤回”，不能撤回');

    const id = withdrawn.body.membership.id;
    const staff = await gyq.get(`/api/v1/members/${id}`);
    expect(staff.body.status).toBe('withdrawn');
    expect(staff.body.history.map((e: { kind: string }) => e.kind)).toEqual(['applied', 'withdrawn']);
    expect((await gyq.post(`/api/v1/members/${id}/approve`, { version: staff.body.version })).status).toBe(409);
    const [audit] = await t.database.query<{ action: string }>("select action from audit_entry where entity_id = $1 and action = 'member.withdraw'", [id]);
    expect(audit).toBeDefined();

    const reapplied = await worker.post('/api/v1/members/applications', application({ realName: '周撤回', idNumber: idNumber('50010519960303321') }));
    expect(reapplied.status).toBe(201);
    expect(reapplied.body.membership.status).toBe('applied');
  });
});

describe('logs', () => {
  it('never carry an ID number or a phone, even on refused requests and searches', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const sms = createMemorySmsSender();
    const app = await buildApp({ config: { ...t.config, logLevel: 'debug' }, database: t.database, sms, logStream: stream });
    try {
      const anon = new Client(app);
      const phone = '13900000177';
      await anon.post('/api/v1/auth/sms-code', { phone });
      const login = await anon.post('/api/v1/auth/sms-login', { phone, code: sms.lastCodeFor(phone) });
      const worker = new Client(app, String(login.headers['set-cookie']).split(';')[0], login.body.csrfToken);
      const id = idNumber('50010519870707077');
      expect((await worker.post('/api/v1/members/applications', application({ idNumber: id.slice(0, 17) + (id.endsWith('0') ? '1' : '0'), phone }))).status).toBe(400);
      const ok = await worker.post('/api/v1/members/applications', application({ realName: '日志测试', idNumber: id, phone }));
      expect(ok.status).toBe(201);
      const adminLogin = await anon.post('/api/v1/auth/login', { login: 'jb.admin', password: DEMO_PASSWORD });
      const admin = new Client(app, String(adminLogin.headers['set-cookie']).split(';')[0], adminLogin.body.csrfToken);
      expect((await admin.get(`/api/v1/members?q=${id}`)).body.total).toBe(1);
      expect((await admin.post(`/api/v1/members/${ok.body.membership.id}/reveal`, { field: 'idNumber' })).body.value).toBe(id);
      const text = lines.join('');
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain(id);
      expect(text).not.toContain(id.slice(0, 17));
      expect(text).not.toContain(phone);
    } finally {
      await app.close();
    }
  });
});
