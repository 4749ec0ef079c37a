import type { ListNotificationsQuery, Notification, NotificationPage, NotificationPreference, Todos, UpdateNotificationPreference } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../audit/audit.service';
import type { Actor } from '../auth';
import { systemClock, type Clock } from '../clock';
import { AppError, notFound } from '../errors';
import type { Lang } from '../i18n';
import * as repo from './notifications.repository';
import type { NotificationRow } from './notifications.tables';
import { signalUsers } from './notify';
import { listTodos, type TodoSource } from './todos';
import './notifications.errors';

export function toNotification(row: NotificationRow, lang: Lang): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: lang === 'en' ? row.titleEn : row.titleZh,
    body: (lang === 'en' ? row.bodyEn : row.bodyZh) ?? null,
    link: row.link,
    entityType: row.entityType,
    entityId: row.entityId,
    isRead: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The signed-in person's own messages (only theirs: another person's message answers 404), their
 * SMS choice, and a staff member's 待办. Marking read is not audited: it is the reader's own view,
 * like a session's last-seen time, and changes nothing anyone else relies on.
 */
export function createNotificationsService({ db, todoSources, clock = systemClock }: { db: Db; todoSources: readonly TodoSource[]; clock?: Clock }) {
  return {
    async list(userId: string, q: ListNotificationsQuery, lang: Lang): Promise<NotificationPage> {
      const { items, total, unread } = await repo.listForRecipient(db, userId, { isUnreadOnly: q.filter === 'unread', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map((r) => toNotification(r, lang)), total, unread, page: q.page, pageSize: q.pageSize };
    },

    countUnread: async (userId: string) => ({ unread: await repo.countUnread(db, userId) }),

    async markRead(userId: string, id: string, lang: Lang): Promise<Notification> {
      const row = await repo.findForRecipient(db, id, userId);
      if (!row) throw notFound('ENTITY_notification');
      if (!row.readAt) {
        await db.transaction(async (tx) => {
          await repo.markRead(tx, userId, clock(), id);
          // The person's other tabs and devices update their badge.
          await signalUsers(tx, [userId]);
        });
      }
      return toNotification((await repo.findForRecipient(db, id, userId))!, lang);
    },

    async markAllRead(userId: string): Promise<{ marked: number; unread: number }> {
      const marked = await db.transaction(async (tx) => {
        const n = await repo.markRead(tx, userId, clock());
        if (n) await signalUsers(tx, [userId]);
        return n;
      });
      return { marked, unread: 0 };
    },

    async getPreference(userId: string): Promise<NotificationPreference> {
      const row = await repo.findPreference(db, userId);
      return { isSmsEnabled: row?.isSmsEnabled ?? false, language: (row?.language ?? 'zh-CN') as 'zh-CN' | 'en', hasPhone: !!row?.phone };
    },

    async updatePreference(userId: string, input: UpdateNotificationPreference, audit: AuditContext): Promise<NotificationPreference> {
      const before = await this.getPreference(userId);
      if (input.isSmsEnabled && !before.hasPhone) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'isSmsEnabled', message: 'NOTIFY_SMS_NO_PHONE' }] });
      await db.transaction(async (tx) => {
        await repo.upsertPreference(tx, userId, { isSmsEnabled: input.isSmsEnabled, language: input.language ?? before.language }, clock());
        await recordAudit(tx, audit, { action: 'notification_preference.update', entityType: 'user', entityId: userId, before: { isSmsEnabled: before.isSmsEnabled, language: before.language }, after: { isSmsEnabled: input.isSmsEnabled, language: input.language ?? before.language } });
      });
      return this.getPreference(userId);
    },

    todos: (actor: Actor, q: { orgId?: string | undefined; limit: number }, lang: Lang): Promise<Todos> => listTodos(db, todoSources, actor, { ...q, lang, now: clock() }),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
