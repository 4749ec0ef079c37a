import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { membership, person } from '../members/members.tables';
import { org } from '../orgs/orgs.tables';

/**
 * 劳模工匠: an honour a member holds (全国/市级/区级劳动模范, 五一劳动奖章, 工匠 …) with the year and
 * the awarding body. It belongs to the person (the one member identity); `org_id` is the union of
 * the membership it was recorded under, whose subtree's staff see it. A wrong or withdrawn honour is
 * revoked with a reason, never deleted.
 */
export const honour = pgTable(
  'honour',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => membership.id),
    personName: text('person_name').notNull(),
    level: text('level').notNull(),
    title: text('title').notNull(),
    titleText: text('title_text'),
    year: integer('year').notNull(),
    awardingBody: text('awarding_body').notNull(),
    // A photo of the certificate in the shared photo store (care_photo), uploaded by the staff member who recorded it.
    certificatePhotoId: uuid('certificate_photo_id'),
    status: text('status').notNull().default('active'),
    revokedReason: text('revoked_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('honour_org_idx').on(t.orgId, t.status),
    index('honour_person_idx').on(t.personId),
    // One record of the same honour: a person is not 2019 区级劳动模范 twice.
    uniqueIndex('honour_unique').on(t.personId, t.level, t.title, t.year),
    check('honour_level_check', sql`${t.level} in ('national','municipal','district')`),
    check('honour_title_check', sql`${t.title} in ('model_worker','advanced_worker','may_day_medal','craftsman','other')`),
    check('honour_status_check', sql`${t.status} in ('active','revoked') and (${t.status} = 'active') = (${t.revokedAt} is null)`),
  ],
);

/**
 * 关爱: a care activity for an honoured member — 体检, 疗休养, 走访慰问 — with its cost in fen.
 * `cared_at` is noon (Asia/Shanghai) of the day it took place, so the figures count it on that day.
 */
export const honourCare = pgTable(
  'honour_care',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    personName: text('person_name').notNull(),
    kind: text('kind').notNull(),
    caredOn: date('cared_on').notNull(),
    caredAt: timestamp('cared_at', { withTimezone: true }).notNull(),
    notes: text('notes'),
    costFen: bigint('cost_fen', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('honour_care_org_idx').on(t.orgId, t.caredOn),
    index('honour_care_person_idx').on(t.personId, t.caredOn),
    check('honour_care_kind_check', sql`${t.kind} in ('health_check','sanatorium','visit','other')`),
    check('honour_care_cost_check', sql`${t.costFen} >= 0`),
  ],
);

/**
 * 劳模和工匠人才创新工作室: a studio owned by a union (`org_id`), led by an honoured member, with
 * members, projects and patents. Closing keeps its record; the figures count it until closed.
 */
export const studio = pgTable(
  'studio',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    level: text('level').notNull(),
    leaderPersonId: uuid('leader_person_id')
      .notNull()
      .references(() => person.id),
    leaderName: text('leader_name').notNull(),
    field: text('field'),
    foundedOn: date('founded_on').notNull(),
    status: text('status').notNull().default('active'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('studio_org_idx').on(t.orgId, t.status),
    uniqueIndex('studio_name_unique').on(t.orgId, t.name),
    check('studio_level_check', sql`${t.level} in ('national','municipal','district')`),
    check('studio_status_check', sql`${t.status} in ('active','closed') and (${t.status} = 'active') = (${t.closedAt} is null)`),
  ],
);

/** A member of a studio (the leader is one too). */
export const studioMember = pgTable(
  'studio_member',
  {
    studioId: uuid('studio_id')
      .notNull()
      .references(() => studio.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    personName: text('person_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studioId, t.personId] })],
);

/** A studio's project with its outcomes: 技术创新 and 发明 counts, money saved (fen). */
export const studioProject = pgTable(
  'studio_project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studioId: uuid('studio_id')
      .notNull()
      .references(() => studio.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    innovations: integer('innovations').notNull().default(0),
    inventions: integer('inventions').notNull().default(0),
    savedFen: bigint('saved_fen', { mode: 'number' }).notNull().default(0),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('studio_project_studio_idx').on(t.studioId), check('studio_project_counts_check', sql`${t.innovations} >= 0 and ${t.inventions} >= 0 and ${t.savedFen} >= 0`)],
);

/** A patent of a studio (optionally of one of its projects), with its number and holders. */
export const studioPatent = pgTable(
  'studio_patent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studioId: uuid('studio_id')
      .notNull()
      .references(() => studio.id),
    projectId: uuid('project_id').references(() => studioProject.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    patentNumber: text('patent_number').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    holders: text('holders').notNull(),
    grantedOn: date('granted_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('studio_patent_studio_idx').on(t.studioId),
    uniqueIndex('studio_patent_number_unique').on(t.patentNumber),
    check('studio_patent_kind_check', sql`${t.kind} in ('invention','utility_model','design')`),
  ],
);
