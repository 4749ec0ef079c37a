import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 通知公告: a notice published by a union to its own subtree. A worker sees the published notices
 * of every union on the way from their own union up to the root, newest (and pinned) first.
 * Title and body are plain text (shown as text, never HTML).
 */
export const notice = pgTable(
  'notice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The publishing union; the notice reaches every member of its subtree. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('draft'),
    isPinned: boolean('is_pinned').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdByName: text('created_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notice_org_published_idx').on(t.orgId, t.publishedAt).where(sql`${t.status} = 'published'`),
    index('notice_org_idx').on(t.orgId, t.createdAt),
    check('notice_status_check', sql`${t.status} in ('draft','published','withdrawn')`),
  ],
);
export type NoticeRow = typeof notice.$inferSelect;
