import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 企业名录: the employers of an area and whether they have a union. `org_id` is the node whose
 * area the enterprise lies in (a street, park or industry union): scope follows it. The credit code
 * (GB 32100) identifies an enterprise nationally, so it is unique everywhere.
 */
export const organizingEnterprise = pgTable(
  'organizing_enterprise',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    address: text('address'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    industry: text('industry'),
    sizeBand: text('size_band'),
    ownership: text('ownership'),
    headcount: integer('headcount'),
    hasGigWorkers: boolean('has_gig_workers').notNull().default(false),
    gigWorkers: integer('gig_workers').notNull().default(0),
    gigKind: text('gig_kind'),
    unionStatus: text('union_status').notNull().default('none'),
    contactStatus: text('contact_status').notNull().default('not_contacted'),
    unionOrgId: uuid('union_org_id').references(() => org.id),
    foundedOn: date('founded_on', { mode: 'string' }),
    cadreId: uuid('cadre_id').references(() => appUser.id),
    source: text('source').notNull().default('manual'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizing_enterprise_credit_code_unique').on(t.creditCode),
    index('organizing_enterprise_org_idx').on(t.orgId),
    index('organizing_enterprise_cadre_idx').on(t.cadreId),
    check('organizing_enterprise_union_status_check', sql`${t.unionStatus} in ('none','founding','founded')`),
    check('organizing_enterprise_contact_status_check', sql`${t.contactStatus} in ('not_contacted','contacted','founding','founded')`),
    check('organizing_enterprise_size_band_check', sql`${t.sizeBand} is null or ${t.sizeBand} in ('micro','small','medium','large')`),
    check('organizing_enterprise_ownership_check', sql`${t.ownership} is null or ${t.ownership} in ('state','collective','private','foreign','hmt','other')`),
    check('organizing_enterprise_gig_kind_check', sql`${t.gigKind} is null or ${t.gigKind} in ('platform','delivery_station','fleet')`),
    check('organizing_enterprise_founded_check', sql`(${t.unionStatus} = 'founded') = (${t.unionOrgId} is not null)`),
  ],
);

/** The enterprise's history: created/imported, changes, assignment, status moves, meetings, steps. */
export const organizingEvent = pgTable(
  'organizing_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organizingEnterprise.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    actorId: uuid('actor_id').references(() => appUser.id),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organizing_event_enterprise_idx').on(t.enterpriseId, t.at)],
);

/** 企业沟通会 / 职工沟通会 / 走访 at an enterprise. */
export const organizingMeeting = pgTable(
  'organizing_meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organizingEnterprise.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendance: integer('attendance').notNull(),
    notes: text('notes'),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organizing_meeting_enterprise_idx').on(t.enterpriseId, t.heldOn), check('organizing_meeting_kind_check', sql`${t.kind} in ('enterprise_meeting','worker_meeting','visit')`)],
);

/** A next step with its due date; the reminder sweep notes the day it last reminded. */
export const organizingStep = pgTable(
  'organizing_step',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organizingEnterprise.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    assigneeId: uuid('assignee_id').references(() => appUser.id),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => appUser.id),
    remindedOn: date('reminded_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizing_step_open_idx')
      .on(t.dueOn)
      .where(sql`${t.doneAt} is null`),
    index('organizing_step_enterprise_idx').on(t.enterpriseId),
  ],
);

/** 集中入会仪式: a QR/link to /m/join with the union preset; sign-ups are membership applications. */
export const organizingCeremony = pgTable(
  'organizing_ceremony',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    enterpriseId: uuid('enterprise_id').references(() => organizingEnterprise.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place'),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizing_ceremony_code_unique').on(t.code), index('organizing_ceremony_org_idx').on(t.orgId)],
);
