import crypto from 'node:crypto';
import type { Me, Role } from '@niangjia/contracts';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { PASSWORD_ROLES, permissionsOf, STAFF_ROLES, type Actor, type ActorGrant } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import { enforceRateLimit } from '../../platform/rate-limit';
import { keyedHash, randomToken, safeEqual, sha256, type Secrets } from '../../platform/secrets';
import type { SessionCache } from '../../platform/session-cache';
import type { SmsSender } from '../../platform/sms';
import * as repo from './accounts.repository';
import { burnPasswordCheck, hashPassword, isWeakPassword, verifyPassword } from './passwords';
import './accounts.errors';

export type Clock = () => Date;

/** Lockout: from the 5th wrong password in a row, 1 minute, doubling up to an hour. */
export const LOCKOUT_THRESHOLD = 5;
export function lockoutSeconds(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD) return 0;
  return Math.min(60 * 2 ** (failures - LOCKOUT_THRESHOLD), 3600);
}

const SMS_CODE_TTL_SECONDS = 300;
const SMS_RESEND_SECONDS = 60;
const SMS_MAX_ATTEMPTS = 5;
// Only refresh last_seen_at once a minute: a write per request would cost more than the request.
const TOUCH_INTERVAL_MS = 60_000;

/** What the auth hook needs of a session, kept by the session cache between requests. */
export type ResolvedSession = {
  actor: Actor;
  user: Pick<repo.UserRow, 'id' | 'username' | 'displayName' | 'phone' | 'status'>;
  expiresAt: Date;
  /** The last refresh this instance knows of: the database's is never older. */
  lastSeenAt: Date;
};

export type RequestMeta = { ip: string; userAgent: string | undefined; audit: AuditContext };
export type SignedIn = { token: string; me: Me; maxAgeSeconds: number };

/** The lockout key of a typed login (username or phone): a keyed hash, so the table holds no phones. */
export function loginHashOf(secrets: Secrets, login: string): string {
  return keyedHash(secrets, 'login', login.trim().toLowerCase());
}

export function toActorGrants(grants: repo.GrantWithOrg[]): ActorGrant[] {
  return grants.map((g) => ({ id: g.id, role: g.role as Role, orgId: g.orgId, orgPath: g.orgPath }));
}

export function createAuthService(deps: { db: Db; config: Config; secrets: Secrets; sms: SmsSender; clock?: Clock; sessions?: SessionCache<ResolvedSession> }) {
  const { db, config, secrets, sms, sessions } = deps;
  const clock = deps.clock ?? (() => new Date());
  const idleMs = config.session.idleMinutes * 60_000;
  const absoluteMs = config.session.absoluteHours * 3_600_000;

  async function buildMe(user: Pick<repo.UserRow, 'id' | 'username' | 'displayName' | 'phone'>, csrfToken: string): Promise<Me> {
    const grants = await repo.listGrantsOfUsers(db, [user.id]);
    const actorGrants = toActorGrants(grants);
    const staffGrants = grants.filter((g) => g.orgId && STAFF_ROLES.includes(g.role as Role));
    // Scope roots: granted orgs not already under another granted org.
    const roots = staffGrants
      .filter((g) => !staffGrants.some((o) => o !== g && o.orgPath && g.orgPath && g.orgPath !== o.orgPath && g.orgPath.startsWith(o.orgPath)))
      .filter((g, i, all) => all.findIndex((o) => o.orgId === g.orgId) === i);
    const isGlobal = grants.some((g) => g.orgId === null && g.role === 'platform_admin');
    return {
      user: { id: user.id, username: user.username, displayName: user.displayName, phoneMasked: maskPhone(user.phone) },
      grants: grants.map((g) => ({
        id: g.id,
        role: g.role as Role,
        org: g.orgId ? { id: g.orgId, code: g.orgCode ?? '', name: g.orgName ?? '', type: g.orgType as never } : null,
      })),
      permissions: permissionsOf({ grants: actorGrants } as Actor),
      csrfToken,
      scopeRoots: isGlobal
        ? await rootOrgs()
        : roots.map((g) => ({ id: g.orgId!, code: g.orgCode ?? '', name: g.orgName ?? '', type: g.orgType as never })),
      isStaff: grants.some((g) => STAFF_ROLES.includes(g.role as Role)),
    };
  }

  async function rootOrgs() {
    const rows = await repo.listRootOrgs(db);
    return rows.map((r) => ({ ...r, type: r.type as never }));
  }

  async function startSession(user: repo.UserRow, meta: RequestMeta): Promise<SignedIn> {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const now = clock();
    await repo.insertSession(db, {
      id: sha256(token),
      userId: user.id,
      csrfToken,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + absoluteMs),
    });
    return { token, me: await buildMe(user, csrfToken), maxAgeSeconds: Math.floor(absoluteMs / 1000) };
  }

  return {
    buildMe,

    /**
     * Staff sign-in with username or phone + password. Wrong passwords lock the pair (login, client
     * address), counted the same for logins that do not exist, so the answer never tells whether an
     * account exists and nobody can lock an admin out from another address.
     */
    async login(login: string, password: string, meta: RequestMeta): Promise<SignedIn> {
      // Per address across all instances: slows password guessing over many accounts.
      await enforceRateLimit(db, { key: `login:ip:${meta.ip}`, limit: config.loginRateLimitPerIp, windowSeconds: 300 });
      const loginHash = loginHashOf(secrets, login);
      const now = clock();
      const lockedUntil = await repo.findLoginLock(db, loginHash, meta.ip);
      if (lockedUntil && lockedUntil > now) {
        const seconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
        throw new AppError('ACCOUNT_LOCKED', { status: 429, params: { seconds }, headers: { 'retry-after': String(seconds) } });
      }
      const user = await repo.findUserByLogin(db, login);
      // Only staff roles sign in with a password; a worker's account never does, whatever its hash.
      const canUsePassword = user?.passwordHash ? (await repo.listGrantsOfUsers(db, [user.id])).some((g) => PASSWORD_ROLES.includes(g.role as Role)) : false;
      let isRight = false;
      if (user?.passwordHash && canUsePassword) isRight = await verifyPassword(user.passwordHash, password);
      else await burnPasswordCheck(password);
      if (!user || !isRight) {
        const failures = await repo.countLoginFailure(db, loginHash, meta.ip, now);
        const lockFor = lockoutSeconds(failures);
        if (lockFor > 0) await repo.lockLogin(db, loginHash, meta.ip, new Date(now.getTime() + lockFor * 1000));
        if (user) {
          await db.transaction(async (tx) => {
            // What the users list shows; sign-in itself goes by the (login, address) pair.
            await repo.setLoginState(tx, user.id, { failedLoginCount: failures, ...(lockFor > 0 ? { lockedUntil: new Date(now.getTime() + lockFor * 1000) } : {}) });
            await recordAudit(tx, { ...meta.audit, actorId: user.id, actorName: user.username }, {
              action: lockFor > 0 ? 'auth.locked' : 'auth.login_failed',
              entityType: 'user',
              entityId: user.id,
              after: { failedLoginCount: failures, ...(lockFor > 0 ? { lockedSeconds: lockFor } : {}) },
            });
          });
        }
        throw new AppError('INVALID_CREDENTIALS', { status: 401 });
      }
      if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED', { status: 403 });
      await repo.clearLoginFailures(db, [loginHash], meta.ip);
      await repo.setLoginState(db, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
      const signedIn = await startSession(user, meta);
      await recordAudit(db, { ...meta.audit, actorId: user.id, actorName: user.username ?? user.displayName }, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
      return signedIn;
    },

    /** Sends a one-time code; limits hold across instances (per phone and per address). */
    async sendSmsCode(phone: string, meta: RequestMeta): Promise<{ resendAfterSeconds: number; expiresInSeconds: number }> {
      const phoneHash = keyedHash(secrets, 'phone', phone);
      await enforceRateLimit(db, { key: `sms:ip:${meta.ip}`, limit: 30, windowSeconds: 3600 });
      await enforceRateLimit(db, { key: `sms:phone:${phoneHash}`, limit: 1, windowSeconds: SMS_RESEND_SECONDS });
      await enforceRateLimit(db, { key: `sms:phone-day:${phoneHash}`, limit: 10, windowSeconds: 86_400 });
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      const id = crypto.randomUUID();
      await repo.insertSmsCode(db, {
        id,
        phoneHash,
        codeHash: keyedHash(secrets, `sms:${id}`, code),
        expiresAt: new Date(clock().getTime() + SMS_CODE_TTL_SECONDS * 1000),
      });
      try {
        await sms.send(phone, `【娘家】短信验证码 ${code}，${SMS_CODE_TTL_SECONDS / 60} 分钟内有效，请勿告诉他人。`);
      } catch (cause) {
        throw new AppError('SMS_SEND_FAILED', { status: 502, cause });
      }
      return { resendAfterSeconds: SMS_RESEND_SECONDS, expiresInSeconds: SMS_CODE_TTL_SECONDS };
    },

    /** Worker sign-in with phone + code; the first sign-in makes the account (role worker). */
    async smsLogin(phone: string, code: string, meta: RequestMeta, privacyPolicyVersion?: string): Promise<SignedIn> {
      const phoneHash = keyedHash(secrets, 'phone', phone);
      await enforceRateLimit(db, { key: `sms-login:phone:${phoneHash}`, limit: 10, windowSeconds: 900 });
      const latest = await repo.findLatestSmsCode(db, phoneHash);
      const now = clock();
      if (!latest || latest.consumedAt || latest.expiresAt <= now) throw new AppError('SMS_CODE_INVALID', { status: 401 });
      if (latest.attempts >= SMS_MAX_ATTEMPTS) throw new AppError('SMS_CODE_TOO_MANY_ATTEMPTS', { status: 401 });
      if (!safeEqual(latest.codeHash, keyedHash(secrets, `sms:${latest.id}`, code))) {
        await repo.bumpSmsAttempts(db, latest.id);
        throw new AppError('SMS_CODE_INVALID', { status: 401 });
      }
      if (!(await repo.consumeSmsCode(db, latest.id))) throw new AppError('SMS_CODE_INVALID', { status: 401 });
      const user = await db.transaction(async (tx) => {
        let existing = await repo.findUserByPhone(tx, phone);
        if (!existing) {
          existing = await repo.insertUser(tx, { displayName: `职工${phone.slice(-4)}`, phone });
          await repo.insertGrant(tx, { userId: existing.id, role: 'worker', orgId: null });
          await recordAudit(tx, { ...meta.audit, actorId: existing.id, actorName: existing.displayName }, {
            action: 'user.register',
            entityType: 'user',
            entityId: existing.id,
            // The policy they consented to before the code was sent (PIPL art. 14): kept with the account's creation.
            after: { phone: maskPhone(phone), role: 'worker', privacyPolicy: privacyPolicyVersion ?? null },
          });
        }
        return existing;
      });
      if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED', { status: 403 });
      await repo.setLoginState(db, user.id, { lastLoginAt: now });
      return startSession(user, meta);
    },

    /**
     * Resolves a session token into the acting user; null when missing, revoked or timed out. A
     * cached session is reused for a few seconds (invalidated on every instance by NOTIFY when it
     * is revoked or its user or grants change); the absolute expiry is checked on every request, and
     * an idle timeout seen in the cache is checked again against the database before refusing.
     * `fresh` skips the cache (and refreshes it): the auth hook asks for it before refusing a
     * permission that a cached session lacks, since a grant made a moment ago may still be on its
     * way to this cache.
     */
    async resolveSession(token: string, opts: { fresh?: boolean } = {}): Promise<{ actor: Actor; user: ResolvedSession['user']; fromCache?: boolean } | null> {
      const id = sha256(token);
      const now = clock();
      const cached = opts.fresh ? undefined : sessions?.get(id);
      if (cached) {
        if (cached.expiresAt <= now) {
          sessions!.forget(id);
          return null;
        }
        if (now.getTime() - cached.lastSeenAt.getTime() <= idleMs) {
          if (now.getTime() - cached.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
            await repo.touchSession(db, id, now);
            cached.lastSeenAt = now;
          }
          return { actor: cached.actor, user: cached.user, fromCache: true };
        }
        // Another instance may have refreshed last_seen_at meanwhile: the database decides.
        sessions!.forget(id);
      }
      const generation = sessions?.generation() ?? 0;
      const found = await repo.findSessionWithUser(db, id);
      if (!found) return null;
      const { session: row, user, grants } = found;
      if (row.revokedAt || row.expiresAt <= now) return null;
      if (now.getTime() - row.lastSeenAt.getTime() > idleMs) return null;
      if (user.status !== 'active') return null;
      let lastSeenAt = row.lastSeenAt;
      if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await repo.touchSession(db, id, now);
        lastSeenAt = now;
      }
      const resolved: ResolvedSession = {
        user: { id: user.id, username: user.username, displayName: user.displayName, phone: user.phone, status: user.status },
        actor: {
          userId: user.id,
          displayName: user.displayName,
          username: user.username,
          sessionId: id,
          csrfToken: row.csrfToken,
          grants: toActorGrants(grants),
        },
        expiresAt: row.expiresAt,
        lastSeenAt,
      };
      sessions?.set(id, user.id, resolved, generation);
      return resolved;
    },

    async changePassword(actor: Actor, currentPassword: string, newPassword: string, audit: AuditContext): Promise<void> {
      const user = await repo.findUserById(db, actor.userId);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new AppError('PASSWORD_WRONG', { status: 400, errors: [{ path: 'currentPassword', message: 'PASSWORD_WRONG' }] });
      }
      if (isWeakPassword(newPassword)) throw new AppError('PASSWORD_TOO_WEAK', { errors: [{ path: 'newPassword', message: 'PASSWORD_TOO_WEAK' }] });
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUserIfVersion(tx, user.id, user.version, { passwordHash });
        // Whoever knew the old password is signed out everywhere but here.
        await repo.revokeOtherSessionsOfUser(tx, user.id, actor.sessionId);
        await recordAudit(tx, audit, { action: 'user.password_change', entityType: 'user', entityId: user.id, after: { otherSessionsRevoked: true } });
      });
      sessions?.forgetUser(user.id);
    },

    async logout(sessionId: string): Promise<void> {
      await repo.revokeSession(db, sessionId);
      sessions?.forget(sessionId);
    },

    async listSessions(actor: Actor) {
      const rows = await repo.listLiveSessions(db, actor.userId, clock());
      return rows
        .filter((r) => clock().getTime() - r.lastSeenAt.getTime() <= idleMs)
        .map((r) => ({
          // The public id of a session is a hash of its key, never the key itself.
          id: sha256(r.id).slice(0, 22),
          createdAt: r.createdAt.toISOString(),
          lastSeenAt: r.lastSeenAt.toISOString(),
          expiresAt: r.expiresAt.toISOString(),
          userAgent: r.userAgent,
          isCurrent: r.id === actor.sessionId,
        }));
    },

    async revokeOwnSession(actor: Actor, publicId: string): Promise<boolean> {
      const rows = await repo.listLiveSessions(db, actor.userId, clock());
      const target = rows.find((r) => sha256(r.id).slice(0, 22) === publicId);
      if (!target) return false;
      await repo.revokeSession(db, target.id);
      sessions?.forget(target.id);
      return true;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
