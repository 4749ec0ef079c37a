import { sql } from 'drizzle-orm';
import { check, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A staff correction of the bundled holiday calendar: the day is a rest day ('holiday') or a
 * working day ('workday', e.g. a 调休 Saturday). Used for a year the bundled package does not know
 * yet; one row per date, installation-wide (the State Council's notice applies to the whole country).
 */
export const holidayOverride = pgTable(
  'holiday_override',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name'),
    note: text('note'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('holiday_override_kind_check', sql`${t.kind} in ('holiday','workday')`)],
);
