import { normalizeMobilePhone } from '@niangjia/contracts';
import { and, asc, count, desc, eq, exists, gt, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { org } from '../orgs';
import { appUser, loginFailure, roleGrant, session, smsCode } from './accounts.tables';

export type UserRow = typeof appUser.$inferSelect;
export type SessionRow = typeof session.$inferSelect;
export type GrantWithOrg = {
  id: string;
  userId: string;
  role: string;
  orgId: string | null;
  orgCode: string | null;
  orgName: string | null;
  orgType: string | null;
  orgPath: string | null;
};

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return (await db.select().from(appUser).where(eq(appUser.id, id)).limit(1))[0];
}

/** Staff sign in with a username or a phone number. */
export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(appUser)
    .where(or(sql`lower(${appUser.username}) = lower(${login})`, eq(appUser.phone, normalizeMobilePhone(login) ?? login)))
    .limit(1);
  return rows[0];
}

export async function findUserByPhone(db: Db, phone: string): Promise<UserRow | undefined> {
  return (await db.select().from(appUser).where(eq(appUser.phone, phone)).limit(1))[0];
}

export async function insertUser(db: Db, values: typeof appUser.$inferInsert): Promise<UserRow> {
  return (await db.insert(appUser).values(values).returning())[0]!;
}

export async function updateUserIfVersion(db: Db, id: string, version: number, values: Partial<typeof appUser.$inferInsert>) {
  const rows = await db
    .update(appUser)
    .set({ ...values, version: sql`${appUser.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(appUser.id, id), eq(appUser.version, version)))
    .returning();
  return rows[0];
}

/** Drops the password whatever the version (a revoke must not fail to remove it because of a concurrent edit). */
export async function clearPassword(db: Db, id: string): Promise<UserRow> {
  const rows = await db
    .update(appUser)
    .set({ passwordHash: null, version: sql`${appUser.version} + 1`, updatedAt: sql`now()` })
    .where(eq(appUser.id, id))
    .returning();
  return rows[0]!;
}

/** Sign-in bookkeeping; not a user edit, so the version is left alone. */
export async function setLoginState(db: Db, id: string, values: Pick<Partial<UserRow>, 'failedLoginCount' | 'lockedUntil' | 'lastLoginAt'>) {
  await db.update(appUser).set(values).where(eq(appUser.id, id));
}

/** Counts a failed sign-in atomically (several instances may see failures at once). */
export async function incrementFailedLogins(db: Db, id: string): Promise<number> {
  const rows = await db
    .update(appUser)
    .set({ failedLoginCount: sql`${appUser.failedLoginCount} + 1` })
    .where(eq(appUser.id, id))
    .returning({ n: appUser.failedLoginCount });
  return rows[0]?.n ?? 0;
}

export async function listGrantsOfUsers(db: Db, userIds: string[]): Promise<GrantWithOrg[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: roleGrant.id,
      userId: roleGrant.userId,
      role: roleGrant.role,
      orgId: roleGrant.orgId,
      orgCode: org.code,
      orgName: org.name,
      orgType: org.type,
      orgPath: org.path,
    })
    .from(roleGrant)
    .leftJoin(org, eq(org.id, roleGrant.orgId))
    .where(inArray(roleGrant.userId, userIds))
    .orderBy(asc(roleGrant.createdAt));
}

export async function insertGrant(db: Db, values: typeof roleGrant.$inferInsert) {
  return (await db.insert(roleGrant).values(values).returning())[0]!;
}

export async function hasGrant(db: Db, userId: string, role: string, orgId: string | null): Promise<boolean> {
  const rows = await db
    .select({ id: roleGrant.id })
    .from(roleGrant)
    .where(and(eq(roleGrant.userId, userId), eq(roleGrant.role, role), orgId ? eq(roleGrant.orgId, orgId) : isNull(roleGrant.orgId)))
    .limit(1);
  return rows.length > 0;
}

export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.delete(roleGrant).where(eq(roleGrant.id, id));
}

export type UserListFilter = { scope: Scope; q?: string | undefined; orgPath?: string | undefined; role?: string | undefined; status?: string | undefined; page: number; pageSize: number };

/** Users visible in a scope: those holding at least one role on an org inside it. */
export async function listUsers(db: Db, f: UserListFilter): Promise<{ items: UserRow[]; total: number }> {
  const grantConditions: (SQL | undefined)[] = [eq(roleGrant.userId, appUser.id)];
  if (f.scope !== 'all') grantConditions.push(or(...f.scope.map((p) => like(org.path, `${p}%`))));
  if (f.orgPath) grantConditions.push(like(org.path, `${f.orgPath}%`));
  if (f.role) grantConditions.push(eq(roleGrant.role, f.role));
  const needsGrant = f.scope !== 'all' || f.orgPath || f.role;
  const conditions: (SQL | undefined)[] = [];
  if (needsGrant) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(roleGrant)
          .leftJoin(org, eq(org.id, roleGrant.orgId))
          .where(and(...grantConditions)),
      ),
    );
  }
  if (f.status) conditions.push(eq(appUser.status, f.status));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(appUser.username, pattern), ilike(appUser.displayName, pattern), eq(appUser.phone, normalizeMobilePhone(f.q) ?? f.q)));
  }
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db.select().from(appUser).where(where).orderBy(desc(appUser.createdAt), asc(appUser.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ value: count() }).from(appUser).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function insertSession(db: Db, values: typeof session.$inferInsert): Promise<void> {
  await db.insert(session).values(values);
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return (await db.select().from(session).where(eq(session.id, id)).limit(1))[0];
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(session).set({ lastSeenAt: at }).where(eq(session.id, id));
}

export async function revokeSession(db: Db, id: string): Promise<void> {
  await db.update(session).set({ revokedAt: sql`now()` }).where(and(eq(session.id, id), isNull(session.revokedAt)));
}

export async function revokeSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.update(session).set({ revokedAt: sql`now()` }).where(and(eq(session.userId, userId), isNull(session.revokedAt)));
}

/** Every session of a user but one (a password change keeps the session that made it). */
export async function revokeOtherSessionsOfUser(db: Db, userId: string, keepId: string): Promise<void> {
  await db
    .update(session)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(session.userId, userId), isNull(session.revokedAt), sql`${session.id} <> ${keepId}`));
}

export async function listLiveSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(session)
    .where(and(eq(session.userId, userId), isNull(session.revokedAt), gt(session.expiresAt, now)))
    .orderBy(desc(session.lastSeenAt));
}

export async function insertSmsCode(db: Db, values: typeof smsCode.$inferInsert): Promise<void> {
  await db.insert(smsCode).values(values);
}

export async function findLatestSmsCode(db: Db, phoneHash: string) {
  const rows = await db.select().from(smsCode).where(eq(smsCode.phoneHash, phoneHash)).orderBy(desc(smsCode.createdAt)).limit(1);
  return rows[0];
}

export async function bumpSmsAttempts(db: Db, id: string): Promise<void> {
  await db.update(smsCode).set({ attempts: sql`${smsCode.attempts} + 1` }).where(eq(smsCode.id, id));
}

/** Consumes a code exactly once, even if two requests race with it. */
export async function consumeSmsCode(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(smsCode)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(smsCode.id, id), isNull(smsCode.consumedAt)))
    .returning({ id: smsCode.id });
  return rows.length === 1;
}

export async function listRootOrgs(db: Db) {
  return db.select({ id: org.id, code: org.code, name: org.name, type: org.type }).from(org).where(isNull(org.parentId)).orderBy(asc(org.code));
}

export type SessionWithUser = { session: SessionRow; user: UserRow; grants: GrantWithOrg[] };

/**
 * The session, its user and their grants in one round trip: this runs on every authenticated
 * request, so it is one statement instead of three.
 */
export async function findSessionWithUser(db: Db, id: string): Promise<SessionWithUser | undefined> {
  // Both drivers answer execute() with { rows }; drizzle's generic type leaves it unknown.
  const result = await db.execute<Record<string, unknown>>(sql`
    select
      s.id as s_id, s.user_id as s_user_id, s.csrf_token, s.created_at as s_created_at,
      s.last_seen_at, s.expires_at, s.revoked_at,
      u.id as u_id, u.username, u.display_name, u.phone, u.status, u.version,
      coalesce((
        select json_agg(json_build_object(
          'id', g.id, 'userId', g.user_id, 'role', g.role, 'orgId', g.org_id,
          'orgCode', o.code, 'orgName', o.name, 'orgType', o.type, 'orgPath', o.path
        ) order by g.created_at)
        from role_grant g left join org o on o.id = g.org_id
        where g.user_id = u.id
      ), '[]'::json) as grants
    from session s join app_user u on u.id = s.user_id
    where s.id = ${id}
    limit 1`);
  const r = (result as { rows: Record<string, unknown>[] }).rows[0];
  if (!r) return undefined;
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    session: {
      id: r.s_id as string,
      userId: r.s_user_id as string,
      csrfToken: r.csrf_token as string,
      userAgent: null,
      ip: null,
      createdAt: date(r.s_created_at)!,
      lastSeenAt: date(r.last_seen_at)!,
      expiresAt: date(r.expires_at)!,
      revokedAt: date(r.revoked_at),
    },
    user: {
      id: r.u_id as string,
      username: r.username as string | null,
      displayName: r.display_name as string,
      phone: r.phone as string | null,
      status: r.status as string,
      version: Number(r.version),
    } as UserRow,
    grants: (typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants) as GrantWithOrg[],
  };
}

/** When a (login, address) pair may try again, or null. */
export async function findLoginLock(db: Db, loginHash: string, address: string): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: loginFailure.lockedUntil })
    .from(loginFailure)
    .where(and(eq(loginFailure.loginHash, loginHash), eq(loginFailure.address, address)))
    .limit(1);
  return rows[0]?.lockedUntil ?? null;
}

/** Counts one failure of a (login, address) pair atomically; a day without failures starts the count again. */
export async function countLoginFailure(db: Db, loginHash: string, address: string, now: Date): Promise<number> {
  const rows = await db
    .insert(loginFailure)
    .values({ loginHash, address, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: [loginFailure.loginHash, loginFailure.address],
      set: {
        failures: sql`case when ${loginFailure.updatedAt} < ${now}::timestamptz - interval '1 day' then 1 else ${loginFailure.failures} + 1 end`,
        updatedAt: now,
      },
    })
    .returning({ failures: loginFailure.failures });
  return rows[0]?.failures ?? 1;
}

export async function lockLogin(db: Db, loginHash: string, address: string, until: Date): Promise<void> {
  await db
    .update(loginFailure)
    .set({ lockedUntil: until })
    .where(and(eq(loginFailure.loginHash, loginHash), eq(loginFailure.address, address)));
}

/** Forgets failures: of one address after a good sign-in, or of every address (an admin's unlock). */
export async function clearLoginFailures(db: Db, loginHashes: string[], address?: string): Promise<void> {
  if (loginHashes.length === 0) return;
  await db.delete(loginFailure).where(and(inArray(loginFailure.loginHash, loginHashes), address === undefined ? undefined : eq(loginFailure.address, address)));
}
