import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { testConfig } from '../../config';
import { loadSecrets } from '../../platform/secrets';
import { hasPermission } from '../../platform/auth';
import { createSessionCache } from '../../platform/session-cache';
import { createMemorySmsSender } from '../../platform/sms';
import { Client, createTestApp, openSecondInstance, type Res, type TestApp } from '../../test/harness';
import { testDbKind } from '../../test/test-db';
import { sessionHook } from './accounts.routes';
import { createAuthService, type ResolvedSession } from './auth.service';

/**
 * The session cache across instances (issue 11): instance B has a signed-in user's session cached;
 * whatever instance A changes that the auth hook reads — a logout, a revoked session, a removed or
 * added grant, a changed password, a disabled account, an operator's SQL — B must reflect without
 * waiting for the cache's TTL. On PostgreSQL B is a second app with its own pool; on PGlite a second
 * app (its own cache) on the same embedded database.
 */
let t: TestApp;
let instanceB: FastifyInstance;
let closeB: () => Promise<void>;
let admin: Client;

const PASSWORD = 'Cache-Test-2026!';
const onB = (c: Client) => new Client(instanceB, c.cookie, c.csrf);

/** Polls until the answer matches: invalidation travels by NOTIFY, so it is prompt but not instant. */
async function eventually(read: () => Promise<Res>, isDone: (r: Res) => boolean, timeoutMs = 20_000): Promise<Res> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await read();
    if (isDone(res) || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 25));
  }
}

let seq = 0;
/** A fresh staff account (union_staff on a street) with a password, made through the API by the platform admin. */
async function makeStaff(orgCode = 'JB-GYQ'): Promise<{ id: string; username: string }> {
  const username = `cache.user${++seq}`;
  const res = await admin.post('/api/v1/users', { username, displayName: `缓存测试${seq}`, password: PASSWORD, role: 'union_staff', orgId: await t.orgId(orgCode) });
  expect(res.status).toBe(201);
  return { id: res.body.id, username };
}

beforeAll(async () => {
  // A TTL far longer than any wait below: only an invalidation can make B change its answer.
  t = await createTestApp({ session: { ...testConfig().session, cacheSeconds: 300 } });
  if (testDbKind() === 'postgres') {
    const second = await openSecondInstance(t);
    instanceB = second.app;
    closeB = () => second.close();
  } else {
    instanceB = await buildApp({ config: t.config, database: t.database, logger: false, jobRunner: false, doors: false });
    await instanceB.ready();
    closeB = () => instanceB.close();
  }
  admin = await t.login('admin');
});
afterAll(async () => {
  await closeB?.();
  await t?.close();
});

describe('session cache across two instances', () => {
  it('a logout on A signs the session out on B', async () => {
    const { username } = await makeStaff();
    const a = await t.login(username, PASSWORD);
    expect((await onB(a).get('/api/v1/auth/me')).status).toBe(200);
    expect((await a.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await eventually(() => onB(a).get('/api/v1/auth/me'), (r) => r.status === 401)).status).toBe(401);
  });

  it('a session revoked from another session on A is refused on B; the other goes on', async () => {
    const { username } = await makeStaff();
    const first = await t.login(username, PASSWORD);
    const second = await t.login(username, PASSWORD);
    expect((await onB(first).get('/api/v1/auth/me')).status).toBe(200);
    const sessions = (await second.get('/api/v1/auth/sessions')).body as { id: string; isCurrent: boolean }[];
    const other = sessions.find((s) => !s.isCurrent)!;
    expect((await second.delete(`/api/v1/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await eventually(() => onB(first).get('/api/v1/auth/me'), (r) => r.status === 401)).status).toBe(401);
    expect((await onB(second).get('/api/v1/auth/me')).status).toBe(200);
  });

  it('a removed grant shrinks the scope on B (403 for a lost permission, 404 for a lost subtree); an added one widens it', async () => {
    const user = await makeStaff('JB-GYQ');
    const wld = await t.orgId('JB-WLD');
    const granted = await admin.post(`/api/v1/users/${user.id}/role-grants`, { role: 'station_operator', orgId: wld });
    expect(granted.status).toBe(201);
    const c = await t.login(user.username, PASSWORD);
    // Warm B: members (union_staff on 观音桥) and 五里店's org card (station_operator there).
    expect((await onB(c).get('/api/v1/members')).status).toBe(200);
    expect((await onB(c).get(`/api/v1/orgs/${wld}`)).status).toBe(200);

    const staffGrant = (granted.body.grants as { id: string; role: string }[]).find((g) => g.role === 'union_staff')!;
    expect((await admin.delete(`/api/v1/users/${user.id}/role-grants/${staffGrant.id}`)).status).toBe(200);
    expect((await eventually(() => onB(c).get('/api/v1/members'), (r) => r.status === 403)).status).toBe(403);
    const gyq = await t.orgId('JB-GYQ');
    expect((await onB(c).get(`/api/v1/orgs/${gyq}`)).status).toBe(404);
    expect((await onB(c).get(`/api/v1/orgs/${wld}`)).status).toBe(200);

    // An added grant reaches B as promptly.
    expect((await admin.post(`/api/v1/users/${user.id}/role-grants`, { role: 'union_staff', orgId: gyq })).status).toBe(201);
    expect((await eventually(() => onB(c).get('/api/v1/members'), (r) => r.status === 200)).status).toBe(200);
  });

  it('a changed password on A signs the other sessions out on B, not the one that changed it', async () => {
    const { username } = await makeStaff();
    const old = await t.login(username, PASSWORD);
    const changer = await t.login(username, PASSWORD);
    expect((await onB(old).get('/api/v1/auth/me')).status).toBe(200);
    expect((await onB(changer).get('/api/v1/auth/me')).status).toBe(200);
    expect((await changer.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Another-Pass-2027!' })).status).toBe(204);
    expect((await eventually(() => onB(old).get('/api/v1/auth/me'), (r) => r.status === 401)).status).toBe(401);
    expect((await onB(changer).get('/api/v1/auth/me')).status).toBe(200);
  });

  it('an account disabled on A is refused on B', async () => {
    const user = await makeStaff();
    const c = await t.login(user.username, PASSWORD);
    expect((await onB(c).get('/api/v1/auth/me')).status).toBe(200);
    const current = (await admin.get(`/api/v1/users/${user.id}`)).body;
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version: current.version, status: 'disabled' })).status).toBe(200);
    expect((await eventually(() => onB(c).get('/api/v1/auth/me'), (r) => r.status === 401)).status).toBe(401);
    // And on A itself at once: its own write dropped its cache entry.
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it("an operator's SQL reaches both instances' caches too (the trigger, not the app, sends the news)", async () => {
    const user = await makeStaff();
    const c = await t.login(user.username, PASSWORD);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    expect((await onB(c).get('/api/v1/auth/me')).status).toBe(200);
    await t.database.query(`update app_user set status = 'disabled' where id = $1`, [user.id]);
    expect((await eventually(() => onB(c).get('/api/v1/auth/me'), (r) => r.status === 401)).status).toBe(401);
    expect((await eventually(() => c.get('/api/v1/auth/me'), (r) => r.status === 401)).status).toBe(401);
  });

  it('a renamed user shows the new name on B (the cache holds the display name too)', async () => {
    const user = await makeStaff();
    const c = await t.login(user.username, PASSWORD);
    expect((await onB(c).get('/api/v1/auth/me')).body.user.displayName).toMatch(/^缓存测试/);
    const current = (await admin.get(`/api/v1/users/${user.id}`)).body;
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version: current.version, displayName: '改名以后' })).status).toBe(200);
    expect((await eventually(() => onB(c).get('/api/v1/auth/me'), (r) => r.body?.user?.displayName === '改名以后')).body.user.displayName).toBe('改名以后');
  });
});

describe('session cache in the auth service', () => {
  /** The auth service on the test database with a cache that is live but hears nothing unless told. */
  function serviceAt(now: { at: Date }) {
    const sessions = createSessionCache<ResolvedSession>({ ttlMs: 60_000, maxEntries: 100 });
    sessions.setLive(true);
    const auth = createAuthService({ db: t.database.db, config: t.config, secrets: loadSecrets({ secret: 'x'.repeat(32), dataDir: t.config.dataDir, allowGenerate: true }), sms: createMemorySmsSender(), clock: () => now.at, sessions });
    return { auth, sessions };
  }
  const tokenOf = (c: Client) => c.cookie!.split('=')[1]!;

  it('reuses a cached session without reading the database, until told it changed', async () => {
    const user = await makeStaff();
    const c = await t.login(user.username, PASSWORD);
    const { auth, sessions } = serviceAt({ at: new Date() });
    expect(await auth.resolveSession(tokenOf(c))).not.toBeNull();
    expect(sessions.size()).toBe(1);
    await t.database.query(`update session set revoked_at = now() where user_id = $1`, [user.id]);
    // This cache was not told (it has no listener): it still answers from memory…
    expect(await auth.resolveSession(tokenOf(c))).not.toBeNull();
    // …and once told, the database decides.
    sessions.handleNotification(user.id);
    expect(await auth.resolveSession(tokenOf(c))).toBeNull();
  });

  it('checks a permission the cached session lacks against the database before refusing (a grant whose news has not arrived)', async () => {
    const user = await makeStaff('JB-GYQ');
    const c = await t.login(user.username, PASSWORD);
    const { auth } = serviceAt({ at: new Date() });
    // The auth hook on this deaf cache, and two routes that say whether the actor holds their permission.
    const mini = Fastify({ logger: false });
    await mini.register(fastifyCookie);
    mini.addHook('onRequest', sessionHook(auth));
    for (const permission of ['assistance.reveal', 'user.write'] as const)
      mini.get(`/${permission}`, { config: { permission } }, async (request) => ({ holds: !!request.actor && hasPermission(request.actor, permission) }));
    const ask = async (path: string) => (await mini.inject({ method: 'GET', url: path, headers: { cookie: c.cookie! } })).json<{ holds: boolean }>();
    try {
      expect(await ask('/assistance.reveal')).toEqual({ holds: false }); // union_staff: cached without it
      // union_admin on the same street, given on "another instance": this cache hears nothing of it.
      expect((await admin.post(`/api/v1/users/${user.id}/role-grants`, { role: 'union_admin', orgId: await t.orgId('JB-GYQ') })).status).toBe(201);
      expect(await ask('/assistance.reveal')).toEqual({ holds: true });
      expect(await ask('/user.write')).toEqual({ holds: true });
    } finally {
      await mini.close();
    }
  });

  it('refuses a cached session past its absolute expiry, and checks an idle timeout against the database', async () => {
    const user = await makeStaff();
    const c = await t.login(user.username, PASSWORD);
    const now = { at: new Date() };
    const { auth } = serviceAt(now);
    const resolved = await auth.resolveSession(tokenOf(c));
    expect(resolved).not.toBeNull();
    // Within the idle timeout, a minute on: served from the cache, last_seen_at refreshed once.
    now.at = new Date(now.at.getTime() + 2 * 60_000);
    expect(await auth.resolveSession(tokenOf(c))).not.toBeNull();
    const [row] = await t.database.query<{ last_seen_at: Date; expires_at: Date }>(`select last_seen_at, expires_at from session where user_id = $1`, [user.id]);
    expect(new Date(row!.last_seen_at).getTime()).toBe(now.at.getTime());
    // Past the idle timeout since the last refresh: refused.
    now.at = new Date(now.at.getTime() + (t.config.session.idleMinutes + 1) * 60_000);
    expect(await auth.resolveSession(tokenOf(c))).toBeNull();

    // An absolute expiry ten minutes away (well inside the idle timeout), cached, then passed.
    const c2 = await t.login(user.username, PASSWORD);
    const [s2] = await t.database.query<{ expires_at: Date }>(`update session set expires_at = now() + interval '10 minutes' where user_id = $1 and revoked_at is null returning expires_at`, [user.id]);
    const later = { at: new Date() };
    const second = serviceAt(later);
    expect(await second.auth.resolveSession(tokenOf(c2))).not.toBeNull();
    later.at = new Date(new Date(s2!.expires_at).getTime());
    expect(await second.auth.resolveSession(tokenOf(c2))).toBeNull();
  });
});
