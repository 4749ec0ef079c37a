import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type Res, type TestApp } from '../../test/harness';

// Issue 9.2, account takeover: a street admin granted a role to a worker outside their scope, set a
// password on the worker's account, revoked the role and kept signing in as the worker.

let t: TestApp;
let admin: Client;
let gyq: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  gyq = await t.login('gyq.admin');
});
afterAll(() => t.close());

async function workerId(phone: string): Promise<string> {
  await t.loginWorker(phone);
  const [row] = await t.database.query<{ id: string }>('select id from app_user where phone = $1', [phone]);
  return row!.id;
}

async function userRow(id: string) {
  const [row] = await t.database.query<{ version: number; password_hash: string | null; phone: string | null }>('select version, password_hash, phone from app_user where id = $1', [id]);
  return row!;
}

async function refusals(id: string) {
  return t.database.query<{ actor_name: string; after: { attempted: string; code: string } }>("select actor_name, after from audit_entry where action = 'user.refused' and entity_id = $1 order by at", [id]);
}

/** A password sign-in from a given client address. */
async function loginFrom(address: string, login: string, password: string): Promise<Res> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, payload: { login, password } });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

describe('granting roles', () => {
  it('a street admin cannot give a role to a worker who is nobody in their scope, and the attempt is audited', async () => {
    const worker = await workerId('13955550001');
    const res = await gyq.post(`/api/v1/users/${worker}/role-grants`, { role: 'union_staff', orgId: await t.orgId('JB-GYQ') });
    expect(res.status).toBe(404);
    expect(await refusals(worker)).toEqual([{ actor_name: 'gyq.admin', after: expect.objectContaining({ attempted: 'role.grant', code: 'NOT_FOUND' }) }]);
    const grants = await t.database.query('select role from role_grant where user_id = $1', [worker]);
    expect(grants).toEqual([{ role: 'worker' }]);
  });

  it('nor to a staff member of another street', async () => {
    const [wld] = await t.database.query<{ id: string }>("select id from app_user where username = 'wld.admin'");
    const res = await gyq.post(`/api/v1/users/${wld!.id}/role-grants`, { role: 'union_staff', orgId: await t.orgId('JB-GYQ') });
    expect(res.status).toBe(404);
    expect((await refusals(wld!.id)).map((r) => r.after.attempted)).toEqual(['role.grant']);
  });

  it('but may grant again to someone they created after revoking that person’s only role', async () => {
    const created = (await gyq.post('/api/v1/users', { username: 'gyq.helper', displayName: '观音桥干事', password: 'Helper-pass-2026', role: 'union_staff', orgId: await t.orgId('JB-GYQ') })).body;
    const revoked = await gyq.delete(`/api/v1/users/${created.id}/role-grants/${created.grants[0].id}`);
    expect(revoked.status).toBe(200);
    const again = await gyq.post(`/api/v1/users/${created.id}/role-grants`, { role: 'station_operator', orgId: await t.orgId('JB-GYQ-LH') });
    expect(again.status).toBe(201);
  });
});

describe('passwords and phones of other accounts', () => {
  it('nobody sets the password or phone of an account a worker signs in to by SMS, not even in scope', async () => {
    const worker = await workerId('13955550002');
    // A platform admin may make a worker staff; the account stays the worker's own.
    expect((await admin.post(`/api/v1/users/${worker}/role-grants`, { role: 'union_staff', orgId: await t.orgId('JB-GYQ') })).status).toBe(201);
    const { version } = await userRow(worker);
    const password = await gyq.post(`/api/v1/users/${worker}/password`, { version, password: 'Backdoor-pass-2026' });
    expect(password.status).toBe(403);
    expect(password.body.code).toBe('USER_IS_WORKER_ACCOUNT');
    const phone = await gyq.patch(`/api/v1/users/${worker}`, { version, phone: '13955559999' });
    expect(phone.status).toBe(403);
    expect((await admin.post(`/api/v1/users/${worker}/password`, { version, password: 'Backdoor-pass-2026' })).status).toBe(403);
    expect(await userRow(worker)).toMatchObject({ password_hash: null, phone: '13955550002' });
    expect((await refusals(worker)).map((r) => `${r.actor_name} ${r.after.attempted} ${r.after.code}`)).toEqual([
      'gyq.admin user.password_reset USER_IS_WORKER_ACCOUNT',
      'gyq.admin user.update USER_IS_WORKER_ACCOUNT',
      'admin user.password_reset USER_IS_WORKER_ACCOUNT',
    ]);
  });

  it('a password on a worker-only account (left by the old hole) does not sign in', async () => {
    const worker = await workerId('13955550003');
    await t.database.query("update app_user set password_hash = (select password_hash from app_user where username = 'jb.staff') where id = $1", [worker]);
    const res = await t.anon.post('/api/v1/auth/login', { login: '13955550003', password: 'Niangjia@2026' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('revoking the last staff role takes the password with it and ends the sessions', async () => {
    const created = (await admin.post('/api/v1/users', { username: 'short.term', displayName: '临时干事', password: 'Short-term-2026', role: 'union_staff', orgId: await t.orgId('JB-GYQ') })).body;
    const session = await t.login('short.term', 'Short-term-2026');
    expect((await admin.delete(`/api/v1/users/${created.id}/role-grants/${created.grants[0].id}`)).status).toBe(200);
    expect((await userRow(created.id)).password_hash).toBeNull();
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.anon.post('/api/v1/auth/login', { login: 'short.term', password: 'Short-term-2026' })).status).toBe(401);
  });
});

describe('my own password', () => {
  it('changing it signs out my other sessions and keeps this one', async () => {
    await admin.post('/api/v1/users', { username: 'two.devices', displayName: '两台电脑', password: 'First-pass-2026', role: 'union_staff', orgId: await t.orgId('JB') });
    const desk = await t.login('two.devices', 'First-pass-2026');
    const laptop = await t.login('two.devices', 'First-pass-2026');
    expect((await desk.post('/api/v1/auth/password', { currentPassword: 'First-pass-2026', newPassword: 'Second-pass-2026' })).status).toBe(204);
    expect((await desk.get('/api/v1/auth/me')).status).toBe(200);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('sign-in lockout', () => {
  it('locks only the address that guessed, so nobody can lock an admin out from elsewhere', async () => {
    for (let i = 0; i < 5; i++) expect((await loginFrom('10.9.0.1', 'jb.admin', `wrong-guess-${i}`)).status).toBe(401);
    const locked = await loginFrom('10.9.0.1', 'jb.admin', 'Niangjia@2026');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect((await loginFrom('10.9.0.2', 'jb.admin', 'Niangjia@2026')).status).toBe(200);
  });

  it('answers the same for a login that does not exist', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      known.push((await loginFrom('10.9.1.1', 'jb.staff', `wrong-guess-${i}`)).status);
      unknown.push((await loginFrom('10.9.1.2', 'no.such.user', `wrong-guess-${i}`)).status);
    }
    expect(unknown).toEqual(known);
    expect(known).toEqual([401, 401, 401, 401, 401, 429]);
    const a = await loginFrom('10.9.1.1', 'jb.staff', 'x-x-x-x-x-x');
    const b = await loginFrom('10.9.1.2', 'no.such.user', 'x-x-x-x-x-x');
    expect({ ...b.body, requestId: '', detail: String(b.body.detail).replace(/\d+/, 'N') }).toEqual({ ...a.body, requestId: '', detail: String(a.body.detail).replace(/\d+/, 'N') });
  });

  it('an admin’s unlock lifts the lock at every address', async () => {
    const [staff] = await t.database.query<{ id: string }>("select id from app_user where username = 'jb.staff'");
    expect((await admin.post(`/api/v1/users/${staff!.id}/unlock`)).status).toBe(200);
    expect((await loginFrom('10.9.1.1', 'jb.staff', 'Niangjia@2026')).status).toBe(200);
  });
});
