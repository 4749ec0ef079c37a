import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The union tree. `path` is the materialised path of ids from the root ("/<root>/<...>/<self>/"),
 * so a subtree is one indexed prefix scan (text_pattern_ops) and the ancestors are in the row:
 * both stay fast at 100,000 nodes and more.
 */
export const org = pgTable(
  'org',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: text('type').notNull(),
    parentId: uuid('parent_id').references((): never => org.id as never),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    divisionCode: text('division_code'),
    creditCode: text('credit_code'),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    chairName: text('chair_name'),
    chairPhone: text('chair_phone'),
    foundedOn: date('founded_on', { mode: 'string' }),
    legalCertNo: text('legal_cert_no'),
    status: text('status').notNull().default('active'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_code_unique').on(t.code),
    index('org_path_idx').on(t.path.op('text_pattern_ops')),
    index('org_parent_idx').on(t.parentId, t.name),
    index('org_credit_code_idx').on(t.creditCode),
    check('org_type_check', sql`${t.type} in ('federation','district','street','park','industry','joint','community','grassroots')`),
    check('org_status_check', sql`${t.status} in ('active','closed')`),
  ],
);
