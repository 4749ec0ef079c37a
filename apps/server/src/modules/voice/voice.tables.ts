import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 随手拍 categories, stored as data: each with the hours the responsible org has to answer before
 * the report escalates one level up the tree. Installation-wide (the migration writes the first set).
 */
export const voiceCategory = pgTable(
  'voice_category',
  {
    key: text('key').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    limitHours: integer('limit_hours').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [check('voice_category_limit_check', sql`${t.limitHours} between 1 and 2160`)],
);
export type VoiceCategoryRow = typeof voiceCategory.$inferSelect;

/**
 * A worker's hazard or neighbourhood report (随手拍): a point (WGS-84), a category, text and
 * photos, routed to the org whose area holds the point. `org_id` is the org that must answer now
 * (it moves on reassignment and escalation); `due_at` is when it escalates. `me_too_count` counts
 * the workers who joined it ("我也遇到了") and the reports merged into it.
 */
export const voiceReport = pgTable(
  'voice_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    categoryKey: text('category_key')
      .notNull()
      .references(() => voiceCategory.key),
    description: text('description').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    status: text('status').notNull().default('new'),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => appUser.id),
    isGridMember: boolean('is_grid_member').notNull().default(false),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    meTooCount: integer('me_too_count').notNull().default(0),
    mergedIntoId: uuid('merged_into_id'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    escalations: integer('escalations').notNull().default(0),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('voice_report_seq_idx').on(t.seq),
    index('voice_report_org_idx').on(t.orgId, t.createdAt),
    index('voice_report_reporter_idx').on(t.reporterId),
    index('voice_report_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} in ('new','accepted','in_progress')`),
    index('voice_report_category_point_idx').on(t.categoryKey, t.lat, t.lng),
    check('voice_report_status_check', sql`${t.status} in ('new','accepted','in_progress','resolved','closed','merged')`),
    check('voice_report_merged_check', sql`(${t.status} = 'merged') = (${t.mergedIntoId} is not null)`),
  ],
);
export type VoiceReportRow = typeof voiceReport.$inferSelect;

/** The history of a report: every step, who took it (null: the reporter or the system), notes. */
export const voiceReportEvent = pgTable(
  'voice_report_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of writing: two steps may share an instant (one transaction, or a test's still clock). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => voiceReport.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => appUser.id),
    fromOrgId: uuid('from_org_id').references(() => org.id),
    toOrgId: uuid('to_org_id').references(() => org.id),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('voice_report_event_report_idx').on(t.reportId, t.at),
    check('voice_report_event_kind_check', sql`${t.kind} in ('created','accepted','progress','reply','resolved','confirmed','reopened','reassigned','escalated','merged','me_too')`),
  ],
);

/** Workers following a report: who joined it as "我也遇到了" (and reporters of reports merged into it). */
export const voiceReportFollower = pgTable(
  'voice_report_follower',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => voiceReport.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('voice_report_follower_unique').on(t.reportId, t.userId), index('voice_report_follower_user_idx').on(t.userId)],
);

/**
 * Auxiliary grid members (网格员): riders and other workers a union enrolled to report neighbourhood
 * issues (Yubei, seed 004). A staff-managed list; a report filed by one is flagged and counted.
 */
export const voiceGridMember = pgTable(
  'voice_grid_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    addedBy: uuid('added_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('voice_grid_member_user_unique').on(t.userId), index('voice_grid_member_org_idx').on(t.orgId)],
);
