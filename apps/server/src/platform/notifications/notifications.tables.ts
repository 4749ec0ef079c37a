import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../../modules/accounts/accounts.tables';

/**
 * One message to one person (a staff member's bell, a worker's 我的 ▸ 消息). Written in the
 * transaction of the change it tells about, in both languages (so history does not change when a
 * catalogue does, and an SMS can be sent in the recipient's language later). `org_id` is the org
 * the item belongs to (the shard key at national scale), not the recipient's.
 */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id'),
    /** What it is about, e.g. `member.approved`, `feedback.new`; the console and phone pick icons by it. */
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh'),
    bodyEn: text('body_en'),
    /** A path in one of the faces (`/admin/…`, `/m/…`), opened when the message is tapped. */
    link: text('link'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    /** Its text may say something sensitive (a rights case): an SMS then says only that a message is waiting. */
    isConfidential: boolean('is_confidential').notNull().default(false),
    /** null: no SMS asked for; queued → sent | failed; skipped: the recipient did not choose SMS or has no phone. */
    smsStatus: text('sms_status'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notification_recipient_idx').on(t.recipientId, t.createdAt),
    index('notification_unread_idx').on(t.recipientId).where(sql`${t.readAt} is null`),
    check('notification_sms_status_check', sql`${t.smsStatus} in ('queued','sent','failed','skipped')`),
    check('notification_link_check', sql`${t.link} ~ '^/(admin|m|p)(/|$)'`),
  ],
);
export type NotificationRow = typeof notification.$inferSelect;

/** A person's choices about messages: SMS or not (a worker's phone), and the language of the SMS. */
export const notificationPreference = pgTable(
  'notification_preference',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    isSmsEnabled: boolean('is_sms_enabled').notNull().default(false),
    language: text('language').notNull().default('zh-CN'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('notification_preference_language_check', sql`${t.language} in ('zh-CN','en')`)],
);
