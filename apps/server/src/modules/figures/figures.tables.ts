import { doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { org } from '../orgs/orgs.tables';

/**
 * A yearly target of an indicator for an org (年度目标), set by staff or by the organizing work
 * plan: answers for that org and year then say how much of it is done (完成年度目标 86%).
 */
export const indicatorTarget = pgTable(
  'indicator_target',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorKey: text('indicator_key').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    year: integer('year').notNull(),
    /** In the indicator's unit (fen for money, people, count, percent). */
    value: doublePrecision('value').notNull(),
    note: text('note'),
    /** Who set it: a staff member, or a module (organizing) with its own reference. */
    setById: uuid('set_by_id'),
    setByName: text('set_by_name'),
    source: text('source').notNull().default('staff'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_target_unique').on(t.indicatorKey, t.orgId, t.year), index('indicator_target_org_idx').on(t.orgId, t.year)],
);
