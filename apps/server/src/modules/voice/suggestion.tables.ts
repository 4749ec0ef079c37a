import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { person } from '../members/members.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 合理化建议: a worker's suggestion to their union (`org_id`, the union of their membership when they
 * made it). `person_id` is the one member identity — historic paper suggestions that staff typed in
 * have no `submitter_id`. Benefit and reward are recorded once adopted; `adopted_at` dates it for
 * the figures.
 */
export const suggestion = pgTable(
  'suggestion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    submitterId: uuid('submitter_id').references(() => appUser.id),
    title: text('title').notNull(),
    category: text('category').notNull(),
    body: text('body').notNull(),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status').notNull().default('submitted'),
    forwardedTo: text('forwarded_to'),
    benefitFen: bigint('benefit_fen', { mode: 'number' }),
    benefitHours: integer('benefit_hours'),
    rewardFen: bigint('reward_fen', { mode: 'number' }),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('suggestion_org_idx').on(t.orgId, t.createdAt),
    index('suggestion_person_idx').on(t.personId, t.createdAt),
    index('suggestion_submitter_idx').on(t.submitterId, t.createdAt),
    index('suggestion_adopted_idx').on(t.adoptedAt),
    check('suggestion_category_check', sql`${t.category} in ('process','quality','safety','energy','management','welfare','other')`),
    check('suggestion_status_check', sql`${t.status} in ('submitted','reviewing','forwarded','adopted','declined')`),
    check('suggestion_adopted_check', sql`(${t.status} = 'adopted') = (${t.adoptedAt} is not null)`),
    check('suggestion_amounts_check', sql`coalesce(${t.benefitFen}, 0) >= 0 and coalesce(${t.benefitHours}, 0) >= 0 and coalesce(${t.rewardFen}, 0) >= 0`),
  ],
);
export type SuggestionRow = typeof suggestion.$inferSelect;

/** Each step on a suggestion with the note the worker reads (submitted, review, forward, adopt, decline, benefit). */
export const suggestionStep = pgTable(
  'suggestion_step',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    suggestionId: uuid('suggestion_id')
      .notNull()
      .references(() => suggestion.id),
    kind: text('kind').notNull(),
    note: text('note'),
    actorId: uuid('actor_id').references(() => appUser.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('suggestion_step_suggestion_idx').on(t.suggestionId, t.at),
    check('suggestion_step_kind_check', sql`${t.kind} in ('submitted','review','forward','adopt','decline','benefit')`),
  ],
);
