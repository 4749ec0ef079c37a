import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { org } from '../orgs/orgs.tables';

/** `user` is a reserved word in PostgreSQL, hence app_user. */
export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username'),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    status: text('status').notNull().default('active'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** The staff member who made this account (POST /users); they may grant it roles again after revoking them. */
    createdBy: uuid('created_by').references((): AnyPgColumn => appUser.id, { onDelete: 'set null' }),
    /** Made by `seed --demo`; a production server refuses to start while any exist. */
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_username_unique').on(sql`lower(${t.username})`),
    uniqueIndex('app_user_phone_unique').on(t.phone),
    check('app_user_status_check', sql`${t.status} in ('active','disabled')`),
  ],
);

/** A role granted on an org node covers its whole subtree; org_id is null for global roles. */
export const roleGrant = pgTable(
  'role_grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    orgId: uuid('org_id').references(() => org.id),
    grantedBy: uuid('granted_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grant_unique').on(t.userId, t.role, sql`coalesce(${t.orgId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index('role_grant_org_idx').on(t.orgId),
    check(
      'role_grant_role_check',
      sql`${t.role} in ('platform_admin','union_admin','union_staff','station_operator','provider','judge','worker')`,
    ),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** One-time sign-in codes; only a keyed hash of the phone and of the code is kept. */
export const smsCode = pgTable(
  'sms_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_code_phone_idx').on(t.phoneHash, t.createdAt)],
);

/**
 * Failed password sign-ins per (login, client address): a lockout holds only for the address that
 * guessed, so nobody can lock `admin` out from elsewhere, and it is counted the same whether or not
 * the login exists (the answer never says which). The login is kept as a keyed hash.
 */
export const loginFailure = pgTable(
  'login_failure',
  {
    loginHash: text('login_hash').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.loginHash, t.address] }), index('login_failure_updated_idx').on(t.updatedAt)],
);
