import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit log. Append-only: a trigger (migration 0001) refuses UPDATE and DELETE, so no code
 * path — ours or a console user's — can change history.
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    orgId: uuid('org_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_entry_at_idx').on(t.at),
    index('audit_entry_entity_idx').on(t.entityType, t.entityId),
    index('audit_entry_actor_idx').on(t.actorId, t.at),
    index('audit_entry_org_idx').on(t.orgId, t.at),
  ],
);

/** Fixed-window counters shared by every app instance (sign-in and SMS rate limits). */
export const rateLimit = pgTable('rate_limit', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});

/** Small facts about this installation, e.g. that demo data was loaded. */
export const systemSetting = pgTable('system_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
