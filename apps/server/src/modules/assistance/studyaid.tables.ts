import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { carePhoto } from '../stars/stars.tables';
import { campaign, campaignNomination } from './campaign.tables';

/**
 * 秋送助学: the study-aid terms of an autumn campaign — the amount (fen) a child gets by level
 * (本科 / 专科 / 高中) and the campaign's cash benefit the nominations are made under. org_id is
 * the campaign's owner.
 */
export const studyaidSetting = pgTable(
  'studyaid_setting',
  {
    campaignId: uuid('campaign_id')
      .primaryKey()
      .references(() => campaign.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    benefitKey: text('benefit_key').notNull(),
    undergraduateFen: bigint('undergraduate_fen', { mode: 'number' }).notNull(),
    juniorCollegeFen: bigint('junior_college_fen', { mode: 'number' }).notNull(),
    highSchoolFen: bigint('high_school_fen', { mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('studyaid_setting_amounts_check', sql`${t.undergraduateFen} > 0 and ${t.juniorCollegeFen} > 0 and ${t.highSchoolFen} > 0`)],
);

/**
 * The student of a study-aid application: the application itself is the campaign nomination of the
 * parent (its approval, budget and payment), this row the child. The child's ID number is kept as
 * members' are (encrypted, keyed hash, masked; PIPL art. 28 — a minor's data is sensitive). One aid
 * per child and year across campaigns is checked by the hash under an advisory lock (a rejected
 * nomination frees the child again, so no unique index can hold it alone). The 暑期公益岗位
 * (summer public-benefit job) is optional and sits on the row.
 */
export const studyaidStudent = pgTable(
  'studyaid_student',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => campaignNomination.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaign.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    parentPersonId: uuid('parent_person_id').notNull(),
    childName: text('child_name').notNull(),
    childIdEnc: text('child_id_enc').notNull(),
    childIdHash: text('child_id_hash').notNull(),
    childIdMasked: text('child_id_masked').notNull(),
    relation: text('relation').notNull(),
    school: text('school').notNull(),
    level: text('level').notNull(),
    admissionYear: integer('admission_year').notNull(),
    year: integer('year').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    letterPhotoId: uuid('letter_photo_id').references(() => carePhoto.id),
    placementPlace: text('placement_place'),
    placementOrg: text('placement_org'),
    placementStartsOn: date('placement_starts_on', { mode: 'string' }),
    placementEndsOn: date('placement_ends_on', { mode: 'string' }),
    placementHours: integer('placement_hours'),
    createdBy: uuid('created_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('studyaid_student_nomination_unique').on(t.nominationId),
    index('studyaid_student_campaign_idx').on(t.campaignId, t.level),
    index('studyaid_student_child_idx').on(t.childIdHash, t.year),
    index('studyaid_student_parent_idx').on(t.parentPersonId),
    check('studyaid_student_level_check', sql`${t.level} in ('undergraduate','junior_college','high_school')`),
    check('studyaid_student_relation_check', sql`${t.relation} in ('son','daughter','ward')`),
    check('studyaid_student_amount_check', sql`${t.amountFen} > 0`),
    check(
      'studyaid_student_placement_check',
      sql`(${t.placementPlace} is null) = (${t.placementStartsOn} is null) and (${t.placementStartsOn} is null or (${t.placementEndsOn} >= ${t.placementStartsOn} and ${t.placementHours} > 0))`,
    ),
  ],
);
