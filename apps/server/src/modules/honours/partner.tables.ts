import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { event } from '../events/events.tables';
import { org } from '../orgs/orgs.tables';
import { position } from '../positions/positions.tables';

/**
 * 1+N 合作联盟: a partner of a union (`org_id`, the "1"): a bank, a platform company, an industry
 * association. Ending the partnership keeps its record; the figures count it until ended.
 */
export const partner = pgTable(
  'partner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    services: text('services'),
    note: text('note'),
    status: text('status').notNull().default('active'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partner_org_idx').on(t.orgId, t.status),
    uniqueIndex('partner_name_unique').on(t.orgId, t.name),
    check('partner_kind_check', sql`${t.kind} in ('bank','platform','association','other')`),
    check('partner_status_check', sql`${t.status} in ('active','ended') and (${t.status} = 'active') = (${t.endedAt} is null)`),
  ],
);

/** 合作协议: a signed agreement in force from `starts_on` to `ends_on` (Asia/Shanghai days, inclusive). */
export const partnerAgreement = pgTable(
  'partner_agreement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    title: text('title').notNull(),
    signedOn: date('signed_on').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    scope: text('scope'),
    // 提前终止: the day it stopped and why; its status is then 已终止 whatever the dates say.
    terminatedOn: date('terminated_on'),
    terminationReason: text('termination_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_agreement_partner_idx').on(t.partnerId), index('partner_agreement_org_idx').on(t.orgId, t.endsOn), check('partner_agreement_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('partner_agreement_terminated_check', sql`(${t.terminatedOn} is null) = (${t.terminationReason} is null)`),
  ],
);

/** 联合活动: a joint activity with the partner, optionally one of the events module's activities. `held_at` is noon (Asia/Shanghai) of its day. */
export const partnerActivity = pgTable(
  'partner_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place'),
    participants: integer('participants').notNull().default(0),
    eventId: uuid('event_id').references(() => event.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_activity_partner_idx').on(t.partnerId, t.heldOn), index('partner_activity_org_idx').on(t.orgId, t.heldOn), check('partner_activity_participants_check', sql`${t.participants} >= 0`)],
);

/** 共建驿站: a station (服务阵地) the partner co-built, with what it gave: money (fen) and goods. */
export const partnerStation = pgTable(
  'partner_station',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => position.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    contributionFen: bigint('contribution_fen', { mode: 'number' }).notNull().default(0),
    goods: text('goods'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('partner_station_unique').on(t.partnerId, t.positionId), index('partner_station_position_idx').on(t.positionId), check('partner_station_contribution_check', sql`${t.contributionFen} >= 0`)],
);

/**
 * 转介: one partner refers a worker's need to another (已转介 → 已受理 → 已办结). Only the worker's
 * masked name is kept (PIPL art. 6: no more personal data than the referral needs).
 */
export const partnerReferral = pgTable(
  'partner_referral',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    fromPartnerId: uuid('from_partner_id')
      .notNull()
      .references(() => partner.id),
    toPartnerId: uuid('to_partner_id')
      .notNull()
      .references(() => partner.id),
    subject: text('subject').notNull(),
    workerNameMasked: text('worker_name_masked'),
    note: text('note'),
    status: text('status').notNull().default('referred'),
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('partner_referral_org_idx').on(t.orgId, t.status),
    index('partner_referral_from_idx').on(t.fromPartnerId),
    index('partner_referral_to_idx').on(t.toPartnerId),
    check('partner_referral_status_check', sql`${t.status} in ('referred','accepted','closed')`),
    check('partner_referral_distinct_check', sql`${t.fromPartnerId} <> ${t.toPartnerId}`),
  ],
);
