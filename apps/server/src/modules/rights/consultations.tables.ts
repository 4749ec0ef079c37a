import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * A legal consultation (法律咨询): walk-in, the 12351 hotline, online from the phone (possibly
 * anonymous: the asker's account is kept so they can read the answer, but staff never see who),
 * or a petition. `org_id` is the union that answers it.
 */
export const rightsConsultation = pgTable(
  'rights_consultation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    question: text('question').notNull(),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    askerUserId: uuid('asker_user_id').references(() => appUser.id),
    askerName: text('asker_name'),
    askerPhone: text('asker_phone'),
    employerName: text('employer_name'),
    status: text('status').notNull().default('open'),
    answer: text('answer'),
    citations: jsonb('citations')
      .notNull()
      .default(sql`'[]'::jsonb`),
    answeredBy: uuid('answered_by').references(() => appUser.id),
    answererName: text('answerer_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** When the asker last opened it; an answer or reply after this is "new" under 我的. */
    askerSeenAt: timestamp('asker_seen_at', { withTimezone: true }),
    caseId: uuid('case_id'),
    createdBy: uuid('created_by').references(() => appUser.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rights_consultation_number_unique').on(t.number),
    index('rights_consultation_org_idx').on(t.orgId, t.askedAt),
    index('rights_consultation_asker_idx').on(t.askerUserId),
    check('rights_consultation_channel_check', sql`${t.channel} in ('walk_in','hotline','online','petition')`),
    check('rights_consultation_category_check', sql`${t.category} in ('contract','wages','work_injury','social_insurance','dismissal','rest_leave','other')`),
    check('rights_consultation_status_check', sql`${t.status} in ('open','answered','closed')`),
  ],
);

/** A follow-up: the asker's further question, a staff reply, or a staff call-back note (回访). */
export const rightsConsultationMessage = pgTable(
  'rights_consultation_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => rightsConsultation.id),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => appUser.id),
    authorName: text('author_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_consultation_message_idx').on(t.consultationId, t.createdAt), check('rights_consultation_message_kind_check', sql`${t.kind} in ('question','reply','callback')`)],
);
