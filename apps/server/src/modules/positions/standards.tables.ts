import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { org } from '../orgs/orgs.tables';

/**
 * A facility standard (e.g. Wushan's "七个一") set by a federation or district org. Positions
 * under that org are checked against the nearest ancestor's standard; with none stored, the
 * built-in "七个一" applies. `items` is [{ key, label }], key one of the positions' facility keys.
 */
export const facilityStandard = pgTable(
  'facility_standard',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    items: jsonb('items').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('facility_standard_org_unique').on(t.orgId)],
);
export type FacilityStandardRow = typeof facilityStandard.$inferSelect;
