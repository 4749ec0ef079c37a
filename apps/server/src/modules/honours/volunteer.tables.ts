import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { person } from '../members/members.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 志愿服务队: a volunteer team of a union (`org_id`, whose subtree's staff run it), led by a member.
 * Its members are member identities (persons); the leader is one too.
 */
export const volunteerTeam = pgTable(
  'volunteer_team',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    leaderPersonId: uuid('leader_person_id')
      .notNull()
      .references(() => person.id),
    leaderName: text('leader_name').notNull(),
    description: text('description'),
    /** 解散: set when staff dissolve the team; it then takes no members, applicants or activities. */
    dissolvedAt: timestamp('dissolved_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('volunteer_team_org_idx').on(t.orgId), uniqueIndex('volunteer_team_name_unique').on(t.orgId, t.name)],
);

/** A member of a team: `pending` after applying on the phone, `active` once staff approve (or staff add them). */
export const volunteerMember = pgTable(
  'volunteer_member',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => volunteerTeam.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personName: text('person_name').notNull(),
    status: text('status').notNull().default('pending'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.personId] }),
    index('volunteer_member_person_idx').on(t.personId),
    check('volunteer_member_status_check', sql`${t.status} in ('pending','active') and (${t.status} = 'active') = (${t.approvedAt} is not null)`),
  ],
);

/**
 * 志愿活动: an activity of a team with its time window, place and headcount. `signed_up` counts the
 * live sign-ups and the check keeps it within the headcount, so concurrent sign-ups cannot overfill
 * it. `confirmed` once the organiser has confirmed the hours served; `cancelled` (with a reason,
 * before it starts) by staff, its sign-ups kept so the phone can say so.
 */
export const volunteerActivity = pgTable(
  'volunteer_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => volunteerTeam.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    title: text('title').notNull(),
    place: text('place').notNull(),
    description: text('description'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    signedUp: integer('signed_up').notNull().default(0),
    status: text('status').notNull().default('open'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_activity_org_idx').on(t.orgId, t.startsAt),
    index('volunteer_activity_team_idx').on(t.teamId, t.startsAt),
    check('volunteer_activity_window_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('volunteer_activity_places_check', sql`${t.capacity} > 0 and ${t.signedUp} >= 0 and ${t.signedUp} <= ${t.capacity}`),
    check(
      'volunteer_activity_status_check',
      sql`${t.status} in ('open','confirmed','cancelled') and (${t.status} = 'confirmed') = (${t.confirmedAt} is not null) and (${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`,
    ),
  ],
);

/**
 * A sign-up of a person for an activity (one row per activity and person; cancelling and signing
 * up again reuses it). `minutes` is the hours served, confirmed by the organiser (null before).
 * `org_id` is the union of the activity (its team's), so its staff see it.
 */
export const volunteerSignup = pgTable(
  'volunteer_signup',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => volunteerActivity.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    personName: text('person_name').notNull(),
    status: text('status').notNull().default('signed_up'),
    minutes: integer('minutes'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** 活动提醒: claimed (set) by the sweep that sends the reminder, so two instances send it once. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_signup_unique').on(t.activityId, t.personId),
    index('volunteer_signup_person_idx').on(t.personId),
    check('volunteer_signup_status_check', sql`${t.status} in ('signed_up','cancelled')`),
    check('volunteer_signup_minutes_check', sql`${t.minutes} is null or (${t.minutes} >= 0 and ${t.status} = 'signed_up')`),
  ],
);
