import type { Role } from '@niangjia/contracts';
import { and, count, desc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, roleGrant } from '../../modules/accounts/accounts.tables';
import { org } from '../../modules/orgs/orgs.tables';
import { notification, notificationPreference, type NotificationRow } from './notifications.tables';

export async function findOrgPath(db: Db, orgId: string): Promise<{ id: string; path: string; name: string } | undefined> {
  const rows = await db.select({ id: org.id, path: org.path, name: org.name }).from(org).where(eq(org.id, orgId)).limit(1);
  return rows[0];
}

/**
 * Active staff holding one of `roles` through a grant on the org or one of its ancestors (the
 * path lists them: "/root/…/self/"). Global grants (platform admins) are left out on purpose: their
 * scope is every district, and a message per item everywhere would bury them; they see the work
 * through the 待办 list, which is computed for any scope.
 */
export async function findStaffAudience(db: Db, roles: readonly Role[], orgPath: string): Promise<string[]> {
  const ancestors = orgPath.split('/').filter(Boolean);
  if (!ancestors.length || !roles.length) return [];
  const rows = await db
    .selectDistinct({ userId: roleGrant.userId })
    .from(roleGrant)
    .innerJoin(appUser, eq(appUser.id, roleGrant.userId))
    .where(and(inArray(roleGrant.orgId, ancestors), inArray(roleGrant.role, [...roles]), eq(appUser.status, 'active')));
  return rows.map((r) => r.userId);
}

/** Of these users, those who chose SMS and have a phone; with the language they read. */
export async function findSmsTargets(db: Db, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db
    .select({ userId: notificationPreference.userId })
    .from(notificationPreference)
    .innerJoin(appUser, eq(appUser.id, notificationPreference.userId))
    .where(and(inArray(notificationPreference.userId, [...userIds]), eq(notificationPreference.isSmsEnabled, true), isNotNull(appUser.phone), eq(appUser.status, 'active')));
  return new Set(rows.map((r) => r.userId));
}

export async function insertNotifications(db: Db, rows: (typeof notification.$inferInsert)[]): Promise<{ id: string; recipientId: string; smsStatus: string | null }[]> {
  if (!rows.length) return [];
  return db.insert(notification).values(rows).returning({ id: notification.id, recipientId: notification.recipientId, smsStatus: notification.smsStatus });
}

export async function listForRecipient(db: Db, userId: string, f: { isUnreadOnly: boolean; limit: number; offset: number }): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  const where = and(eq(notification.recipientId, userId), f.isUnreadOnly ? isNull(notification.readAt) : undefined);
  const [items, totals, unread] = await Promise.all([
    db.select().from(notification).where(where).orderBy(desc(notification.createdAt), desc(notification.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(notification).where(where),
    countUnread(db, userId),
  ]);
  return { items, total: totals[0]?.n ?? 0, unread };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.recipientId, userId), isNull(notification.readAt)));
  return rows[0]?.n ?? 0;
}

export async function findForRecipient(db: Db, id: string, userId: string): Promise<NotificationRow | undefined> {
  const rows = await db
    .select()
    .from(notification)
    .where(and(eq(notification.id, id), eq(notification.recipientId, userId)))
    .limit(1);
  return rows[0];
}

export async function markRead(db: Db, userId: string, at: Date, id?: string): Promise<number> {
  const rows = await db
    .update(notification)
    .set({ readAt: at })
    .where(and(eq(notification.recipientId, userId), isNull(notification.readAt), id ? eq(notification.id, id) : undefined))
    .returning({ id: notification.id });
  return rows.length;
}

/** The notification behind an SMS job, with what the text needs: the phone and the language. */
export async function findSmsJobTarget(db: Db, id: string) {
  const rows = await db
    .select({ n: notification, phone: appUser.phone, userStatus: appUser.status, isSmsEnabled: notificationPreference.isSmsEnabled, language: notificationPreference.language })
    .from(notification)
    .innerJoin(appUser, eq(appUser.id, notification.recipientId))
    .leftJoin(notificationPreference, eq(notificationPreference.userId, notification.recipientId))
    .where(eq(notification.id, id))
    .limit(1);
  return rows[0];
}

export async function setSmsStatus(db: Db, id: string, status: 'sent' | 'failed' | 'skipped'): Promise<void> {
  await db.update(notification).set({ smsStatus: status }).where(eq(notification.id, id));
}

export async function findPreference(db: Db, userId: string) {
  const rows = await db
    .select({ isSmsEnabled: notificationPreference.isSmsEnabled, language: notificationPreference.language, updatedAt: notificationPreference.updatedAt, phone: appUser.phone })
    .from(appUser)
    .leftJoin(notificationPreference, eq(notificationPreference.userId, appUser.id))
    .where(eq(appUser.id, userId))
    .limit(1);
  return rows[0];
}

export async function upsertPreference(db: Db, userId: string, values: { isSmsEnabled: boolean; language: 'zh-CN' | 'en' }, at: Date): Promise<void> {
  await db
    .insert(notificationPreference)
    .values({ userId, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: notificationPreference.userId, set: { ...values, updatedAt: at } });
}

/** Read messages older than the cut-off go; unread ones stay however old they are. */
export async function pruneRead(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(notification)
    .where(and(isNotNull(notification.readAt), lt(notification.createdAt, before)))
    .returning({ id: notification.id });
  return rows.length;
}
