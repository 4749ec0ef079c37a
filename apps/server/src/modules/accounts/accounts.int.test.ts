import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createMemorySmsSender } from '../../platform/sms';
import { createTestApp, Client, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('staff sign-in', () => {
  it('signs in by username or phone and sets an httpOnly SameSite cookie', async () => {
    const res = await t.anon.post('/api/v1/auth/login', { login: 'jb.admin', password: 'Niangjia@2026' });
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('jb.admin');
    expect(res.body.permissions).toContain('org.write');
    expect(res.body.scopeRoots.map((o: { code: string }) => o.code)).toEqual(['JB']);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/nj_sid=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    await t.database.query("update app_user set phone = '13700000002' where username = 'jb.staff'");
    const byPhone = await t.anon.post('/api/v1/auth/login', { login: '13700000002', password: 'Niangjia@2026' });
    expect(byPhone.body.user.username).toBe('jb.staff');
    expect(byPhone.body.user.phoneMasked).toBe('137****0002');
  });

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const client = await t.login('gyq.admin');
    const token = client.cookie!.split('=')[1]!;
    expect(await t.database.query('select 1 from session where id = $1', [token])).toHaveLength(0);
    const [user] = await t.database.query<{ password_hash: string }>("select password_hash from app_user where username = 'gyq.admin'");
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await t.anon.post('/api/v1/auth/login', { login: 'nobody', password: 'whatever-123' });
    const wrong = await t.anon.post('/api/v1/auth/login', { login: 'jb.staff', password: 'whatever-123' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.title).toBe(wrong.body.title);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after five wrong passwords, with backoff, even for the right password', async () => {
    const created = await (await t.login('admin')).post('/api/v1/users', { username: 'lock.me', displayName: '锁定测试', password: 'Correct-horse-1', role: 'union_staff', orgId: await t.orgId('JB-GYQ') });
    expect(created.status).toBe(201);
    for (let i = 0; i < 5; i++) {
      expect((await t.anon.post('/api/v1/auth/login', { login: 'lock.me', password: `wrong-${i}-xxxx` })).status).toBe(401);
    }
    const locked = await t.anon.post('/api/v1/auth/login', { login: 'lock.me', password: 'Correct-horse-1' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_id = $1 and action like 'auth.%'", [created.body.id]);
    expect(audit.map((a) => a.action)).toContain('auth.locked');

    // An admin can lift the lock.
    const admin = await t.login('admin');
    expect((await admin.post(`/api/v1/users/${created.body.id}/unlock`)).status).toBe(200);
    expect((await t.anon.post('/api/v1/auth/login', { login: 'lock.me', password: 'Correct-horse-1' })).status).toBe(200);
  });

  it('refuses a disabled account and revokes its sessions', async () => {
    const admin = await t.login('admin');
    const user = (await admin.post('/api/v1/users', { username: 'to.disable', displayName: '停用测试', password: 'Correct-horse-2', role: 'union_staff', orgId: await t.orgId('JB') })).body;
    const victim = await t.login('to.disable', 'Correct-horse-2');
    expect((await victim.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, status: 'disabled' })).status).toBe(200);
    expect((await victim.get('/api/v1/auth/me')).status).toBe(401);
    const again = await t.anon.post('/api/v1/auth/login', { login: 'to.disable', password: 'Correct-horse-2' });
    expect(again.body.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('sign-in rate limit per address', () => {
  it('holds across instances sharing the database', async () => {
    const strict = await createTestApp({ loginRateLimitPerIp: 3 });
    try {
      const second = await buildApp({ config: strict.config, database: strict.database, sms: createMemorySmsSender(), logger: false });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const app = i % 2 === 0 ? strict.anon : new Client(second);
        statuses.push((await app.post('/api/v1/auth/login', { login: 'jb.staff', password: 'Niangjia@2026' })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      await second.close();
    } finally {
      await strict.close();
    }
  });
});

describe('sessions', () => {
  it('logout revokes the session in the database', async () => {
    const client = await t.login('jb.staff');
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('expires after the idle timeout and after the absolute timeout', async () => {
    const idle = await t.login('jb.staff');
    await t.database.query("update session set last_seen_at = now() - interval '3 hours' where id in (select id from session order by created_at desc limit 1)");
    expect((await idle.get('/api/v1/auth/me')).status).toBe(401);

    const absolute = await t.login('jb.staff');
    await t.database.query("update session set expires_at = now() - interval '1 second' where id in (select id from session order by created_at desc limit 1)");
    expect((await absolute.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('lists my sessions and revokes one of them', async () => {
    const a = await t.login('wld.admin');
    const b = await t.login('wld.admin');
    const list = await a.get('/api/v1/auth/sessions');
    expect(list.body.filter((s: { isCurrent: boolean }) => s.isCurrent)).toHaveLength(1);
    const other = list.body.find((s: { isCurrent: boolean }) => !s.isCurrent);
    expect((await a.delete(`/api/v1/auth/sessions/${other.id}`)).status).toBe(204);
    const stillA = await a.get('/api/v1/auth/me');
    const stillB = await b.get('/api/v1/auth/me');
    expect([stillA.status, stillB.status].sort()).toEqual([200, 401]);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const client = await t.login('jb.admin');
    const noToken = new Client(t.app, client.cookie);
    const res = await noToken.post('/api/v1/orgs', { code: 'JB-CSRF', type: 'park', parentId: await t.orgId('JB'), name: 'CSRF 测试园区' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_FAILED');
    const wrong = new Client(t.app, client.cookie, 'not-the-token');
    expect((await wrong.post('/api/v1/auth/logout')).status).toBe(403);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('worker sign-in by SMS code', () => {
  it('sends a code, signs in, and makes a worker account on first use', async () => {
    const sent = await t.anon.post('/api/v1/auth/sms-code', { phone: '13912345678' });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 300 });
    const code = t.sms.lastCodeFor('13912345678')!;
    expect(code).toMatch(/^\d{6}$/);
    const res = await t.anon.post('/api/v1/auth/sms-login', { phone: '13912345678', code });
    expect(res.status).toBe(200);
    expect(res.body.user.phoneMasked).toBe('139****5678');
    expect(res.body.grants.map((g: { role: string }) => g.role)).toEqual(['worker']);
    expect(res.body.isStaff).toBe(false);
    // The code is single-use.
    expect((await t.anon.post('/api/v1/auth/sms-login', { phone: '13912345678', code })).status).toBe(401);
    // Only hashes are stored.
    expect(await t.database.query('select 1 from sms_code where code_hash = $1 or phone_hash = $2', [code, '13912345678'])).toHaveLength(0);
  });

  it('refuses a wrong code, and burns the code after five wrong tries', async () => {
    await t.anon.post('/api/v1/auth/sms-code', { phone: '13912340000' });
    const code = t.sms.lastCodeFor('13912340000')!;
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await t.anon.post('/api/v1/auth/sms-login', { phone: '13912340000', code: wrong });
    expect(first.status).toBe(401);
    expect(first.body).toMatchObject({ code: 'SMS_CODE_INVALID', title: '验证码错误或已过期' });
    for (let i = 0; i < 4; i++) await t.anon.post('/api/v1/auth/sms-login', { phone: '13912340000', code: wrong });
    const burnt = await t.anon.post('/api/v1/auth/sms-login', { phone: '13912340000', code });
    expect(burnt.body.code).toBe('SMS_CODE_TOO_MANY_ATTEMPTS');
  });

  it('validates the phone number in the caller language', async () => {
    const zh = await t.anon.post('/api/v1/auth/sms-code', { phone: '12345' });
    expect(zh.status).toBe(400);
    expect(zh.body.errors).toEqual([{ path: 'phone', message: '手机号格式不正确（应为 11 位中国大陆手机号）', code: 'PHONE_INVALID' }]);
    const en = await t.anon.withLang('en').post('/api/v1/auth/sms-code', { phone: '12345' });
    expect(en.body.errors[0].message).toBe('is not a valid mainland China mobile number (11 digits)');
  });

  it('rate-limits code sending per phone across app instances sharing the database', async () => {
    // A second app on the same database stands in for a second instance behind the load balancer.
    const second = await buildApp({ config: t.config, database: t.database, sms: createMemorySmsSender(), logger: false });
    const other = new Client(second);
    expect((await t.anon.post('/api/v1/auth/sms-code', { phone: '13911112222' })).status).toBe(200);
    const limited = await other.post('/api/v1/auth/sms-code', { phone: '13911112222' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.detail).toMatch(/请在 \d+ 秒后再试/);
    await second.close();
  });
});

describe('users and role grants', () => {
  it('a district admin creates a street admin who then works in that street only', async () => {
    const district = await t.login('jb.admin');
    const res = await district.post('/api/v1/users', { username: 'dsb.admin', displayName: '大石坝管理员', phone: '13800138000', password: 'Dashiba-2026', role: 'union_admin', orgId: await t.orgId('JB-DSB') });
    expect(res.status).toBe(201);
    expect(res.body.phoneMasked).toBe('138****8000');
    expect(res.body.grants[0]).toMatchObject({ role: 'union_admin', org: { code: 'JB-DSB' } });
    const dsb = await t.login('dsb.admin', 'Dashiba-2026');
    expect((await dsb.get(`/api/v1/orgs/${await t.orgId('JB-DSB')}`)).status).toBe(200);
    expect((await dsb.get(`/api/v1/orgs/${await t.orgId('JB-GYQ')}`)).status).toBe(404);
  });

  it('a street admin cannot see, grant on, or manage users of another street', async () => {
    const gyq = await t.login('gyq.admin');
    const list = await gyq.get('/api/v1/users?pageSize=100');
    const names = list.body.items.map((u: { username: string }) => u.username);
    expect(names).toContain('gyq.admin');
    expect(names).not.toContain('wld.admin');
    expect(names).not.toContain('jb.admin');
    const [wld] = await t.database.query<{ id: string }>("select id from app_user where username = 'wld.admin'");
    expect((await gyq.get(`/api/v1/users/${wld!.id}`)).status).toBe(404);
    expect((await gyq.post(`/api/v1/users/${wld!.id}/reveal-phone`)).status).toBe(404);
    const grant = await gyq.post('/api/v1/users', { username: 'x.intruder', displayName: '越权', password: 'Intruder-2026', role: 'union_admin', orgId: await t.orgId('JB-WLD') });
    expect(grant.status).toBe(404);
    expect(grant.body.errors[0].path).toBe('orgId');
    const platform = await gyq.post('/api/v1/users', { username: 'x.platform', displayName: '越权', password: 'Intruder-2026', role: 'platform_admin' });
    expect(platform.status).toBe(403);
    expect(platform.body.code).toBe('ROLE_NOT_GRANTABLE');
  });

  it('a street admin cannot edit a user who also holds a role outside the street', async () => {
    const [jb] = await t.database.query<{ id: string; version: number }>("select id, version from app_user where username = 'jb.admin'");
    const gyq = await t.login('gyq.admin');
    // Give jb.admin a role inside 观音桥 so gyq.admin can see but not manage them.
    const admin = await t.login('admin');
    expect((await admin.post(`/api/v1/users/${jb!.id}/role-grants`, { role: 'union_staff', orgId: await t.orgId('JB-GYQ') })).status).toBe(201);
    expect((await gyq.get(`/api/v1/users/${jb!.id}`)).status).toBe(200);
    const edit = await gyq.patch(`/api/v1/users/${jb!.id}`, { version: jb!.version, displayName: '被改名' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('USER_OUTSIDE_SCOPE');
  });

  it('reveals a phone only with its permission, and audits every reveal', async () => {
    const district = await t.login('jb.admin');
    const created = (await district.post('/api/v1/users', { username: 'reveal.me', displayName: '手机号测试', phone: '13600001111', password: 'Reveal-me-2026', role: 'union_staff', orgId: await t.orgId('JB') })).body;
    const list = await district.get('/api/v1/users?q=reveal.me');
    expect(JSON.stringify(list.body)).not.toContain('13600001111');
    const revealed = await district.post(`/api/v1/users/${created.id}/reveal-phone`);
    expect(revealed.body).toEqual({ phone: '13600001111' });
    const audit = await t.database.query<{ actor_name: string; after: { field: string } }>("select actor_name, after from audit_entry where action = 'personal_data.read' and entity_id = $1", [created.id]);
    expect(audit).toEqual([{ actor_name: 'jb.admin', after: { field: 'phone' } }]);
    const staff = await t.login('jb.staff');
    expect((await staff.post(`/api/v1/users/${created.id}/reveal-phone`)).status).toBe(403);
  });

  it('refuses weak passwords and duplicate usernames with field paths', async () => {
    const admin = await t.login('admin');
    const weak = await admin.post('/api/v1/users', { username: 'weak.pw', displayName: '弱密码', password: '1234567890', role: 'union_staff', orgId: await t.orgId('JB') });
    expect(weak.body.errors[0]).toMatchObject({ path: 'password', code: 'PASSWORD_TOO_WEAK' });
    const dup = await admin.post('/api/v1/users', { username: 'JB.ADMIN', displayName: '重名', password: 'Duplicate-2026', role: 'union_staff', orgId: await t.orgId('JB') });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].path).toBe('username');
  });

  it('grants and revokes roles, audited', async () => {
    const admin = await t.login('admin');
    const user = (await admin.post('/api/v1/users', { username: 'grant.me', displayName: '授权测试', password: 'Grant-me-2026', role: 'union_staff', orgId: await t.orgId('JB-GYQ') })).body;
    const granted = await admin.post(`/api/v1/users/${user.id}/role-grants`, { role: 'station_operator', orgId: await t.orgId('JB-GYQ-LH') });
    expect(granted.status).toBe(201);
    expect(granted.body.grants).toHaveLength(2);
    const dup = await admin.post(`/api/v1/users/${user.id}/role-grants`, { role: 'station_operator', orgId: await t.orgId('JB-GYQ-LH') });
    expect(dup.status).toBe(409);
    const grantId = granted.body.grants.find((g: { role: string }) => g.role === 'station_operator').id;
    const revoked = await admin.delete(`/api/v1/users/${user.id}/role-grants/${grantId}`);
    expect(revoked.body.grants).toHaveLength(1);
    const actions = await t.database.query<{ action: string }>('select action from audit_entry where entity_id = $1 order by at', [user.id]);
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'role.grant', 'role.revoke']);
  });
});
