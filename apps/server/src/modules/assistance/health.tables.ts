import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { campaign } from './campaign.tables';

/**
 * 送健康: a partner hospital (合作医院) of a health campaign. org_id is the campaign's owner, whose
 * staff and the unions above manage it. The point is WGS-84 and optional (a hospital may give an
 * address only).
 */
export const healthHospital = pgTable(
  'health_hospital',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('health_hospital_campaign_idx').on(t.campaignId),
    check('health_hospital_point_check', sql`(${t.lng} is null) = (${t.lat} is null) and (${t.lng} is null or (${t.lng} between -180 and 180 and ${t.lat} between -90 and 90))`),
  ],
);

/**
 * A time slot at a partner hospital. `booked` counts live bookings; the check keeps it within the
 * capacity under any concurrency (a booking takes a place with `booked = booked + 1 where booked <
 * capacity` in the booking's transaction). `is_two_cancer`: a 两癌筛查 slot, for women 35–64 only.
 */
export const healthSlot = pgTable(
  'health_slot',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hospitalId: uuid('hospital_id')
      .notNull()
      .references(() => healthHospital.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    isTwoCancer: boolean('is_two_cancer').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('health_slot_hospital_idx').on(t.hospitalId, t.startsAt),
    index('health_slot_campaign_idx').on(t.campaignId, t.startsAt),
    check('health_slot_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('health_slot_capacity_check', sql`${t.capacity} > 0 and ${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  ],
);

/**
 * A member's booking (体检预约) of a slot. No medical result is ever stored: only whether the
 * member came (attended / no_show). One live booking (booked or attended) per person and campaign,
 * held by the partial unique index under any concurrency.
 */
export const healthBooking = pgTable(
  'health_booking',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => healthSlot.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personId: uuid('person_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    userId: uuid('user_id').references(() => appUser.id),
    personName: text('person_name').notNull(),
    status: text('status').notNull().default('booked'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    markedBy: uuid('marked_by').references(() => appUser.id),
    /** When the member was reminded of their slot the evening before (once: the job claims the row). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('health_booking_live_unique')
      .on(t.campaignId, t.personId)
      .where(sql`${t.status} in ('booked','attended')`),
    index('health_booking_slot_idx').on(t.slotId, t.status),
    index('health_booking_user_idx').on(t.userId, t.createdAt),
    index('health_booking_org_idx').on(t.orgId, t.status),
    check('health_booking_status_check', sql`${t.status} in ('booked','cancelled','attended','no_show')`),
  ],
);
