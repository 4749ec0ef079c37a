import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { carePhoto } from '../stars/stars.tables';
import { event, eventRegistration } from './events.tables';

/**
 * 婚恋交友 settings of one matchmaking event: how many people each may pick and the picks window.
 * Absent: the defaults (3 picks, from the event's start to 48 h after its end). `revealed_at` is
 * set once, when the window has closed and the mutual picks became matches.
 */
export const matchmakingSetting = pgTable(
  'matchmaking_setting',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => event.id, { onDelete: 'cascade' }),
    maxPicks: integer('max_picks').notNull().default(3),
    picksOpenAt: timestamp('picks_open_at', { withTimezone: true }),
    picksCloseAt: timestamp('picks_close_at', { withTimezone: true }),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('matchmaking_setting_picks_check', sql`${t.maxPicks} between 1 and 10`)],
);

/**
 * A participant's opt-in profile: a nickname, an age band (never the birth date), a short intro and
 * an optional photo. One per registration; withdrawing deletes the row (and, by cascade, every pick
 * made by or of it). Shown only to other checked-in participants of the same event.
 */
export const matchmakingProfile = pgTable(
  'matchmaking_profile',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => eventRegistration.id, { onDelete: 'cascade' }),
    /** The account that opted in (null for a demo profile made without one). */
    userId: uuid('user_id').references(() => appUser.id),
    nickname: text('nickname').notNull(),
    ageBand: text('age_band').notNull(),
    intro: text('intro').notNull().default(''),
    photoId: uuid('photo_id').references(() => carePhoto.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('matchmaking_profile_registration_unique').on(t.eventId, t.registrationId),
    index('matchmaking_profile_user_idx').on(t.userId),
    check('matchmaking_profile_age_band_check', sql`${t.ageBand} in ('20-24','25-29','30-34','35-39','40-44','45-49','50+')`),
  ],
);

/** One pick (心动选择): readable by its picker only. No id: nothing can name a pick but its two profiles. */
export const matchmakingPick = pgTable(
  'matchmaking_pick',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    pickerId: uuid('picker_id')
      .notNull()
      .references(() => matchmakingProfile.id, { onDelete: 'cascade' }),
    pickedId: uuid('picked_id')
      .notNull()
      .references(() => matchmakingProfile.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pickerId, t.pickedId] }), index('matchmaking_pick_event_idx').on(t.eventId), check('matchmaking_pick_self_check', sql`${t.pickerId} <> ${t.pickedId}`)],
);

/**
 * A mutual pick, made when the window closes (`a_id` < `b_id`). Each side answers yes or no; the
 * contact is shown once both said yes. A withdrawal deletes the unconfirmed ones and clears the
 * withdrawn side of a confirmed one (no foreign key, so the side can be cleared without a cascade).
 */
export const matchmakingMatch = pgTable(
  'matchmaking_match',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    aId: uuid('a_id'),
    bId: uuid('b_id'),
    aAnswer: text('a_answer'),
    bAnswer: text('b_answer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('matchmaking_match_pair_unique').on(t.eventId, t.aId, t.bId),
    index('matchmaking_match_a_idx').on(t.aId),
    index('matchmaking_match_b_idx').on(t.bId),
    check('matchmaking_match_answer_check', sql`coalesce(${t.aAnswer}, 'yes') in ('yes','no') and coalesce(${t.bAnswer}, 'yes') in ('yes','no')`),
  ],
);
