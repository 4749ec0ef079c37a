import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { event, eventRegistration } from './events.tables';

/**
 * 技能竞赛 (issue 13 point 8): the scoring of a skill-competition event. The rubric (criteria with
 * weights and maxima) and the prize tiers belong to the contest; entrants are the event's confirmed
 * registrations. setup → scoring (judges fill sealed sheets) → closed (results computed by
 * platform/rubric: recusals out, trimmed mean, ranking, prizes).
 */
export const contest = pgTable(
  'contest',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    criteria: jsonb('criteria').notNull(),
    /** Prize counts from the top: [1, 3, 5] = one 一等奖, three 二等奖, five 三等奖 (mode count), or percents of the entrants (mode percent). */
    prizeTiers: integer('prize_tiers').array().notNull(),
    prizeMode: text('prize_mode').notNull().default('count'),
    status: text('status').notNull().default('setup'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contest_event_unique').on(t.eventId),
    check('contest_status_check', sql`${t.status} in ('setup','scoring','closed')`),
    check('contest_prize_mode_check', sql`${t.prizeMode} in ('count','percent')`),
  ],
);

/** A judge of a contest: a staff account. */
export const contestJudge = pgTable(
  'contest_judge',
  {
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contest.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.userId] }), index('contest_judge_user_idx').on(t.userId)],
);

/**
 * One judge's sheet for one entrant: points per criterion and their weighted total, or a recusal
 * (conflict of interest: the judge's score for that entrant counts nowhere). Sealed: a judge sees
 * only their own sheets, and a submitted sheet is not changed.
 */
export const contestSheet = pgTable(
  'contest_sheet',
  {
    contestId: uuid('contest_id')
      .notNull()
      .references(() => contest.id, { onDelete: 'cascade' }),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => appUser.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => eventRegistration.id, { onDelete: 'cascade' }),
    points: jsonb('points'),
    total: doublePrecision('total'),
    isRecused: boolean('is_recused').notNull().default(false),
    recusalReason: text('recusal_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.contestId, t.judgeId, t.registrationId] }),
    check('contest_sheet_kind_check', sql`(${t.isRecused} and ${t.total} is null) or (not ${t.isRecused} and ${t.total} is not null and ${t.points} is not null)`),
  ],
);
